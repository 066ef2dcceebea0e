/** Shared by the resource rules: the pods a resource runs and their QoS, computed once per resource. */
import { compareVersions } from "./catalogue/releases.js";
import type { ResourceIndex } from "./resource-index.js";
import type { Container } from "./k8s.js";
import { compareQuantities } from "./quantity.js";
import { ignoredPodLevelResourcesNote, podLevelResources, podLevelResourcesKept } from "./pod-level-resources.js";
import { deriveQos, type QosDecision } from "./qos.js";
import { containersOf, type PodTemplate, type Resource } from "./resource.js";
import { quantities } from "./pod-totals.js";
import { appliedApart, type Placed } from "./placement.js";
import { memoKey } from "./run-memo.js";
import { runningPods } from "./workloads.js";
import type { Path } from "../types.js";

/** The annotation that pins the QoS class a workload is meant to get (read by qos-expected-mismatch). */
export const EXPECTED_QOS_ANNOTATION = "k8s-lint.io/expected-qos";

export { quantities, runningPods };

/** The QoS class of each workload, derived once per run for the QoS rules, `k8s-lint qos` and the graph. */
const QOS = memoKey<Map<Resource, QosDecision>>("QoS class by workload", "resource");

/**
 * The QoS class of the pods a resource runs, once admitted (LimitRange defaults in) at the run's
 * target release: pod-level resources count only where that release keeps them, and the reason
 * says so when written ones are left out. Undefined when the resource runs no pods.
 */
export function qosOf(resource: Resource, index: ResourceIndex, kubernetesVersion: string): QosDecision | undefined {
  const tpl = runningPods(resource);
  if (!tpl) return undefined;
  const cache = index.memo.get(QOS, () => new Map());
  let d = cache.get(resource);
  if (!d) {
    const spec = podLevelResourcesKept(kubernetesVersion) ? tpl.spec : { ...tpl.spec, resources: undefined };
    const containers = admittedContainers(resource, index).map((c) => ({ ...c, sidecar: containerKind(c, kubernetesVersion) === "sidecar container" }));
    d = deriveQos(spec, tpl.specPath, containers);
    const note = ignoredPodLevelResourcesNote(tpl, kubernetesVersion);
    if (note) d = { ...d, reason: `${d.reason}${note}` };
    cache.set(resource, d);
  }
  return d;
}

/**
 * The release from which an init container with restartPolicy: Always runs as a sidecar by
 * default: SidecarContainers is beta and on from 1.29; in 1.28 it is alpha and off, and the API
 * server drops the init container's restartPolicy on write (pkg/api/pod/util.go
 * dropDisabledFields); before 1.28 the API has no such field (kube_features.go).
 */
export const SIDECARS_ON_BY_DEFAULT = "1.29";

/** Whether restartable init containers run as sidecars at the target release; before, each is an ordinary init container. */
export function sidecarsAt(release: string): boolean {
  return compareVersions(release, SIDECARS_ON_BY_DEFAULT) >= 0;
}

/** What messages call a container at the target release: a restartable init container is a sidecar only where sidecars run. */
export function containerKind(c: { init: boolean; sidecar: boolean }, release: string): "sidecar container" | "init container" | "container" {
  if (!c.init) return "container";
  return c.sidecar && sidecarsAt(release) ? "sidecar container" : "init container";
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
 * containers, as written: a rule judging a release before sidecars asks sidecarsAt). The list is
 * shared by every caller: read it, never change it.
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

/** A resource's default from a LimitRange of the namespace: the value and the LimitRange it comes from. */
export interface LimitRangeDefault {
  value: string;
  limitRange: Resource;
  /** The field of its Container item the value comes from (a max stands in for an unset default, a min for an unset defaultRequest). */
  field: LimitRangeField;
}

/** The fields of a LimitRange's Container item that defaulting reads. */
export type LimitRangeField = "default" | "defaultRequest" | "max" | "min";

/** The container defaults LimitRanger admission writes in a namespace, by resource name. */
export interface NamespaceDefaults {
  requests: ReadonlyMap<string, LimitRangeDefault>;
  limits: ReadonlyMap<string, LimitRangeDefault>;
  /**
   * The values ("requests.cpu", "limits.memory") that two LimitRanges of the namespace default
   * differently: which one admission writes depends on the order its informer lists them.
   */
  conflicts: ReadonlySet<string>;
}

const NO_DEFAULTS: NamespaceDefaults = { requests: new Map(), limits: new Map(), conflicts: new Set() };

const LIMIT_RANGE_DEFAULTS = memoKey<Map<string, NamespaceDefaults>>("LimitRange container defaults by namespace");

/** The items of a LimitRange (spec.limits) that are objects. */
export function limitRangeItems(lr: Resource): Array<Record<string, unknown>> {
  const limits = lr.get(["spec", "limits"]);
  if (!Array.isArray(limits)) return [];
  return limits.filter((it): it is Record<string, unknown> => !!it && typeof it === "object" && !Array.isArray(it));
}

/**
 * A LimitRange item of type Container as the API server stores it (pkg/apis/core/v1/defaults.go
 * SetDefaults_LimitRangeItem): an unset default (limit) takes the max, an unset defaultRequest
 * takes the default, then the min.
 */
export function defaultedContainerItem(item: Record<string, unknown>): { default: Record<string, SourcedValue>; defaultRequest: Record<string, SourcedValue> } {
  const def = { ...sourced(item, "max"), ...sourced(item, "default") };
  const defaultRequest = { ...sourced(item, "min"), ...def, ...sourced(item, "defaultRequest") };
  return { default: def, defaultRequest };
}

/** A quantity of a LimitRange item with the field it is written in. */
export interface SourcedValue {
  value: string;
  field: LimitRangeField;
}

function sourced(item: Record<string, unknown>, field: LimitRangeField): Record<string, SourcedValue> {
  const out: Record<string, SourcedValue> = {};
  for (const [k, value] of Object.entries(quantities(item[field]))) out[k] = { value, field };
  return out;
}

/**
 * The container defaults of a namespace, as LimitRanger admission applies them
 * (plugin/pkg/admission/limitranger/admission.go defaultContainerResourceRequirements, then
 * mergeContainerResources): within a LimitRange a later Container item overrides an earlier one;
 * across LimitRanges the first that sets a value wins, since admission fills only what is unset.
 * LimitRanges are taken in input order (the admission plugin lists them in no defined order);
 * `conflicts` names the values that another order would default differently. With `near`, only
 * the LimitRanges applied with it count (not those of another sample folder: appliedApart).
 */
export function namespaceDefaults(index: ResourceIndex, namespace: string, near?: Placed): NamespaceDefaults {
  const all = index.objectsOfKind("LimitRange", namespace);
  // LimitRanges of another sample, applied apart from `near` (models/placement.ts), are not in its namespace when its pods are admitted.
  const ranges = near ? all.filter((r) => !appliedApart(r, near)) : all;
  const key = ranges.length === all.length ? namespace : `${namespace}\u0000${near!.places!.join("\u0000")}`;
  const byNamespace = index.memo.get(LIMIT_RANGE_DEFAULTS, () => new Map());
  let found = byNamespace.get(key);
  if (found) return found;
  if (!ranges.length) found = NO_DEFAULTS;
  else {
    const requests = new Map<string, LimitRangeDefault>();
    const limits = new Map<string, LimitRangeDefault>();
    const conflicts = new Set<string>();
    const note = (section: "requests" | "limits", into: Map<string, LimitRangeDefault>, k: string, { value, field }: SourcedValue, limitRange: Resource) => {
      const first = into.get(k);
      if (!first) into.set(k, { value, limitRange, field });
      else if (compareQuantities(first.value, value) !== 0) conflicts.add(`${section}.${k}`);
    };
    for (const limitRange of ranges) {
      const own = { requests: {} as Record<string, SourcedValue>, limits: {} as Record<string, SourcedValue> };
      for (const item of limitRangeItems(limitRange)) {
        if (item.type !== "Container") continue;
        const d = defaultedContainerItem(item);
        Object.assign(own.requests, d.defaultRequest);
        Object.assign(own.limits, d.default);
      }
      for (const [k, value] of Object.entries(own.requests)) note("requests", requests, k, value, limitRange);
      for (const [k, value] of Object.entries(own.limits)) note("limits", limits, k, value, limitRange);
    }
    found = requests.size || limits.size ? { requests, limits, conflicts } : NO_DEFAULTS;
  }
  byNamespace.set(key, found);
  return found;
}

/** A container with the requests and limits it has once admitted: what every requests, limits and QoS judgement reads. */
export interface AdmittedContainer {
  container: Container;
  path: Path;
  init: boolean;
  /** A restartable init container (restartPolicy: Always), running beside the app containers where sidecars run (sidecarsAt). */
  sidecar: boolean;
  name: string;
  requests: Readonly<Record<string, string>>;
  limits: Readonly<Record<string, string>>;
  /** The LimitRange that wrote a value, by "requests.<resource>" or "limits.<resource>". */
  defaultedBy: ReadonlyMap<string, Resource>;
  /** The field of that LimitRange's Container item the value comes from, by the same keys. */
  defaultedFrom: ReadonlyMap<string, LimitRangeField>;
}

const ADMITTED = memoKey<Map<Resource, readonly AdmittedContainer[]>>("containers as admitted, by resource", "resource");

/**
 * The init and app containers of the pods a resource runs (init containers first, ephemeral
 * containers aside), with the requests and limits they have once created: API defaulting first
 * (pkg/apis/core/v1/defaults.go SetDefaults_Pod: a request left unset takes its limit's value),
 * then LimitRanger admission, which writes the namespace's LimitRange defaults into every
 * container and init container where a value is unset (admission.go mergePodResourceRequirements).
 * Empty for a resource that runs no pods. Shared by every caller: read it, never change it.
 */
export function admittedContainers(resource: Resource, index: ResourceIndex): readonly AdmittedContainer[] {
  const tpl = runningPods(resource);
  if (!tpl) return [];
  const cache = index.memo.get(ADMITTED, () => new Map());
  let out = cache.get(resource);
  if (out) return out;
  const defaults = namespaceDefaults(index, resource.namespace, resource);
  out = containersOf(tpl).map(({ container, path, init }) => admit(container ?? {}, path, init, defaults));
  cache.set(resource, out);
  return out;
}

function admit(container: Container, path: Path, init: boolean, defaults: NamespaceDefaults): AdmittedContainer {
  const requests = quantities(container.resources?.requests);
  const limits = quantities(container.resources?.limits);
  for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
  const defaultedBy = new Map<string, Resource>();
  const defaultedFrom = new Map<string, LimitRangeField>();
  for (const [section, values, own] of [["limits", defaults.limits, limits], ["requests", defaults.requests, requests]] as const) {
    for (const [k, d] of values) {
      if (own[k] !== undefined) continue;
      own[k] = d.value;
      defaultedBy.set(`${section}.${k}`, d.limitRange);
      defaultedFrom.set(`${section}.${k}`, d.field);
    }
  }
  return { container, path, init, sidecar: init && container.restartPolicy === "Always", name: container.name ?? "", requests, limits, defaultedBy, defaultedFrom };
}

/**
 * One cause, one finding: pods in which no container sets any cpu or memory request or limit are
 * reported once for the pod, by qos-besteffort (whose hint carries the per-container advice) or,
 * when an expected-qos annotation states the intent, by qos-expected-mismatch; the per-container
 * rules (missing-resource-requests, missing-memory-limit) and qos-class stay quiet on them.
 */
export function bestEffortPods(resource: Resource, index: ResourceIndex, kubernetesVersion: string): boolean {
  const tpl = runningPods(resource);
  return !!tpl && qosOf(resource, index, kubernetesVersion)?.qosClass === "BestEffort" && !!tpl.spec.containers?.length;
}

/** Whether the expected-qos annotation pins the intended class, on the workload or its pod template. */
export function qosPinned(resource: Resource): boolean {
  const tpl = runningPods(resource);
  return resource.annotations[EXPECTED_QOS_ANNOTATION] !== undefined || tpl?.annotations[EXPECTED_QOS_ANNOTATION] !== undefined;
}

/**
 * The resources (cpu, memory) an admitted container requests neither itself (through its limit or
 * a LimitRange default) nor at pod level, where the target release keeps pod-level resources.
 */
export function unrequested(tpl: PodTemplate, container: AdmittedContainer, kubernetesVersion: string): Array<"cpu" | "memory"> {
  const pod = podLevelResources(tpl, kubernetesVersion);
  return (["cpu", "memory"] as const).filter(
    (name) => container.requests[name] === undefined && pod?.requests?.[name] === undefined && pod?.limits?.[name] === undefined,
  );
}

/** Whether an admitted container's memory is bounded: its own limit, a LimitRange default limit or a pod-level limit the target release keeps. */
export function memoryLimited(tpl: PodTemplate, container: AdmittedContainer, kubernetesVersion: string): boolean {
  return container.limits.memory !== undefined || podLevelResources(tpl, kubernetesVersion)?.limits?.memory !== undefined;
}
