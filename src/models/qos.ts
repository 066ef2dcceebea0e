/**
 * QoS class as the kubelet derives it (pkg/apis/core/v1/helper/qos): only cpu and memory count;
 * init containers count; a missing request defaults to its limit; pod-level resources, where
 * set, decide instead of the containers.
 */
import type { Path } from "../types.js";
import type { PodSpec } from "./k8s.js";
import { compareQuantities, parseQuantity } from "./quantity.js";

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

export interface QosDecision {
  qosClass: QosClass;
  /** Why: the container and resource that decided it (absent for Guaranteed/BestEffort of all). */
  reason: string;
  /** The container (or pod-level resources) that made the pod not Guaranteed, when one did. */
  decidingPath?: Path;
  decidingContainer?: string;
}

const QOS_RESOURCES = ["cpu", "memory"] as const;

type Reqs = Record<string, string> | undefined;

function nonZero(map: Reqs, name: string): string | undefined {
  const v = map?.[name];
  if (v === undefined) return undefined;
  const q = parseQuantity(v);
  return q && q.value !== 0 ? v : undefined;
}

/** `specPath` is the path of the pod spec inside its resource, for decidingPath. */
export function deriveQos(spec: PodSpec, specPath: Path = ["spec"]): QosDecision {
  if (spec.resources && (spec.resources.requests || spec.resources.limits)) {
    return classify([{ name: "(pod)", path: [...specPath, "resources"], requests: spec.resources.requests, limits: spec.resources.limits }]);
  }
  const entries = [
    ...(spec.initContainers ?? []).map((c, i) => ({ c, path: [...specPath, "initContainers", i] as Path })),
    ...(spec.containers ?? []).map((c, i) => ({ c, path: [...specPath, "containers", i] as Path })),
  ].map(({ c, path }) => ({ name: c.name ?? "", path, requests: c.resources?.requests, limits: c.resources?.limits }));
  return classify(entries);
}

function classify(entries: Array<{ name: string; path: Path; requests: Reqs; limits: Reqs }>): QosDecision {
  let anySet = false;
  let breaker: { name: string; path: Path; why: string } | undefined;
  for (const e of entries) {
    for (const r of QOS_RESOURCES) {
      const req = nonZero(e.requests, r);
      const lim = nonZero(e.limits, r);
      if (req || lim) anySet = true;
      if (breaker) continue;
      if (!lim) {
        breaker = { ...e, why: `container "${e.name}" has no ${r} limit` };
      } else if (req && compareQuantities(req, lim) !== 0) {
        breaker = { ...e, why: `container "${e.name}" requests ${r} ${req} below its limit ${lim}` };
      }
    }
  }
  if (!anySet) return { qosClass: "BestEffort", reason: "no container sets a cpu or memory request or limit" };
  if (!breaker) return { qosClass: "Guaranteed", reason: "every container has cpu and memory limits, with requests equal to them" };
  const why = breaker.name === "(pod)" ? breaker.why.replace('container "(pod)"', "the pod-level resources") : breaker.why;
  return { qosClass: "Burstable", reason: why, decidingPath: breaker.path, decidingContainer: breaker.name };
}
