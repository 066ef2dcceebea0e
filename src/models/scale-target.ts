/** The workload a HorizontalPodAutoscaler scales, looked up in the index: shared by the autoscaling rules and `k8s-lint graph`. */
import type { ResourceIndex } from "./resource-index.js";
import { groupKind } from "./api-groups.js";
import type { Resource } from "./resource.js";

export const SCALABLE_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);

/**
 * What an HPA's scaleTargetRef names: kind, type (group/kind) and name, and the workload of the
 * HPA's input set it resolves to (`resource`, absent when the set does not define it; with
 * `--per-directory` another set's object is not judged as the HPA's target).
 */
export function hpaTarget(hpa: Resource, index: ResourceIndex): { kind: string; type: string; name: string; resource?: Resource } | undefined {
  const ref = hpa.spec("HorizontalPodAutoscaler")?.scaleTargetRef;
  if (!ref || typeof ref.kind !== "string" || typeof ref.name !== "string" || !ref.kind || !ref.name) return undefined;
  // The reference's group decides the type (an Argo Rollout is not a Deployment); without apiVersion, the built-in kind.
  const type = typeof ref.apiVersion === "string" && ref.apiVersion ? groupKind(ref.apiVersion, ref.kind) : ref.kind;
  return { kind: ref.kind, type, name: ref.name, resource: index.findInSet(type, hpa.namespace, ref.name, hpa) };
}
