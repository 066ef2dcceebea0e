/** Shared by the resource rules: the pods a resource runs and their QoS, computed once per resource. */
import type { ResourceIndex } from "./resource-index.js";
import type { Container } from "./k8s.js";
import { deriveQos, type QosDecision } from "./qos.js";
import type { PodTemplate, Resource } from "./resource.js";
import { memoKey, type Memo } from "./run-memo.js";
import { runningPods } from "./workloads.js";
import type { Path } from "../types.js";

/** The annotation that pins the QoS class a workload is meant to get (read by qos-expected-mismatch). */
export const EXPECTED_QOS_ANNOTATION = "k8s-lint.io/expected-qos";

export { runningPods };

/** The QoS class of each workload, derived once per run for the three QoS rules. */
const QOS = memoKey<Map<Resource, QosDecision>>("QoS class by workload", "resource");

/** The QoS class of the pods a resource runs; undefined when it runs none. */
export function qosOf(resource: Resource, memo: Memo): QosDecision | undefined {
  const tpl = runningPods(resource);
  if (!tpl) return undefined;
  const cache = memo(QOS, () => new Map());
  let d = cache.get(resource);
  if (!d) cache.set(resource, (d = deriveQos(tpl.spec, tpl.specPath)));
  return d;
}

/** A container that runs for the pod's lifetime, where it is, and whether it is a sidecar. */
export interface LongRunningContainer {
  container: Container;
  path: Path;
  sidecar: boolean;
}

/** Built on first use per template (several probe and resource rules walk them); keyed by the template object. */
const LONG_RUNNING = new WeakMap<PodTemplate, LongRunningContainer[]>();

/**
 * Containers that run for the pod's lifetime: app containers and sidecars (restartable init
 * containers). The list is shared by every caller: read it, never change it.
 */
export function longRunningContainers(tpl: PodTemplate): readonly LongRunningContainer[] {
  let out = LONG_RUNNING.get(tpl);
  if (out) return out;
  out = [];
  const inits = tpl.spec.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    if (inits[i]?.restartPolicy === "Always") out.push({ container: inits[i], path: [...tpl.specPath, "initContainers", i], sidecar: true });
  }
  const list = tpl.spec.containers ?? [];
  for (let i = 0; i < list.length; i++) out.push({ container: list[i] ?? {}, path: [...tpl.specPath, "containers", i], sidecar: false });
  LONG_RUNNING.set(tpl, out);
  return out;
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

/**
 * One cause, one finding: pods in which no container sets any cpu or memory request or limit are
 * reported once for the pod, by qos-besteffort (whose hint carries the per-container advice) or,
 * when an expected-qos annotation states the intent, by qos-expected-mismatch; the per-container
 * rules (missing-resource-requests, missing-memory-limit) and qos-class stay quiet on them.
 */
export function bestEffortPods(resource: Resource, memo: Memo): boolean {
  const tpl = runningPods(resource);
  return !!tpl && qosOf(resource, memo)?.qosClass === "BestEffort" && !!tpl.spec.containers?.length;
}

/**
 * Whether the per-container rules leave a pod to the pod-level finding: BestEffort as written,
 * and no LimitRange default of the namespace that admission would write into its containers
 * (qos-besteffort judges the template alone, so there the per-container findings stay).
 */
export function reportedForThePod(index: ResourceIndex, resource: Resource, memo: Memo): boolean {
  if (!bestEffortPods(resource, memo)) return false;
  return !(["cpu", "memory"] as const).some(
    (name) => limitRangeDefault(index, resource.namespace, "defaultRequest", name) || limitRangeDefault(index, resource.namespace, "default", name),
  );
}

/** Whether the expected-qos annotation pins the intended class, on the workload or its pod template. */
export function qosPinned(resource: Resource): boolean {
  const tpl = runningPods(resource);
  return resource.annotations[EXPECTED_QOS_ANNOTATION] !== undefined || tpl?.annotations[EXPECTED_QOS_ANNOTATION] !== undefined;
}

/** The resources (cpu, memory) a container requests neither itself, through its limit, at pod level nor by a LimitRange default. */
export function unrequested(index: ResourceIndex, resource: Resource, tpl: PodTemplate, container: Container): Array<"cpu" | "memory"> {
  const podRequests = { ...tpl.spec.resources?.limits, ...tpl.spec.resources?.requests };
  const r = container.resources;
  return (["cpu", "memory"] as const).filter(
    (name) =>
      r?.requests?.[name] === undefined &&
      r?.limits?.[name] === undefined &&
      podRequests[name] === undefined &&
      limitRangeDefault(index, resource.namespace, "defaultRequest", name) === undefined,
  );
}

/** Whether a container's memory is bounded: its own limit, a pod-level limit or a LimitRange default limit. */
export function memoryLimited(index: ResourceIndex, resource: Resource, tpl: PodTemplate, container: Container): boolean {
  return (
    container.resources?.limits?.memory !== undefined ||
    tpl.spec.resources?.limits?.memory !== undefined ||
    limitRangeDefault(index, resource.namespace, "default", "memory") !== undefined
  );
}
