/**
 * Container restart rules (KEP-5307, the ContainerRestartRules gate, on by default from 1.35): a
 * container's own restartPolicy and its restartPolicyRules, as the API server judges them once the
 * gate is on. Source: pkg/apis/core/validation/validation.go validateContainerRestartPolicy (app
 * containers, from validateContainers; init containers other than sidecars, from
 * validateInitContainerRestartPolicy). A controller's pod template is judged the same way
 * (ValidatePodTemplateSpec, with the options of pkg/api/pod/util.go GetValidationOptionsFromPodTemplate).
 * Upstream checks neither the range nor the uniqueness of exitCodes.values, nor the pod's
 * restartPolicy beside a container's: none is reported here.
 */
import { closestWithin } from "../../../did-you-mean.js";
import { compareVersions } from "../../schema/api-changes.js";
import { CONTAINER_RESTART_POLICIES } from "../../schema/feature-gates.js";
import { containerLabel, containerNeeds, containersOf, isMap, isSet, listOf, POD_KINDS, type CheckContext, type ContainerSite, type CrossFieldConstraint } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";
/** ContainerRestartRules is beta and on by default from 1.35 (at 1.34 the fields are dropped: feature-gated-field). */
const CONTAINER_RESTART_RULES_ON = "1.35";
/**
 * RestartAllContainersOnContainerExits is alpha and off at 1.35 (pkg/features/kube_features.go);
 * from 1.36 its default is not confirmed from upstream, so what it allows is not reported there.
 */
const RESTART_ALL_CONTAINERS_UNCONFIRMED_FROM = "1.36";

const OPERATORS = ["In", "NotIn"] as const;
/** The values of a container's resizePolicy[].restartPolicy (validateResizePolicy), easily written one level off. */
const RESIZE_RESTART_POLICIES: readonly string[] = ["NotRequired", "RestartContainer"];
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;

function judged(ctx: CheckContext): boolean {
  return compareVersions(ctx.kubernetesVersion, CONTAINER_RESTART_RULES_ON) >= 0;
}

/** Whether the RestartAllContainers action (and rules on a sidecar) may be allowed at the target. */
function restartAllMayBeOn(ctx: CheckContext): boolean {
  return compareVersions(ctx.kubernetesVersion, RESTART_ALL_CONTAINERS_UNCONFIRMED_FROM) >= 0;
}

/** The app and init containers whose restart rules validateContainerRestartPolicy judges (sidecars only where RestartAllContainers may be on). */
function judgedSites(ctx: CheckContext): ContainerSite[] {
  const out: ContainerSite[] = [];
  const sites = containersOf(ctx);
  for (let s = 0; s < sites.length; s++) {
    const site = sites[s];
    if (site.list === "ephemeralContainers") continue;
    if (site.sidecar && !restartAllMayBeOn(ctx)) continue;
    out.push(site);
  }
  return out;
}

/** The value of `choices` the user most likely meant (a case slip or a typo), for the hint. */
function meant(v: string, choices: readonly string[]): string | undefined {
  return choices.find((c) => c.toLowerCase() === v.toLowerCase()) ?? closestWithin(v, choices);
}

const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(", ");

export const RESTART_RULE_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: "spec.template.spec.containers[].restartPolicy",
    needs: containerNeeds("restartPolicy"),
    kinds: POD_KINDS,
    constraint: "a container's restartPolicy is Always, Never or OnFailure (from 1.35, app and init containers)",
    rule: "forbidden-value",
    upstream: `${CORE} validateContainerRestartPolicy (NotSupported), from validateContainers and validateInitContainerRestartPolicy`,
    check(ctx) {
      if (!judged(ctx)) return;
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        const policy = site.container.restartPolicy;
        if (site.list === "ephemeralContainers" || typeof policy !== "string" || CONTAINER_RESTART_POLICIES.includes(policy)) continue;
        const near = meant(policy, CONTAINER_RESTART_POLICIES);
        const resize = RESIZE_RESTART_POLICIES.includes(policy);
        const rules = listOf(site.container.restartPolicyRules).length > 0;
        ctx.report({
          path: [...site.path, "restartPolicy"],
          message: `restartPolicy "${policy}" of ${containerLabel(site)} is not supported: a container takes "Always", "Never" or "OnFailure"${resize ? `; "${policy}" is a value of resizePolicy[].restartPolicy` : ""}`,
          hint: resize
            ? `move it into the container's resizePolicy item (resizePolicy: [{resourceName: cpu, restartPolicy: ${policy}}])`
            : near
              ? `set restartPolicy: ${near}`
              : rules
                ? "set restartPolicy to Always, Never or OnFailure: its restartPolicyRules need one"
                : `set restartPolicy to Always, Never or OnFailure, or remove it (the container then follows the pod's restartPolicy)`,
        });
      }
    },
  },
  {
    path: "spec.template.spec.containers[].restartPolicyRules",
    needs: containerNeeds("restartPolicyRules"),
    kinds: POD_KINDS,
    constraint: "restartPolicyRules of an app or init container need the container's own restartPolicy (from 1.35)",
    rule: "required-value",
    upstream: `${CORE} validateContainerRestartPolicy and validateInitContainerRestartPolicy (Required "must specify restartPolicy when restart rules are used")`,
    check(ctx) {
      if (!judged(ctx)) return;
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        if (site.list === "ephemeralContainers" || isSet(site.container.restartPolicy) || listOf(site.container.restartPolicyRules).length === 0) continue;
        ctx.report({
          path: [...site.path, "restartPolicyRules"],
          target: "key",
          message: `${containerLabel(site)} has restartPolicyRules but no restartPolicy of its own: the rules say when to restart, restartPolicy what to do otherwise`,
          hint: "add restartPolicy to the container (Never restarts only on the exit codes the rules name)",
        });
      }
    },
  },
  {
    path: "spec.template.spec.containers[].restartPolicyRules[].exitCodes",
    needs: containerNeeds("restartPolicyRules"),
    kinds: POD_KINDS,
    constraint: "each restart rule of an app or init container names its exitCodes (from 1.35)",
    rule: "required-value",
    upstream: `${CORE} validateContainerRestartPolicy (Required "must be specified")`,
    check(ctx) {
      if (!judged(ctx)) return;
      const sites = judgedSites(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        const rules = listOf(site.container.restartPolicyRules);
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r];
          // A null item decodes as an empty rule (no action, no exitCodes), which is refused too.
          if ((!isMap(rule) && rule !== null) || (isMap(rule) && isSet(rule.exitCodes))) continue;
          ctx.report({
            path: [...site.path, "restartPolicyRules", r],
            message: `a restart rule of ${containerLabel(site)} has no exitCodes${rule === null ? " (the item is empty)" : ""}: a rule applies only to the exit codes it names`,
            hint: "add exitCodes, such as exitCodes: {operator: In, values: [42]}",
          });
        }
      }
    },
  },
  {
    path: "spec.template.spec.initContainers[].restartPolicyRules",
    needs: containerNeeds("restartPolicyRules"),
    kinds: POD_KINDS,
    constraint: "a sidecar (an init container with restartPolicy Always) has no restartPolicyRules while RestartAllContainersOnContainerExits is off (1.35; from 1.36 its default is unconfirmed, not reported)",
    rule: "forbidden-value",
    upstream: `${CORE} validateInitContainerRestartPolicy (Forbidden "restartPolicyRules are not allowed for init containers with restart policy Always", unless RestartAllContainersOnContainerExits)`,
    check(ctx) {
      if (!judged(ctx) || restartAllMayBeOn(ctx)) return;
      const sites = containersOf(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        if (!site.sidecar || listOf(site.container.restartPolicyRules).length === 0) continue;
        ctx.report({
          path: [...site.path, "restartPolicyRules"],
          target: "key",
          message: `${containerLabel(site)} has restartPolicyRules, which the API server refuses on a sidecar (it is always restarted, whatever its exit code) unless the RestartAllContainersOnContainerExits feature gate is on: alpha and off by default at Kubernetes ${ctx.kubernetesVersion}`,
          hint: "remove restartPolicyRules from the sidecar, or enable the RestartAllContainersOnContainerExits feature gate on the cluster",
        });
      }
    },
  },
  {
    path: "spec.template.spec.containers[].restartPolicyRules",
    needs: containerNeeds("restartPolicyRules"),
    kinds: POD_KINDS,
    constraint: `at most ${MAX_RULES} restartPolicyRules (app and init containers), each with action Restart (from 1.36 RestartAllContainers too, left unreported) and an exitCodes operator In or NotIn, with at most ${MAX_EXIT_CODES} values (from 1.35)`,
    rule: "forbidden-value",
    upstream: `${CORE} validateContainerRestartPolicy (TooMany, NotSupported)`,
    check(ctx) {
      if (!judged(ctx)) return;
      const actions = restartAllMayBeOn(ctx) ? ["Restart", "RestartAllContainers"] : ["Restart"];
      const sites = judgedSites(ctx);
      for (let s = 0; s < sites.length; s++) {
        const site = sites[s];
        const rules = listOf(site.container.restartPolicyRules);
        const base = [...site.path, "restartPolicyRules"];
        if (rules.length > MAX_RULES) {
          ctx.report({
            path: base,
            target: "key",
            message: `${containerLabel(site)} has ${rules.length} restartPolicyRules: Kubernetes accepts at most ${MAX_RULES}`,
            hint: `merge rules with the same action into one (list their exit codes together) to keep ${MAX_RULES} or fewer`,
          });
        }
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r];
          if (!isMap(rule)) continue;
          if (typeof rule.action === "string" && !actions.includes(rule.action)) {
            const near = meant(rule.action, actions);
            ctx.report({
              path: [...base, r, "action"],
              message: `restart rule action "${rule.action}" of ${containerLabel(site)} is not supported at ${ctx.kubernetesVersion}: the action is ${actions.length > 1 ? "one of " : ""}${quoted(actions)}`,
              hint: rule.action === "RestartAllContainers"
                ? "set action: Restart, or enable the RestartAllContainersOnContainerExits feature gate (alpha, off by default at 1.35) on the cluster"
                : near ? `set action: ${near}` : "set action: Restart",
            });
          }
          const exitCodes = rule.exitCodes;
          if (!isMap(exitCodes)) continue;
          if (typeof exitCodes.operator === "string" && !(OPERATORS as readonly string[]).includes(exitCodes.operator)) {
            const near = meant(exitCodes.operator, OPERATORS);
            ctx.report({
              path: [...base, r, "exitCodes", "operator"],
              message: `restart rule operator "${exitCodes.operator}" of ${containerLabel(site)} is not supported: exitCodes takes "In" or "NotIn"`,
              hint: near ? `set operator: ${near}` : "set operator: In (the listed codes) or NotIn (every other code)",
            });
          }
          const values = listOf(exitCodes.values);
          if (values.length > MAX_EXIT_CODES) {
            ctx.report({
              path: [...base, r, "exitCodes", "values"],
              target: "key",
              message: `a restart rule of ${containerLabel(site)} lists ${values.length} exit codes: Kubernetes accepts at most ${MAX_EXIT_CODES}`,
              hint: "list the other codes with operator NotIn instead, or split the rule in two",
            });
          }
        }
      }
    },
  },
];
