/**
 * QoS class as the kubelet derives it (pkg/apis/core/v1/helper/qos ComputePodQOS): only cpu and
 * memory count; init containers count, ephemeral containers do not; a request left unset defaults
 * to its limit (API defaulting) while an explicit zero request stays zero; pod-level resources,
 * where set, decide instead of the containers, once the API server has defaulted them (an unset
 * pod-level request is the containers' requests summed, or the pod-level limit: the caller passes
 * the spec as the target release creates the pods, models/pod-level-resources.ts).
 */
import type { Path } from "../types.js";
import type { PodSpec } from "./k8s.js";
import { defaultedPodLevelResources, podLevelDecidesQos } from "./pod-level-resources.js";
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
  /** Whether the deciding container runs as a sidecar (a restartable init container, where sidecars run). */
  decidingSidecar?: boolean;
  /** Whether the deciding request is one the API server filled in at pod level from the containers' requests summed. */
  decidingRequestSummed?: boolean;
}

const QOS_RESOURCES = ["cpu", "memory"] as const;

type Reqs = Record<string, string> | undefined;

/** One container's requests and limits as the kubelet sees them (after admission, when the caller knows it). */
export interface QosEntry {
  name: string;
  path: Path;
  init: boolean;
  /** Whether it runs as a sidecar at the release judged (a restartable init container, where sidecars run). */
  sidecar: boolean;
  requests: Reqs;
  limits: Reqs;
  /** The LimitRange that wrote a value, by "requests.<resource>" or "limits.<resource>", named in the reason. */
  defaultedBy?: ReadonlyMap<string, { name: string }>;
  /** The field of that LimitRange's Container item each such value comes from (default, defaultRequest, max, min). */
  defaultedFrom?: ReadonlyMap<string, string>;
  /** The pod-level requests the API server set to the containers' requests summed. */
  summed?: ReadonlySet<string>;
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
  const pod = defaultedPodLevelResources(spec);
  if (pod && podLevelDecidesQos(spec)) {
    return classify([
      { name: "(pod)", path: [...specPath, "resources"], init: false, sidecar: false, requests: pod.requests, limits: pod.limits, summed: pod.summedFromContainers },
    ]);
  }
  const entries: readonly Entry[] =
    containers ??
    [
      ...(spec.initContainers ?? []).map((c, i) => ({ c, init: true, path: [...specPath, "initContainers", i] as Path })),
      ...(spec.containers ?? []).map((c, i) => ({ c, init: false, path: [...specPath, "containers", i] as Path })),
    ].map(({ c, init, path }) => ({ name: c?.name ?? "", path, init, sidecar: init && c?.restartPolicy === "Always", requests: c?.resources?.requests, limits: c?.resources?.limits }));
  return classify(entries);
}

/** The subject of a reason and the words that agree with it: the pod-level resources are plural. */
function who(e: Entry): { name: string; requests: string; sets: string; its: string } {
  if (e.name === "(pod)") return { name: "the pod-level resources", requests: "request", sets: "set", its: "their" };
  const kind = e.sidecar ? "sidecar container" : e.init ? "init container" : "container";
  return { name: `${kind} "${e.name}"`, requests: "requests", sets: "sets", its: "its" };
}

/** A value with where it came from, when not written: a LimitRange default, or the containers' requests summed at pod level. */
function shown(e: Entry, section: "requests" | "limits", r: string, value: string | undefined): string | undefined {
  if (value === undefined) return value;
  if (section === "requests" && e.summed?.has(r)) return `${value} (unset, so the API server fills in the containers' requests, summed)`;
  const from = e.defaultedBy?.get(`${section}.${r}`);
  return from ? `${value} (${limitRangeSource(from.name, section, e.defaultedFrom?.get(`${section}.${r}`))})` : value;
}

/**
 * Where a value LimitRanger wrote comes from: `the defaultRequest of LimitRange "limits"`. An unset
 * default takes the max, an unset defaultRequest the default, else the min
 * (SetDefaults_LimitRangeItem), and the message says which field stood in.
 */
export function limitRangeSource(name: string, section: "requests" | "limits", field: string | undefined): string {
  const of = `the ${field ?? "default"} of LimitRange "${name}"`;
  const unset = section === "limits" ? (field === "max" ? "default" : undefined) : field === "defaultRequest" ? undefined : field === "max" ? "default and defaultRequest" : "defaultRequest";
  return unset ? `${of}, which stands in for its unset ${unset}` : of;
}

function classify(entries: readonly Entry[]): QosDecision {
  let anySet = false;
  let breaker: { e: Entry; resource: string; why: string; summed?: boolean } | undefined;
  for (const e of entries) {
    for (const r of QOS_RESOURCES) {
      const lim = e.limits?.[r];
      // API defaulting: an unset request takes the limit's value.
      const req = e.requests?.[r] !== undefined ? e.requests[r] : lim;
      const reqSet = positive(req);
      const limSet = positive(lim);
      if (reqSet || limSet) anySet = true;
      if (breaker) continue;
      const w = who(e);
      if (!limSet) {
        const what = reqSet ? `${w.requests} ${r} ${shown(e, "requests", r, req)} but ${w.sets} no ${r} limit` : `${w.sets} no ${r} request or limit`;
        breaker = { e, resource: r, why: `${w.name} ${what}` };
      } else if (!reqSet || compareQuantities(req!, lim!) !== 0) {
        breaker = { e, resource: r, why: `${w.name} ${w.requests} ${r} ${shown(e, "requests", r, req)} but ${w.its} limit is ${shown(e, "limits", r, lim)}`, summed: e.summed?.has(r) };
      }
    }
  }
  if (!anySet) return { qosClass: "BestEffort", reason: "no container sets a cpu or memory request or limit" };
  if (!breaker) {
    const podLevel = entries.length === 1 && entries[0].name === "(pod)";
    // Admission may have written them all: say whose defaults, or the class reads as if the manifest set them.
    const ranges = [...new Set(entries.flatMap((e) => [...(e.defaultedBy?.values() ?? [])].map((d) => d.name)))];
    const from = ranges.length ? ` (${ranges.length > 1 ? "LimitRanges" : "LimitRange"} ${ranges.map((n) => `"${n}"`).join(", ")} ${ranges.length > 1 ? "fill" : "fills"} in what the manifest leaves out)` : "";
    return { qosClass: "Guaranteed", reason: `${podLevel ? "the pod-level resources set" : "every container has"} cpu and memory limits, with requests equal to them${from}` };
  }
  return {
    qosClass: "Burstable",
    reason: breaker.why,
    decidingPath: breaker.e.path,
    decidingContainer: breaker.e.name,
    decidingResource: breaker.resource,
    decidingInit: breaker.e.init,
    decidingSidecar: breaker.e.sidecar,
    decidingRequestSummed: breaker.summed === true,
  };
}
