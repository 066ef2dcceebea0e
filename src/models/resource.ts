/** One Kubernetes object of the input, with lazily parsed typed views. */
import type { ParsedDocument } from "./document.js";
import type { ImageBuild } from "./kustomize-images.js";
import { labelSourcesAt, type LabelSource, type LabelTransformer } from "./kustomize-labels.js";
import type { BuiltNamespace, NamespaceSource } from "./kustomize-namespace.js";
import { dirname } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { patchWritesAt, type GeneratedKind, type GeneratorMerge, type JsonPatchedPaths, type JsonPatchedValue, type JsonPatchOrigin, type NameAffixes, type StrategicallyPatched } from "./kustomization.js";
import type { Path, ResourceRef } from "../types.js";
import { groupKind, resolveType } from "./api-groups.js";
import { valueAtPath } from "./path.js";
import { versionsOfKind } from "./catalogue/index.js";
import { CLUSTER_SCOPED_KINDS, ObjectMeta, PodTemplateSpec, specModels } from "./k8s.js";
import type { PodSpec, PodTemplateSpec as PodTemplateSpecModel, SpecByKind } from "./k8s.js";
import { inputKeyedObject } from "./input-keys.js";
import { CONTROLLER_LABELS } from "./selector.js";

/** Where a workload (or a bare PodTemplate) keeps its pod template, relative to the resource root, by kind. */
export const POD_TEMPLATE_PATHS: ReadonlyMap<string, Path> = new Map<string, Path>([
  ["Deployment", ["spec", "template"]],
  ["ReplicaSet", ["spec", "template"]],
  ["ReplicationController", ["spec", "template"]],
  ["StatefulSet", ["spec", "template"]],
  ["DaemonSet", ["spec", "template"]],
  ["Job", ["spec", "template"]],
  ["CronJob", ["spec", "jobTemplate", "spec", "template"]],
  ["PodTemplate", ["template"]],
  // Argo Rollouts (argoproj.io/v1alpha1): a Deployment's shape, spec.template (empty with spec.workloadRef).
  ["Rollout", ["spec", "template"]],
]);

/** The pods a resource runs, seen the same way for every workload kind. */
export interface PodTemplate {
  /** Labels the pods carry (the template's, or the Pod's own). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
  /** Path of the pod spec (`spec` for a Pod, `spec.template.spec` for a Deployment...). */
  specPath: Path;
  /** Path of the pod metadata. */
  metadataPath: Path;
  /** Labels the controller adds to the pods it creates; selectors may rely on them. */
  controllerLabels: ReadonlySet<string>;
}

const NO_LABELS: ReadonlySet<string> = new Set();
const NO_KEYS: ReadonlySet<string> = new Set();
/** The labels or annotations of an object that has none; prototype-free like every label map. */
const NO_STRINGS: Record<string, string> = Object.freeze(inputKeyedObject<string>());

const get = valueAtPath;

/** A string field of the metadata as ObjectMeta reads it: an own value of the right type, else undefined. */
function metadataString(metadata: unknown, key: "name" | "generateName" | "namespace"): string | undefined {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata) || !Object.hasOwn(metadata, key)) return undefined;
  const v = (metadata as Record<string, unknown>)[key];
  return typeof v === "string" ? v : undefined;
}

/** The text of metadata strings that YAML read as a boolean or a number, by field (Resource's `written`). */
export type WrittenMetadata = Partial<Record<"name" | "generateName" | "namespace", string>>;

/**
 * An object as its file writes it, the label transformers of the kustomizations that build it
 * (models/kustomize-labels.ts), and the fields their namespace transformer sets besides
 * metadata.namespace (models/kustomize-namespace.ts).
 */
export interface KustomizedLabels {
  written: Record<string, unknown>;
  labels: readonly LabelTransformer[];
  /** The fields kustomize's namespace transformer and its name-reference fix set, by where each value comes from. */
  namespace?: ReadonlyArray<{ source: NamespaceSource; paths: readonly Path[]; renamed?: string }>;
  /** The object after the strategic-merge patches every build agrees on (before namespace and labels), and the entries that patched it. */
  patched?: StrategicallyPatched;
}

/** What a resource reads of itself on first use: its typed metadata, spec and pod template. */
interface Views {
  metadata?: ObjectMeta;
  spec?: unknown;
  /** null: the resource runs no pods. */
  template?: PodTemplate | null;
}

/**
 * The resources that hold views (Resource.metadata, spec, podTemplate) since the last release.
 * Views are typed copies of parts of the object: a large run drops them after each batch of
 * resources (engine/lint.ts) instead of keeping a second copy of every object to its end (a
 * quarter of the heap of a 100,000-resource run). A view read again is read again from `raw`.
 */
export class HeldViews {
  private readonly holders: Resource[] = [];

  /** Called by a resource when it builds its first view. */
  hold(resource: Resource): void {
    this.holders.push(resource);
  }

  /** Drops the views of every resource that built some since the last release. */
  release(): void {
    for (const r of this.holders) r.releaseViews();
    this.holders.length = 0;
  }
}

/** Kinds whose names kustomize's namePrefix and nameSuffix leave alone (APIService of apiregistration.k8s.io only, checked by kind here). */
const KEPT_NAMES: ReadonlySet<string> = new Set(["CustomResourceDefinition", "APIService", "Namespace"]);
const NO_NAMES: readonly string[] = [];

export class Resource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** The namespace after defaulting; "" for cluster-scoped kinds. */
  readonly namespace: string;
  /**
   * Whether the namespace is known from the input: written in metadata, set by every kustomize build that
   * emits the object (a kustomization, or a Flux Kustomization that builds its folder), or the default namespace the user set (--default-namespace, the config).
   * False for a namespace-less object that takes the assumed "default" (where `kubectl apply -n`
   * or an overlay decides), for an object the builds put in several namespaces, and for cluster-scoped kinds.
   */
  readonly namespaceCertain: boolean;
  /**
   * The namespaces kustomize builds put an object in when they disagree (two overlays over one
   * base): it lives in each, and the index finds it in each besides `namespace`.
   */
  readonly builtNamespaces: readonly string[];
  /**
   * The names kustomize builds give the object besides its written one (a namePrefix or
   * nameSuffix): a reference written with the built name (`op-manager` for ServiceAccount
   * `manager` under `namePrefix: op-`) reaches it. CustomResourceDefinitions, APIServices and
   * Namespaces keep their names (sigs.k8s.io/kustomize api/builtins PrefixSuffixTransformer,
   * prefixSuffixFieldSpecsToSkip).
   */
  readonly builtNames: readonly string[];
  /**
   * Whether the object is applied under its written name: no kustomize build that emits it
   * renames it, or one of them leaves the name as written (false when every build adds a
   * namePrefix or nameSuffix: only builtNames are applied then).
   */
  readonly keepsName: boolean;
  /**
   * Whether every kustomize build that emits the object gives it a namespace (the
   * same one or, see builtNamespaces, several): the builds place it, not `kubectl apply -n`.
   */
  readonly namespaceSetByBuilds: boolean;
  /**
   * The file of the Kyverno CLI Test that lists this object's file under `policies`, set once when
   * the object is collected: its policies are tested against that Test's resources, not applied to
   * the input (rules/policy/admission-policy.ts).
   */
  policyTest: string | undefined;
  /**
   * The images a Skaffold configuration in the object's folder or a folder above it builds
   * (models/skaffold.ts), set once when the object is collected: Skaffold deploys the object with
   * the images it built in their place.
   */
  skaffoldImages: ReadonlySet<string> | undefined;
  /**
   * The folders the object is applied from (models/placement.ts), set once when it is collected;
   * undefined when it is applied with everything (a context file, stdin, a GitOps input).
   */
  places: readonly string[] | undefined;
  /** The folders of the root kustomizations whose builds emit the object, set once when it is collected (empty: no build emits it). */
  buildRoots: readonly string[] = NO_NAMES;
  /**
   * Whether a kustomization turns the object's file off with a commented-out entry
   * (engine/turned-off-resources.ts), set once when it is collected: it is judged as that build
   * would apply it once turned on, and is not in the index, since nothing applies it now.
   */
  turnedOff = false;
  /** Whether the object comes from a `--context` file, set once when it is collected: it is looked up, never judged. */
  fromContext = false;
  private views: Views | undefined;
  private groupKindCache: string | undefined;
  private ruleKindCache: string | undefined;
  private refCache: ResourceRef | undefined;

  constructor(
    /**
     * The object as written, with the labels a kustomization of the input adds to it
     * (models/kustomize-labels.ts); positions come from the document (see addedByKustomize).
     */
    readonly raw: Record<string, unknown>,
    /** Display path of the file (relative, forward slashes). */
    readonly file: string,
    readonly doc: ParsedDocument,
    /** Path of this object inside its document (`["items", 3]` for an item of a List). */
    readonly basePath: Path,
    defaultNamespace: string,
    /** Sequence number in the run, for stable ordering. */
    readonly id: number,
    /**
     * A strategic-merge patch that a kustomization applies to an object (a partial object): only
     * the fields written are judged, and it is not an object of its own in the index.
     */
    readonly partial = false,
    /** Where the resource notes that it holds views, for the engine to drop them; without it they are kept. */
    private readonly held?: HeldViews,
    /**
     * The text of a metadata name, generateName or namespace that YAML read as another type
     * (`name: y` is the boolean true): what the user named the object, which invalid-type asks to
     * quote. Messages name the object by it, and it is not reported missing.
     */
    written?: WrittenMetadata,
    /** The kustomize builds that emit the object, when one changes its images (models/kustomize-images.ts). */
    readonly imageBuilds?: readonly ImageBuild[],
    /** Whether the input gives defaultNamespace: a kustomization's `namespace`, a Flux Kustomization's targetNamespace, or the user's default namespace. */
    namespaceAssigned = false,
    /** When kustomize's label transformers made `raw` another object: the object as the file writes it, and those transformers. */
    private readonly kustomized?: KustomizedLabels,
    /** The namespaces the kustomize builds that emit the object give it (see builtNamespaces and namespaceSetByBuilds). */
    namespaceOfBuilds?: BuiltNamespace,
    /** The generators with `behavior: merge` or `replace` of each kustomize build that emits the object (see keysMergedInto). */
    private readonly generatorMerges: readonly (readonly GeneratorMerge[])[] = [],
    /** The paths that the JSON patches of each kustomize build that emits the object write (see patchedByKustomize). */
    private readonly jsonPatched: readonly JsonPatchedPaths[] = [],
    /** What each kustomize build that emits the object adds to its name (see builtNames). */
    affixes?: readonly NameAffixes[],
    /** Whether the object's kind is cluster-scoped (crd.ts isClusterScopedKind); by default, whether CLUSTER_SCOPED_KINDS lists it. */
    clusterScoped?: boolean,
  ) {
    this.apiVersion = typeof raw.apiVersion === "string" ? raw.apiVersion : "";
    this.kind = typeof raw.kind === "string" ? raw.kind : "";
    // As ObjectMeta reads them; the rest of the metadata is read when a rule asks for it.
    const name = metadataString(raw.metadata, "name") ?? written?.name;
    const generateName = metadataString(raw.metadata, "generateName") ?? written?.generateName;
    this.name = name ?? (generateName ? `${generateName}*` : "");
    const namespaceWritten = metadataString(raw.metadata, "namespace") ?? written?.namespace;
    // The API server clears the namespace of a cluster-scoped object (apiserver pkg/registry/rest/create.go BeforeCreate).
    const inNoNamespace = clusterScoped ?? CLUSTER_SCOPED_KINDS.has(this.kind);
    this.namespace = inNoNamespace ? "" : (namespaceWritten ?? defaultNamespace);
    // A namespace written is replaced by the builds' (models/kustomize-namespace.ts): builds that disagree leave it uncertain.
    const built = inNoNamespace ? undefined : namespaceOfBuilds;
    this.namespaceCertain = !inNoNamespace && (namespaceWritten !== undefined || namespaceAssigned) && built?.several === undefined;
    this.builtNamespaces = built?.several ?? [];
    const renames = affixes !== undefined && name !== undefined && name !== "" && !KEPT_NAMES.has(this.kind);
    this.builtNames = renames ? [...new Set(affixes.map((a) => `${a.prefix}${name}${a.suffix}`))].filter((n) => n !== name) : NO_NAMES;
    this.keepsName = !renames || affixes.some((a) => a.prefix === "" && a.suffix === "");
    this.namespaceSetByBuilds = built?.renamed !== undefined;
  }

  /** The views, created (and noted with `held`) on first use. */
  private viewed(): Views {
    if (this.views) return this.views;
    this.held?.hold(this);
    return (this.views = {});
  }

  /** Forgets the views (HeldViews.release): the next read builds them again. */
  releaseViews(): void {
    this.views = undefined;
  }

  get metadata(): ObjectMeta {
    const views = this.viewed();
    return (views.metadata ??= ObjectMeta.parse(this.raw.metadata));
  }

  get labels(): Record<string, string> {
    return this.metadata.labels ?? NO_STRINGS;
  }

  get annotations(): Record<string, string> {
    return this.metadata.annotations ?? NO_STRINGS;
  }

  /** API group of apiVersion ("" for the core group). */
  get group(): string {
    const slash = this.apiVersion.indexOf("/");
    return slash === -1 ? "" : this.apiVersion.slice(0, slash);
  }

  /** The object's type as the API server identifies it: `Deployment.apps`, `Service`, `Gateway.gateway.networking.k8s.io` (see groupKind). */
  get groupKind(): string {
    return (this.groupKindCache ??= groupKind(this.apiVersion, this.kind));
  }

  /**
   * Whether `other` is this object: this definition, or another definition of the same group,
   * kind, namespace and name (a copy in a variant folder, which duplicate-resource reports), or
   * one whose name a kustomize build of either gives the other (builtNames: a release file that
   * holds the built output beside the kustomization it came from). Two definitions of one object
   * never conflict with each other, nor share anything as two objects.
   */
  sameObject(other: Resource): boolean {
    if (other === this) return true;
    if (other.groupKind !== this.groupKind || other.namespace !== this.namespace) return false;
    return other.name === this.name || other.builtNames.includes(this.name) || this.builtNames.includes(other.name);
  }

  /**
   * The kind rules are dispatched on (rules/scope.ts) and pod templates are read for: the kind,
   * except for a custom resource that reuses a built-in kind's name (`example.com/v1`
   * `Deployment`), which is its GroupKind (`Deployment.example.com`) so that no rule written for
   * the built-in kind judges it. An object without apiVersion (a kustomize patch) is taken as
   * the built-in kind.
   */
  get ruleKind(): string {
    if (this.ruleKindCache !== undefined) return this.ruleKindCache;
    const own = this.groupKind;
    const shadows = this.apiVersion !== "" && resolveType(this.kind) !== own && versionsOfKind(this.kind).length > 0;
    return (this.ruleKindCache = shadows ? own : this.kind);
  }

  /**
   * The namespaces the object is applied in: where its kustomize builds disagree
   * (builtNamespaces), each of theirs, and its own too when a build sets none
   * (namespaceSetByBuilds false); else its namespace. A reference that follows the object's
   * namespace (a ConfigMap of its pods, an Ingress backend) must resolve in each.
   */
  get appliedNamespaces(): readonly string[] {
    if (!this.builtNamespaces.length) return [this.namespace];
    // A build that sets none leaves the namespace written, which another build may set too.
    return this.namespaceSetByBuilds || this.builtNamespaces.includes(this.namespace) ? this.builtNamespaces : [this.namespace, ...this.builtNamespaces];
  }

  /** One object per resource: every diagnostic of the resource (hundreds of thousands in a large run) shares it; read it, never change it. */
  get ref(): ResourceRef {
    return (this.refCache ??= { apiVersion: this.apiVersion, kind: this.kind, name: this.name, namespace: this.namespace });
  }

  /** `Deployment default/web` style, for messages. */
  get displayName(): string {
    return this.namespace ? `${this.kind} ${this.namespace}/${this.name}` : `${this.kind} ${this.name}`;
  }

  /** The typed spec when this resource is of `kind` (or the typed template of a PodTemplate). */
  spec<K extends keyof SpecByKind>(kind: K): SpecByKind[K] | undefined {
    if (this.kind !== kind) return undefined;
    const views = this.viewed();
    if (views.spec === undefined) {
      const model = specModels[kind];
      // A kind without a typed model (a custom workload such as an Argo Rollout) has no typed spec.
      if (!model) return undefined;
      const source = kind === "PodTemplate" ? this.raw.template : this.raw.spec;
      views.spec = model.parse(source);
    }
    return views.spec as SpecByKind[K];
  }

  /**
   * Whether the field at `path` is one that only a kustomization's label transformer adds (a
   * selector it creates, a label it puts in a map): it has no text of its own in the file.
   */
  addedByKustomize(path: Path): boolean {
    return this.kustomized !== undefined && get(this.raw, path) !== undefined && get(this.kustomized.written, path) === undefined;
  }

  /** Whether a kustomization's labels replaced the value written at `path` (`app: web` made `app: web-canary`). */
  changedByKustomize(path: Path): boolean {
    if (this.kustomized === undefined) return false;
    const built = get(this.raw, path);
    const written = get(this.kustomized.written, path);
    return written !== undefined && (typeof built !== "object" || built === null) && built !== written;
  }

  /** Whether the kustomize build of the root kustomization in folder `root` emits the object: none whose patch deletes it does. */
  emittedBy(root: string): boolean {
    return !this.kustomized?.patched?.deletedIn.includes(root);
  }

  /**
   * Whether a JSON patch of every kustomize build that emits the object writes at `path` or above
   * it (the value the file writes there is applied by none), or, with `orBelow`, inside it. A
   * value that one build patches and another emits as written is still the file's to judge.
   */
  patchedByKustomize(path: Path, orBelow = false): boolean {
    return this.jsonPatched.length > 0 && this.jsonPatched.every((build) => writesAt(build.paths, path, orBelow));
  }

  /**
   * Where the value at `path` was written when a JSON patch put it there in every build that
   * emits the object, the same operation of the same patch in each (an overlay's patch over a
   * base): the operation's origin and index, and the rest of `path` below the path it wrote.
   * Undefined when a build emits the value as written, or builds got it from different patches.
   */
  jsonPatchOrigin(path: Path): { origin: JsonPatchOrigin; op: number; rest: Path } | undefined {
    let found: { origin: JsonPatchOrigin; op: number; rest: Path } | undefined;
    for (const build of this.jsonPatched) {
      // The last operation that wrote at or above the path decides it.
      let last: JsonPatchedValue | undefined;
      for (const v of build.values ?? []) if (v.path.length <= path.length && v.path.every((seg, i) => seg === path[i])) last = v;
      if (!last) return undefined;
      if (!found) found = { origin: last.origin, op: last.op, rest: path.slice(last.path.length) };
      else if (found.origin !== last.origin || found.op !== last.op || found.rest.length !== path.length - last.path.length) return undefined;
    }
    return found;
  }

  /**
   * The fields every kustomize build that emits the object writes with a JSON patch whose value
   * the object as judged does not show (an operation that shifts list items, or takes its value
   * from elsewhere): what is applied there is unknown. For an item of a list, the list.
   */
  unknownPatchedFields(): Path[] {
    const [first, ...rest] = this.jsonPatched;
    if (!first) return [];
    const out = new Map<string, Path>();
    for (const path of first.paths) {
      if (![first, ...rest].every((b) => b.paths.some((p) => isDeepStrictEqual(p, path)) && !(b.values ?? []).some((v) => isDeepStrictEqual(v.path, path)))) continue;
      const last = path[path.length - 1];
      const field = typeof last === "number" || last === "-" ? path.slice(0, -1) : path;
      out.set(JSON.stringify(field), field);
    }
    return [...out.values()];
  }

  /**
   * Whether a JSON patch of the kustomize build of `root` (its kustomization file) writes at `path` or above it, or, with `orBelow`, inside it;
   * or its strategic-merge patches make the value at `path` differ from the one judged (dev's image where prod's patch writes another).
   */
  patchedInBuild(root: string, path: Path, orBelow = false): boolean {
    const build = this.jsonPatched.find((b) => b.root === root);
    return (build !== undefined && writesAt(build.paths, path, orBelow)) || this.changedInBuild(dirname(root), path);
  }

  /**
   * Whether the strategic-merge patches of the kustomize build of `root` (its folder, as buildRoots) make the value at `path` differ from the
   * one judged. A path through a list item whose name the build's object holds at another index (a patch that deletes a container before
   * it) is not compared: the item there is another one, and what the build does to this one is not known here.
   */
  changedInBuild(root: string, path: Path): boolean {
    const variant = this.builtBy(root);
    if (variant === undefined) return false;
    let built: unknown = variant;
    let judged: unknown = this.raw;
    for (const seg of path) {
      if (typeof seg === "number" && !sameItem(built, judged, seg)) return false;
      built = isObject(built) ? (built as Record<string | number, unknown>)[seg] : undefined;
      judged = isObject(judged) ? (judged as Record<string | number, unknown>)[seg] : undefined;
    }
    return !isDeepStrictEqual(built, judged);
  }

  /**
   * The keys that kustomize generators with `behavior: merge` or `replace` write into the
   * ConfigMap or Secret `name` in every build that emits this object: that object has them in
   * the output this object is applied with, whatever its file writes.
   */
  keysMergedInto(kind: GeneratedKind, name: string): ReadonlySet<string> {
    let common: Set<string> | undefined;
    for (const merges of this.generatorMerges) {
      const keys = new Set(merges.filter((m) => m.kind === kind && m.names.includes(name)).flatMap((m) => [...m.keys]));
      common = common ? new Set([...common].filter((k) => keys.has(k))) : keys;
    }
    return common ?? NO_KEYS;
  }

  /** The kustomization whose namespace is the value at `path` (a Namespace's name it renames, a subject's namespace). */
  kustomizeNamespaceSource(path: Path): NamespaceSource | undefined {
    return this.namespaceSetAt(path)?.source;
  }

  /**
   * When the reference map at `path` (a binding's subject) names an object by a name that
   * kustomize renames in the build (namePrefix, nameSuffix) and got its namespace from that
   * object, the file of that object: its written name is not the built one, so it reaches that
   * object only, not others written with the same name (models/kustomize-nameref.ts).
   */
  renamedReferenceAt(path: Path): string | undefined {
    return this.namespaceSetAt([...path, "namespace"])?.renamed;
  }

  private namespaceSetAt(path: Path): { source: NamespaceSource; renamed?: string } | undefined {
    const sets = this.kustomized?.namespace ?? [];
    return sets.find((set) => set.paths.some((p) => p.length === path.length && p.every((s, i) => s === path[i])));
  }

  /** Whether a kustomize patch, strategic-merge or JSON, changes the object in a build that emits it. */
  get patchedInSomeBuild(): boolean {
    return this.kustomized?.patched !== undefined;
  }

  /**
   * The kustomization entries (`patches[0] in overlays/prod/kustomization.yaml`) whose
   * strategic-merge patches set the value at `path`, or anything below it: the value the builds
   * apply there is not the one the file writes. Empty where no patch changed it.
   */
  kustomizePatchSources(path: Path): StrategicallyPatched["sources"] {
    const patched = this.kustomized?.patched;
    if (!patched || isDeepStrictEqual(get(patched.object, path), get(this.kustomized!.written, path))) return [];
    const writing = patched.sources.filter((s) => patchWritesAt(s.value, path, patched.object));
    return writing.length ? writing : patched.sources;
  }

  /**
   * The value at `path` as the builds that emit `other` too apply this object (its strategic-merge
   * patches): a PodDisruptionBudget that only a high-availability Component adds sees the replicas
   * that Component's patch sets, not the base's. Where those builds disagree, or share none with
   * this object, the value as judged (`get`). For fields no namespace or label transformer
   * changes (spec.replicas): the variants are taken before those run.
   */
  /**
   * The object as the kustomize build of `root` (the root kustomization's folder, as displayed)
   * emits it, when that build's patches make it differ from what every build agrees on (the value
   * judged); undefined when it emits the object as judged or does not emit it.
   */
  builtBy(root: string): Record<string, unknown> | undefined {
    const variant = this.kustomized?.patched?.variants?.get(root);
    return variant === undefined || variant === this.raw ? undefined : variant;
  }

  /**
   * Where the kustomize builds that emit the object disagree on the value at `path` (two overlays
   * patch a base's image or replicas otherwise), the builds (root folders, as displayed) that
   * apply the value as judged, the written one: none when every build replaces it. Undefined
   * when every build applies the value judged, when it is a map or a list that is not `absent`
   * (a finding there may be about a part the builds agree on), and for metadata and the fields
   * kustomize's label transformers write, which the variants are taken before.
   */
  buildsApplying(path: Path, absent: boolean): readonly string[] | undefined {
    const variants = this.kustomized?.patched?.variants;
    if (!variants || this.buildRoots.length < 2 || path[0] === "metadata" || this.addedByKustomize(path) || this.changedByKustomize(path)) return undefined;
    const judged = get(this.raw, path);
    if (!absent && typeof judged === "object" && judged !== null) return undefined;
    const applying = this.buildRoots.filter((root) => !this.changedInBuild(root, path));
    return applying.length === this.buildRoots.length ? undefined : applying;
  }

  /**
   * The object as the kustomize build of `root` emits it, where that build's patches make it differ from the one judged: a view of
   * this resource with the build's object, for judging its value (run-rules.ts buildsHolding); undefined where the build emits it as
   * judged. It is in no index.
   */
  inBuild(root: string): Resource | undefined {
    const variant = this.builtBy(root);
    if (variant === undefined) return undefined;
    const view = Object.create(Object.getPrototypeOf(this) as object) as Resource;
    Object.assign(view, this, { raw: variant, views: undefined });
    return view;
  }

  valueInBuildsOf(path: Path, other: Resource): unknown {
    const variants = this.kustomized?.patched?.variants;
    const roots = other.buildRoots.filter((r) => variants?.has(r));
    if (!roots.length) return this.get(path);
    const [first, ...rest] = roots.map((r) => get(variants!.get(r), path));
    return rest.every((v) => isDeepStrictEqual(v, first)) ? first : this.get(path);
  }

  /** The kustomization entries (commonLabels, labels[i]) that put labels at `path`, or at the map or selector it names. */
  kustomizeLabelSources(path: Path): readonly LabelSource[] {
    return this.kustomized ? labelSourcesAt(this.raw, this.kustomized.labels, path) : [];
  }

  /**
   * Whether the string at `path` is a plain yes, on, no, off (y, n and their capitalised forms)
   * that kustomize, which reads the files it lists with YAML 1.2's booleans, took as a string
   * where kubectl's YAML 1.1 reads a boolean (engine/kustomize-scalars.ts).
   */
  readAsStringByKustomize(path: Path): boolean {
    const holder = get(this.kustomized?.written ?? this.raw, path.slice(0, -1));
    return holder !== null && typeof holder === "object" && this.doc.kustomizeStrings?.get(holder)?.has(path[path.length - 1]) === true;
  }

  /** The longest prefix of `path` written in the file (the object itself at worst): where a finding about an added field is shown. */
  writtenAncestor(path: Path): Path {
    let end = path.length;
    while (end > 0 && (this.kustomized === undefined || get(this.kustomized.written, path.slice(0, end)) === undefined)) end--;
    return path.slice(0, end);
  }

  /** The value at a path of the raw object. */
  get(path: Path): unknown {
    return get(this.raw, path);
  }

  /** The value at `path` as the file writes it, before a kustomization's labels (models/kustomize-labels.ts). */
  writtenValue(path: Path): unknown {
    return get(this.kustomized?.written ?? this.raw, path);
  }

  /** The pod template of any workload kind, or of a Pod itself; undefined for other kinds. */
  get podTemplate(): PodTemplate | undefined {
    const cached = this.views?.template;
    if (cached !== undefined) return cached ?? undefined;
    let tpl: PodTemplate | null = null;
    if (this.ruleKind !== this.kind) {
      // A custom resource named like a built-in kind: its spec is not the built-in's.
    } else if (this.kind === "Pod") {
      tpl = {
        labels: this.labels,
        annotations: this.annotations,
        spec: this.spec("Pod") ?? {},
        specPath: ["spec"],
        metadataPath: ["metadata"],
        controllerLabels: NO_LABELS,
      };
    } else if (POD_TEMPLATE_PATHS.has(this.kind)) {
      const path = POD_TEMPLATE_PATHS.get(this.kind)!;
      const t = this.typedTemplate() ?? PodTemplateSpec.parse(get(this.raw, path));
      tpl = {
        labels: t.metadata?.labels ?? NO_STRINGS,
        annotations: t.metadata?.annotations ?? NO_STRINGS,
        spec: t.spec ?? {},
        specPath: [...path, "spec"],
        metadataPath: [...path, "metadata"],
        controllerLabels: CONTROLLER_LABELS.get(this.kind) ?? NO_LABELS,
      };
    }
    this.viewed().template = tpl;
    return tpl ?? undefined;
  }

  /**
   * The pod template as the typed spec of the kind reads it (the same reader on the same value as
   * reading it at its path): rules read both the spec and the template of most workloads, and
   * the template, the largest part of a workload, is then read once instead of twice. Undefined
   * for a kind without a typed spec (an Argo Rollout).
   */
  private typedTemplate(): PodTemplateSpecModel | undefined {
    switch (this.kind) {
      case "Deployment":
      case "ReplicaSet":
      case "ReplicationController":
      case "StatefulSet":
      case "DaemonSet":
      case "Job":
        return this.spec(this.kind)?.template ?? {};
      case "CronJob":
        return this.spec("CronJob")?.jobTemplate?.spec?.template ?? {};
      case "PodTemplate":
        return this.spec("PodTemplate") ?? {};
      default:
        return undefined;
    }
  }
}

/** One container of a pod spec, where it is and whether it is an init container. */
export interface ContainerSite {
  container: NonNullable<PodSpec["containers"]>[number];
  path: Path;
  init: boolean;
}

/**
 * The container lists of each pod template, built on first use: about thirty rules walk the
 * containers of every workload, and a generator with a fresh path per container per rule was the
 * largest allocation of the models (64 MB of 1.4 GB on the 10,000-resource bench corpus with
 * every rule). Keyed by the template object, so the lists live exactly as long as it does.
 */
const SITES = new WeakMap<PodTemplate, ContainerSite[][]>();

/** initContainers, containers, ephemeralContainers: the kubelet's order. */
const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

/**
 * Every container of a pod spec with its path: init containers first, as the kubelet starts them.
 * The list and its paths are shared by every caller: read them, never change them.
 */
export function containersOf(tpl: PodTemplate, which: { init?: boolean; ephemeral?: boolean } = { init: true }): readonly ContainerSite[] {
  let cached = SITES.get(tpl);
  if (!cached) SITES.set(tpl, (cached = []));
  const variant = (which.init !== false ? 1 : 0) + (which.ephemeral ? 2 : 0);
  let sites = cached[variant];
  if (sites) return sites;
  sites = cached[variant] = [];
  for (const field of CONTAINER_LISTS) {
    const init = field === "initContainers";
    if ((init && which.init === false) || (field === "ephemeralContainers" && !which.ephemeral)) continue;
    const list = tpl.spec[field];
    if (!list) continue;
    for (let i = 0; i < list.length; i++) sites.push({ container: list[i], path: [...tpl.specPath, field, i], init });
  }
  return sites;
}

/** A container as the Pod Security checks read it (k8s.io/pod-security-admission policy/visitor.go): its securityContext loosely typed. */
export interface CheckedContainer {
  name: string;
  path: Path;
  /** The securityContext when it is a mapping. */
  securityContext: Record<string, unknown> | undefined;
  raw: Record<string, unknown>;
}

/** By template, as SITES: a dozen Pod Security checks visit the containers of every workload. */
const CHECKED = new WeakMap<PodTemplate, readonly CheckedContainer[]>();

/** Init, regular and ephemeral containers as the Pod Security checks visit them, made once per template. Shared: read them, never change them. */
export function checkedContainersOf(tpl: PodTemplate): readonly CheckedContainer[] {
  let checked = CHECKED.get(tpl);
  if (!checked) {
    checked = containersOf(tpl, { init: true, ephemeral: true }).map(({ container, path }) => {
      const raw = container as unknown as Record<string, unknown>;
      const sc = raw.securityContext;
      const securityContext = typeof sc === "object" && sc !== null && !Array.isArray(sc) ? (sc as Record<string, unknown>) : undefined;
      return { name: container.name ?? "", path, securityContext, raw };
    });
    CHECKED.set(tpl, checked);
  }
  return checked;
}

/** Whether one of `written` is `path` or above it, or, with `orBelow`, inside it. */
function writesAt(written: ReadonlyArray<ReadonlyArray<string | number>>, path: Path, orBelow: boolean): boolean {
  for (const w of written) {
    const n = Math.min(w.length, path.length);
    let i = 0;
    while (i < n && w[i] === path[i]) i++;
    if (i === n && (orBelow || w.length <= path.length)) return true;
  }
  return false;
}

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/** Whether item `i` of two lists is the same named item (or neither names one): what a merge key would pair. */
function sameItem(a: unknown, b: unknown, i: number): boolean {
  const x = Array.isArray(a) ? a[i] : undefined;
  const y = Array.isArray(b) ? b[i] : undefined;
  const name = (v: unknown) => (isObject(v) && !Array.isArray(v) ? (v as Record<string, unknown>).name : undefined);
  return name(x) === name(y);
}
