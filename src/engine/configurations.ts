/**
 * The documents of the input that are not API objects although they look like them, decided
 * over the whole input before resources are collected: client-side configuration files
 * (kustomizations, kubeconfig, kubeadm, kind...), the files a kustomization applies as patches
 * (partial objects), the files its generators read as data, and the ConfigMaps and Secrets
 * kustomization generators make.
 */
import { existsSync } from "node:fs";
import { nearestPath } from "./kustomization-paths.js";
import { basename, dirname, isAbsolute, join, posix, relative, resolve } from "node:path";
import { configurationFormat, type ConfigurationFormat } from "../models/config-files.js";
import type { ConfigurationDocument } from "../types.js";
import {
  generatedObjects,
  generatorDataFiles,
  inlinePatchLabels,
  type InlinePatchLabels,
  buildsChartTemplates,
  isKustomization,
  patchFiles,
  patchFileTargets,
  pluginConfigFiles,
  resourceEntries,
  type GeneratedObject,
  type PatchTarget,
  type GeneratorMerge,
  type GeneratorField,
  commentedEntries,
  type JsonPatchBuilds,
  type StrategicPatchBuilds,
  type NameAffixes,
} from "../models/kustomization.js";
import type { ImageBuild } from "../models/kustomize-images.js";
import type { BuiltNamespace, NamespaceSource } from "../models/kustomize-namespace.js";
import type { LabelTransformer } from "../models/kustomize-labels.js";
import type { ReferralBuilds } from "../models/kustomize-nameref.js";
import { groupOf } from "../models/api-groups.js";
import { folderOf } from "../folders.js";
import { policyTestInputs, policyTestSubjects, templatedClusterLoaderTemplates } from "../models/policy-tests.js";
import { STDIN, workingTreeOf, type DiscoveredFile } from "./discover.js";
import { isSkaffoldConfig, skaffoldArtifacts } from "../models/skaffold.js";
import { kustomizeBuilds, type KustomizationBuild } from "./kustomize-builds.js";
import { INPUT_LIMITS, readFileBounded } from "./bounded-read.js";
import type { LoadedFile } from "./load.js";
import { entryPath, realOf } from "./entry-paths.js";
import { commentedResourceFiles, turnedOffResources } from "./turned-off-resources.js";
import { builtObjectIds, copiesBuiltObjects, isUnlistedPatchFile, leadingCommentSaysPatch, PATCH_KIND, PATCH_WORD } from "./patch-files.js";
import { parseText } from "./parse.js";

const KUSTOMIZE: ConfigurationFormat = configurationFormat("kustomize.config.k8s.io/v1beta1", "Kustomization")!;
const KUSTOMIZE_PLUGIN: ConfigurationFormat = { tool: "kustomize plugin", kinds: [], source: "https://kubectl.docs.kubernetes.io/guides/extending_kustomize/" };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface InputRoles {
  /** What a configuration document is (its position aside), or undefined for a manifest. */
  configurationOf(file: DiscoveredFile, value: Record<string, unknown>): Omit<ConfigurationDocument, "line"> | undefined;
  /**
   * Whether a kustomization's generator reads this file as data (and none lists it as a resource
   * or applies it as a patch): its text becomes a ConfigMap's or Secret's value, it is no object.
   */
  isGeneratorData(file: DiscoveredFile): boolean;
  /** Whether a kustomization of the input applies this file as a patch. */
  isPatch(file: DiscoveredFile): boolean;
  /** Whether only kustomizations that build a Helm chart's templates (buildsChartTemplates) apply this file as a patch, and none lists it: a piece of that chart. */
  isChartPatch(file: DiscoveredFile): boolean;
  /** How the kustomizations that apply this patch file pick its objects (models/kustomization.ts patchFileTargets). */
  patchSelectionOf(file: DiscoveredFile): PatchSelection;
  /**
   * The namespace kustomize gives this file's objects, if one is set: the spec.targetNamespace of
   * a Flux Kustomization whose spec.path holds the file, else the namespace every build that emits
   * them gives (through bases and Components too; engine/kustomize-builds.ts).
   */
  namespaceOf(file: DiscoveredFile): BuiltNamespace | undefined;
  /** The namespace of one object of the file when a JSON patch of a build writes its metadata.namespace (FileBuilds.patchedNamespaceOf); undefined otherwise. */
  patchedNamespaceOf(file: DiscoveredFile, object: { apiVersion: string; kind: string; name: string }): BuiltNamespace | undefined;
  /**
   * The namespaces the kustomize builds give the objects of an entry that lists them (a path as
   * the builds resolve entries: engine/entry-paths.ts entryPath), for entries the run does not
   * read; empty when a build emits them in the namespaces written there, which the run cannot see.
   */
  entryNamespaces(path: string): readonly string[];
  /** Whether a kustomization of the input lists this file under `resources`: an overlay that includes it may set its namespace. */
  isListed(file: DiscoveredFile): boolean;
  /** Whether a kustomization turns the file off with a comment (turned-off-resources.ts): judged in its build, not applied with it. */
  isTurnedOff(file: DiscoveredFile): boolean;
  /** The test suite that applies this file's policies to its own test resources (a Kyverno CLI Test lists it under `policies`), if one does. */
  policyTestOf(file: DiscoveredFile): string | undefined;
  /** The images the Skaffold configurations of the file's folder and the folders above it build (models/skaffold.ts); undefined when none does. */
  skaffoldImagesOf(file: DiscoveredFile): ReadonlySet<string> | undefined;
  /**
   * The folders the file's objects are applied from (models/placement.ts): the roots of the
   * kustomize builds that emit them, else the file's folder; undefined for stdin and for an input
   * that holds a Flux Kustomization or an Argo CD Application, whose controller applies folders
   * of the repository together.
   */
  placesOf(file: DiscoveredFile): readonly string[] | undefined;
  /** The folders of the root kustomizations whose builds emit this file's objects (empty: none). */
  buildRootsOf(file: DiscoveredFile): readonly string[];
  /** The tool whose test feeds it the file (a gator Suite, a Chainsaw step, a clusterloader2 config), unless a kustomization also lists it. */
  testInputOf(file: DiscoveredFile): string | undefined;
  /** ConfigMaps and Secrets the input's kustomizations generate. */
  generated: GeneratedObject[];
  /** The labels the input's kustomizations' inline strategic-merge patches write. */
  inlinePatchLabels: InlinePatchLabels[];
  /** The builds of the input's kustomizations that emit this file's objects, when one of them changes images. */
  imageBuildsOf(file: DiscoveredFile): readonly ImageBuild[] | undefined;
  /** The labels the input's kustomizations add to this file's objects in every build that emits them. */
  labelsOf(file: DiscoveredFile): readonly LabelTransformer[] | undefined;
  /** What each build of the input's kustomizations that emits this file's objects adds to their names (namePrefix, nameSuffix); undefined when none renames them. */
  affixesOf(file: DiscoveredFile): readonly NameAffixes[] | undefined;
  /** The ServiceAccounts and Services of each build that emits this file, for the namespaces kustomize writes into references to them. */
  referralsOf(file: DiscoveredFile): ReferralBuilds | undefined;
  /** The generators with `behavior: merge` or `replace` of each build that emits this file. */
  mergesOf(file: DiscoveredFile): readonly (readonly GeneratorMerge[])[] | undefined;
  /** The names of the kustomize `vars` every build that emits this file declares. */
  varsOf(file: DiscoveredFile): ReadonlySet<string> | undefined;
  /** The JSON patches (with their targets) of each build that emits this file. */
  jsonPatchesOf(file: DiscoveredFile): JsonPatchBuilds | undefined;
  /** The strategic-merge patches of each build that emits this file, in the order it applies them. */
  strategicPatchesOf(file: DiscoveredFile): StrategicPatchBuilds | undefined;
  /** When this document is a Flux Kustomization whose spec.path names nothing in its repository: the path it probably meant, if one is near. */
  fluxPathMissing(value: Record<string, unknown>): { meant?: string } | undefined;
}

/**
 * A generator's env file or a `configurations` file, through the one bounded reader; undefined
 * when it cannot be read, or lies outside the kustomization's directory and outside the git
 * repository that holds it. kustomize's default load restrictor (LoadRestrictionsRootOnly) refuses
 * any file outside the directory, so a repository that lists one builds with
 * `--load-restrictor LoadRestrictionsNone` (argo-rollouts' docs/features/kustomize/example): the
 * file is read as that build reads it. Never beyond the repository: input from a pull request
 * must not make the run read the machine's other files.
 */
function readInRoot(root: string, path: string): string | undefined {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith("..") || isAbsolute(rel)) {
    const repository = workingTreeOf(root);
    if (repository === undefined || workingTreeOf(dirname(full)) !== repository) return undefined;
  }
  const read = readFileBounded(full, INPUT_LIMITS.settings);
  return "bytes" in read ? read.bytes.toString("utf8") : undefined;
}

/** How kustomize picks the objects a patch file changes: by the file's own kind and name, and by each entry's `target`. */
export interface PatchSelection {
  byName: boolean;
  targets: readonly PatchTarget[];
}

const BY_NAME: PatchSelection = { byName: true, targets: [] };

/** Reads every kustomization of the input once: linear in the number of documents. */
export function classifyInputs(loaded: readonly LoadedFile[], defaultNamespace: string): InputRoles {
  const patches = new Set<string>();
  /** The patch files of kustomizations that build a Helm chart's templates (buildsChartTemplates). */
  const chartPatches = new Set<string>();
  const pluginConfigs = new Set<string>();
  const flux: FluxKustomization[] = [];
  const fluxPaths: FluxPath[] = [];
  const listed = new Set<string>();
  /** The generators' objects of each kustomization, by its folder (a real path), before the builds above it place them. */
  const generatedBy: Array<{ dir: string; made: GeneratedObject[] }> = [];
  /** Folder (real path) -> the images its Skaffold configurations build. */
  const skaffoldBuilds = new Map<string, Set<string>>();
  /** Folder (real path) -> the images the Skaffold configurations of it and the folders above it build (skaffoldImagesOf). */
  const skaffoldByFolder = new Map<string, ReadonlySet<string> | undefined>();
  /** Whether the input holds an Argo CD Application or ApplicationSet (see placesOf). */
  let argoApplications = false;
  /** File (absolute) -> its places, asked once per object and answered once per file. */
  const placesByFile = new Map<string, readonly string[] | undefined>();
  /** The ConfigMaps and Secrets the input writes, by kind and name: what a merging generator may change. */
  const writtenData = new Set<string>();
  const inlineLabels: InlinePatchLabels[] = [];
  const generatorData = new Map<string, GeneratorField>();
  const commentedPatches = new Set<string>();
  /** The files commented-out `resources` entries name: left out of a build on purpose, whatever objects they define. */
  const commentedResources = new Set<string>();
  const kustomizationDirs = new Set<string>();
  /** Files that policy test suites feed to policies, with the tool that reads them (models/policy-tests.ts). */
  const testInputs = new Map<string, string>();
  /** Policy files a Kyverno CLI Test applies to its resources, with the Test's file. */
  const testSubjects = new Map<string, string>();
  const selections = new Map<string, PatchSelection>();
  /** Fleet bundles by folder (real path): the namespaces their fleet.yaml gives the objects below it. */
  const fleetBundles = new Map<string, FleetNamespaces>();
  for (const { file, source, docs } of loaded) {
    const name = file.absolute === STDIN ? "" : basename(file.absolute);
    let commentsRead = false;
    // A clusterloader2 config that is a Go template does not parse as YAML: its object templates are read from the text.
    if (file.absolute !== STDIN && "text" in source && docs.some((d) => d.template !== undefined)) {
      for (const t of templatedClusterLoaderTemplates(source.text)) testInputs.set(resolve(dirname(file.absolute), t.path), t.tool);
    }
    for (const doc of docs) {
      // A Fleet bundle (fleet.yaml): its namespace and defaultNamespace place the bundle's objects.
      if (name === "fleet.yaml" && isMap(doc.value)) {
        const bundle = fleetNamespaces(doc.value, file.display);
        if (bundle) fleetBundles.set(dirname(realOf(file)), bundle);
      }
      if (file.absolute !== STDIN && isSkaffoldConfig(doc.value)) {
        const dir = dirname(realOf(file));
        skaffoldBuilds.set(dir, new Set([...(skaffoldBuilds.get(dir) ?? []), ...skaffoldArtifacts(doc.value)]));
      }
      if (isMap(doc.value) && (doc.value.kind === "ConfigMap" || doc.value.kind === "Secret") && isMap(doc.value.metadata) && typeof doc.value.metadata.name === "string") writtenData.add(`${doc.value.kind}\u0000${doc.value.metadata.name}`);
      const built = isMap(doc.value) && file.absolute !== STDIN ? fluxBuild(doc.value) : undefined;
      if (built) flux.push({ file, ...built });
      if (isMap(doc.value) && isArgoApplication(doc.value)) argoApplications = true;
      const sourced = isMap(doc.value) && file.absolute !== STDIN ? fluxSourcedPath(doc.value) : undefined;
      if (sourced) fluxPaths.push({ file, value: doc.value as Record<string, unknown>, ...sourced });
      if (isMap(doc.value) && file.absolute !== STDIN) {
        for (const t of policyTestInputs(doc.value)) testInputs.set(resolve(dirname(file.absolute), t.path), t.tool);
        for (const p of policyTestSubjects(doc.value)) testSubjects.set(resolve(dirname(file.absolute), p), file.display);
      }
      if (!isMap(doc.value) || !isKustomization(name, doc.value)) continue;
      // Env files of generators are read for their keys (relative to the kustomization; stdin has no directory).
      const readEnvFile = file.absolute === STDIN ? undefined : (p: string) => readInRoot(dirname(file.absolute), p);
      inlineLabels.push(...inlinePatchLabels(doc.value, (t) => parseText(t)[0]?.value));
      const made = generatedObjects(doc.value, defaultNamespace, readEnvFile);
      if (made.length) generatedBy.push({ dir: file.absolute === STDIN ? "" : dirname(realOf(file)), made: file.absolute === STDIN ? made : made.map((g) => ({ ...g, places: [folderOf(file.display)] })) });
      // Paths are relative to the kustomization's directory; stdin has none.
      if (file.absolute === STDIN) continue;
      // Entries and files are matched by real path: kustomize follows symbolic links (entry-paths.ts).
      const dir = dirname(realOf(file));
      kustomizationDirs.add(dir);
      // The patches of a kustomization that builds a Helm chart's templates are pieces of the chart (`{{ .Values.x }}`), not objects.
      const chart = buildsChartTemplates(doc.value);
      for (const p of patchFiles(doc.value)) (chart ? chartPatches : patches).add(entryPath(dir, p));
      for (const { path, byName, target } of patchFileTargets(doc.value)) {
        const absolute = entryPath(dir, path);
        const selection = selections.get(absolute) ?? { byName: false, targets: [] };
        selections.set(absolute, { byName: selection.byName || byName, targets: target ? [...selection.targets, target] : selection.targets });
      }
      if (!commentsRead && "text" in source) {
        for (const p of commentedPatchFiles(source.text)) commentedPatches.add(entryPath(dir, p));
        for (const p of commentedResourceFiles(source.text, dir)) commentedResources.add(p);
      }
      commentsRead = true;
      for (const p of pluginConfigFiles(doc.value)) pluginConfigs.add(entryPath(dir, p));
      for (const r of resourceEntries(doc.value)) listed.add(entryPath(dir, r));
      for (const { path, field } of generatorDataFiles(doc.value)) generatorData.set(entryPath(dir, path), field);
    }
  }
  // A resource file a kustomization turns off with a comment is its resource, as if turned on (turned-off-resources.ts).
  const turnedOff = turnedOffResources(loaded);
  for (const p of turnedOff.keys()) listed.add(p);
  // A file no kustomization lists as a resource, named by a commented-out patch entry, is a patch that is turned off.
  for (const p of commentedPatches) if (!listed.has(p)) patches.add(p);
  const inputFolders = flux.length || fluxPaths.length ? foldersOf(loaded) : undefined;
  const folders = flux.length ? fluxBuiltFolders(inputFolders!, flux) : undefined;
  const missingFluxPaths = fluxPaths.length ? fluxPathsMissing(inputFolders!, fluxPaths) : undefined;
  const fluxTargetOf = (absolute: string) => (folders ? targetOf(folders.targets, absolute) : undefined);
  const builds = kustomizeBuilds(loaded, readInRoot, fluxTargetOf, (dir) => folders?.components.get(dir) ?? []);
  const builtIds = kustomizationDirs.size ? builtObjectIds(builds, new Map(loaded.map((l) => [realOf(l.file), l]))) : undefined;
  for (const loadedFile of loaded) {
    const { file, source } = loadedFile;
    const p = realOf(file);
    if (p === STDIN || listed.has(p) || patches.has(p) || chartPatches.has(p) || pluginConfigs.has(p) || generatorData.has(p) || !("text" in source)) continue;
    if (kustomizationDirs.has(dirname(p)) ? isUnlistedPatchFile(p, kustomizationDirs) || leadingCommentSaysPatch(source.text, PATCH_WORD) : (kustomizationDirs.size > 0 && isUnlistedPatchFile(p, kustomizationDirs)) || leadingCommentSaysPatch(source.text, PATCH_KIND)) patches.add(p);
    // A copy of a patch kept in the tree: what it defines, a build of the tree emits (patch-files.ts copiesBuiltObjects).
    else if (builtIds && !commentedResources.has(p) && copiesBuiltObjects(loadedFile, kustomizationDirs, builtIds)) patches.add(p);
  }
  // A `behavior: merge` or `replace` entry changes the object a base makes or writes, in the base's namespace: it is no object of its own when the input has that one.
  const created = new Set([...writtenData, ...generatedBy.flatMap(({ made }) => made.flatMap((g) => (g.merges ? [] : [`${g.kind}\u0000${g.names[0]}`])))]);
  const generated = generatedBy.flatMap(({ dir, made: objects }) => builtGenerated(objects.filter((g) => !g.merges || !created.has(`${g.kind}\u0000${g.names[0]}`)), builds.kustomizationBuilds(dir)));
  const isChartPatch = (file: DiscoveredFile) => chartPatches.has(realOf(file)) && !patches.has(realOf(file)) && !listed.has(realOf(file));
  const dataOf = (file: DiscoveredFile) => (listed.has(realOf(file)) || patches.has(realOf(file)) ? undefined : generatorData.get(realOf(file)));
  return {
    configurationOf(file, value) {
      const apiVersion = typeof value.apiVersion === "string" ? value.apiVersion : "";
      const kind = typeof value.kind === "string" ? value.kind : "";
      const data = dataOf(file);
      if (data) return apiVersion || kind ? { apiVersion, kind, tool: `kustomize ${data} file` } : undefined;
      // A patch that only kustomizations building a chart's templates apply: a piece of the chart, with the chart's own placeholders.
      if (isChartPatch(file)) return apiVersion || kind ? { apiVersion, kind, tool: "kustomize patch of a Helm chart build" } : undefined;
      // An object a policy test feeds to a policy, unless a kustomization also builds it.
      const tested = listed.has(realOf(file)) ? undefined : (testInputs.get(file.absolute) ?? stepAssertionOf(fileNameOf(file)));
      if (tested && apiVersion && kind) return { apiVersion, kind, tool: tested };
      const format = isKustomization(file.absolute === STDIN ? "" : basename(file.absolute), value)
        ? KUSTOMIZE
        : (configurationFormat(apiVersion, kind) ?? (pluginConfigs.has(realOf(file)) ? KUSTOMIZE_PLUGIN : undefined));
      // A kustomization.yaml may have neither apiVersion nor kind; other formats need both, unless written without an apiVersion.
      if (!format || (format !== KUSTOMIZE && (!(apiVersion || format.withoutApiVersion) || !kind))) return undefined;
      return { apiVersion, kind: kind || format.kinds[0], tool: format.tool };
    },
    isGeneratorData: (file) => dataOf(file) !== undefined,
    isPatch: (file) => patches.has(realOf(file)),
    isChartPatch,
    // A patch no entry targets (a commented-out one, a JSON patch) is matched by its own kind and name.
    patchSelectionOf: (file) => selections.get(realOf(file)) ?? BY_NAME,
    namespaceOf(file) {
      if (file.absolute === STDIN) return undefined;
      const target = fluxTargetOf(file.absolute);
      if (target) return { agreed: target, renamed: target };
      // Fleet's namespace is forced over everything (helm's post-render); defaultNamespace fills in where neither kustomize nor the file names one.
      const fleet = fleetBundles.size ? fleetBundleOf(fleetBundles, realOf(file)) : undefined;
      if (fleet?.namespace) return { agreed: fleet.namespace, renamed: fleet.namespace };
      const built = builds.namespaceOf(realOf(file));
      return built ?? (fleet?.defaultNamespace ? { agreed: fleet.defaultNamespace } : undefined);
    },
    patchedNamespaceOf: (file, object) => (file.absolute === STDIN ? undefined : builds.patchedNamespaceOf(realOf(file), object)),
    entryNamespaces(path) {
      const target = fluxTargetOf(path);
      if (target) return [target.namespace];
      const built = builds.namespaceOf(path);
      if (built?.agreed) return [built.agreed.namespace];
      return built?.several ?? [];
    },
    isListed: (file) => listed.has(realOf(file)),
    isTurnedOff: (file) => turnedOff.has(realOf(file)) || builds.inTurnedOffBase(realOf(file)),
    // A kustomization that builds the file applies its policies to the cluster.
    skaffoldImagesOf(file) {
      if (!skaffoldBuilds.size || file.absolute === STDIN) return undefined;
      const folder = dirname(realOf(file));
      // Asked once per object: answered once per folder.
      if (skaffoldByFolder.has(folder)) return skaffoldByFolder.get(folder);
      const found = new Set<string>();
      for (let d = folder; ; d = dirname(d)) {
        for (const image of skaffoldBuilds.get(d) ?? []) found.add(image);
        if (dirname(d) === d) break;
      }
      const answer = found.size ? found : undefined;
      skaffoldByFolder.set(folder, answer);
      return answer;
    },
    buildRootsOf: (file) => builds.rootsOf(realOf(file)),
    placesOf(file) {
      if (file.absolute === STDIN || flux.length || fluxPaths.length || argoApplications) return undefined;
      let places = placesByFile.get(file.absolute);
      if (!places) {
        const roots = builds.rootsOf(realOf(file));
        placesByFile.set(file.absolute, (places = roots.length ? roots : [folderOf(file.display)]));
      }
      return places;
    },
    policyTestOf: (file) => (listed.has(realOf(file)) ? undefined : testSubjects.get(file.absolute)),
    testInputOf: (file) => (listed.has(realOf(file)) ? undefined : testInputs.get(file.absolute)),
    generated,
    inlinePatchLabels: inlineLabels,
    imageBuildsOf: (file) => builds.imageBuildsOf(realOf(file)),
    labelsOf: (file) => builds.labelsOf(realOf(file)),
    affixesOf: (file) => builds.affixesOf(realOf(file)),
    referralsOf: (file) => builds.referralsOf(realOf(file)),
    mergesOf: (file) => builds.mergesOf(realOf(file)),
    varsOf: (file) => builds.varsOf(realOf(file)),
    jsonPatchesOf: (file) => builds.jsonPatchesOf(realOf(file)),
    strategicPatchesOf: (file) => builds.strategicPatchesOf(realOf(file)),
    fluxPathMissing: (value) => missingFluxPaths?.get(value),
  };
}

/** An Argo CD Application or ApplicationSet: its controller applies folders of a repository into one cluster. */
function isArgoApplication(value: Record<string, unknown>): boolean {
  return (value.kind === "Application" || value.kind === "ApplicationSet") && typeof value.apiVersion === "string" && groupOf(value.apiVersion) === "argoproj.io";
}

const fileNameOf = (file: DiscoveredFile) => (file.absolute === STDIN ? "" : basename(file.absolute));

/**
 * A test step's assertion file by its name, as kuttl and Chainsaw find the steps of a test folder
 * (`<index>-<name>.yaml`, a name starting with "assert" or "errors": kuttl pkg/test/step.go,
 * Chainsaw's kuttl-style discovery): partial objects compared with what the cluster holds (or
 * must not hold), never applied.
 */
const STEP_ASSERTION = /^\d+-(assert|errors)[^/]*\.ya?ml$/;

function stepAssertionOf(fileName: string): string | undefined {
  const m = STEP_ASSERTION.exec(fileName);
  return m ? `test step ${m[1] === "assert" ? "assertion" : "error assertion"} (kuttl, Chainsaw)` : undefined;
}

/** The lists whose entries are patch files when written as bare paths (patchesStrategicMerge; patches in kustomize v1's form). */
const PATCH_LISTS = new Set(["patchesStrategicMerge", "patches"]);

/**
 * The files a kustomization names in commented-out patch entries: kubebuilder and operator-sdk
 * scaffold optional patches so (`#- path: patches/webhook_in_x.yaml` under patches, or, in older
 * scaffolds, `#- manager_config_patch.yaml` under patchesStrategicMerge), and the files stay
 * beside the ones in use. Such a file is a partial object that nothing applies on its own, judged
 * as the patch it is, not as an object missing its spec. A `path:` entry names a patch (or a
 * replacement's configuration) in any list; a bare entry counts only in a list of patches: under
 * resources it names a resource left out.
 */
function commentedPatchFiles(text: string): string[] {
  return commentedEntries(text)
    .filter((e) => e.form === "path" || (e.list !== undefined && PATCH_LISTS.has(e.list) && /\.ya?ml$/i.test(e.path)))
    .map((e) => e.path);
}

const FLUX_KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";

/** A Flux Kustomization of the input that sets spec.targetNamespace or spec.components. */
interface FluxKustomization {
  file: DiscoveredFile;
  /** spec.path: a folder relative to the root of the source (GitRepository) it builds, "/"-separated, never the root itself. */
  path: string;
  targetNamespace?: string;
  /** spec.components: folders relative to spec.path's, which Flux appends to the `components` of the kustomization there. */
  components: string[];
}

/** What Flux Kustomizations do to the folders they build (absolute): the namespace they give, the Components they add. */
interface FluxBuiltFolders {
  targets: Map<string, NamespaceSource>;
  components: Map<string, string[]>;
}

/**
 * spec.path, spec.targetNamespace and spec.components of a Flux Kustomization that sets a path
 * and one of the others; one that builds the whole source (no spec.path, "./", "/") is left out,
 * since the input does not say where the root is. A component that is not a local relative path
 * is refused by Flux (fluxcd/pkg kustomize Generator: "component path must be local and relative").
 */
function fluxBuild(value: Record<string, unknown>): Omit<FluxKustomization, "file"> | undefined {
  if (value.kind !== "Kustomization" || typeof value.apiVersion !== "string" || groupOf(value.apiVersion) !== FLUX_KUSTOMIZE_GROUP || !isMap(value.spec)) return undefined;
  const { path, targetNamespace } = value.spec;
  if (typeof path !== "string") return undefined;
  const target = typeof targetNamespace === "string" && targetNamespace !== "" ? targetNamespace : undefined;
  const listed = Array.isArray(value.spec.components) ? value.spec.components : [];
  const components = listed.filter((c): c is string => typeof c === "string" && c !== "" && !isAbsolute(c) && !/^[a-z][a-z0-9+.-]*:/i.test(c));
  if (target === undefined && !components.length) return undefined;
  // Within the source as Flux joins it (a leading "/" or "../" stays inside); "" is the root.
  const within = posix.relative("/", posix.resolve("/", path));
  return within ? { path: within, ...(target === undefined ? {} : { targetNamespace: target }), components } : undefined;
}

/**
 * The folders Flux Kustomizations build, absolute, with the namespace they give and the
 * Components they add (the first Flux Kustomization that builds a folder decides both). spec.path
 * is relative to the root of the repository, which the input does not name: it is resolved from
 * the nearest folder above the Flux Kustomization's file under which it names a folder of the
 * input, searching no higher than a folder holding .git (docs/DECISIONS.md "Flux targetNamespace").
 */
function fluxBuiltFolders(folders: ReadonlySet<string>, flux: readonly FluxKustomization[]): FluxBuiltFolders {
  const out: FluxBuiltFolders = { targets: new Map(), components: new Map() };
  for (const { file, path, targetNamespace, components } of flux) {
    for (let at = dirname(file.absolute); ; at = dirname(at)) {
      const built = resolve(at, path);
      if (folders.has(built)) {
        if (targetNamespace !== undefined && !out.targets.has(built)) out.targets.set(built, { namespace: targetNamespace, kustomization: file.display, entry: "spec.targetNamespace" });
        if (components.length && !out.components.has(built)) out.components.set(built, components.map((c) => resolve(built, c)));
        break;
      }
      if (dirname(at) === at || existsSync(join(at, ".git"))) break;
    }
  }
  return out;
}

/** Every folder (absolute) that holds a file of the input, and the folders above them. */
function foldersOf(loaded: readonly LoadedFile[]): Set<string> {
  const folders = new Set<string>();
  for (const { file } of loaded) {
    if (file.absolute === STDIN) continue;
    for (let at = dirname(file.absolute); !folders.has(at); at = dirname(at)) {
      folders.add(at);
      if (dirname(at) === at) break;
    }
  }
  return folders;
}

/** A Flux Kustomization's spec.path and the source it is relative to. */
interface FluxPath {
  file: DiscoveredFile;
  value: Record<string, unknown>;
  /** spec.path as written. */
  written: string;
  /** spec.path within the source, "/"-separated, never the root itself. */
  path: string;
  /** The source (GitRepository, OCIRepository, Bucket) named by spec.sourceRef: `kind/namespace/name`. */
  source: string;
}

/** spec.path and spec.sourceRef of any Flux Kustomization that sets both (the source's namespace defaults to the Kustomization's). */
function fluxSourcedPath(value: Record<string, unknown>): Omit<FluxPath, "file" | "value"> | undefined {
  if (value.kind !== "Kustomization" || typeof value.apiVersion !== "string" || groupOf(value.apiVersion) !== FLUX_KUSTOMIZE_GROUP || !isMap(value.spec)) return undefined;
  const { path, sourceRef } = value.spec;
  if (typeof path !== "string" || !isMap(sourceRef) || typeof sourceRef.kind !== "string" || typeof sourceRef.name !== "string") return undefined;
  const own = isMap(value.metadata) && typeof value.metadata.namespace === "string" ? value.metadata.namespace : "";
  const namespace = typeof sourceRef.namespace === "string" && sourceRef.namespace !== "" ? sourceRef.namespace : own;
  const within = posix.relative("/", posix.resolve("/", path));
  return within ? { written: path, path: within, source: `${sourceRef.kind}/${namespace}/${sourceRef.name}` } : undefined;
}

/**
 * The Flux Kustomizations whose spec.path names nothing in their source, which Flux fails
 * ("kustomization path not found", fluxcd/kustomize-controller's build step). The root of a
 * source is known only where another Flux Kustomization of the same source resolves its
 * spec.path to a folder of the input (as fluxBuiltFolders resolves it): a path that names
 * nothing on disk under every such root is missing. A source no path of the input resolves in
 * (another repository, an OCI artifact) is never judged.
 */
function fluxPathsMissing(folders: ReadonlySet<string>, paths: readonly FluxPath[]): Map<Record<string, unknown>, { meant?: string }> {
  const roots = new Map<string, Set<string>>();
  const unresolved: FluxPath[] = [];
  for (const entry of paths) {
    let root: string | undefined;
    for (let at = dirname(entry.file.absolute); ; at = dirname(at)) {
      if (folders.has(resolve(at, entry.path))) root = at;
      if (root !== undefined || dirname(at) === at || existsSync(join(at, ".git"))) break;
    }
    if (root === undefined) unresolved.push(entry);
    else roots.set(entry.source, (roots.get(entry.source) ?? new Set()).add(root));
  }
  const out = new Map<Record<string, unknown>, { meant?: string }>();
  for (const entry of unresolved) {
    const known = [...(roots.get(entry.source) ?? [])];
    if (!known.length || known.some((root) => existsSync(resolve(root, entry.path)))) continue;
    const meant = nearestPath(known[0], entry.written);
    out.set(entry.value, meant === undefined ? {} : { meant });
  }
  return out;
}

/** The namespace of the nearest folder above a file (absolute) that a Flux Kustomization builds. */
function targetOf(targets: ReadonlyMap<string, NamespaceSource>, absolute: string): NamespaceSource | undefined {
  for (let at = dirname(absolute); ; at = dirname(at)) {
    const target = targets.get(at);
    if (target || dirname(at) === at) return target;
  }
}

/**
 * A kustomization's generated objects as the builds through its folder emit them: an overlay's
 * namespace and name affixes apply to a base's generated ConfigMaps and Secrets as to its
 * resources (kustomize runs its transformers over the whole accumulated set). One object per
 * distinct namespace; a build that sets no namespace keeps the generator's own, and builds that
 * disagree keep it too, as they keep the resources' written namespace.
 */
function builtGenerated(made: readonly GeneratedObject[], builds: readonly KustomizationBuild[] | undefined): GeneratedObject[] {
  if (!builds?.length) return [...made];
  const out: GeneratedObject[] = [];
  for (const object of made) {
    const seen = new Set<string>();
    const namespaces = builds.map((b) => b.namespace ?? object.namespace);
    // Builds that disagree put the kustomization's resources in each namespace and keep the one they are written for (Resource.builtNamespaces): so with its generated objects.
    const variants = new Set(namespaces).size > 1 ? [{ namespace: object.namespace, prefix: "", suffix: "" }, ...builds] : builds;
    for (const build of variants) {
      const namespace = build.namespace ?? object.namespace;
      const name = object.names[0];
      const names = [...new Set([...object.names, `${build.prefix}${name}${build.suffix}`])];
      const id = `${namespace}\u0000${names.join("\u0000")}`;
      if (seen.has(id)) continue;
      seen.add(id);
      // Applied from the roots of the builds through its kustomization (which may be that kustomization itself).
      out.push({ ...object, namespace, names, namespaceCertain: object.namespaceCertain || build.namespace !== undefined, ...(object.places ? { places: [...new Set(builds.map((b) => b.root))] } : {}) });
    }
  }
  return out;
}

/** The namespaces a Fleet bundle's fleet.yaml gives its objects (fleet.cattle.io FleetYAML: `namespace` forces one, `defaultNamespace` fills one in). */
interface FleetNamespaces {
  namespace?: NamespaceSource;
  defaultNamespace?: NamespaceSource;
}

function fleetNamespaces(value: Record<string, unknown>, display: string): FleetNamespaces | undefined {
  const of = (entry: "namespace" | "defaultNamespace") => (typeof value[entry] === "string" && value[entry] !== "" ? { namespace: value[entry] as string, kustomization: display, entry } : undefined);
  const namespace = of("namespace");
  const defaultNamespace = of("defaultNamespace");
  return namespace || defaultNamespace ? { ...(namespace ? { namespace } : {}), ...(defaultNamespace ? { defaultNamespace } : {}) } : undefined;
}

/** The Fleet bundle a file belongs to: the nearest folder at or above it with a fleet.yaml that names a namespace. */
function fleetBundleOf(bundles: ReadonlyMap<string, FleetNamespaces>, absolute: string): FleetNamespaces | undefined {
  for (let d = dirname(absolute); ; d = dirname(d)) {
    const bundle = bundles.get(d);
    if (bundle) return bundle;
    if (dirname(d) === d) return undefined;
  }
}
