/**
 * A static run of the PersistentVolume controller's binding (pkg/controller/volume/persistentvolume
 * and component-helpers FindMatchingVolume): which PV each claim of the input would bind to, or
 * why none would. Criteria, as upstream: the PV is not reserved for another claim (claimRef), its
 * access modes are a superset of the claim's, its capacity covers the request, the volumeModes are
 * equal, the claim's selector matches the PV's labels and the storage classes are equal. The
 * controller's index (pkg/controller/volume/persistentvolume/index.go, findByClaim and
 * allPossibleMatchingAccessModes) groups PVs by their set of access modes and tries the groups
 * that cover the claim's modes with the fewest modes first; inside a group the smallest fitting
 * PV wins. So a ReadWriteOnce claim takes a 10Gi ReadWriteOnce PV before a 5Gi
 * ReadWriteOnce+ReadOnlyMany one. `volumeName` pins one PV; a PV whose claimRef names the claim
 * is taken first (class and selector are not checked for it, as upstream). An object defined more
 * than once (variants side by side) is one object: each PV counts once, by its first definition,
 * and the copies of one claim share the PV it binds and never find it "bound to another claim".
 */
import type { ResourceIndex } from "./resource-index.js";
import type { Path } from "../types.js";
import { compareQuantities, parseQuantity } from "./quantity.js";
import type { Resource } from "./resource.js";
import { memoKey } from "./run-memo.js";
import { formatSelector, matches, parseLabelSelector, type Selector } from "./selector.js";

export type Criterion = "claimRef" | "accessModes" | "volumeMode" | "capacity" | "selector" | "storageClassName";

export interface Mismatch {
  criterion: Criterion;
  /** What fails, naming both values: `capacity 5Gi is below the requested 10Gi`. */
  message: string;
  /** Where on the claim, and where on the PV. */
  claimPath: Path;
  volumePath: Path;
}

export type ClaimBinding =
  | { state: "bound"; volume: Resource; pinned: boolean }
  /** A StorageClass of the input will provision a volume. */
  | { state: "dynamic"; storageClass: Resource }
  /** Nothing to judge: no PV of the class in the input, or a pinned PV that is not in the input. */
  | { state: "unknown" }
  /** The claim pins a PV (volumeName or the PV's claimRef) that does not satisfy it. */
  | { state: "pinned-mismatch"; volume: Resource; mismatch: Mismatch }
  /** PVs of the class exist, none fits; the nearest and its first failing criterion. */
  | { state: "unbound"; nearest: Resource; mismatch: Mismatch };

export const NO_PROVISIONER = "kubernetes.io/no-provisioner";
const DEFAULT_CLASS_ANNOTATIONS = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"];
export const CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

const CLAIM_BINDINGS = memoKey<Map<Resource, ClaimBinding>>("PersistentVolumeClaim bindings");

/** The binding of every PersistentVolumeClaim of the input, computed once per run (the index's memo). */
export function claimBindings(index: ResourceIndex): Map<Resource, ClaimBinding> {
  return index.memo.get(CLAIM_BINDINGS, () => simulate(index));
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The class a claim asks for after admission: annotation, spec, or the default StorageClass. */
export function requestedClass(claim: Resource, index: ResourceIndex): string {
  const annotated = claim.annotations[CLASS_ANNOTATION];
  if (annotated !== undefined) return annotated;
  const spec = claim.spec("PersistentVolumeClaim");
  if (typeof spec?.storageClassName === "string") return spec.storageClassName;
  const defaults = index.ofKind("StorageClass").filter((sc) => DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.annotations[a] === "true"));
  return defaults.length ? defaults[defaults.length - 1].name : "";
}

export function volumeClass(pv: Resource): string {
  return pv.annotations[CLASS_ANNOTATION] ?? pv.spec("PersistentVolume")?.storageClassName ?? "";
}

function claimRefOf(pv: Resource): { name?: string; namespace?: string } | undefined {
  return pv.spec("PersistentVolume")?.claimRef;
}

function isReservedFor(pv: Resource, claim: Resource): boolean {
  const ref = claimRefOf(pv);
  return ref !== undefined && ref.name === claim.name && (ref.namespace ?? "") === claim.namespace;
}

/** The criteria a PV fails for a claim, in the order the controller meets them. */
export function mismatches(claim: Resource, pv: Resource, index: ResourceIndex, opts: { checkClassAndSelector: boolean }): Mismatch[] {
  const c = claim.spec("PersistentVolumeClaim") ?? {};
  const v = pv.spec("PersistentVolume") ?? {};
  const out: Mismatch[] = [];
  const ref = v.claimRef;
  if (ref && !isReservedFor(pv, claim)) {
    out.push({
      criterion: "claimRef",
      message: `it is reserved for claim "${ref.namespace ? `${ref.namespace}/` : ""}${ref.name ?? ""}" by its claimRef`,
      claimPath: ["metadata", "name"],
      volumePath: ["spec", "claimRef"],
    });
  }
  const wanted = strings(c.accessModes);
  const offered = strings(v.accessModes);
  const missingModes = wanted.filter((m) => !offered.includes(m));
  if (missingModes.length) {
    out.push({
      criterion: "accessModes",
      message: `its access modes [${offered.join(", ")}] do not include ${missingModes.map((m) => `"${m}"`).join(", ")}`,
      claimPath: ["spec", "accessModes"],
      volumePath: ["spec", "accessModes"],
    });
  }
  const claimMode = c.volumeMode ?? "Filesystem";
  const pvMode = v.volumeMode ?? "Filesystem";
  if (claimMode !== pvMode) {
    out.push({
      criterion: "volumeMode",
      message: `its volumeMode "${pvMode}" differs from the claim's "${claimMode}"`,
      claimPath: c.volumeMode ? ["spec", "volumeMode"] : ["spec"],
      volumePath: v.volumeMode ? ["spec", "volumeMode"] : ["spec"],
    });
  }
  const request = c.resources?.requests?.storage;
  const capacity = v.capacity?.storage;
  if (request !== undefined && parseQuantity(request)) {
    const cmp = capacity === undefined ? -1 : compareQuantities(capacity, request);
    if (cmp !== undefined && cmp < 0) {
      out.push({
        criterion: "capacity",
        message: capacity === undefined ? "it declares no storage capacity" : `its capacity ${capacity} is below the requested ${request}`,
        claimPath: ["spec", "resources", "requests", "storage"],
        volumePath: capacity === undefined ? ["spec"] : ["spec", "capacity", "storage"],
      });
    }
  }
  if (opts.checkClassAndSelector) {
    if (c.selector !== undefined && claim.get(["spec", "selector"]) !== null) {
      const sel = parseLabelSelector(claim.get(["spec", "selector"]));
      if (!matches(sel, pv.labels)) {
        out.push({
          criterion: "selector",
          message: `its labels do not match the claim's selector "${formatSelector(sel)}"`,
          claimPath: ["spec", "selector"],
          volumePath: ["metadata", "labels"],
        });
      }
    }
    const want = requestedClass(claim, index);
    const have = volumeClass(pv);
    if (want !== have) {
      out.push({
        criterion: "storageClassName",
        message: `its storageClassName "${have}" differs from the claim's "${want}"`,
        claimPath: c.storageClassName !== undefined ? ["spec", "storageClassName"] : ["spec"],
        volumePath: v.storageClassName !== undefined ? ["spec", "storageClassName"] : ["spec"],
      });
    }
  }
  return out;
}

/** Capacity in bytes; a PV without one sorts last. */
function storageBytes(pv: Resource): number {
  const cap = pv.spec("PersistentVolume")?.capacity?.storage;
  return (cap !== undefined ? parseQuantity(cap)?.value : undefined) ?? Number.POSITIVE_INFINITY;
}

/**
 * Free PVs of one storage class, smallest first, with "next free" links (union-find with path
 * compression) so that PVs already taken are skipped in near-constant time: binding stays
 * linear in the number of claims and volumes instead of comparing every claim with every PV.
 */
class VolumePool {
  readonly volumes: Resource[];
  readonly bytes: number[];
  private readonly next: number[];
  /** "key=value" -> positions of the PVs carrying that label, smallest first. */
  private readonly byLabel = new Map<string, number[]>();

  constructor(volumes: Resource[]) {
    const sized = volumes.map((pv) => ({ pv, bytes: storageBytes(pv) })).sort((a, b) => a.bytes - b.bytes);
    this.volumes = sized.map((x) => x.pv);
    this.bytes = sized.map((x) => x.bytes);
    this.next = sized.map((_, i) => i);
    this.next.push(sized.length);
    this.volumes.forEach((pv, i) => {
      for (const [k, v] of Object.entries(pv.labels)) push(this.byLabel, `${k}=${v}`, i);
    });
  }

  /**
   * Positions worth trying for a claim, smallest first: those carrying the rarest label its
   * selector requires (a claim that selects one PV by label looks at that PV only), or every
   * free position from the requested size up.
   */
  *candidates(selector: Selector | undefined, bytes: number): Generator<number> {
    let bucket: number[] | undefined;
    if (selector?.kind === "requirements") {
      for (const r of selector.requirements) {
        if (r.operator !== "In" || r.values.length !== 1) continue;
        const list = this.byLabel.get(`${r.key}=${r.values[0]}`) ?? [];
        if (!bucket || list.length < bucket.length) bucket = list;
      }
    }
    if (bucket) {
      for (const i of bucket) if (this.bytes[i] >= bytes && this.free(i) === i) yield i;
      return;
    }
    for (let i = this.free(this.lowerBound(bytes)); i < this.volumes.length; i = this.free(i + 1)) yield i;
  }

  /** Index of the first PV whose capacity is at least `bytes`. */
  lowerBound(bytes: number): number {
    let lo = 0;
    let hi = this.bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bytes[mid] < bytes) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first free position at or after i (this.volumes.length when none). */
  free(i: number): number {
    let root = i;
    while (this.next[root] !== root) root = this.next[root];
    while (this.next[i] !== root) {
      const up = this.next[i];
      this.next[i] = root;
      i = up;
    }
    return root;
  }

  take(i: number): void {
    this.next[i] = i + 1;
  }
}

/** How many PVs of the class, nearest in capacity, are compared to name the nearest for an unbound claim. */
const NEAREST_CANDIDATES = 32;

/** The access modes the PV controller's index knows, in the order of GetAccessModesAsString. */
const ACCESS_MODES = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"];

/** A PV's access-mode set as the index keys it: the known modes it offers, deduplicated. */
function accessModeSet(pv: Resource): string[] {
  const offered = strings(pv.spec("PersistentVolume")?.accessModes);
  return ACCESS_MODES.filter((m) => offered.includes(m));
}

/** Free PVs of one storage class that offer the same set of access modes. */
interface AccessModeGroup {
  modes: string[];
  pool: VolumePool;
}

/** Groups PVs by access-mode set, fewest modes first (the order findByClaim tries them in). */
function byAccessModes(volumes: Resource[]): AccessModeGroup[] {
  const groups = new Map<string, Resource[]>();
  for (const pv of volumes) push(groups, accessModeSet(pv).join(","), pv);
  return [...groups]
    .map(([key, list]) => ({ modes: key ? key.split(",") : [], pool: new VolumePool(list) }))
    .sort((a, b) => a.modes.length - b.modes.length);
}

interface BindingState {
  index: ResourceIndex;
  /** PV -> the claim bound to it. */
  taken: Map<Resource, Resource>;
  /** "namespace/name" of a claim -> the PV its first bound copy took. */
  volumeOf: Map<string, Resource>;
  reservedFor: Map<string, Resource>;
  /** Free PVs without a claimRef, by storage class, then by access-mode set. */
  pools: Map<string, AccessModeGroup[]>;
  /** Every PV, by storage class (for naming the nearest). */
  byClass: Map<string, VolumePool>;
}

function simulate(index: ResourceIndex): Map<Resource, ClaimBinding> {
  const result = new Map<Resource, ClaimBinding>();
  const claims = index.ofKind("PersistentVolumeClaim");
  const volumes = index.objectsOfKind("PersistentVolume");
  const reservedFor = new Map<string, Resource>();
  const byClass = new Map<string, Resource[]>();
  const unreserved = new Map<string, Resource[]>();
  for (const pv of volumes) {
    const ref = claimRefOf(pv);
    if (ref?.name) reservedFor.set(`${ref.namespace ?? ""}/${ref.name}`, pv);
    const cls = volumeClass(pv);
    push(byClass, cls, pv);
    // A PV with a claimRef can only bind the claim it names.
    if (!ref) push(unreserved, cls, pv);
  }
  const pools = new Map([...unreserved].map(([cls, list]) => [cls, byAccessModes(list)]));
  const all = new Map([...byClass].map(([cls, list]) => [cls, new VolumePool(list)]));
  const state: BindingState = { index, taken: new Map(), volumeOf: new Map(), reservedFor, pools, byClass: all };
  const pinnedName = (claim: Resource) => claim.spec("PersistentVolumeClaim")?.volumeName;
  // The controller binds pinned claims by name first; then the rest, in input order.
  const inControllerOrder = (list: readonly Resource[]) => [
    ...list.filter((c) => pinnedName(c)),
    ...list.filter((c) => !pinnedName(c) && reservedFor.has(`${c.namespace}/${c.name}`)),
    ...list.filter((c) => !pinnedName(c) && !reservedFor.has(`${c.namespace}/${c.name}`)),
  ];
  // Later copies of a claim come last: a copy is not one more claim that could take the PV of another.
  const first = new Set(index.objectsOfKind("PersistentVolumeClaim"));
  const ordered = [...inControllerOrder([...first]), ...inControllerOrder(claims.filter((c) => !first.has(c)))];
  for (const claim of ordered) result.set(claim, bindOne(claim, state));
  return result;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bindOne(claim: Resource, state: BindingState): ClaimBinding {
  const binding = bindClaim(claim, state);
  if (binding.state === "bound") state.volumeOf.set(`${claim.namespace}/${claim.name}`, binding.volume);
  return binding;
}

function bindClaim(claim: Resource, { index, taken, volumeOf, reservedFor, pools, byClass }: BindingState): ClaimBinding {
  const spec = claim.spec("PersistentVolumeClaim") ?? {};
  if (spec.volumeName) {
    // Judged against the copy of the PV nearest to the claim (the one written with it); bound as the one object it is.
    const pv = index.findInSet("PersistentVolume", "", spec.volumeName, claim);
    const object = index.find("PersistentVolume", "", spec.volumeName);
    if (!pv || !object) return { state: "unknown" };
    const other = taken.get(object);
    if (other && !other.sameObject(claim)) {
      return {
        state: "pinned-mismatch",
        volume: pv,
        mismatch: {
          criterion: "claimRef",
          message: `it is already bound to claim "${other.namespace}/${other.name}"`,
          claimPath: ["spec", "volumeName"],
          volumePath: ["metadata", "name"],
        },
      };
    }
    const bad = mismatches(claim, pv, index, { checkClassAndSelector: true }).filter((m) => m.criterion !== "selector");
    if (bad.length) return { state: "pinned-mismatch", volume: pv, mismatch: bad[0] };
    if (!other) taken.set(object, claim);
    return { state: "bound", volume: pv, pinned: true };
  }
  const reserved = reservedFor.get(`${claim.namespace}/${claim.name}`);
  const holder = reserved && taken.get(reserved);
  if (reserved && (!holder || holder.sameObject(claim))) {
    const bad = mismatches(claim, reserved, index, { checkClassAndSelector: false });
    if (!bad.length) {
      if (!holder) taken.set(reserved, claim);
      return { state: "bound", volume: reserved, pinned: true };
    }
    return { state: "pinned-mismatch", volume: reserved, mismatch: bad[0] };
  }
  // A later copy of a claim takes the PV its earlier copy took, when that PV fits it too.
  const copyBound = volumeOf.get(`${claim.namespace}/${claim.name}`);
  if (copyBound && !mismatches(claim, copyBound, index, { checkClassAndSelector: true }).length) return { state: "bound", volume: copyBound, pinned: false };
  const cls = requestedClass(claim, index);
  const request = spec.resources?.requests?.storage;
  const requestBytes = request !== undefined ? (parseQuantity(request)?.value ?? 0) : 0;
  const wanted = strings(spec.accessModes);
  const selector = spec.selector !== undefined ? parseLabelSelector(claim.get(["spec", "selector"])) : undefined;
  for (const { modes, pool } of pools.get(cls) ?? []) {
    if (!wanted.every((m) => modes.includes(m))) continue;
    // Smallest first: the first free PV that passes every criterion is the one the controller picks.
    for (const i of pool.candidates(selector, requestBytes)) {
      const pv = pool.volumes[i];
      if (taken.has(pv)) {
        // Pinned by another claim's volumeName earlier.
        pool.take(i);
        continue;
      }
      if (mismatches(claim, pv, index, { checkClassAndSelector: true }).length) continue;
      pool.take(i);
      taken.set(pv, claim);
      return { state: "bound", volume: pv, pinned: false };
    }
  }
  const storageClass = cls ? index.find("StorageClass", "", cls) : undefined;
  const provisioner = storageClass?.get(["provisioner"]);
  // A claim with a selector is never provisioned dynamically.
  if (storageClass && provisioner !== NO_PROVISIONER && spec.selector === undefined) return { state: "dynamic", storageClass };
  const sameClass = byClass.get(cls);
  if (!sameClass?.volumes.length) return { state: "unknown" };
  // A class the input does not define may provision in the cluster: a volume of it that a provisioner makes (a CSI driver's, a cloud disk) says it has one.
  if (cls && !storageClass && sameClass.volumes.some(isProvisionedType)) return { state: "unknown" };
  let nearest: { pv: Resource; bad: Mismatch[] } | undefined;
  for (const pv of nearestInCapacity(sameClass, requestBytes)) {
    const bad = mismatches(claim, pv, index, { checkClassAndSelector: true });
    const other = taken.get(pv);
    if (other && !other.sameObject(claim) && !bad.some((m) => m.criterion === "claimRef")) {
      bad.unshift({
        criterion: "claimRef",
        message: `it is already bound to claim "${other.namespace}/${other.name}"`,
        claimPath: ["metadata", "name"],
        volumePath: ["metadata", "name"],
      });
    }
    if (!nearest || bad.length < nearest.bad.length) nearest = { pv, bad };
  }
  return { state: "unbound", nearest: nearest!.pv, mismatch: nearest!.bad[0] };
}

/**
 * The volume sources that dynamic provisioners create: a CSI driver's, and those of the in-tree
 * provisioners (pkg/volume/* plugins implementing ProvisionableVolumePlugin: aws-ebs, gce-pd,
 * azure-disk, azure-file, cinder, vsphere-volume, portworx, rbd, glusterfs, storageos, scaleio,
 * quobyte). hostPath, local, nfs, iscsi and fc volumes are written by hand.
 */
const PROVISIONED_SOURCES = ["csi", "awsElasticBlockStore", "gcePersistentDisk", "azureDisk", "azureFile", "cinder", "vsphereVolume", "portworxVolume", "rbd", "glusterfs", "storageos", "scaleIO", "quobyte"] as const;

function isProvisionedType(pv: Resource): boolean {
  return PROVISIONED_SOURCES.some((source) => pv.get(["spec", source]) !== undefined);
}

/** The PVs closest in capacity to a request: a window of the size-sorted class around it. */
function nearestInCapacity(pool: VolumePool, bytes: number): Resource[] {
  const at = pool.lowerBound(bytes);
  const from = Math.max(0, at - NEAREST_CANDIDATES / 2);
  return pool.volumes.slice(from, from + NEAREST_CANDIDATES);
}
