/**
 * What the cross-field constraints walk: the defaulted object of a resource (models/defaults.ts),
 * its pod spec, containers, claims; each with its path in the resource as written, so findings
 * land on the line the user wrote.
 */
import { sidecarsAt } from "../../../models/pods.js";
import { POD_TEMPLATE_PATHS, type Resource } from "../../../models/resource.js";
import type { Path } from "../../../types.js";
import type { Finding } from "../../types.js";

export type Obj = Record<string, unknown>;

/** The rule families of the cross-field constraints, named after Kubernetes' error types. */
export type CrossFieldRuleId = "required-value" | "duplicate-value" | "forbidden-value" | "invalid-combination" | "volumeclaimtemplate-unbindable";

export interface CheckContext {
  resource: Resource;
  /** The object with the API server's defaults applied. */
  obj: Obj;
  report(finding: Finding): void;
  /** The target release (--kubernetes-version): for constraints that upstream applies from a release on. */
  kubernetesVersion: string;
  /** What several constraints of the resource read (podSpecOf, containersOf), found once per resource. */
  shared: SharedSites;
}

/** Filled on first use by podSpecOf, containersOf and the helpers of resources.ts and objects.ts; null: looked for, absent. */
export interface SharedSites {
  pod?: PodSpecSite | null;
  containers?: readonly ContainerSite[];
  /** The containers whose resources name one that cannot be overcommitted (resources.ts). */
  strictResources?: ReadonlyArray<{ site: ContainerSite; requests: Obj; limits: Obj }>;
  /** The claim specs validated with the object (validatedClaims). */
  claims?: ReadonlyArray<{ spec: Obj; path: Path; what: string }>;
  /** The backends of an Ingress (objects.ts). */
  ingressBackends?: ReadonlyArray<{ backend: Obj; path: Path }>;
  /** The service backends of a networking.k8s.io/v1 Ingress (objects.ts). */
  ingressServicePorts?: ReadonlyArray<{ service: Obj; port: { name: boolean; number: boolean }; path: Path }>;
}

/** Where a constraint's `needs` field is looked for. */
export interface Need {
  in: "pod" | "container" | "volume";
  /** The keys down to the field, from the pod spec, a container or a volume ("[]": any item of a list). */
  path: readonly string[];
  /** The need's number, from 0 (needCount): one need is one object, shared by the constraints that name it. */
  id: number;
}

/** Every need some constraint names, by place and path: a table of the code, filled as the constraint modules load. */
const NEEDS = new Map<string, Need>();

function need(where: Need["in"], path: readonly string[]): Need {
  const name = `${where} ${path.join(".")}`;
  let found = NEEDS.get(name);
  if (!found) NEEDS.set(name, (found = { in: where, path, id: NEEDS.size }));
  return found;
}

export const podNeeds = (...path: string[]): Need => need("pod", path);
export const containerNeeds = (...path: string[]): Need => need("container", path);
export const volumeNeeds = (...path: string[]): Need => need("volume", path);

/** How many needs the constraints name (ids run from 0 below it). */
export function needCount(): number {
  return NEEDS.size;
}

/** One constraint: where it applies, what it says, which rule reports it and where upstream decides it. */
export interface CrossFieldConstraint {
  /** The field path, written for the first kind of `kinds` (`spec.template.spec...` for pod templates). */
  path: string;
  kinds: readonly string[];
  constraint: string;
  rule: CrossFieldRuleId;
  /** Upstream file and function. */
  upstream: string;
  /**
   * A field without which the constraint finds nothing: set (not null) in the pod spec, in one of
   * its containers (any list) or in one of its volumes, at a path of keys below it ("[]": in any
   * item of a list). On a resource with a pod spec, the constraint is not run without it (most
   * pod templates write few of the fields these constraints judge); a resource without a pod spec
   * (a PersistentVolumeClaim, for a constraint of claims) runs it. Give it only where the check
   * itself returns at once without that field; test/cross-field-needs.test.ts compares every
   * fixture's findings with and without it.
   */
  needs?: Need;
  check(ctx: CheckContext): void;
}

export function isMap(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const NO_ITEMS: readonly unknown[] = [];

/**
 * The list at a field, or one empty list when there is none (most fields are absent). Read it
 * with an index loop and skip the items that are not maps (isMap): the index is the item's
 * index as written, and the loop allocates nothing (a tuple per item and an iterator per loop
 * were a fifth of the constraints' garbage on 10,000 resources).
 */
export function listOf(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : NO_ITEMS;
}

export function at(value: unknown, path: Path): unknown {
  let v = value;
  for (let i = 0; i < path.length; i++) {
    if (!v || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[path[i]];
  }
  return v;
}

/** Set in the Go sense: present, not null (an explicit `false` or `0` is set). */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A string field that holds something (a Go empty string is "not set"). */
export function nonEmpty(v: unknown): v is string {
  return typeof v === "string" && v !== "";
}

export function count(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  return 0;
}

/** A value for messages: strings as written, other values as JSON. */
export function shown(v: unknown): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export const POD_KINDS: readonly string[] = ["Pod", ...POD_TEMPLATE_PATHS.keys()];
/** The controllers whose pods must run forever (restartPolicy Always only). */
export const ALWAYS_RESTART_KINDS: readonly string[] = ["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet"];

/** The pod spec of a resource of POD_KINDS (defaulted) and its path. */
export interface PodSpecSite {
  spec: Obj;
  path: Path;
}

/** The pod spec of a resource of POD_KINDS: defaulted, with its path. */
export function podSpecOf(ctx: CheckContext): PodSpecSite | undefined {
  if (ctx.shared.pod === undefined) ctx.shared.pod = findPodSpec(ctx) ?? null;
  return ctx.shared.pod ?? undefined;
}

function findPodSpec(ctx: CheckContext): PodSpecSite | undefined {
  const tplPath = POD_TEMPLATE_PATHS.get(ctx.resource.kind);
  const path: Path = ctx.resource.kind === "Pod" ? ["spec"] : tplPath ? [...tplPath, "spec"] : [];
  if (!path.length) return undefined;
  const spec = at(ctx.obj, path);
  return isMap(spec) ? { spec, path } : undefined;
}

export type ContainerList = "initContainers" | "containers" | "ephemeralContainers";

export interface ContainerSite {
  container: Obj;
  path: Path;
  list: ContainerList;
  /** A restartable init container (a sidecar), as written: what validation judges. */
  sidecar: boolean;
  /** A sidecar at the target release (sidecarsAt): messages call it so; before, it is an init container. */
  sidecarAtTarget: boolean;
}

/**
 * Whether the resource sets the field a constraint needs (a resource without a pod spec: yes, the
 * need does not apply to it). A property read per container or volume: cheaper than collecting
 * the keys once (a Set per place and resource cost more than the constraints it skipped).
 */
export function hasNeed(ctx: CheckContext, need: Need): boolean {
  const pod = podSpecOf(ctx);
  if (!pod) return true;
  const path = need.path;
  if (need.in === "pod") return setAt(pod.spec, path, 0);
  if (need.in === "container") {
    const sites = containersOf(ctx);
    for (let s = 0; s < sites.length; s++) if (setAt(sites[s].container, path, 0)) return true;
    return false;
  }
  const volumes = listOf(pod.spec.volumes);
  for (let i = 0; i < volumes.length; i++) if (setAt(volumes[i], path, 0)) return true;
  return false;
}

/** Whether `value` holds a set value (isSet) at `path` from its `from`th key, "[]" standing for any item of a list. */
function setAt(value: unknown, path: readonly string[], from: number): boolean {
  let v = value;
  for (let i = from; i < path.length; i++) {
    const key = path[i];
    if (key === "[]") {
      if (!Array.isArray(v)) return false;
      for (let k = 0; k < v.length; k++) if (setAt(v[k], path, i + 1)) return true;
      return false;
    }
    if (!isMap(v)) return false;
    v = v[key];
    if (!isSet(v)) return false;
  }
  return true;
}

const CONTAINER_LISTS: readonly ContainerList[] = ["initContainers", "containers", "ephemeralContainers"];

/**
 * Every container of the pod spec (podSpecOf), init containers first, then containers, then
 * ephemeral containers (a constraint of some lists skips the others by `site.list`). The sites
 * are found once per resource and shared by every constraint: read them, never change them
 * (building them per constraint was 45 MB of garbage on 10,000 resources).
 */
export function containersOf(ctx: CheckContext): readonly ContainerSite[] {
  let all = ctx.shared.containers;
  if (!all) {
    const pod = podSpecOf(ctx);
    const found: ContainerSite[] = [];
    const sidecars = sidecarsAt(ctx.kubernetesVersion);
    if (pod) {
      for (const list of CONTAINER_LISTS) {
        const written = pod.spec[list];
        if (!Array.isArray(written)) continue;
        for (let i = 0; i < written.length; i++) {
          const container: unknown = written[i];
          if (!isMap(container)) continue;
          const sidecar = list === "initContainers" && container.restartPolicy === "Always";
          found.push({ container, path: [...pod.path, list, i], list, sidecar, sidecarAtTarget: sidecar && sidecars });
        }
      }
    }
    ctx.shared.containers = all = found;
  }
  return all;
}

/**
 * Calls `fn` with each map item of the list `field` of every container (containersOf order),
 * its index as written and its container. The loops are index loops and nothing is built per
 * item: the constraints of container lists run on every container of every pod template.
 */
export function eachContainerItem(ctx: CheckContext, field: string, fn: (item: Obj, k: number, site: ContainerSite) => void): void {
  const sites = containersOf(ctx);
  for (let s = 0; s < sites.length; s++) {
    const site = sites[s];
    const list = listOf(site.container[field]);
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (isMap(item)) fn(item, k, site);
    }
  }
}

/** Calls `fn` with each map item of the list `field` of the pod spec (podSpecOf), its index as written and the pod spec; index loop, nothing built per item. */
export function eachPodSpecItem(ctx: CheckContext, field: string, fn: (item: Obj, i: number, pod: PodSpecSite) => void): void {
  const pod = podSpecOf(ctx);
  if (!pod) return;
  const list = listOf(pod.spec[field]);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isMap(item)) fn(item, i, pod);
  }
}

export function containerLabel(site: ContainerSite): string {
  const kind = site.list === "initContainers" ? (site.sidecarAtTarget ? "sidecar container" : "init container") : site.list === "ephemeralContainers" ? "ephemeral container" : "container";
  return `${kind} "${typeof site.container.name === "string" ? site.container.name : ""}"`;
}

/**
 * Every claim spec the API server validates with ValidatePersistentVolumeClaimSpec when it
 * validates this object: a PersistentVolumeClaim's spec and the volumeClaimTemplate of each
 * generic ephemeral volume of a pod spec (validateEphemeralVolumeSource). A StatefulSet's
 * volumeClaimTemplates are not validated with the StatefulSet (statefulSetClaims).
 */
export function validatedClaims(ctx: CheckContext): ReadonlyArray<{ spec: Obj; path: Path; what: string }> {
  return (ctx.shared.claims ??= findValidatedClaims(ctx));
}

function findValidatedClaims(ctx: CheckContext): Array<{ spec: Obj; path: Path; what: string }> {
  if (ctx.resource.kind === "PersistentVolumeClaim") {
    const spec = ctx.obj.spec;
    return isMap(spec) ? [{ spec, path: ["spec"], what: `PersistentVolumeClaim "${ctx.resource.name}"` }] : [];
  }
  const pod = podSpecOf(ctx);
  if (!pod) return [];
  const out: Array<{ spec: Obj; path: Path; what: string }> = [];
  const volumes = listOf(pod.spec.volumes);
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    if (!isMap(volume) || !isMap(volume.ephemeral)) continue;
    const spec = at(volume.ephemeral, ["volumeClaimTemplate", "spec"]);
    if (isMap(spec)) out.push({ spec, path: [...pod.path, "volumes", i, "ephemeral", "volumeClaimTemplate", "spec"], what: `the claim template of ephemeral volume "${shown(volume.name ?? "")}"` });
  }
  return out;
}

/** The volumeClaimTemplates of a StatefulSet, which its controller turns into one claim per replica. */
export function statefulSetClaims(ctx: CheckContext): Array<{ spec: Obj; path: Path; name: string }> {
  const out: Array<{ spec: Obj; path: Path; name: string }> = [];
  const templates = listOf(at(ctx.obj, ["spec", "volumeClaimTemplates"]));
  for (let i = 0; i < templates.length; i++) {
    const tpl = templates[i];
    if (!isMap(tpl)) continue;
    const name = typeof at(tpl, ["metadata", "name"]) === "string" ? (at(tpl, ["metadata", "name"]) as string) : "";
    out.push({ spec: isMap(tpl.spec) ? tpl.spec : {}, path: ["spec", "volumeClaimTemplates", i, ...(isMap(tpl.spec) ? ["spec"] : [])], name });
  }
  return out;
}

/**
 * The sources a volume, a projection or a valueFrom names: its keys among `sources` whose value
 * is set, in written order. Other keys (a misplaced `defaultMode`) are unknown-field's, not a
 * second source.
 */
export function sourcesOf(map: Obj, sources: ReadonlySet<string>): string[] {
  return Object.keys(map).filter((k) => sources.has(k) && isSet(map[k]));
}

const NO_REPEATS: readonly number[] = [];

/** The string a map item holds at `key` when it is not empty. */
function keyOf(item: unknown, key: string): string | undefined {
  if (!isMap(item)) return undefined;
  const v = item[key];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * The indexes of the map items of `list` whose `key` (a non-empty string) an earlier map item
 * already holds, in list order. A short list (a container's few mounts or ports) is compared
 * pairwise, without a Set to allocate; a long one goes through a Set.
 */
function repeatedAt(list: readonly unknown[], key: string): readonly number[] {
  if (list.length < 2) return NO_REPEATS;
  let out: number[] | undefined;
  if (list.length <= 16) {
    for (let k = 1; k < list.length; k++) {
      const v = keyOf(list[k], key);
      if (v === undefined) continue;
      for (let e = 0; e < k; e++) {
        if (keyOf(list[e], key) === v) {
          (out ??= []).push(k);
          break;
        }
      }
    }
  } else {
    const seen = new Set<string>();
    for (let k = 0; k < list.length; k++) {
      const v = keyOf(list[k], key);
      if (v === undefined) continue;
      if (seen.has(v)) (out ??= []).push(k);
      seen.add(v);
    }
  }
  return out ?? NO_REPEATS;
}

/**
 * Calls `fn` with each map item of the list `field` of a container whose `key` (a non-empty
 * string, passed as `value`) an earlier item of that list already holds (repeatedAt): its index
 * as written and its container, containers in containersOf order.
 */
export function eachRepeatedContainerItem(ctx: CheckContext, field: string, key: string, fn: (item: Obj, k: number, site: ContainerSite, value: string) => void): void {
  const sites = containersOf(ctx);
  for (let s = 0; s < sites.length; s++) {
    const site = sites[s];
    const list = listOf(site.container[field]);
    const repeats = repeatedAt(list, key);
    for (let r = 0; r < repeats.length; r++) {
      const item = list[repeats[r]] as Obj;
      fn(item, repeats[r], site, item[key] as string);
    }
  }
}

/** How many sources `sourcesOf` would list, without listing them (most volumes and env values name one). */
export function sourceCount(map: Obj, sources: ReadonlySet<string>): number {
  let n = 0;
  // for-in gives Object.keys' keys: the objects here inherit no enumerable key.
  for (const k in map) if (sources.has(k) && isSet(map[k])) n++;
  return n;
}
