/**
 * The handlers of probes and lifecycle hooks: a hook names exactly one handler, an exec handler
 * names a command. Source: pkg/apis/core/validation/validation.go, validateLifecycle and
 * validateProbe, which both call validateHandler (one handler, validateExecAction for exec).
 * They judge the containers and the sidecars (restartable init containers); on another init
 * container or an ephemeral container probes and hooks are forbidden outright (forbidden-value,
 * invalid-value), and not judged further. That a probe names exactly one handler is
 * probe-handler-invalid's finding.
 */
import { filledList } from "../../../models/values.js";
import { HOOK_HANDLERS } from "../../../models/one-of.js";
import { containerNeeds, containerLabel, containersOf, isMap, isSet, POD_KINDS, type CheckContext, type ContainerSite, type CrossFieldConstraint, type Obj } from "./walk.js";
import type { Path } from "../../../types.js";

const CORE = "pkg/apis/core/validation/validation.go";

type Probe = "livenessProbe" | "readinessProbe" | "startupProbe";
type Hook = "postStart" | "preStop";

const PROBES: readonly Probe[] = ["livenessProbe", "readinessProbe", "startupProbe"];
const HOOKS: readonly Hook[] = ["postStart", "preStop"];
const PROBE_NAME: Record<Probe, string> = { livenessProbe: "liveness probe", readinessProbe: "readiness probe", startupProbe: "startup probe" };


/**
 * Calls `fn` with each probe (or lifecycle hook) `field` written as a map on a container or a
 * sidecar, the containers whose probes and hooks validateContainers and validateInitContainers
 * (restartPolicy Always) validate. Nothing is built unless something is reported: these run on
 * every container of every pod template.
 */
function eachHandler(ctx: CheckContext, field: Probe | Hook, fn: (handler: Obj, site: ContainerSite) => void) {
  const hook = field === "postStart" || field === "preStop";
  for (const site of containersOf(ctx)) {
    if (site.list === "ephemeralContainers" || (site.list === "initContainers" && !site.sidecar)) continue;
    const owner = hook ? site.container.lifecycle : site.container;
    const handler = isMap(owner) ? owner[field] : undefined;
    if (isMap(handler)) fn(handler, site);
  }
}

/** Where the handler `field` of a container is, and how messages name it. */
function handlerPath(site: ContainerSite, field: Probe | Hook): Path {
  return field === "postStart" || field === "preStop" ? [...site.path, "lifecycle", field] : [...site.path, field];
}

function handlerName(site: ContainerSite, field: Probe | Hook): string {
  return `${field === "postStart" || field === "preStop" ? `${field} hook` : PROBE_NAME[field]} of ${containerLabel(site)}`;
}

/** validateExecAction: an exec handler names a command (exec is the first handler validateHandler counts, so it is always validated). */
function execCommand(where: "probe" | "hook", field: Probe | Hook): CrossFieldConstraint {
  const container = where === "probe" ? `spec.template.spec.containers[].${field}` : `spec.template.spec.containers[].lifecycle.${field}`;
  return {
    path: `${container}.exec.command`,
    needs: where === "probe" ? containerNeeds(field, "exec") : containerNeeds("lifecycle", field, "exec"),
    kinds: POD_KINDS,
    constraint: `the exec handler of a ${where === "probe" ? PROBE_NAME[field as Probe] : `${field} hook`} names a command`,
    rule: "required-value",
    upstream: `${CORE} validateExecAction (Required "command"), called by validateHandler from ${where === "probe" ? "validateProbe" : "validateLifecycle"}`,
    check(ctx) {
      eachHandler(ctx, field, (handler, site) => {
        const exec = handler.exec;
        if (!isMap(exec) || filledList(exec.command)) return;
        const written = isSet(exec.command);
        ctx.report({
          path: [...handlerPath(site, field), "exec", ...(written ? ["command"] : [])],
          target: "key",
          message: written ? `the exec command of the ${handlerName(site, field)} is empty` : `the exec handler of the ${handlerName(site, field)} has no command`,
          hint: 'add the command to run, e.g. command: ["sh", "-c", "test -f /tmp/ready"], or use another handler',
        });
      });
    },
  };
}

/** validateHandler through validateLifecycle: a hook that is written names a handler. */
function hookHasHandler(hook: Hook): CrossFieldConstraint {
  return {
    path: `spec.template.spec.containers[].lifecycle.${hook}`,
    needs: containerNeeds("lifecycle", hook),
    kinds: POD_KINDS,
    constraint: `a ${hook} hook names a handler (exec, httpGet, tcpSocket or sleep)`,
    rule: "required-value",
    upstream: `${CORE} validateHandler (Required "must specify a handler type"), called by validateLifecycle`,
    check(ctx) {
      eachHandler(ctx, hook, (handler, site) => {
        if (isSet(handler.exec) || isSet(handler.httpGet) || isSet(handler.tcpSocket) || isSet(handler.sleep)) return;
        ctx.report({ path: handlerPath(site, hook), target: "key", message: `the ${handlerName(site, hook)} names no handler`, hint: `add one of ${HOOK_HANDLERS.join(", ")} under ${hook}, or remove ${hook}` });
      });
    },
  };
}

/** validateHandler through validateLifecycle: a hook names one handler; each one after the first is forbidden. */
function hookHasOneHandler(hook: Hook): CrossFieldConstraint {
  return {
    path: `spec.template.spec.containers[].lifecycle.${hook}`,
    needs: containerNeeds("lifecycle", hook),
    kinds: POD_KINDS,
    constraint: `a ${hook} hook names one handler`,
    rule: "forbidden-value",
    upstream: `${CORE} validateHandler (Forbidden "may not specify more than 1 handler type"), called by validateLifecycle`,
    check(ctx) {
      eachHandler(ctx, hook, (handler, site) => {
        let count = 0;
        for (const h of HOOK_HANDLERS) if (isSet(handler[h])) count++;
        if (count < 2) return;
        const named = HOOK_HANDLERS.filter((h) => isSet(handler[h]));
        for (const extra of named.slice(1)) {
          ctx.report({ path: [...handlerPath(site, hook), extra], target: "key", message: `the ${handlerName(site, hook)} names "${extra}" beside "${named[0]}": a hook runs one handler`, hint: `keep one of ${named.join(", ")}; run the other from a script if both are needed` });
        }
      });
    },
  };
}

export const HANDLER_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  ...PROBES.map((probe) => execCommand("probe", probe)),
  ...HOOKS.map((hook) => execCommand("hook", hook)),
  ...HOOKS.map(hookHasHandler),
  ...HOOKS.map(hookHasOneHandler),
];
