/**
 * The migrations of a deprecated or removed apiVersion that `--fix` can write: where the
 * replacement reads the object the same way (the kind's Go types are field for field the same in
 * both versions of kubernetes/api), or where the difference is a default the old version applied
 * and the fix writes out. Anything else (an extensions/v1beta1 Ingress's backends, a CSR's
 * signerName) needs the author.
 */
import type { Resource } from "../../models/resource.js";
import type { FieldEdit, FieldFix } from "../types.js";
import type { ApiChange } from "./api-changes.js";

/** Kinds whose schema is the same in the old version and its replacement. */
const SAME_SCHEMA: ReadonlyMap<string, readonly string[]> = new Map([
  ["rbac.authorization.k8s.io/v1beta1", ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"]],
  ["scheduling.k8s.io/v1beta1", ["PriorityClass"]],
  ["scheduling.k8s.io/v1alpha1", ["PriorityClass"]],
  ["storage.k8s.io/v1beta1", ["StorageClass", "VolumeAttachment", "CSIStorageCapacity"]],
  ["coordination.k8s.io/v1beta1", ["Lease"]],
  ["networking.k8s.io/v1beta1", ["IngressClass"]],
  ["batch/v1beta1", ["CronJob"]],
  ["autoscaling/v2beta2", ["HorizontalPodAutoscaler"]],
  ["node.k8s.io/v1beta1", ["RuntimeClass"]],
]);

const OLD_WORKLOAD_VERSIONS = new Set(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"]);
const WORKLOADS = new Set(["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"]);

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The fix of a deprecated or removed apiVersion, when the migration is mechanical. */
export function migrationFix(resource: Resource, change: ApiChange): FieldFix | undefined {
  const to = change.replacement;
  if (!to) return undefined;
  const setVersion: FieldEdit = { op: "set", path: ["apiVersion"], value: to };
  if (SAME_SCHEMA.get(change.apiVersion)?.includes(resource.kind)) return [setVersion];
  // policy/v1beta1: an empty selector selects no pod; in policy/v1 it selects every pod of the namespace.
  if (change.apiVersion === "policy/v1beta1" && resource.kind === "PodDisruptionBudget") {
    const sel = resource.get(["spec", "selector"]);
    const nonEmpty = isMap(sel) && ((isMap(sel.matchLabels) && Object.keys(sel.matchLabels).length > 0) || (Array.isArray(sel.matchExpressions) && sel.matchExpressions.length > 0));
    return nonEmpty ? [setVersion] : undefined;
  }
  if (to === "apps/v1" && OLD_WORKLOAD_VERSIONS.has(change.apiVersion) && WORKLOADS.has(resource.kind)) return workloadMigration(resource, change.apiVersion, setVersion);
  return undefined;
}

/**
 * apps/v1 requires spec.selector, which the beta versions defaulted to the template's labels
 * (SetDefaults_Deployment in pkg/apis/extensions/v1beta1/defaults.go): the fix writes that
 * selector. A DaemonSet of extensions/v1beta1 and a StatefulSet of apps/v1beta1 defaulted to
 * OnDelete updates, apps/v1 to RollingUpdate: the fix writes OnDelete so that nothing changes.
 */
function workloadMigration(resource: Resource, from: string, setVersion: FieldEdit): FieldFix | undefined {
  // Fields apps/v1 dropped: their meaning has no place in the new version.
  if (resource.get(["spec", "rollbackTo"]) !== undefined || resource.get(["spec", "templateGeneration"]) !== undefined) return undefined;
  if (resource.kind === "Deployment" && !keepsDeploymentDefaults(resource, from)) return undefined;
  const edits: FieldEdit[] = [setVersion];
  if (resource.get(["spec", "selector"]) === undefined) {
    const labels = resource.get(["spec", "template", "metadata", "labels"]);
    if (!isMap(labels) || !Object.keys(labels).length || !Object.values(labels).every((v) => typeof v === "string")) return undefined;
    edits.push({ op: "insert", path: ["spec", "selector"], value: { matchLabels: labels as Record<string, string> } });
  }
  const onDeleteBefore = (resource.kind === "DaemonSet" && from === "extensions/v1beta1") || (resource.kind === "StatefulSet" && from === "apps/v1beta1");
  if (onDeleteBefore && resource.get(["spec", "updateStrategy"]) === undefined) {
    edits.push({ op: "insert", path: ["spec", "updateStrategy"], value: { type: "OnDelete" } });
  }
  return edits;
}

/**
 * Whether a Deployment means the same in apps/v1: the fields whose defaults apps/v1 changed are
 * written. extensions/v1beta1 kept every old ReplicaSet, had no progress deadline and rolled
 * with maxSurge 1 / maxUnavailable 1 (SetDefaults_Deployment in
 * pkg/apis/extensions/v1beta1/defaults.go); apps/v1beta1 kept 2 ReplicaSets
 * (pkg/apis/apps/v1beta1/defaults.go); apps/v1 keeps 10, gives up after 600 s and rolls 25%/25%
 * (pkg/apis/apps/v1/defaults.go). Otherwise the migration is left to the user.
 */
function keepsDeploymentDefaults(resource: Resource, from: string): boolean {
  const written = (...path: string[]) => resource.get(["spec", ...path]) !== undefined;
  if (from === "apps/v1beta1") return written("revisionHistoryLimit");
  if (from !== "extensions/v1beta1") return true;
  const strategy = resource.get(["spec", "strategy", "type"]);
  const rollingWritten = written("strategy", "rollingUpdate", "maxSurge") && written("strategy", "rollingUpdate", "maxUnavailable");
  return written("revisionHistoryLimit") && written("progressDeadlineSeconds") && (strategy === "Recreate" || rollingWritten);
}
