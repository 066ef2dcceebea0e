/** The workload an HPA scales, looked up in the index. */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";

export const SCALABLE_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);

export function hpaTarget(hpa: Resource, index: ResourceIndex): { kind: string; name: string; resource?: Resource } | undefined {
  const ref = hpa.spec("HorizontalPodAutoscaler")?.scaleTargetRef;
  if (!ref || typeof ref.kind !== "string" || typeof ref.name !== "string" || !ref.kind || !ref.name) return undefined;
  return { kind: ref.kind, name: ref.name, resource: index.find(ref.kind, hpa.namespace, ref.name) };
}
