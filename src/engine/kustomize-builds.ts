/**
 * The `kustomize build`s of the input that emit each file's objects, with the `images` entries
 * applied to them on the way (models/kustomize-images.ts judges what they do to an image), the
 * labels added to them (models/kustomize-labels.ts) and the namespace they get
 * (models/kustomize-namespace.ts): each namespace transformer sets every field it names, so the
 * one that runs last in a build (the outermost kustomization with `namespace`) decides.
 * Order within a kustomization follows kustomize api/internal/target/kusttarget.go
 * accumulateTarget: its resources (a base directory built completely, its own transformers
 * included), then its components in order (each adds its resources and then runs its
 * transformers on everything accumulated so far), then its own transformers. A build is a
 * kustomization that no other kustomization of the input includes: a base used by overlays is
 * built through each of them, a base nothing includes is built alone.
 * The field specs of `configurations` files join kustomize's own as api/internal/target
 * kusttarget.go accumulateTarget merges them: a kustomization's transformers use its own
 * configurations and those of everything it accumulates (its bases and Components, at any
 * depth), and a Component's also those of the kustomization it is applied in.
 * What a build does across its objects is read per root: the ServiceAccounts and Services whose
 * namespaces its name-reference fix writes into references (models/kustomize-nameref.ts), the
 * generators that merge keys into a ConfigMap or Secret of it, and its `vars`.
 */
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import {
  commentedEntries,
  componentEntries,
  configurationEntries,
  generatorMerges,
  idRecordingPatchTargets,
  buildsChartTemplates,
  isKustomization,
  jsonPatchWrites,
  kustomizationNamespace,
  patchFiles,
  patchSelects,
  nameAffixes,
  type NameAffixes,
  resourceEntries,
  strategicPatches,
  varNames,
  type GeneratorMerge,
  type JsonPatchBuilds,
  type JsonPatchWrites,
  type PatchForm,
  type PatchTarget,
  type StrategicPatch,
  type StrategicPatchBuilds,
} from "../models/kustomization.js";
import { imageOverrides, type ImageBuild, type ImageOverride } from "../models/kustomize-images.js";
import {
  agreedLabels,
  configuredLabelFields,
  knownRemoteLabelFields,
  labelTransformers,
  type LabelFieldSpec,
  type LabelTransformer,
} from "../models/kustomize-labels.js";
import { configuredNamespaceFields, type BuiltNamespace, type NamespaceFieldSpec, type NamespaceSource } from "../models/kustomize-namespace.js";
import { refersByNameMap, type Referral, type ReferralBuilds } from "../models/kustomize-nameref.js";
import { STDIN } from "./discover.js";
import type { LoadedFile } from "./load.js";
import { parseText } from "./parse.js";
import { entryPath, realOf } from "./entry-paths.js";
import { turnedOffResources } from "./turned-off-resources.js";

/** The loaded files by absolute path. */
interface LoadedFiles {
  get(absolute: string): LoadedFile | undefined;
}

/** Builds reached from one file, at most: a deeper fan-out of overlays is judged by its first ones. */
const MAX_BUILDS = 64;

interface Kustomization {
  display: string;
  resources: string[];
  components: string[];
  overrides: ImageOverride[];
  /** The kustomization documents, read for their label transformers once the configurations in force are known. */
  documents: Record<string, unknown>[];
  /** commonLabels field specs of its own `configurations` files. */
  configured: LabelFieldSpec[];
  /** namespace field specs of its own `configurations` files. */
  namespaceFields: NamespaceFieldSpec[];
  labels: LabelTransformer[];
  /** Its `namespace`, or the spec.targetNamespace of the Flux Kustomization that builds its folder, which Flux writes over it. */
  namespace?: NamespaceSource;
  /** Its generators with `behavior: merge` or `replace`, which change a ConfigMap or Secret of its build. */
  merges: GeneratorMerge[];
  /** The names of its `vars`. */
  vars: string[];
  /** Its namePrefix and nameSuffix, undefined when it has neither. */
  affixes?: NameAffixes;
  /** The targets of its patches that keep the previous ids of the objects they select (models/kustomization.ts idRecordingPatchTargets). */
  patched: PatchTarget[];
  /** Who includes it: a kustomization, and -1 (its `resources`) or the index of its `components` entry. */
  includedBy: Array<{ by: string; position: number }>;
  /** The files it applies as patches (absolute). */
  patchFiles: string[];
  /** The folders its commented-out `resources` entries name (absolute): see `turnedOffBases`. */
  commentedResources: string[];
  /** Its JSON patches with a target. */
  jsonPatches: JsonPatchWrites[];
  /** Its strategic-merge patches and `replicas` entries, in the order kustomize applies them. */
  strategic: StrategicPatch[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The transformers of one kustomization or Component that a build runs on an object. */
interface BuildStep {
  kustomization: string;
  overrides: readonly ImageOverride[];
  labels: readonly LabelTransformer[];
  namespace?: NamespaceSource;
  affixes?: NameAffixes;
  patched: readonly PatchTarget[];
  jsonPatches: readonly JsonPatchWrites[];
  strategic: readonly StrategicPatch[];
}

interface Build {
  root: string;
  steps: readonly BuildStep[];
}

/** What the builds of the input do to the objects of a file (by its real path, entry-paths.ts realOf). */
export interface FileBuilds {
  /** The builds that emit the file's objects (for a patch file, that apply it), or undefined when none changes an image of them. */
  imageBuildsOf(absolute: string): readonly ImageBuild[] | undefined;
  /** The labels added to the file's objects in every build that emits them (agreedLabels), or undefined when none adds any. */
  labelsOf(absolute: string): readonly LabelTransformer[] | undefined;
  /**
   * What each build that emits the file's objects adds to their names (its kustomizations'
   * namePrefix and nameSuffix, the outermost's on the outside), or undefined when none renames them.
   */
  affixesOf(absolute: string): readonly NameAffixes[] | undefined;
  /**
   * The namespace the builds that emit the file's objects give them, or undefined when none sets
   * one; it is agreed only when every build sets the same one, and two overlays with different
   * namespaces over one base put the objects in both (docs/DECISIONS.md "Namespace objects
   * renamed by a kustomization").
   */
  namespaceOf(absolute: string): BuiltNamespace | undefined;
  /**
   * The namespace of one object of the file when a JSON patch of a build that emits it writes
   * its metadata.namespace (see jsonPatchWrites: a `patches` entry before the kustomization's
   * namespace transformer, which then replaces it, a `patchesJson6902` entry or a
   * PatchTransformer of `transformers` after it); undefined when none does, and namespaceOf holds.
   */
  patchedNamespaceOf(absolute: string, object: { apiVersion: string; kind: string; name: string }): BuiltNamespace | undefined;
  /**
   * For a file with (Cluster)RoleBindings or webhook configurations: the ServiceAccounts and
   * Services of each build that emits it, whose namespaces kustomize's name-reference fix writes
   * into the references to them (models/kustomize-nameref.ts); undefined when no build emits it.
   */
  referralsOf(absolute: string): ReferralBuilds | undefined;
  /**
   * The generators with `behavior: merge` or `replace` of each build that emits the file (those
   * of every kustomization the build's root reaches), or undefined when no such build has one.
   */
  mergesOf(absolute: string): readonly (readonly GeneratorMerge[])[] | undefined;
  /**
   * The names of the `vars` declared in every build that emits the file (by any kustomization
   * its root reaches: kustomize merges them up and substitutes them over the whole build), or
   * undefined when there are none.
   */
  varsOf(absolute: string): ReadonlySet<string> | undefined;
  /** The JSON patches of each build that emits the file (of the kustomizations it passes through), or undefined when no build has one. */
  jsonPatchesOf(absolute: string): JsonPatchBuilds | undefined;
  /**
   * The strategic-merge patches of each build that emits the file's objects, in the order the
   * build applies them (inner kustomizations first), each with the kustomization that applies it;
   * undefined when no build has one.
   */
  strategicPatchesOf(absolute: string): StrategicPatchBuilds | undefined;
  /**
   * For the objects a kustomization makes itself (its generators' ConfigMaps and Secrets): the
   * namespace each build through its folder gives them (undefined: none sets one) and what it
   * adds to their names, its own namePrefix and nameSuffix included; undefined when the folder
   * (a real path) holds no kustomization.
   */
  kustomizationBuilds(dir: string): readonly KustomizationBuild[] | undefined;
  /**
   * The folders (as files are shown) of the root kustomizations whose builds emit the file's
   * objects: where they are applied from (`kubectl apply -k`); empty when no build emits them.
   */
  rootsOf(absolute: string): readonly string[];
  /** Whether only kustomizations of a base turned off by a comment (turnedOffBases) list the file: it is built, not applied. */
  inTurnedOffBase(absolute: string): boolean;
  /**
   * The files (real paths) whose objects `kustomize build` of the folder `dir` (a real path)
   * emits: those its `resources` list (or a comment turns off: turned-off-resources.ts) and those
   * of the bases and Components it includes, at any depth; empty when the folder holds no kustomization.
   */
  emittedFilesOf(dir: string): readonly string[];
  /**
   * The ids the builds that emit the file's objects give them on the way, besides the one
   * written: after each kustomization that sets a namespace or renames, the namespace so far
   * (undefined: as written) and the prefix and suffix so far. kustomize keeps every id an object
   * had (api/resource Resource PrevIds) and picks the object of a patch by any of them (api/resmap
   * GetMatchingResourcesByAnyId).
   */
  givenIdsOf(absolute: string): readonly GivenId[];
}

/** An id a build gives an object on its way (FileBuilds.givenIdsOf). */
export interface GivenId {
  namespace?: string;
  prefix: string;
  suffix: string;
}

/** What one build does to the objects a kustomization makes itself (FileBuilds.kustomizationBuilds). */
export interface KustomizationBuild {
  /** The folder of the build's root kustomization, as files are shown. */
  root: string;
  namespace?: string;
  prefix: string;
  suffix: string;
}

const NO_BUILDS: FileBuilds = { imageBuildsOf: () => undefined, labelsOf: () => undefined, affixesOf: () => undefined, namespaceOf: () => undefined, patchedNamespaceOf: () => undefined, referralsOf: () => undefined, mergesOf: () => undefined, varsOf: () => undefined, jsonPatchesOf: () => undefined, strategicPatchesOf: () => undefined, kustomizationBuilds: () => undefined, rootsOf: () => [], inTurnedOffBase: () => false, emittedFilesOf: () => [], givenIdsOf: () => [] };

/** A readable `configurations` file: its text, or undefined when it cannot be read or is out of reach (configurations.ts readInRoot). */
export type ReadInRoot = (root: string, path: string) => string | undefined;

/**
 * The document of one `configurations` entry: a file of the input (already parsed) or beside it;
 * undefined for a URL (the commonLabels of a few are known: knownRemoteLabelFields) and for a file
 * out of reach: outside the kustomization's directory and its repository (docs/DECISIONS.md
 * "Transformer configurations").
 */
function configurationDocument(dir: string, entry: string, parsed: LoadedFiles, readInRoot: ReadInRoot): { value: unknown } | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return undefined;
  const full = resolve(dir, entry);
  const inside = relative(dir, full);
  if (!inside) return undefined;
  const outside = inside.startsWith("..") || isAbsolute(inside);
  const own = parsed.get(full);
  // A file of the input outside the directory counts only where readInRoot would read it.
  const text = own && !outside ? undefined : readInRoot(dir, entry);
  if (outside && text === undefined) return undefined;
  // kustomize reads the file as one YAML document (sigs.k8s.io/yaml UnmarshalStrict).
  const first = own ? own.docs[0] : text !== undefined ? parseText(text)[0] : undefined;
  return first && { value: first.value };
}

/**
 * `fluxTargetOf` gives, for a kustomization file, the spec.targetNamespace of a Flux Kustomization
 * that builds the folder holding it (Flux writes it as the `namespace` of the kustomization at
 * spec.path, or of the one it generates there); `fluxComponentsOf` the spec.components (absolute)
 * of the one whose spec.path is a folder, which Flux appends to the `components` of the
 * kustomization there (fluxcd/pkg kustomize Generator).
 */
export function kustomizeBuilds(
  loaded: readonly LoadedFile[],
  readInRoot: ReadInRoot,
  fluxTargetOf: (absolute: string) => NamespaceSource | undefined,
  fluxComponentsOf: (dir: string) => readonly string[],
): FileBuilds {
  const nodes = new Map<string, Kustomization>();
  // The files by path, made once a kustomization needs one (most runs have no kustomization).
  let byPath: Map<string, LoadedFile> | undefined;
  const parsed = { get: (absolute: string) => (byPath ??= new Map(loaded.map((l) => [realOf(l.file), l]))).get(absolute) };
  for (const { file, source, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    const name = basename(file.absolute);
    for (const doc of docs) {
      // A kustomization that sets Go template actions builds a Helm chart's templates: no build of objects goes through it.
      if (!isMap(doc.value) || !isKustomization(name, doc.value) || buildsChartTemplates(doc.value)) continue;
      const dir = dirname(realOf(file));
      let node = nodes.get(dir);
      if (!node) {
        nodes.set(dir, (node = { display: file.display, resources: [], components: [], overrides: [], documents: [], configured: [], namespaceFields: [], labels: [], merges: [], vars: [], patched: [], includedBy: [], patchFiles: [], commentedResources: [], jsonPatches: [], strategic: [] }));
        if ("text" in source) node.commentedResources = commentedEntries(source.text).flatMap((e) => (e.form === "bare" && (e.list === "resources" || e.list === "bases") ? [entryPath(dir, e.path)] : []));
      }
      node.resources.push(...resourceEntries(doc.value).map((r) => entryPath(dir, r)));
      node.components.push(...componentEntries(doc.value).map((c) => entryPath(dir, c)));
      node.overrides.push(...imageOverrides(doc.value));
      node.documents.push(doc.value);
      node.merges.push(...generatorMerges(doc.value, (p) => readInRoot(dir, p)));
      node.vars.push(...varNames(doc.value));
      node.affixes ??= nameAffixes(doc.value);
      node.patchFiles.push(...patchFiles(doc.value).map((p) => entryPath(dir, p)));
      node.patched.push(...idRecordingPatchTargets(doc.value, (p) => patchForm(dir, p, parsed, readInRoot)));
      node.jsonPatches.push(...jsonPatchWrites(doc.value, (p) => patchValue(dir, p, parsed, readInRoot), (entry) => pluginConfigs(dir, entry, parsed, readInRoot)).map((p) => placed(p, { file: file.display, docIndex: doc.index }, dir, parsed)));
      node.strategic.push(...strategicPatches(doc.value, (p) => patchDocuments(dir, p, parsed, readInRoot)));
      const namespace = kustomizationNamespace(doc.value);
      node.namespace ??= fluxTargetOf(file.absolute) ?? (namespace === undefined ? undefined : { namespace, kustomization: file.display, entry: "namespace" });
      for (const entry of configurationEntries(doc.value)) {
        const configuration = configurationDocument(dir, entry, parsed, readInRoot);
        node.configured.push(...(configuration ? configuredLabelFields(configuration.value) : knownRemoteLabelFields(entry) ?? []));
        if (configuration) node.namespaceFields.push(...configuredNamespaceFields(configuration.value));
      }
    }
  }
  for (const [dir, node] of nodes) node.components.push(...fluxComponentsOf(dir));
  // Without transformers a build still fixes name references (a ServiceAccount's written namespace).
  if (!nodes.size) return NO_BUILDS;
  /** File -> the kustomizations that list it under `resources`. */
  const listedBy = new Map<string, string[]>();
  /** File -> the kustomizations that apply it as a patch. */
  const patchedBy = new Map<string, string[]>();
  for (const [dir, node] of nodes) for (const p of node.patchFiles) if (!patchedBy.get(p)?.includes(dir)) patchedBy.set(p, [...(patchedBy.get(p) ?? []), dir]);
  for (const [dir, node] of nodes) {
    for (const r of node.resources) {
      const base = nodes.get(r);
      if (base) base.includedBy.push({ by: dir, position: -1 });
      else if (!listedBy.get(r)?.includes(dir)) listedBy.set(r, [...(listedBy.get(r) ?? []), dir]);
    }
    node.components.forEach((c, i) => nodes.get(c)?.includedBy.push({ by: dir, position: i }));
  }
  // A resource file a kustomization turns off with a comment is built as its resource (turned-off-resources.ts), as such a base is.
  for (const [file, dir] of turnedOffResources(loaded)) if (!listedBy.has(file)) listedBy.set(file, [dir]);
  const offDirs = turnedOffBases(nodes);
  /** Kustomization folder -> the files it lists under `resources` (or turns off with a comment). */
  const listing = new Map<string, string[]>();
  for (const [file, dirs] of listedBy) for (const dir of dirs) listing.set(dir, [...(listing.get(dir) ?? []), file]);

  /**
   * What a kustomization accumulates: its own (`own`, of the node and its folder), then its
   * bases' and Components' (cycles, a kustomize error, add nothing), one per key, so that a base
   * reached along several paths adds its share once: field specs of its configurations, the
   * files whose objects its build emits.
   */
  const accumulator = <T>(own: (node: Kustomization, dir: string) => readonly T[], key: (spec: T) => string) => {
    const accumulated = new Map<string, readonly T[]>();
    const accumulating = new Set<string>();
    const specsIn = (dir: string): readonly T[] => {
      const known = accumulated.get(dir);
      if (known) return known;
      const node = nodes.get(dir);
      if (!node || accumulating.has(dir)) return [];
      accumulating.add(dir);
      const out = [...new Map([...own(node, dir), ...[...node.resources, ...node.components].flatMap(specsIn)].map((f) => [key(f), f])).values()];
      accumulating.delete(dir);
      accumulated.set(dir, out);
      return out;
    };
    return specsIn;
  };
  const configuredIn = accumulator((node) => node.configured, (f) => JSON.stringify([f.path, f.kind, f.group, f.version]));
  const namespaceFieldsIn = accumulator((node) => node.namespaceFields, (f) => JSON.stringify([f.path, f.kind, f.group]));
  // The files whose objects a folder's build emits: its own resources, then its bases' and Components'.
  const emittedFilesOf = accumulator((_node, dir) => listing.get(dir) ?? [], (file) => file);
  for (const [dir, node] of nodes) {
    // A Component runs in the accumulation of the kustomization that applies it.
    const around = node.includedBy.filter((i) => i.position >= 0).flatMap((i) => configuredIn(i.by));
    const configured = [...configuredIn(dir), ...around];
    node.labels = node.documents.flatMap((d) => labelTransformers(d, node.display, configured));
    // Its namespace transformer sets the fields of the configurations it accumulates too (kubebuilder's webhook service namespace).
    const fields = node.namespace ? [...namespaceFieldsIn(dir), ...node.includedBy.filter((i) => i.position >= 0).flatMap((i) => namespaceFieldsIn(i.by))] : [];
    if (node.namespace && fields.length) node.namespace = { ...node.namespace, fields };
  }

  const inProgress = new Set<string>();
  /** The steps a kustomization applies to an object that joins it at `position` (-1: its resources; i: its i-th component). */
  const stepsWithin = (dir: string, position: number): BuildStep[] => {
    const node = nodes.get(dir)!;
    const steps: BuildStep[] = [];
    node.components.forEach((c, i) => {
      // A component applied in a cycle is an error of kustomize; it adds nothing here.
      if (i <= position || !nodes.has(c) || inProgress.has(c)) return;
      inProgress.add(c);
      steps.push(...stepsWithin(c, -1));
      inProgress.delete(c);
    });
    if (node.overrides.length || node.labels.length || node.namespace || node.affixes || node.patched.length || node.jsonPatches.length || node.strategic.length) {
      steps.push({ kustomization: node.display, overrides: node.overrides, labels: node.labels, namespace: node.namespace, affixes: node.affixes, patched: node.patched, jsonPatches: node.jsonPatches, strategic: node.strategic });
    }
    return steps;
  };
  const upward = new Map<string, Build[]>();
  /** The builds an object takes from joining `dir` at `position` to each root. */
  const buildsFrom = (dir: string, position: number): Build[] => {
    const key = `${dir}\u0000${position}`;
    const known = upward.get(key);
    if (known) return known;
    const within = stepsWithin(dir, position);
    const node = nodes.get(dir)!;
    const out: Build[] = [];
    if (!node.includedBy.length) out.push({ root: node.display, steps: within });
    inProgress.add(dir);
    for (const { by, position: at } of node.includedBy) {
      if (inProgress.has(by)) continue;
      for (const b of buildsFrom(by, at)) {
        if (out.length >= MAX_BUILDS) break;
        out.push({ root: b.root, steps: [...within, ...b.steps] });
      }
    }
    inProgress.delete(dir);
    upward.set(key, out);
    return out;
  };

  const perFile = new Map<string, readonly Build[]>();
  const buildsOf = (absolute: string): readonly Build[] => {
    let builds = perFile.get(absolute);
    if (!builds) perFile.set(absolute, (builds = (listedBy.get(absolute) ?? []).flatMap((dir) => buildsFrom(dir, -1)).slice(0, MAX_BUILDS)));
    return builds;
  };
  /**
   * The builds a patch file takes part in: a kustomization applies its patches after its
   * resources and components and before its own `images` (api/internal/target
   * kusttarget_configplugin.go configureBuiltinTransformers), so the image a patch writes goes
   * through that kustomization's entries and those of every build above it.
   */
  const patchBuildsOf = (absolute: string): readonly Build[] =>
    (patchedBy.get(absolute) ?? []).flatMap((dir) => buildsFrom(dir, nodes.get(dir)!.components.length)).slice(0, MAX_BUILDS);
  /** Root -> the ServiceAccounts and Services it emits, with their namespace in it; read on first use. */
  let rootReferrals: Map<string, Referral[]> | undefined;
  const referralsOfRoots = (): Map<string, Referral[]> => {
    if (rootReferrals) return rootReferrals;
    rootReferrals = new Map();
    for (const absolute of listedBy.keys()) {
      const file = parsed.get(absolute);
      const own = file ? referralsWritten(file) : [];
      if (!own.length) continue;
      for (const b of buildsOf(absolute)) {
        const built = b.steps.findLast((s) => s.namespace)?.namespace;
        const list = rootReferrals.get(b.root) ?? [];
        rootReferrals.set(b.root, list);
        // The build's namespace replaces one written in the file (docs/DECISIONS.md "Namespace objects renamed by a kustomization").
        const renamed = b.steps.some((s) => s.affixes !== undefined);
        for (const r of own) {
          const identity = { apiVersion: "v1", ...r, namespace: r.written ?? "", namespaces: built ? [built.namespace] : [] };
          // The namespace and prefix/suffix transformers keep the previous id of every object they run on, even one they leave as it was.
          const changed = b.steps.some((s) => s.namespace || s.affixes || s.patched.some((t) => patchSelects(t, identity)));
          // A JSON patch that removes the namespace written leaves it none, unless a namespace transformer sets one (argo-cd's HA redis-ha).
          const removed = r.written !== undefined && b.steps.some((s) => s.jsonPatches.some((p) => removesNamespace(p) && patchSelects(p.target, identity)));
          const written = r.written === undefined || removed ? undefined : { namespace: r.written, kustomization: file!.file.display, entry: "metadata.namespace" };
          list.push({ ...r, renamed, changed, file: file!.file.display, current: built ?? written });
        }
      }
    }
    return rootReferrals;
  };
  /** Root -> the merging generators of the kustomizations it reaches; read on first use. */
  let rootMerges: Map<string, GeneratorMerge[]> | undefined;
  const mergesOfRoots = (): Map<string, GeneratorMerge[]> => {
    if (rootMerges) return rootMerges;
    rootMerges = new Map();
    for (const [dir, node] of nodes) {
      if (!node.merges.length) continue;
      for (const root of new Set(buildsFrom(dir, -1).map((b) => b.root))) rootMerges.set(root, [...(rootMerges.get(root) ?? []), ...node.merges]);
    }
    return rootMerges;
  };
  /** Root -> the names of the vars of the kustomizations it reaches; read on first use. */
  let rootVars: Map<string, Set<string>> | undefined;
  const varsOfRoots = (): Map<string, Set<string>> => {
    if (rootVars) return rootVars;
    rootVars = new Map();
    for (const [dir, node] of nodes) {
      if (!node.vars.length) continue;
      for (const { root } of buildsFrom(dir, -1)) {
        const names = rootVars.get(root) ?? new Set();
        rootVars.set(root, names);
        for (const name of node.vars) names.add(name);
      }
    }
    return rootVars;
  };
  return {
    kustomizationBuilds(dir) {
      if (!nodes.has(dir)) return undefined;
      return buildsFrom(dir, -1).map((b) => ({
        root: dirname(b.root),
        namespace: b.steps.findLast((s) => s.namespace)?.namespace?.namespace,
        prefix: b.steps.map((s) => s.affixes?.prefix ?? "").reverse().join(""),
        suffix: b.steps.map((s) => s.affixes?.suffix ?? "").join(""),
      }));
    },
    rootsOf(absolute) {
      const builds = buildsOf(absolute);
      return builds.length ? [...new Set(builds.map((b) => dirname(b.root)))] : [];
    },
    emittedFilesOf,
    givenIdsOf(absolute) {
      return buildsOf(absolute).flatMap((b) => {
        let given: GivenId = { prefix: "", suffix: "" };
        return b.steps.flatMap((s) => {
          if (!s.namespace && !s.affixes) return [];
          given = { namespace: s.namespace?.namespace ?? given.namespace, prefix: (s.affixes?.prefix ?? "") + given.prefix, suffix: given.suffix + (s.affixes?.suffix ?? "") };
          return [given];
        });
      });
    },
    inTurnedOffBase(absolute) {
      const by = listedBy.get(absolute);
      return by !== undefined && by.every((dir) => offDirs.has(dir));
    },
    strategicPatchesOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.strategic.length))) return undefined;
      return builds.map((b) => {
        // A kustomization's patches run before its namespace transformer, which renames a v1 Namespace: a patch sees the name the steps before it gave.
        let renamed: string | undefined;
        const patches = b.steps.flatMap((s, step) => {
          const own = s.strategic.map((patch) => ({ patch, kustomization: s.kustomization, step, ...(renamed !== undefined ? { namespaceName: renamed } : {}) }));
          if (s.namespace) renamed = s.namespace.namespace;
          return own;
        });
        return { root: dirname(b.root), patches };
      });
    },
    jsonPatchesOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.jsonPatches.length))) return undefined;
      return builds.map((b) => ({ root: b.root, patches: b.steps.flatMap((s, step) => s.jsonPatches.map((p) => ({ ...p, step }))) }));
    },
    varsOf(absolute) {
      const roots = varsOfRoots();
      const builds = roots.size ? buildsOf(absolute) : [];
      if (!builds.length) return undefined;
      const [first, ...rest] = builds.map((b) => roots.get(b.root) ?? new Set<string>());
      const common = [...first].filter((name) => rest.every((names) => names.has(name)));
      return common.length ? new Set(common) : undefined;
    },
    mergesOf(absolute) {
      const roots = mergesOfRoots();
      const builds = roots.size ? buildsOf(absolute) : [];
      return builds.some((b) => roots.has(b.root)) ? builds.map((b) => roots.get(b.root) ?? []) : undefined;
    },
    referralsOf(absolute) {
      const file = parsed.get(absolute);
      if (!file?.docs.some((d) => isMap(d.value) && refersByNameMap(d.value))) return undefined;
      const builds = buildsOf(absolute);
      return builds.length ? builds.map((b) => ({ referrals: referralsOfRoots().get(b.root) ?? [], renames: b.steps.some((s) => s.affixes !== undefined) })) : undefined;
    },
    imageBuildsOf(absolute) {
      const builds = [...buildsOf(absolute), ...patchBuildsOf(absolute)];
      if (!builds.some((b) => b.steps.some((s) => s.overrides.length))) return undefined;
      return builds.map((b) => ({ root: b.root, steps: b.steps.filter((s) => s.overrides.length).map((s) => ({ kustomization: s.kustomization, overrides: s.overrides })) }));
    },
    labelsOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.labels.length))) return undefined;
      const agreed = agreedLabels(builds.map((b) => b.steps.flatMap((s) => s.labels)));
      return agreed.length ? agreed : undefined;
    },
    affixesOf(absolute) {
      const builds = buildsOf(absolute);
      if (!builds.some((b) => b.steps.some((s) => s.affixes))) return undefined;
      // An overlay's prefix goes before its bases' (prefix of the outermost first), its suffix after theirs.
      return builds.map((b) => ({ prefix: b.steps.map((s) => s.affixes?.prefix ?? "").reverse().join(""), suffix: b.steps.map((s) => s.affixes?.suffix ?? "").join("") }));
    },
    namespaceOf(absolute) {
      return agreedNamespace(buildsOf(absolute).map((b) => b.steps.findLast((s) => s.namespace)?.namespace));
    },
    patchedNamespaceOf(absolute, object) {
      const builds = buildsOf(absolute);
      const writes = (s: BuildStep) => s.jsonPatches.some((p) => p.namespace !== undefined && patchSelects(p.target, object));
      if (!builds.some((b) => b.steps.some(writes))) return undefined;
      // Each build's transformers in the order they run: the last one to set the namespace decides.
      return agreedNamespace(
        builds.map((b) => {
          let current: NamespaceSource | undefined;
          const patched = (s: BuildStep, before: boolean) => {
            for (const p of s.jsonPatches) {
              if (p.namespace !== undefined && (p.field === "patches") === before && patchSelects(p.target, object)) current = { namespace: p.namespace, kustomization: s.kustomization, entry: p.entry };
            }
          };
          for (const s of b.steps) {
            patched(s, true);
            current = s.namespace ?? current;
            patched(s, false);
          }
          return current;
        }),
      );
    },
  };
}

/** What the builds of an object give it, one namespace (or none) per build: agreed when every build sets the same one. */
function agreedNamespace(given: ReadonlyArray<NamespaceSource | undefined>): BuiltNamespace | undefined {
  const set = given.filter((n) => n !== undefined);
  if (!set.length) return undefined;
  const everyBuild = set.length === given.length;
  const several = [...new Set(set.map((n) => n.namespace))];
  if (everyBuild && several.length === 1) return { agreed: set[0], renamed: set[0] };
  return { renamed: everyBuild ? set[0] : undefined, several };
}

/**
 * A kustomization that nothing includes, named by a commented-out `resources` entry of another
 * (`#- ../prometheus` in kubebuilder's config/default), is built as that one's base: the part a
 * scaffold ships turned off is written for the build it joins when turned on, with its objects in
 * the placeholder namespace `system` that the build's `namespace` replaces (docs/DECISIONS.md
 * "A base turned off by a comment"). A kustomization included by any written entry keeps only its
 * real builds.
 */
function turnedOffBases(nodes: ReadonlyMap<string, Kustomization>): Set<string> {
  const turnedOff: Array<{ base: Kustomization; folder: string; by: string }> = [];
  for (const [dir, node] of nodes) {
    for (const folder of node.commentedResources) {
      const base = nodes.get(folder);
      if (base && base !== node && !base.includedBy.length) turnedOff.push({ base, folder, by: dir });
    }
  }
  for (const { base, by } of turnedOff) base.includedBy.push({ by, position: -1 });
  // What such a base includes that nothing else does is turned off with it.
  const off = new Set(turnedOff.map((t) => t.folder));
  for (const dir of off) {
    for (const r of nodes.get(dir)!.resources) {
      const inner = nodes.get(r);
      if (inner && !off.has(r) && inner.includedBy.every((i) => off.has(i.by))) off.add(r);
    }
  }
  return off;
}

/** A patch's parsed content, from its inline text or its file (of the input, else read beside the kustomization). */
/** The documents of a `transformers` (or `generators`) entry: inline YAML, a file of the input, else one read beside the kustomization; none for a folder. */
function pluginConfigs(dir: string, entry: string, parsed: LoadedFiles, readInRoot: ReadInRoot): unknown[] {
  if (entry.includes("\n")) return parseText(entry).map((d) => d.value);
  const own = parsed.get(entryPath(dir, entry));
  if (own) return own.docs.map((d) => d.value);
  const text = readInRoot(dir, entry);
  return text === undefined ? [] : parseText(text).map((d) => d.value);
}

/** Whether a JSON patch removes the object's metadata.namespace. */
function removesNamespace(patch: JsonPatchWrites): boolean {
  return (patch.ops ?? []).some((op) => isMap(op) && op.op === "remove" && op.path === "/metadata/namespace");
}

/**
 * The patch with the origin of its operations: the inline `patch` string of its entry in the
 * kustomization document, or the first document of its `path` file when that file is an input file
 * (else nothing places them).
 */
function placed(patch: JsonPatchWrites, kustomization: { file: string; docIndex: number }, dir: string, parsed: LoadedFiles): JsonPatchWrites {
  const { written } = patch;
  if (!written || (patch.field !== "patches" && patch.field !== "patchesJson6902")) return patch;
  if (written.inline) return { ...patch, origin: { ...kustomization, at: [patch.field, written.index, "patch"], inline: true } };
  const own = written.path === undefined ? undefined : parsed.get(entryPath(dir, written.path));
  const first = own?.docs[0];
  return own && first ? { ...patch, origin: { file: own.file.display, docIndex: first.index, at: [], inline: false } } : patch;
}

function patchValue(dir: string, patch: { patch?: string; path?: string }, parsed: LoadedFiles, readInRoot: ReadInRoot): unknown {
  const own = patch.path === undefined ? undefined : parsed.get(entryPath(dir, patch.path));
  if (own) return own.docs[0]?.value;
  const text = patch.patch ?? (patch.path === undefined ? undefined : readInRoot(dir, patch.path));
  return text === undefined ? undefined : parseText(text)[0]?.value;
}

/** Every document of a patch, inline or from its file (of the input, else read beside the kustomization). */
function patchDocuments(dir: string, patch: { patch?: string; path?: string }, parsed: LoadedFiles, readInRoot: ReadInRoot): readonly unknown[] {
  const own = patch.path === undefined ? undefined : parsed.get(entryPath(dir, patch.path));
  if (own) return own.docs.map((d) => d.value);
  const text = patch.patch ?? (patch.path === undefined ? undefined : readInRoot(dir, patch.path));
  return text === undefined ? [] : parseText(text).map((d) => d.value);
}

/**
 * A patch's form, from its inline text or its file (of the input, else read beside the
 * kustomization): a list of operations is a JSON patch, an object a strategic-merge one.
 */
function patchForm(dir: string, patch: { patch?: string; path?: string }, parsed: LoadedFiles, readInRoot: ReadInRoot): PatchForm {
  const first = patchValue(dir, patch, parsed, readInRoot);
  return Array.isArray(first) ? "json" : isMap(first) ? "strategic-merge" : undefined;
}

/** The v1 ServiceAccounts and Services a file writes (items of a List too), by name and written namespace. */
function referralsWritten(file: LoadedFile): Omit<Referral, "current" | "renamed" | "changed" | "file">[] {
  const out: Omit<Referral, "current" | "renamed" | "changed" | "file">[] = [];
  const add = (v: unknown): void => {
    if (!isMap(v)) return;
    if (typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items)) return v.items.forEach(add);
    if (v.apiVersion !== "v1" || (v.kind !== "ServiceAccount" && v.kind !== "Service") || !isMap(v.metadata) || typeof v.metadata.name !== "string") return;
    const namespace = v.metadata.namespace;
    out.push({ kind: v.kind, name: v.metadata.name, ...(typeof namespace === "string" && namespace ? { written: namespace } : {}) });
  };
  for (const doc of file.docs) add(doc.value);
  return out;
}
