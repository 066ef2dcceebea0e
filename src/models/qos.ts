/**
 * QoS class as the kubelet derives it (pkg/apis/core/v1/helper/qos ComputePodQOS): only cpu and
 * memory count; init containers count, ephemeral containers do not; a request left unset defaults
 * to its limit (API defaulting) while an explicit zero request stays zero; pod-level resources,
 * where set, decide instead of the containers (the caller passes the spec as the target release
 * creates the pods: models/pod-level-resources.ts).
 */
import type { Path } from "../types.js";
import type { PodSpec } from "./k8s.js";
import { compareQuantities, parseQuantity } from "./quantity.js";

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

export const QOS_CLASSES: readonly QosClass[] = ["Guaranteed", "Burstable", "BestEffort"];

/** The class a team expects its pods to get (checked by qos-expected-mismatch, shown by `k8s-lint qos`). */
export const EXPECTED_QOS_ANNOTATION = "k8s-lint.io/expected-qos";

export interface QosDecision {
  qosClass: QosClass;
  /** Why: the container and resource that decided it (absent for Guaranteed/BestEffort of all). */
  reason: string;
  /** The container (or pod-level resources) that made the pod not Guaranteed, when one did. */
  decidingPath?: Path;
  decidingContainer?: string;
  /** The resource ("cpu" or "memory") that decided it, when one did. */
  decidingResource?: string;
  /** Whether the deciding container is an init container. */
  decidingInit?: boolean;
}

const QOS_RESOURCES = ["cpu", "memory"] as const;

type Reqs = Record<string, string> | undefined;

/** One container's requests and limits as the kubelet sees them (after admission, when the caller knows it). */
export interface QosEntry {
  name: string;
  path: Path;
  init: boolean;
  requests: Reqs;
  limits: Reqs;
  /** The LimitRange that wrote a value, by "requests.<resource>" or "limits.<resource>", named in the reason. */
  defaultedBy?: ReadonlyMap<string, { name: string }>;
}

type Entry = QosEntry;

function positive(v: string | undefined): boolean {
  if (v === undefined) return false;
  const q = parseQuantity(v);
  return q !== undefined && q.value > 0;
}

/**
 * `specPath` is the path of the pod spec inside its resource, for decidingPath. `containers`, when
 * given, are the init and app containers (init first) with the requests and limits admission
 * leaves them (models/pods.ts admittedContainers: LimitRange defaults); without it, as written.
 */
export function deriveQos(spec: PodSpec, specPath: Path = ["spec"], containers?: readonly QosEntry[]): QosDecision {
  const pod = spec.resources;
  if (pod && podLevelDecidesQos(spec)) {
    return classify([{ name: "(pod)", path: [...specPath, "resources"], init: false, requests: pod.requests, limits: pod.limits }]);
  }
  const entries: readonly Entry[] =
    containers ??
    [
      ...(spec.initContainers ?? []).map((c, i) => ({ c, init: true, path: [...specPath, "initContainers", i] as Path })),
      ...(spec.containers ?? []).map((c, i) => ({ c, init: false, path: [...specPath, "containers", i] as Path })),
    ].map(({ c, init, path }) => ({ name: c?.name ?? "", path, init, requests: c?.resources?.requests, limits: c?.resources?.limits }));
  return classify(entries);
}

/** Whether the pod-level resources, where the pods keep them, decide the class instead of the containers: they set cpu or memory. */
export function podLevelDecidesQos(spec: PodSpec): boolean {
  return hasQosResource(spec.resources?.requests) || hasQosResource(spec.resources?.limits);
}

function hasQosResource(map: Reqs): boolean {
  return map !== undefined && QOS_RESOURCES.some((r) => map[r] !== undefined);
}

function who(e: Entry): string {
  if (e.name === "(pod)") return "the pod-level resources";
  return `${e.init ? "init container" : "container"} "${e.name}"`;
}

/** A value with the LimitRange that wrote it, when one did: `100m (LimitRange "defaults" default)`. */
function shown(e: Entry, section: "requests" | "limits", r: string, value: string | undefined): string | undefined {
  const from = e.defaultedBy?.get(`${section}.${r}`);
  return from && value !== undefined ? `${value} (LimitRange "${from.name}" default)` : value;
}

function classify(entries: readonly Entry[]): QosDecision {
  let anySet = false;
  let breaker: { e: Entry; resource: string; why: string } | undefined;
  for (const e of entries) {
    for (const r of QOS_RESOURCES) {
      const lim = e.limits?.[r];
      // API defaulting: an unset request takes the limit's value.
      const req = e.requests?.[r] !== undefined ? e.requests[r] : lim;
      const reqSet = positive(req);
      const limSet = positive(lim);
      if (reqSet || limSet) anySet = true;
      if (breaker) continue;
      if (!limSet) {
        const what = reqSet ? `requests ${r} ${shown(e, "requests", r, req)} but sets no ${r} limit` : `sets no ${r} request or limit`;
        breaker = { e, resource: r, why: `${who(e)} ${what}` };
      } else if (!reqSet || compareQuantities(req!, lim!) !== 0) {
        breaker = { e, resource: r, why: `${who(e)} requests ${r} ${shown(e, "requests", r, req)} but its limit is ${shown(e, "limits", r, lim)}` };
      }
    }
  }
  if (!anySet) return { qosClass: "BestEffort", reason: "no container sets a cpu or memory request or limit" };
  if (!breaker) {
    const podLevel = entries.length === 1 && entries[0].name === "(pod)";
    return { qosClass: "Guaranteed", reason: `${podLevel ? "the pod-level resources set" : "every container has"} cpu and memory limits, with requests equal to them` };
  }
  return {
    qosClass: "Burstable",
    reason: breaker.why,
    decidingPath: breaker.e.path,
    decidingContainer: breaker.e.name,
    decidingResource: breaker.resource,
    decidingInit: breaker.e.init,
  };
}
