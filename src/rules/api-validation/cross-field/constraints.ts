/**
 * The cross-field constraints, evaluated once per resource against its defaulted object
 * (models/defaults.ts): every constraint whose kinds hold the resource's kind runs, and each of
 * the rules of this folder reports its share (as the schema rules share one walk).
 */
import { defaultedObject } from "../../../models/defaults.js";
import type { Resource } from "../../../models/resource.js";
import { memoKey, type Memo } from "../../../models/run-memo.js";
import type { Finding } from "../../types.js";
import { OBJECT_CONSTRAINTS } from "./objects.js";
import { POD_SPEC_CONSTRAINTS } from "./pod-spec.js";
import { RESOURCE_CONSTRAINTS } from "./resources.js";
import type { CrossFieldConstraint, CrossFieldRuleId } from "./walk.js";

export type { CrossFieldConstraint, CrossFieldRuleId } from "./walk.js";

export const CONSTRAINTS: readonly CrossFieldConstraint[] = [...POD_SPEC_CONSTRAINTS, ...RESOURCE_CONSTRAINTS, ...OBJECT_CONSTRAINTS];

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
  ...["Pod", "PodTemplate", "ReplicationController", "Service", "ConfigMap", "PersistentVolume", "PersistentVolumeClaim"].map((k) => [k, [""]] as const),
  ...["Deployment", "ReplicaSet", "DaemonSet"].map((k) => [k, ["apps", "extensions"]] as const),
  ["StatefulSet", ["apps"]],
  ["Job", ["batch"]],
  ["CronJob", ["batch"]],
  ["Ingress", ["networking.k8s.io", "extensions"]],
  ["NetworkPolicy", ["networking.k8s.io", "extensions"]],
  ...["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"].map((k) => [k, ["rbac.authorization.k8s.io"]] as const),
  ["PodDisruptionBudget", ["policy"]],
]);

const FINDINGS = memoKey<Map<Resource, Map<CrossFieldRuleId, Finding[]>>>("cross-field findings by resource");

/** The findings of one rule for one resource; the constraints run once per resource and run. */
export function crossFieldFindings(resource: Resource, rule: CrossFieldRuleId, memo: Memo): Finding[] {
  const cache = memo(FINDINGS, () => new Map());
  let byRule = cache.get(resource);
  if (!byRule) {
    byRule = new Map();
    const builtin = GROUPS.get(resource.kind)?.includes(resource.group) ?? false;
    const obj = builtin ? defaultedObject(resource, memo) : resource.raw;
    for (const c of builtin ? (BY_KIND.get(resource.kind) ?? []) : []) {
      const out = byRule;
      c.check({
        resource,
        obj,
        report(finding) {
          const list = out.get(c.rule);
          if (list) list.push(finding);
          else out.set(c.rule, [finding]);
        },
      });
    }
    cache.set(resource, byRule);
  }
  return byRule.get(rule) ?? [];
}
