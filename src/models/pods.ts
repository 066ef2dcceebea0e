/** Shared by the resource rules: the pods a resource runs and their QoS, computed once per resource. */
import type { ResourceIndex } from "./resource-index.js";
import type { Container } from "./k8s.js";
import { deriveQos, type QosDecision } from "./qos.js";
import type { PodTemplate, Resource } from "./resource.js";
import { memoKey, type Memo } from "./run-memo.js";
import { runningPods } from "./workloads.js";
import type { Path } from "../types.js";

/** The QoS class of each workload, derived once per run for the three QoS rules. */
const QOS = memoKey<Map<Resource, QosDecision>>("QoS class by workload");

/** The QoS class of the pods a resource runs; undefined when it runs none. */
export function qosOf(resource: Resource, memo: Memo): QosDecision | undefined {
  const tpl = runningPods(resource);
  if (!tpl) return undefined;
  const cache = memo(QOS, () => new Map());
  let d = cache.get(resource);
  if (!d) cache.set(resource, (d = deriveQos(tpl.spec, tpl.specPath)));
  return d;
}

/** Containers that run for the pod's lifetime: app containers and sidecars (restartable init containers). */
export function* longRunningContainers(tpl: PodTemplate): Generator<{ container: Container; path: Path; sidecar: boolean }> {
  const inits = tpl.spec.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    if (inits[i]?.restartPolicy === "Always") yield { container: inits[i], path: [...tpl.specPath, "initContainers", i], sidecar: true };
  }
  const list = tpl.spec.containers ?? [];
  for (let i = 0; i < list.length; i++) yield { container: list[i] ?? {}, path: [...tpl.specPath, "containers", i], sidecar: false };
}

/** Where to point at a container's resources: the deepest part that exists. */
export function resourcesPath(container: Container, path: Path, section: "limits" | "requests"): Path {
  if (container.resources?.[section]) return [...path, "resources", section];
  if (container.resources) return [...path, "resources"];
  return container.name !== undefined ? [...path, "name"] : path;
}

/** Whether a LimitRange of the namespace gives containers a default for this resource. */
export function limitRangeDefault(index: ResourceIndex, namespace: string, section: "default" | "defaultRequest", resourceName: string): Resource | undefined {
  for (const lr of index.ofKind("LimitRange", namespace)) {
    const limits = lr.get(["spec", "limits"]);
    if (!Array.isArray(limits)) continue;
    for (const item of limits) {
      if (!item || typeof item !== "object") continue;
      const it = item as Record<string, unknown>;
      if (it.type !== "Container") continue;
      const fromSection = it[section] as Record<string, unknown> | undefined;
      // A LimitRange "default" (limit) also becomes the default request when defaultRequest is unset.
      const fallback = section === "defaultRequest" ? (it.default as Record<string, unknown> | undefined) : undefined;
      if ((fromSection && fromSection[resourceName] !== undefined) || (fallback && fallback[resourceName] !== undefined)) return lr;
    }
  }
  return undefined;
}
