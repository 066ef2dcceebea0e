import type { Resource } from "../../models/resource.js";

/** An object read back from a cluster (`kubectl get -o yaml`): it carries server-set fields. */
export function isLiveObject(resource: Resource): boolean {
  const meta = resource.raw.metadata as Record<string, unknown> | undefined;
  return resource.raw.status !== undefined || (!!meta && typeof meta === "object" && (meta.uid !== undefined || meta.resourceVersion !== undefined || meta.creationTimestamp !== undefined));
}
