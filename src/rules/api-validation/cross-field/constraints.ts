/**
 * The cross-field constraints, evaluated once per resource against its defaulted object
 * (models/defaults.ts): every constraint whose kinds hold the resource's kind runs, and each of
 * the rules of this folder reports its share (as the schema rules share one walk).
 */
import { defaultedObject } from "../../../models/defaults.js";
import type { Resource } from "../../../models/resource.js";
import { memoKey, type Memo } from "../../../models/run-memo.js";
import type { Finding } from "../../types.js";
import { droppedFields, withoutFields } from "../../schema/gates-off.js";
import { OBJECT_CONSTRAINTS } from "./objects.js";
import { POD_SPEC_CONSTRAINTS } from "./pod-spec.js";
import { RESOURCE_CONSTRAINTS } from "./resources.js";
import { HANDLER_CONSTRAINTS } from "./handlers.js";
import { PROFILE_CONSTRAINTS } from "./profiles.js";
import { LIMIT_RANGE_CONSTRAINTS } from "./limit-range.js";
import { RESOURCE_QUOTA_CONSTRAINTS } from "./resource-quota.js";
import { POD_ANNOTATION_CONSTRAINTS } from "./pod-annotations.js";
import { POD_LEVEL_CONSTRAINTS } from "./pod-level.js";
import { RELEASE_VALUE_CONSTRAINTS } from "./release-values.js";
import { hasNeed, needCount, type CheckContext, type CrossFieldConstraint, type CrossFieldRuleId, type Obj, type SharedSites } from "./walk.js";

export type { CrossFieldConstraint, CrossFieldRuleId } from "./walk.js";

export const CONSTRAINTS: readonly CrossFieldConstraint[] = [...POD_SPEC_CONSTRAINTS, ...RESOURCE_CONSTRAINTS, ...OBJECT_CONSTRAINTS, ...HANDLER_CONSTRAINTS, ...PROFILE_CONSTRAINTS, ...LIMIT_RANGE_CONSTRAINTS, ...POD_ANNOTATION_CONSTRAINTS, ...RESOURCE_QUOTA_CONSTRAINTS, ...POD_LEVEL_CONSTRAINTS, ...RELEASE_VALUE_CONSTRAINTS];

/** The constraints of each kind, in table order: a constant of the code, not of the input. */
const BY_KIND: ReadonlyMap<string, readonly CrossFieldConstraint[]> = (() => {
  const map = new Map<string, CrossFieldConstraint[]>();
  for (const c of CONSTRAINTS) for (const kind of c.kinds) map.set(kind, [...(map.get(kind) ?? []), c]);
  return map;
})();

/** Every kind some constraint of `rule` applies to: that rule's scope. */
export function kindsOfRule(rule: CrossFieldRuleId): string[] {
  return [...new Set(CONSTRAINTS.filter((c) => c.rule === rule).flatMap((c) => c.kinds))];
}

/** The API groups of the kinds judged here: a custom resource of the same kind (Calico's NetworkPolicy) is another type. */
const GROUPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...["Pod", "PodTemplate", "ReplicationController", "Service", "ConfigMap", "Secret", "PersistentVolume", "PersistentVolumeClaim"].map((k) => [k, [""]] as const),
  ...["Deployment", "ReplicaSet", "DaemonSet"].map((k) => [k, ["apps", "extensions"]] as const),
  ["StatefulSet", ["apps"]],
  ["Job", ["batch"]],
  ["CronJob", ["batch"]],
  ["Ingress", ["networking.k8s.io", "extensions"]],
  ["NetworkPolicy", ["networking.k8s.io", "extensions"]],
  ...["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"].map((k) => [k, ["rbac.authorization.k8s.io"]] as const),
  ["PodDisruptionBudget", ["policy"]],
  ["HorizontalPodAutoscaler", ["autoscaling"]],
  ["ValidatingAdmissionPolicyBinding", ["admissionregistration.k8s.io"]],
  ["LimitRange", [""]],
  ["ResourceQuota", [""]],
]);

/**
 * What the constraints of one resource see: `rule` is the rule of the constraint that runs, and
 * what it reports is filed under it. One per resource, not one per constraint (that was most of
 * the 15 MB the constraints allocated on 10,000 resources).
 */
class ResourceChecks implements CheckContext {
  readonly shared: SharedSites = {};
  /** Made on the first finding (most resources have none). */
  byRule: Map<CrossFieldRuleId, Finding[]> | undefined;
  rule: CrossFieldRuleId = "required-value";

  constructor(
    readonly resource: Resource,
    readonly obj: Obj,
    readonly kubernetesVersion: string,
  ) {}

  report(finding: Finding): void {
    this.byRule ??= new Map();
    const list = this.byRule.get(this.rule);
    if (list) list.push(finding);
    else this.byRule.set(this.rule, [finding]);
  }
}

/**
 * Whether the resource being checked sets each need's field, by need id (0: not looked for yet,
 * 1: set, 2: not set): one array for the run, cleared per resource. The 78 constraints of a
 * Deployment that have needs name 37 fields: each is looked for once, in the constraint loop
 * itself (a method call per constraint was a tenth of the constraints' time).
 */
let needsHeld = new Uint8Array(0);

/**
 * The constraints run once per resource, and each rule of this folder takes its share. The
 * engine runs every rule on a resource before the next, so the run keeps only the last
 * resource's findings (another resource is checked again).
 */
interface LastChecked {
  resource?: Resource;
  byRule?: Map<CrossFieldRuleId, Finding[]>;
}
const LAST_CHECKED = memoKey<LastChecked>("cross-field findings of the last resource");
const NO_FINDINGS: readonly Finding[] = [];
const NO_CONSTRAINTS: readonly CrossFieldConstraint[] = [];
const newLastChecked = (): LastChecked => ({});

/**
 * The object the API server validates: defaulted, without the fields the target drops on write
 * (gates-off.ts), so that no constraint reads them (hostUsers: false dropped before 1.33 forbids
 * no host namespace).
 */
function validatedObject(resource: Resource, memo: Memo, kubernetesVersion: string): Obj {
  const defaulted = defaultedObject(resource, memo);
  const dropped = droppedFields(resource, memo, kubernetesVersion);
  return dropped.length ? withoutFields(defaulted, dropped) : defaulted;
}

/** The findings of one rule for one resource. */
export function crossFieldFindings(resource: Resource, rule: CrossFieldRuleId, memo: Memo, kubernetesVersion: string): readonly Finding[] {
  const last = memo(LAST_CHECKED, newLastChecked);
  if (last.resource !== resource) {
    const builtin = GROUPS.get(resource.kind)?.includes(resource.group) ?? false;
    const checks = new ResourceChecks(resource, builtin ? validatedObject(resource, memo, kubernetesVersion) : resource.raw, kubernetesVersion);
    const constraints = builtin ? (BY_KIND.get(resource.kind) ?? NO_CONSTRAINTS) : NO_CONSTRAINTS;
    if (needsHeld.length !== needCount()) needsHeld = new Uint8Array(needCount());
    else needsHeld.fill(0);
    const held = needsHeld;
    for (let c = 0; c < constraints.length; c++) {
      const constraint = constraints[c];
      const need = constraint.needs;
      if (need !== undefined) {
        let state = held[need.id];
        if (state === 0) held[need.id] = state = hasNeed(checks, need) ? 1 : 2;
        if (state === 2) continue;
      }
      checks.rule = constraint.rule;
      constraint.check(checks);
    }
    last.resource = resource;
    last.byRule = checks.byRule;
  }
  return last.byRule?.get(rule) ?? NO_FINDINGS;
}

/** Reports the findings of one rule for one resource (the check of each rule of this folder). */
export function reportCrossFieldFindings(resource: Resource, rule: CrossFieldRuleId, memo: Memo, kubernetesVersion: string, report: (finding: Finding) => void): void {
  const findings = crossFieldFindings(resource, rule, memo, kubernetesVersion);
  for (let i = 0; i < findings.length; i++) report(findings[i]);
}
