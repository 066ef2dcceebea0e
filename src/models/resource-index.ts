/**
 * Lookups across all resources of a run, built once: by type/namespace/name and by pod label.
 * Cross-resource rules go through here so that the engine stays linear in the input size.
 * A type is a GroupKind (`Deployment.apps`, `Gateway.gateway.networking.k8s.io`; a bare built-in
 * kind such as `Service` or `Deployment` names the built-in type, see resolveType): the API
 * server identifies an object by group, kind, namespace and name, never by kind alone.
 */
import { isBuiltinApiVersion, resolveType } from "./api-groups.js";
import { isClusterScopedCustomResource } from "./crd.js";
import { CONFIGURATION_GROUPS, OPERATOR_KINDS, type DerivedKind, type DerivedPods } from "./operators.js";
import { serviceAccountOf, writableBy, type RunTimeWritten } from "./rbac.js";
import { inlinePatchApplies, patchSelects, withoutNameHash, type GeneratedObject, type InlinePatchLabels, type PatchTarget } from "./kustomization.js";
import type { PodTemplate, Resource } from "./resource.js";
import { RunMemo } from "./run-memo.js";
import { placeholderNamePattern } from "./catalogue/names.js";
import { runningPods } from "./workloads.js";
import { CONTROLLER_LABELS, matches, type Selector } from "./selector.js";

/** Keys no template declares but controllers add: no bucket can be chosen by them. */
const ADDED_KEYS = new Set([...CONTROLLER_LABELS.values()].flatMap((s) => [...s]));

const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

/** A kustomize strategic-merge patch (a partial resource) and how kustomize picks the objects it changes (engine/configurations.ts PatchSelection). */
export interface KustomizePatch {
  resource: Resource;
  byName: boolean;
  targets: readonly PatchTarget[];
}

/** A kustomization's `resources` or `components` entry the run does not read, as displayed. */
export interface UnreadBuild {
  kustomization: string;
  entry: string;
}

export class ResourceIndex {
  /**
   * type -> namespace -> name -> resources. Nested maps rather than one map by a joined key:
   * a joined key is a new string per lookup that must be flattened and hashed, which was most of
   * the index's time in a profile of the 10,000-resource bench corpus (push, find and findAll);
   * the parts are strings of the input and GroupKinds, whose hashes are computed once. A name
   * defined once (nearly all) maps to its resource, not to a list of one: a list per resource
   * was 5.6 MB of a 100,000-resource run.
   */
  private readonly byName = new Map<string, Map<string, Map<string, Resource | Resource[]>>>();
  /** By type, namespace and the name a kustomize build gives it (Resource.builtNames): found when no object has the name as written. */
  private readonly byBuiltName = new Map<string, Map<string, Map<string, Resource | Resource[]>>>();
  /** By type and namespace: the objects whose name holds placeholders (placeholderNamePattern), with the names they stand for; found when nothing else has the name. */
  private readonly byNamePattern = new Map<string, Map<string, Array<{ pattern: RegExp; resource: Resource }>>>();
  /** type -> namespace -> resources. */
  private readonly byKindNs = new Map<string, Map<string, Resource[]>>();
  private readonly byKindList = new Map<string, Resource[]>();
  /** Resources with pods, per namespace. */
  private readonly podOwners = new Map<string, Resource[]>();
  /**
   * The labels of the pods each workload or Pod runs, kept from the pod templates read here: the
   * rules release a resource's typed template after its batch, and selecting owners of other
   * batches read it again for every owner a selector could match.
   */
  private readonly podLabels = new Map<Resource, Pick<PodTemplate, "labels" | "controllerLabels">>();
  /** namespace -> key -> value -> resources with pods carrying that label. */
  private readonly byPodLabel = new Map<string, Map<string, Map<string, Resource[]>>>();
  /** namespace -> label key -> resources whose pods carry that key (written, or added by their controller). */
  private readonly byPodLabelKey = new Map<string, Map<string, Resource[]>>();
  /** key -> value -> resources of any namespace with pods carrying that label. */
  private readonly byPodLabelAnywhere = new Map<string, Map<string, Resource[]>>();
  /** namespace -> label key -> spelling variant -> values; built on first use (see podOwnersSpelledLike). */
  private readonly spellings = new Map<string, Map<string, Map<string, Set<string>>>>();
  /** type -> name -> resources of every namespace; built per type on first use (inOtherNamespaces). */
  private readonly acrossNamespaces = new Map<string, Map<string, Resource[]>>();
  /** Objects that kustomization generators make, by kind/namespace/name and by kind/namespace. */
  private readonly generatedByName = new Map<string, GeneratedObject>();
  private readonly generatedByKindNs = new Map<string, GeneratedObject[]>();
  /** What operators derive from the custom resources of the input; built on first use. */
  private derivedCache: DerivedIndex | undefined;
  /** By resource (pods, secrets, configmaps): namespace -> the first pod owner whose ServiceAccount may write it there; built on first use. */
  private readonly writers = new Map<RunTimeWritten, Map<string, Resource>>();
  /** The resources of this set, for `holds`; built on first use. */
  private members: Set<Resource> | undefined;
  /** Derived data of this run (lookups built on first use); rules reach it as `ctx.memo`. */
  readonly memo = new RunMemo();
  /** kind (as rules dispatch on it) and name -> the strategic-merge patches of the input that name such an object. */
  private readonly patchesByName = new Map<string, Resource[]>();
  /** Patches applied through a kustomization entry's `target`, by the target's kind ("": a pattern or no kind). */
  private readonly patchesByTargetKind = new Map<string, Array<{ target: PatchTarget; patch: Resource }>>();

  constructor(
    readonly all: readonly Resource[],
    generated: readonly GeneratedObject[] = [],
    /**
     * The whole input, when this index holds one input set of it (`--per-directory`): an object
     * referred to by name may be applied from another set (a shared base or config), so `find`
     * and `producerOf` fall back to it, and so does the lookup of a custom resource's CRD
     * (models/crd.ts crdOf); duplicates, selection and `ofKind` stay inside the set, and so does
     * what rules judge the content of (`findInSet`, `holds`).
     */
    readonly outer?: ResourceIndex,
    /** The kustomize strategic-merge patches of the input (partial resources), with how kustomize picks their objects: not objects of their own, see patchesOf. */
    patches: readonly KustomizePatch[] = [],
    /** namespace -> the first kustomization entry that deploys objects there which the run does not read (see unreadBuildInto). */
    private readonly unreadBuilds: ReadonlyMap<string, UnreadBuild> = new Map(),
    /** The labels the input's inline kustomize patches write (see patchedPodLabels, labelsWithPatches). */
    private readonly inlinePatches: readonly InlinePatchLabels[] = [],
  ) {
    for (const { resource: p, byName, targets } of patches) {
      if (byName) push(this.patchesByName, `${p.ruleKind}\u0000${p.name}`, p);
      // A target's kind is a pattern; a plain name is looked up, anything else is tried on every object.
      for (const target of targets) push(this.patchesByTargetKind, target.kind !== undefined && /^\w+$/.test(target.kind) ? target.kind : "", { target, patch: p });
    }
    for (const g of generated) {
      push(this.generatedByKindNs, `${resolveType(g.kind)}\u0000${g.namespace}`, g);
      for (const name of g.names) {
        const k = key(resolveType(g.kind), g.namespace, name);
        if (!this.generatedByName.has(k)) this.generatedByName.set(k, g);
      }
    }
    const patched = this.hasPatches();
    for (const r of all) {
      const type = r.groupKind;
      push(this.byKindList, type, r);
      const written = runningPods(r);
      // A kustomize patch that labels the pod template labels the pods, in the builds that apply it.
      const tpl = written && patched ? { labels: this.patchedPodLabels(r, written.labels), controllerLabels: written.controllerLabels } : written;
      if (tpl) {
        this.podLabels.set(r, { labels: tpl.labels, controllerLabels: tpl.controllerLabels });
        for (const k of Object.keys(tpl.labels)) push(row(this.byPodLabelAnywhere, k), tpl.labels[k], r);
      }
      // An object of a base that overlays put in different namespaces is found in each of them.
      const namespaces = r.builtNamespaces.length ? [...new Set([r.namespace, ...r.builtNamespaces])] : [r.namespace];
      const pattern = placeholderNamePattern(r.name);
      for (const namespace of namespaces) {
        addNamed(row(row(this.byName, type), namespace), r.name, r);
        for (const built of r.builtNames) addNamed(row(row(this.byBuiltName, type), namespace), built, r);
        if (pattern) push(row(this.byNamePattern, type), namespace, { pattern, resource: r });
        push(row(this.byKindNs, type), namespace, r);
        if (!tpl) continue;
        push(this.podOwners, namespace, r);
        const labels = row(this.byPodLabel, namespace);
        const keys = row(this.byPodLabelKey, namespace);
        for (const k of Object.keys(tpl.labels)) {
          push(row(labels, k), tpl.labels[k], r);
          push(keys, k, r);
        }
        for (const k of tpl.controllerLabels) if (!Object.hasOwn(tpl.labels, k)) push(keys, k, r);
      }
    }
  }

  /** Whether the input has kustomize strategic-merge patches (see patchesOf). */
  hasPatches(): boolean {
    return this.outer ? this.outer.hasPatches() : this.patchesByName.size > 0 || this.patchesByTargetKind.size > 0 || this.inlinePatches.length > 0;
  }

  /** The input's inline kustomize patches that write labels and apply to `target` (kustomization.ts inlinePatchApplies). */
  private inlinePatchesOf(target: Resource): readonly InlinePatchLabels[] {
    if (this.outer) return this.outer.inlinePatchesOf(target);
    if (!this.inlinePatches.length) return [];
    const written = target.writtenValue(["metadata", "namespace"]);
    const namespaces = [target.namespace, ...target.builtNamespaces, typeof written === "string" ? written : undefined];
    return this.inlinePatches.filter((p) => inlinePatchApplies(p, target, namespaces));
  }

  /** The pod template labels of a workload with those the patches that may apply to it add or change (patchesOf); the labels as written when none does. */
  private patchedPodLabels(owner: Resource, labels: Record<string, string>): Record<string, string> {
    let out = labels;
    for (const p of this.patchesOf(owner)) {
      const added = runningPods(p)?.labels;
      if (added && Object.keys(added).length) out = { ...out, ...added };
    }
    for (const p of this.inlinePatchesOf(owner)) if (Object.keys(p.template).length) out = { ...out, ...p.template };
    return out;
  }

  /** The object's metadata.labels with those the patches that may apply to it add or change (patchesOf). */
  labelsWithPatches(target: Resource): Record<string, string> {
    if (!this.hasPatches()) return target.labels;
    let out = target.labels;
    for (const p of this.patchesOf(target)) if (Object.keys(p.labels).length) out = { ...out, ...p.labels };
    for (const p of this.inlinePatchesOf(target)) if (Object.keys(p.metadata).length) out = { ...out, ...p.metadata };
    return out;
  }

  /**
   * The strategic-merge patches a kustomization of the input may apply to `target`: those an
   * entry without a `target` applies and that name its kind and name (kustomize finds such a
   * patch's object by the patch's own kind and name), and of its namespace when the patch writes
   * one (the namespace the object is built in, or the one its file writes); and those an entry's
   * `target` selects it by (group, version, kind and name patterns, whatever the patch file names; its labelSelector, annotationSelector and namespace are not
   * read, so a target may select more here than in the build). What a patch adds (a sidecar and
   * its ports) is part of the object in the builds that apply it, so a lookup in the object's
   * content (a named port) should find it there too. Each patch is matched against the objects of
   * the whole input, not only those of the builds that apply it (so with `--per-directory`).
   */
  patchesOf(target: Resource): readonly Resource[] {
    if (this.outer) return this.outer.patchesOf(target);
    const named = this.patchesByName.get(`${target.ruleKind}\u0000${target.name}`);
    const byName = named
      ? named.filter((p) => {
          const metadata = p.raw.metadata;
          const namespace = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>).namespace : undefined;
          // The namespace written in the object's file counts too: kustomize matches a patch by the object's original identity as well.
          return typeof namespace !== "string" || namespace === target.namespace || target.builtNamespaces.includes(namespace) || namespace === target.writtenValue(["metadata", "namespace"]);
        })
      : NO_RESOURCES;
    const targeted = [...(this.patchesByTargetKind.get(target.kind) ?? []), ...(this.patchesByTargetKind.get("") ?? [])];
    if (!targeted.length) return byName;
    const selected = targeted.filter(({ target: t }) => patchSelects(t, target)).map(({ patch }) => patch);
    return selected.length ? [...new Set([...byName, ...selected])] : byName;
  }

  /**
   * The resource of this type and name in a namespace ("" for cluster-scoped kinds). When the
   * input defines it more than once (variants side by side: overlays, examples), the definition
   * nearest to `near` (the resource that refers to it): same file, else the longest shared folder
   * path; the first one on a tie or without `near`. Without an object of that name as written,
   * one that a kustomize build gives that name (a namePrefix or nameSuffix: Resource.builtNames),
   * else one whose name holds placeholders that the name fills in (`${component}-config`, which a
   * script writes once per component: placeholderNamePattern), the first such in input order.
   */
  find(type: string, namespace: string, name: string, near?: Resource): Resource | undefined {
    return this.findInSet(type, namespace, name, near) ?? this.outer?.find(type, namespace, name, near);
  }

  /**
   * As `find`, in this input set only: the object whose content a rule judges (a ConfigMap's keys,
   * a Service's ports, a Gateway's listeners). With `--per-directory` an object that only another
   * set defines counts as present (`find`), but may be another sample's, so it is not judged.
   */
  findInSet(type: string, namespace: string, name: string, near?: Resource): Resource | undefined {
    const t = resolveType(type);
    const named = this.byName.get(t)?.get(namespace)?.get(name) ?? this.byBuiltName.get(t)?.get(namespace)?.get(name) ?? this.byNamePattern.get(t)?.get(namespace)?.find((p) => p.pattern.test(name))?.resource;
    if (!named || !Array.isArray(named)) return named;
    return near ? nearest(named, near.file) : named[0];
  }

  /** Whether `resource` is one of this input set's (always, without `--per-directory`): what `find` gave may be judged. */
  holds(resource: Resource): boolean {
    return !this.outer || (this.members ??= new Set(this.all)).has(resource);
  }

  /** Every resource with this identity as written (more than one is a duplicate). */
  findAll(type: string, namespace: string, name: string): readonly Resource[] {
    const named = this.byName.get(resolveType(type))?.get(namespace)?.get(name);
    return named === undefined ? [] : Array.isArray(named) ? named : [named];
  }

  /** Every resource that a kustomize build gives this name (Resource.builtNames), in input order. */
  findAllBuilt(type: string, namespace: string, name: string): readonly Resource[] {
    const named = this.byBuiltName.get(resolveType(type))?.get(namespace)?.get(name);
    return named === undefined ? [] : Array.isArray(named) ? named : [named];
  }

  /**
   * The resources of this type and name that live in another namespace than `namespace`, in
   * input order: where an object a reference misses is defined instead. Looked up by name (one
   * pass over the type, on its first use), never scanned per reference; in this input set only
   * (`--per-directory`): another set is another desired state, whose namespaces say nothing of
   * where this one's objects belong.
   */
  inOtherNamespaces(type: string, namespace: string, name: string): readonly Resource[] {
    const t = resolveType(type);
    let names = this.acrossNamespaces.get(t);
    if (!names) {
      this.acrossNamespaces.set(t, (names = new Map()));
      for (const r of this.byKindList.get(t) ?? []) push(names, r.name, r);
    }
    const found = (names.get(name) ?? []).filter((r) => r.namespace !== namespace && !r.builtNamespaces.includes(namespace));
    return found;
  }

  /**
   * The generator that makes an object of this kind and name in a namespace, by the name it
   * wrote or with the content hash kustomize appends (`settings-7fk2d9g5h8` is `settings`).
   */
  generatedObject(kind: string, namespace: string, name: string): GeneratedObject | undefined {
    const type = resolveType(kind);
    const exact = this.generatedByName.get(key(type, namespace, name));
    if (exact) return exact;
    const unhashed = withoutNameHash(name);
    const g = unhashed === undefined ? undefined : this.generatedByName.get(key(type, namespace, unhashed));
    return g?.hashed ? g : undefined;
  }

  /** The objects of this kind that generators of the input make in the namespace. */
  generatedOfKind(kind: string, namespace: string): readonly GeneratedObject[] {
    return this.generatedByKindNs.get(`${resolveType(kind)}\u0000${namespace}`) ?? [];
  }

  /** The resources of this type, in a namespace or in all of them. */
  ofKind(type: string, namespace?: string): readonly Resource[] {
    const t = resolveType(type);
    if (namespace === undefined) return this.byKindList.get(t) ?? [];
    return this.byKindNs.get(t)?.get(namespace) ?? [];
  }

  /**
   * Each object of this type once, in a namespace or in all of them: of an object defined more
   * than once, only its first definition (the one duplicate-resource points the copies at), so
   * rules that judge a resource against every object of a kind (the quotas and LimitRanges of its
   * namespace, the PersistentVolumes claims bind to) neither repeat a finding per copy nor weigh
   * an object against its own copy.
   */
  objectsOfKind(type: string, namespace?: string): readonly Resource[] {
    const all = this.ofKind(type, namespace);
    const first = (r: Resource) => this.findAll(r.groupKind, namespace ?? r.namespace, r.name)[0] === r;
    return all.every(first) ? all : all.filter(first);
  }

  /**
   * The custom resource of the namespace from which an operator of the table (models/operators.ts)
   * makes a Service, Secret or ConfigMap of this name: a SealedSecret, an ExternalSecret, a
   * cert-manager Certificate, a CloudNativePG Cluster...
   */
  producerOf(kind: DerivedKind, namespace: string, name: string): Resource | undefined {
    return this.derived().objects.get(key(kind, namespace, name)) ?? this.outer?.producerOf(kind, namespace, name);
  }

  /** Whether the namespace holds a resource whose purpose is to put Secrets there (SealedSecret, ExternalSecret, Certificate). */
  declaresSecretsIn(namespace: string): boolean {
    return this.derived().declaringSecrets.has(namespace);
  }

  /** The custom resources of a namespace whose operator-run pods the selector selects. */
  derivedPodsSelectedBy(namespace: string, selector: Selector): Resource[] {
    if (selector.kind === "none") return [];
    const out: Resource[] = [];
    for (const { owner, pods } of this.derived().pods.get(namespace) ?? []) {
      if (out[out.length - 1] !== owner && matches(selector, pods.labels, new Set(pods.addedKeys))) out.push(owner);
    }
    return out;
  }

  /**
   * The kustomization entry (a base outside the linted paths, a remote URL) whose objects a
   * build of the input puts in the namespace and the run does not read, if any: the namespace
   * then holds objects and pods no file of the run shows.
   */
  unreadBuildInto(namespace: string): UnreadBuild | undefined {
    return this.unreadBuilds.get(namespace) ?? this.outer?.unreadBuildInto(namespace);
  }

  /**
   * Custom resources of the namespace that the operator table does not know and that are not
   * mere configuration (CONFIGURATION_GROUPS): their operator may create pods and objects that
   * no manifest shows. Cluster-scoped ones (crd.ts isClusterScopedCustomResource, by the CRDs of
   * the whole input) are in no namespace, even when written without one beside namespaced objects.
   */
  unknownOperatorResources(namespace: string): readonly Resource[] {
    return this.derived().unknown.get(namespace) ?? [];
  }

  /**
   * A workload of the namespace whose ServiceAccount RBAC of the input allows to create, patch
   * or update pods there: its pods may create other pods or relabel themselves at run time.
   */
  runTimeLabeller(namespace: string): Resource | undefined {
    return this.runTimeWriter("pods", namespace);
  }

  /**
   * The first workload of the namespace whose ServiceAccount RBAC of the input allows to write
   * `resource` there at run time (models/rbac.ts RUN_TIME_WRITES); one pass per resource name.
   */
  runTimeWriter(resource: RunTimeWritten, namespace: string): Resource | undefined {
    let writers = this.writers.get(resource);
    if (!writers) {
      this.writers.set(resource, (writers = new Map()));
      const accounts = writableBy(this, resource);
      if (accounts.size) {
        for (const owners of this.podOwners.values()) {
          for (const owner of owners) {
            if (accounts.has(`${owner.namespace}/${serviceAccountOf(owner)}`) && !writers.has(owner.namespace)) writers.set(owner.namespace, owner);
          }
        }
      }
    }
    return writers.get(namespace);
  }

  private derived(): DerivedIndex {
    if (this.derivedCache) return this.derivedCache;
    const d: DerivedIndex = { objects: new Map(), declaringSecrets: new Set(), pods: new Map(), unknown: new Map() };
    for (const r of this.all) {
      if (!r.apiVersion) continue;
      // The table's built-in kinds are those an operator acts on by annotation (OpenShift's service CA on a Service).
      const entry = OPERATOR_KINDS.get(r.groupKind);
      if (!entry) {
        if (!isBuiltinApiVersion(r.apiVersion) && !CONFIGURATION_GROUPS.has(r.group) && r.namespace && !isClusterScopedCustomResource(r, this.outer ?? this)) push(d.unknown, r.namespace, r);
        continue;
      }
      if (entry.declaresSecrets) d.declaringSecrets.add(r.namespace);
      const made = entry.derive(r);
      const add = (kind: DerivedKind, names: readonly string[] | undefined) => {
        for (const name of names ?? []) {
          const k = key(kind, r.namespace, name);
          if (!d.objects.has(k)) d.objects.set(k, r);
        }
      };
      add("Service", made.services);
      add("Secret", made.secrets);
      add("ConfigMap", made.configMaps);
      for (const pods of made.pods ?? []) push(d.pods, r.namespace, { owner: r, pods });
    }
    return (this.derivedCache = d);
  }

  /** Resources that run pods (workloads and Pods) in a namespace. */
  podOwnersIn(namespace: string): readonly Resource[] {
    return this.podOwners.get(namespace) ?? [];
  }

  /**
   * Workloads and Pods of a namespace whose pods the selector selects. Candidates come from the
   * label index (the smallest bucket of an equality or Exists requirement), so this is not a
   * full scan unless the selector has neither. With `near` (the selecting resource), of several
   * definitions of one object (variants side by side: provider folders, overlays, examples) only
   * the one nearest to it is selected, as `find` picks one: applied together they would be one
   * object, and the copy beside the selector is the one written with it.
   */
  podOwnersSelectedBy(namespace: string, selector: Selector, near?: Resource): Resource[] {
    const selected = this.selectedOwners(namespace, selector);
    return near ? this.nearestCopies(selected, near.file) : selected;
  }

  /**
   * Of `selected`, each resource defined once, and of those defined more than once the copies
   * nearest to `file` among all copies (nearestCopies): a copy the selector does not select may be
   * the one meant, and then none of that object is selected.
   */
  private nearestCopies(selected: Resource[], file: string): Resource[] {
    let copies: Set<Resource> | undefined;
    for (const r of selected) {
      const named = this.byName.get(r.groupKind)?.get(r.namespace)?.get(r.name);
      if (Array.isArray(named)) (copies ??= new Set()).add(r);
    }
    if (!copies) return selected;
    const kept = new Set<Resource>();
    const seen = new Set<readonly Resource[]>();
    for (const r of copies) {
      const named = this.byName.get(r.groupKind)!.get(r.namespace)!.get(r.name) as Resource[];
      if (seen.has(named)) continue;
      seen.add(named);
      for (const c of nearestCopies(named, file)) kept.add(c);
    }
    return selected.filter((r) => !copies.has(r) || kept.has(r));
  }

  private selectedOwners(namespace: string, selector: Selector): Resource[] {
    if (selector.kind === "none") return [];
    let candidates: readonly Resource[] | undefined;
    const labels = this.byPodLabel.get(namespace);
    for (const r of selector.requirements) {
      if (ADDED_KEYS.has(r.key)) continue;
      let bucket: readonly Resource[];
      if (r.operator === "In" && r.values.length === 1) bucket = labels?.get(r.key)?.get(r.values[0]) ?? [];
      else if (r.operator === "Exists") bucket = this.podOwnersWithKey(namespace, r.key);
      else continue;
      if (!candidates || bucket.length < candidates.length) candidates = bucket;
      if (candidates.length === 0) break;
    }
    const pool = candidates ?? this.podOwnersIn(namespace);
    return pool.filter((owner) => {
      const pods = this.podLabelsOf(owner);
      return pods !== undefined && matches(selector, pods.labels, pods.controllerLabels);
    });
  }

  /**
   * Workloads and Pods of other namespaces whose pods the selector would select there, for
   * naming where the pods a selector misses live. Candidates come from the smallest bucket of an
   * equality requirement across namespaces, at most ELSEWHERE_CANDIDATES of them (a hint costs the
   * same in an input of any size); a selector without one finds none (no full scan).
   */
  podOwnersSelectedElsewhere(namespace: string, selector: Selector): Resource[] {
    if (selector.kind === "none") return [];
    let candidates: readonly Resource[] | undefined;
    for (const r of selector.requirements) {
      if (r.operator !== "In" || r.values.length !== 1 || ADDED_KEYS.has(r.key)) continue;
      const bucket = this.byPodLabelAnywhere.get(r.key)?.get(r.values[0]) ?? [];
      if (!candidates || bucket.length < candidates.length) candidates = bucket;
    }
    return (candidates ?? []).slice(0, ELSEWHERE_CANDIDATES).filter((owner) => {
      const pods = this.podLabelsOf(owner);
      return owner.namespace !== namespace && pods !== undefined && matches(selector, pods.labels, pods.controllerLabels);
    });
  }

  /** The labels of the pods `owner` runs (as read when this index was built, with those kustomize patches add), undefined for a resource that runs none. */
  podLabelsOf(owner: Resource): Pick<PodTemplate, "labels" | "controllerLabels"> | undefined {
    return this.podLabels.get(owner) ?? runningPods(owner);
  }

  /** Workloads and Pods of a namespace whose pods carry the label key (a key their controller adds counts), in input order. */
  podOwnersWithKey(namespace: string, labelKey: string): readonly Resource[] {
    return this.byPodLabelKey.get(namespace)?.get(labelKey) ?? [];
  }

  /** Workloads and Pods of a namespace whose pods carry the label `labelKey=value`, in input order. */
  podOwnersWithLabel(namespace: string, labelKey: string, value: string): readonly Resource[] {
    return this.byPodLabel.get(namespace)?.get(labelKey)?.get(value) ?? [];
  }

  /**
   * Workloads and Pods of a namespace whose pods carry `labelKey` with a value spelled like
   * `value`: equal to it, or equal after one character is deleted from either (every value one
   * edit away, and some two away), found through an index of one-deletion variants (SymSpell);
   * at most `limit` of them.
   * The cost grows with the value's length and `limit`, never with the number of resources.
   * Values longer than a label value may be (63 characters) are not compared.
   */
  podOwnersSpelledLike(namespace: string, labelKey: string, value: string, limit: number): Resource[] {
    if (value.length > MAX_LABEL_VALUE) return [];
    const variants = this.spellingsOf(namespace, labelKey);
    const near = new Set<string>();
    for (const variant of deletionVariants(value)) for (const v of variants.get(variant) ?? []) near.add(v);
    const out: Resource[] = [];
    for (const v of near) {
      for (const owner of this.podOwnersWithLabel(namespace, labelKey, v)) {
        if (out.length === limit) return out;
        out.push(owner);
      }
    }
    return out;
  }

  private spellingsOf(namespace: string, labelKey: string): Map<string, Set<string>> {
    let perKey = this.spellings.get(namespace);
    if (!perKey) this.spellings.set(namespace, (perKey = new Map()));
    let variants = perKey.get(labelKey);
    if (variants) return variants;
    perKey.set(labelKey, (variants = new Map()));
    for (const owner of this.podOwnersWithKey(namespace, labelKey)) {
      const labels = owner.podTemplate!.labels;
      // A key its controller adds is carried without a written value.
      if (!Object.prototype.hasOwnProperty.call(labels, labelKey) || labels[labelKey].length > MAX_LABEL_VALUE) continue;
      const value = labels[labelKey];
      for (const variant of deletionVariants(value)) {
        const values = variants.get(variant);
        if (values) values.add(value);
        else variants.set(variant, new Set([value]));
      }
    }
    return variants;
  }
}

/** Owners weighed when looking for a selector's pods in other namespaces. */
const ELSEWHERE_CANDIDATES = 256;

interface DerivedIndex {
  /** kind/namespace/name -> the custom resource an operator makes that object from. */
  objects: Map<string, Resource>;
  declaringSecrets: Set<string>;
  pods: Map<string, Array<{ owner: Resource; pods: DerivedPods }>>;
  unknown: Map<string, Resource[]>;
}

/** The longest valid label value (k8s.io/apimachinery validation.LabelValueMaxLength). */
const MAX_LABEL_VALUE = 63;

/** A string and every string made by deleting one of its characters. */
function deletionVariants(s: string): Set<string> {
  const out = new Set([s]);
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** The inner map of `map` at `k`, created when absent. */
function row<K, V>(map: Map<K, Map<string, V>>, k: K): Map<string, V> {
  let inner = map.get(k);
  if (!inner) map.set(k, (inner = new Map()));
  return inner;
}

const NO_RESOURCES: readonly Resource[] = [];

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Adds a resource under its name: the resource itself, or the list once the name is defined again. */
function addNamed(map: Map<string, Resource | Resource[]>, name: string, r: Resource) {
  const named = map.get(name);
  if (named === undefined) map.set(name, r);
  else if (Array.isArray(named)) named.push(r);
  else map.set(name, [named, r]);
}

/**
 * The copies of one object nearest to `file`: the last one of that file (applied, it replaces the
 * others), else every copy of the files sharing the most leading folders with it (equally near
 * variants are all candidates: which one is meant is written nowhere).
 */
function nearestCopies(candidates: readonly Resource[], file: string): Resource[] {
  const from = file.split("/");
  let sameFile: Resource | undefined;
  let best: Resource[] = [];
  let bestScore = -1;
  for (const c of candidates) {
    if (c.file === file) sameFile = c;
    if (sameFile) continue;
    const to = c.file.split("/");
    let shared = 0;
    while (shared < from.length - 1 && shared < to.length - 1 && from[shared] === to[shared]) shared++;
    if (shared > bestScore) [best, bestScore] = [[c], shared];
    else if (shared === bestScore) best.push(c);
  }
  return sameFile ? [sameFile] : best;
}

/**
 * The candidate whose file is nearest to `file`: the last one of the same file, else of the files
 * sharing the most leading folders with it, the last in input order. Of copies applied together
 * the last one applied stays (`kubectl apply -f` walks a folder's files in lexical order,
 * k8s.io/cli-runtime resource visitor ExpandPathsToFileVisitors), so a tie is judged against it.
 */
function nearest(candidates: readonly Resource[], file: string): Resource {
  const from = file.split("/");
  let best = candidates[0];
  let bestScore = -1;
  let sameFile: Resource | undefined;
  for (const c of candidates) {
    if (c.file === file) sameFile = c;
    if (sameFile) continue;
    const to = c.file.split("/");
    let shared = 0;
    while (shared < from.length - 1 && shared < to.length - 1 && from[shared] === to[shared]) shared++;
    if (shared >= bestScore) [best, bestScore] = [c, shared];
  }
  return sameFile ?? best;
}
