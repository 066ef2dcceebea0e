/**
 * What a kustomization says about the objects around it: the ConfigMaps and Secrets its
 * generators make, and the files it applies as patches. Field names and semantics follow
 * sigs.k8s.io/kustomize/api/types (kustomization.go, generatorargs.go, generatoroptions.go).
 */
import { groupOf } from "./api-groups.js";
import { put } from "./strategic-merge.js";
import { matches, parseSelectorText, type Labels, type Selector } from "./selector.js";

/** File names kustomize reads as a kustomization (sigs.k8s.io/kustomize/api/konfig RecognizedKustomizationFileNames). */
const KUSTOMIZATION_FILE_NAMES: ReadonlySet<string> = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);

/** Whether kustomize would read a file of this name as a kustomization (konfig RecognizedKustomizationFileNames). */
export function isKustomizationFileName(fileName: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.has(fileName);
}
const KUSTOMIZE_GROUP = "kustomize.config.k8s.io";

/**
 * Whether a document is a kustomization (or a Component): by its apiVersion group, or by the
 * file name alone, since kustomize does not require apiVersion and kind and most files omit them.
 */
export function isKustomization(fileName: string, value: Record<string, unknown>): boolean {
  if (typeof value.apiVersion === "string" && groupOf(value.apiVersion) === KUSTOMIZE_GROUP) return true;
  return isKustomizationFileName(fileName) && (value.apiVersion === undefined || value.kind === undefined);
}

export type GeneratedKind = "ConfigMap" | "Secret";

const GENERATOR_FIELDS = ["configMapGenerator", "secretGenerator"] as const;
export type GeneratorField = (typeof GENERATOR_FIELDS)[number];

/** A ConfigMap or Secret that a `configMapGenerator` or `secretGenerator` entry makes. */
export interface GeneratedObject {
  kind: GeneratedKind;
  namespace: string;
  /**
   * Names a reference may use: the name written in the generator (kustomize rewrites references
   * in its own resources) and the name after namePrefix/nameSuffix (as in built output).
   */
  names: readonly string[];
  /** kustomize appends a content hash (`-<10 characters>`) to the name unless disableNameSuffixHash. */
  hashed: boolean;
  /**
   * The keys of its data, when every source of them is known: literals, files and readable env
   * files; undefined for `behavior: merge` (the base's keys join them) or an env file not read.
   */
  keys?: ReadonlySet<string>;
  /** Made by a `behavior: merge` or `replace` entry: it changes the object of that name that a base makes or writes. */
  merges?: boolean;
  /** Whether a kustomization or the generator sets its namespace; otherwise it is in the one it is applied to (`kubectl apply -k -n`), "default" by default. */
  namespaceCertain: boolean;
  /**
   * Where it is applied from: the folders of the root kustomizations whose builds emit it, as
   * files are shown (set by the engine, models/placement.ts; unset for one read from stdin).
   */
  places?: readonly string[];
}

/**
 * The content hash kustomize appends to generated names: the first 10 hex digits of a sha256
 * with 0, 1, 3, a, e replaced by g, h, k, m, t (sigs.k8s.io/kustomize/api/hasher encode).
 */
const NAME_HASH = /-[2456789bcdfghkmt]{10}$/;

/** The name without a kustomize content hash, or undefined when it has none. */
export function withoutNameHash(name: string): string | undefined {
  return NAME_HASH.test(name) ? name.slice(0, -11) : undefined;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * The objects of a kustomization's generators. Namespace: the kustomization's `namespace`
 * (its namespace transformer overrides every object's), else the generator's own, else the
 * run's default namespace. A generator with `behavior: merge` or `replace` changes a base's
 * object of that name, which exists all the same.
 */
export function generatedObjects(kustomization: Record<string, unknown>, defaultNamespace: string, readEnvFile?: (path: string) => string | undefined): GeneratedObject[] {
  const out: GeneratedObject[] = [];
  const prefix = text(kustomization.namePrefix) ?? "";
  const suffix = text(kustomization.nameSuffix) ?? "";
  const options = kustomization.generatorOptions;
  const hashedByDefault = !(isMap(options) && options.disableNameSuffixHash === true);
  for (const [field, kind] of [["configMapGenerator", "ConfigMap"], ["secretGenerator", "Secret"]] as const) {
    const generators = kustomization[field];
    if (!Array.isArray(generators)) continue;
    for (const g of generators) {
      const name = isMap(g) ? text(g.name) : undefined;
      if (!isMap(g) || !name) continue;
      const own = g.options;
      const hashed = isMap(own) && typeof own.disableNameSuffixHash === "boolean" ? !own.disableNameSuffixHash : hashedByDefault;
      const namespace = kustomizationNamespace(kustomization) ?? text(g.namespace);
      out.push({
        kind,
        namespace: namespace ?? defaultNamespace,
        namespaceCertain: namespace !== undefined,
        names: [...new Set([name, `${prefix}${name}${suffix}`])],
        hashed,
        keys: generatorKeys(g, readEnvFile),
        ...(g.behavior === "merge" || g.behavior === "replace" ? { merges: true } : {}),
      });
    }
  }
  return out;
}

const entries = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === "string" && e !== "") : typeof v === "string" && v !== "" ? [v] : []);

/**
 * The keys a generator entry gives its object (sigs.k8s.io/kustomize/api/kv: literal sources
 * "KEY=value"; file sources "key=path" or a path, keyed by the file's name; env files one
 * "KEY=value" or "KEY" per line, blank lines and "#" comments skipped, leading space trimmed).
 * Undefined when they cannot all be known: `behavior: merge`, or an env file `readEnvFile` cannot read.
 */
function generatorKeys(g: Record<string, unknown>, readEnvFile?: (path: string) => string | undefined): ReadonlySet<string> | undefined {
  return g.behavior === "merge" ? undefined : keysGiven(g, readEnvFile);
}

/** The keys a generator entry writes, whatever its behavior; undefined when an env file cannot be read. */
function keysGiven(g: Record<string, unknown>, readEnvFile?: (path: string) => string | undefined): ReadonlySet<string> | undefined {
  const keys = new Set<string>();
  for (const literal of entries(g.literals)) keys.add(literal.split("=", 1)[0]);
  for (const file of entries(g.files)) {
    const eq = file.indexOf("=");
    keys.add(eq > 0 ? file.slice(0, eq) : file.slice(file.lastIndexOf("/") + 1));
  }
  for (const env of [...entries(g.envs), ...entries(g.env)]) {
    const text = readEnvFile?.(env);
    if (text === undefined) return undefined;
    for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
      const trimmed = line.trimStart();
      if (trimmed && !trimmed.startsWith("#")) keys.add(trimmed.split("=", 1)[0]);
    }
  }
  return keys;
}

/** A generator entry with `behavior: merge` or `replace`: the keys it writes into the object of its name in the build. */
export interface GeneratorMerge {
  kind: GeneratedKind;
  /** The generator's name, and with namePrefix/nameSuffix. */
  names: readonly string[];
  keys: ReadonlySet<string>;
}

/**
 * The generators of a kustomization that change an object of its build instead of making one
 * (kustomize api/resmap reswrangler.go appendReplaceOrMerge: `merge` adds the
 * generator's keys to the object's, `replace` writes only its own), those whose keys are known.
 */
export function generatorMerges(kustomization: Record<string, unknown>, readEnvFile?: (path: string) => string | undefined): GeneratorMerge[] {
  const prefix = text(kustomization.namePrefix) ?? "";
  const suffix = text(kustomization.nameSuffix) ?? "";
  const out: GeneratorMerge[] = [];
  for (const [field, kind] of [["configMapGenerator", "ConfigMap"], ["secretGenerator", "Secret"]] as const) {
    const generators = kustomization[field];
    if (!Array.isArray(generators)) continue;
    for (const g of generators) {
      const name = isMap(g) ? text(g.name) : undefined;
      if (!isMap(g) || !name || (g.behavior !== "merge" && g.behavior !== "replace")) continue;
      const keys = keysGiven(g, readEnvFile);
      if (keys) out.push({ kind, names: [...new Set([name, `${prefix}${name}${suffix}`])], keys });
    }
  }
  return out;
}

/**
 * The files a kustomization's generators read as data, relative to its directory, by generator
 * field: the `files` of configMapGenerator and secretGenerator entries ("key=path" or a path) and
 * their `envs` and `env` files. kustomize puts their text into the object it makes and applies
 * none of them (sigs.k8s.io/kustomize/api/kv kv.go, loader.keyValuesFromFileSources and
 * keyValuesFromEnvFiles; api/internal/generators ParseFileSource).
 */
export function generatorDataFiles(kustomization: Record<string, unknown>): Array<{ path: string; field: GeneratorField }> {
  const out: Array<{ path: string; field: GeneratorField }> = [];
  for (const field of GENERATOR_FIELDS) {
    const generators = kustomization[field];
    if (!Array.isArray(generators)) continue;
    for (const g of generators) {
      if (!isMap(g)) continue;
      for (const file of entries(g.files)) out.push({ path: file.slice(file.indexOf("=") + 1), field });
      for (const path of [...entries(g.envs), ...entries(g.env)]) out.push({ path, field });
    }
  }
  return out;
}

/** The names of a kustomization's `vars` (deprecated, still built by kustomize v5: api/types/var.go). */
export function varNames(kustomization: Record<string, unknown>): string[] {
  const vars = Array.isArray(kustomization.vars) ? kustomization.vars : [];
  return vars.flatMap((v) => (isMap(v) && typeof v.name === "string" && v.name !== "" ? [v.name] : []));
}

/** What a kustomization's `namePrefix` and `nameSuffix` add to the names of the objects of its build ("" for none). */
export interface NameAffixes {
  prefix: string;
  suffix: string;
}

/** A kustomization's namePrefix and nameSuffix (api/filters/prefix, api/filters/suffix), undefined when it sets neither. */
export function nameAffixes(kustomization: Record<string, unknown>): NameAffixes | undefined {
  const prefix = text(kustomization.namePrefix) ?? "";
  const suffix = text(kustomization.nameSuffix) ?? "";
  return prefix || suffix ? { prefix, suffix } : undefined;
}

/** A Go template action (`{{ .Release.Namespace }}`, `{{ template "x.name" . }}`). */
const GO_TEMPLATE_ACTION = /\{\{[\s\S]*\}\}/;

/**
 * Whether what the kustomization's transformers set holds Go template actions: a namespace, name
 * prefix or suffix, or a value of its commonLabels, labels or commonAnnotations such as
 * `{{ .Release.Namespace }}`. Its build is then the templates of a Helm chart, which a later step
 * renders (Gatekeeper's helmify and the projects that copy it: kustomize build, then a program
 * that writes the output into a chart), not objects to apply.
 */
export function buildsChartTemplates(kustomization: Record<string, unknown>): boolean {
  const holds = (v: unknown) => typeof v === "string" && GO_TEMPLATE_ACTION.test(v);
  if ([kustomization.namespace, kustomization.namePrefix, kustomization.nameSuffix].some(holds)) return true;
  const maps = [kustomization.commonLabels, kustomization.commonAnnotations, ...(Array.isArray(kustomization.labels) ? kustomization.labels.map((l) => (isMap(l) ? l.pairs : undefined)) : [])];
  return maps.some((m) => isMap(m) && Object.values(m).some(holds));
}

export function kustomizationNamespace(kustomization: Record<string, unknown>): string | undefined {
  return text(kustomization.namespace);
}

/**
 * Entries of `resources`: files or directories (bases), relative to the kustomization's directory;
 * then those of the deprecated `bases`, which kustomize appends to `resources` when it reads a
 * kustomization (sigs.k8s.io/kustomize api/types/kustomization.go FixKustomization).
 */
export function resourceEntries(kustomization: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const list of [kustomization.resources, kustomization.bases]) {
    if (Array.isArray(list)) for (const r of list) if (typeof r === "string" && r !== "") out.push(r);
  }
  return out;
}

/** Entries of `components`: directories of kustomize Components the kustomization applies, relative to its directory. */
export function componentEntries(kustomization: Record<string, unknown>): string[] {
  const list = kustomization.components;
  return Array.isArray(list) ? list.filter((r): r is string => typeof r === "string" && r !== "") : [];
}

/** Entries of `configurations`: transformer configuration files (field specs), relative to the kustomization's directory, or URLs. */
export function configurationEntries(kustomization: Record<string, unknown>): string[] {
  const list = kustomization.configurations;
  return Array.isArray(list) ? list.filter((r): r is string => typeof r === "string" && r !== "") : [];
}

/**
 * Files of plugin configurations a kustomization runs (`generators`, `transformers`,
 * `validators`): objects read by kustomize, whatever their apiVersion. Entries that are
 * directories (kustomizations that emit configurations) name no file of the run.
 */
export function pluginConfigFiles(kustomization: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of ["generators", "transformers", "validators"]) {
    const list = kustomization[field];
    if (Array.isArray(list)) for (const p of list) if (typeof p === "string" && p !== "" && !p.includes("\n")) out.push(p);
  }
  return out;
}

/**
 * Paths of the files a kustomization applies as patches, relative to its directory:
 * `patches[].path`, `patchesStrategicMerge[]` and `patchesJson6902[].path` (and a bare path
 * written as a `patches` entry, which kustomize refuses but which names a patch). Inline patches
 * (`patches[].patch`, a YAML string in `patchesStrategicMerge`) name no file.
 */
export function patchFiles(kustomization: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const field of ["patches", "patchesJson6902"]) {
    const list = kustomization[field];
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      // A bare path is no entry kustomize reads (kustomization-invalid), but the file is meant as a patch, not an object.
      const path = isMap(p) ? text(p.path) : typeof p === "string" && !p.includes("\n") ? text(p) : undefined;
      if (path) out.push(path);
    }
  }
  const strategic = kustomization.patchesStrategicMerge;
  if (Array.isArray(strategic)) {
    for (const p of strategic) if (typeof p === "string" && p !== "" && !p.includes("\n")) out.push(p);
  }
  return out;
}

/**
 * How kustomize picks the objects a patch file changes, per file (relative to the kustomization):
 * `byName` when an entry applies it without a `target` (a strategic-merge patch then changes the
 * object of its own kind and name), and the `target` of each entry that has one (the patch then
 * changes every object the target selects, whatever the file names: api/filters/patchstrategicmerge,
 * api/internal/builtins PatchTransformer.go). `patchesJson6902` files are JSON patches, no objects.
 */
export function patchFileTargets(kustomization: Record<string, unknown>): Array<{ path: string; byName: boolean; target?: PatchTarget }> {
  const out: Array<{ path: string; byName: boolean; target?: PatchTarget }> = [];
  for (const p of Array.isArray(kustomization.patches) ? kustomization.patches : []) {
    const path = isMap(p) ? text(p.path) : typeof p === "string" && !p.includes("\n") ? text(p) : undefined;
    if (!path) continue;
    if (isMap(p) && isMap(p.target)) out.push({ path, byName: false, target: { group: text(p.target.group), version: text(p.target.version), kind: text(p.target.kind), name: text(p.target.name) } });
    else out.push({ path, byName: true });
  }
  for (const p of Array.isArray(kustomization.patchesStrategicMerge) ? kustomization.patchesStrategicMerge : []) {
    if (typeof p === "string" && p !== "" && !p.includes("\n")) out.push({ path: p, byName: true });
  }
  return out;
}

/**
 * The labels an inline strategic-merge patch of a kustomization (`patches: - patch: |`, or a
 * multi-line `patchesStrategicMerge` entry) writes: its object's metadata.labels and pod template
 * labels (spec.template.metadata.labels), with how kustomize picks its objects (the entry's
 * `target`, else the patch's own kind, name and namespace).
 */
export interface InlinePatchLabels {
  target?: PatchTarget;
  kind?: string;
  name?: string;
  namespace?: string;
  metadata: Record<string, string>;
  template: Record<string, string>;
}

/** A map's string values (labels), others left out. */
function stringValues(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const [k, val] of Object.entries(v)) if (typeof val === "string") out[k] = val;
  return out;
}

/** The labels of a kustomization's inline strategic-merge patches (InlinePatchLabels); `parse` reads a patch's text (its first document). */
export function inlinePatchLabels(kustomization: Record<string, unknown>, parse: (text: string) => unknown): InlinePatchLabels[] {
  const out: InlinePatchLabels[] = [];
  const add = (patchText: string, target?: PatchTarget) => {
    const value = parse(patchText);
    if (!isMap(value) || !isMap(value.metadata)) return;
    const metadata = stringValues(value.metadata.labels);
    const spec = isMap(value.spec) && isMap(value.spec.template) && isMap(value.spec.template.metadata) ? value.spec.template.metadata : undefined;
    const template = stringValues(spec?.labels);
    if (!Object.keys(metadata).length && !Object.keys(template).length) return;
    out.push({ target, kind: text(value.kind), name: text(value.metadata.name), namespace: text(value.metadata.namespace), metadata, template });
  };
  for (const p of Array.isArray(kustomization.patches) ? kustomization.patches : []) {
    if (!isMap(p) || typeof p.patch !== "string") continue;
    add(p.patch, isMap(p.target) ? { group: text(p.target.group), version: text(p.target.version), kind: text(p.target.kind), name: text(p.target.name) } : undefined);
  }
  for (const p of Array.isArray(kustomization.patchesStrategicMerge) ? kustomization.patchesStrategicMerge : []) if (typeof p === "string" && p.includes("\n")) add(p);
  return out;
}

/**
 * Whether an inline patch applies to the object: by its entry's target, else by its own kind and
 * name, and namespace when it writes one, which may be any the object has (`namespaces`: the one it
 * is built in, others builds give it, the one its file writes: kustomize matches a patch by the
 * object's original identity too).
 */
export function inlinePatchApplies(patch: InlinePatchLabels, object: { apiVersion: string; kind: string; name: string }, namespaces: readonly (string | undefined)[]): boolean {
  if (patch.target) return patchSelects(patch.target, object);
  return patch.kind === object.kind && patch.name === object.name && (patch.namespace === undefined || namespaces.includes(patch.namespace));
}

/** The fields of a patch's `target` read here (sigs.k8s.io/kustomize api/types/selector.go): patterns, empty for any. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  /** Matched against the namespace an object is written in, where the caller knows it (patchSelects). */
  namespace?: string;
  /** The target's labelSelector and annotationSelector (labels.Parse), matched where the caller gives the object's labels and annotations. */
  labelSelector?: Selector;
  annotationSelector?: Selector;
}

/** What a patch is: a JSON patch (a list of operations) or a strategic-merge patch (a partial object); undefined when unknown. */
export type PatchForm = "json" | "strategic-merge" | undefined;

/**
 * The targets of the patches after which kustomize keeps the previous id of every object they
 * select, which its name-reference fix needs to find that object: a JSON patch always
 * (api/internal/builtins PatchTransformer.go transformJson6902, StorePreviousId), a
 * strategic-merge patch only with the option allowNameChange or allowKindChange (api/resource
 * resource.go ApplySmPatch). `patchesJson6902` entries are JSON patches (kustomize moves them to
 * `patches`: api/types kustomization.go FixKustomization) and `patchesStrategicMerge` ones carry
 * no options. A patch of unknown form counts as JSON, and a strategic-merge patch without a
 * target (it selects the object it names) as selecting every object: both may only keep a
 * reference completed.
 */
export function idRecordingPatchTargets(kustomization: Record<string, unknown>, formOf: (patch: { patch?: string; path?: string }) => PatchForm): PatchTarget[] {
  const out: PatchTarget[] = [];
  const targetOf = (v: unknown): PatchTarget => (isMap(v) ? { group: text(v.group), version: text(v.version), kind: text(v.kind), name: text(v.name) } : {});
  const json6902 = Array.isArray(kustomization.patchesJson6902) ? kustomization.patchesJson6902 : [];
  for (const p of json6902) if (isMap(p)) out.push(targetOf(p.target));
  const patches = Array.isArray(kustomization.patches) ? kustomization.patches : [];
  for (const p of patches) {
    if (!isMap(p)) continue;
    const options = isMap(p.options) ? p.options : {};
    const renaming = options.allowNameChange === true || options.allowKindChange === true;
    if (renaming || formOf({ patch: text(p.patch), path: text(p.path) }) !== "strategic-merge") out.push(targetOf(p.target));
  }
  return out;
}

/** The fields one JSON patch of a kustomization writes, and the objects it changes. */
export interface JsonPatchWrites {
  target: PatchTarget;
  /** The paths its operations change (`path` of each, and `from` of a move), as resource paths: list indexes are numbers, `-` stays. */
  paths: ReadonlyArray<ReadonlyArray<string | number>>;
  /** The namespace its last `add` or `replace` of /metadata/namespace writes, when that is a string. */
  namespace?: string;
  /**
   * Its operations, as written (models/json-patch.ts applies them); absent for a `replacements`
   * entry, whose values come from other objects, and for a target that also selects by namespace,
   * labels or annotations, which `target` does not hold: the patch may not apply to every object
   * the kind and name select, so only its paths count (as patched, unknown).
   */
  ops?: readonly unknown[];
  /** Where kustomize runs it among its kustomization's patches (JSON and strategic-merge): see patchOrder. */
  order: number;
  /**
   * Where it runs among its kustomization's transformers (api/internal/target kusttarget.go
   * configureBuiltinTransformers, runTransformers): a `patches` entry before the namespace
   * transformer, a `patchesJson6902` entry after it, and a PatchTransformer of `transformers`
   * after every built-in one.
   */
  field: "patches" | "patchesJson6902" | "transformers" | "replacements";
  /** How messages name it: `patches` or the `transformers` entry. */
  entry: string;
  /** For a `patches` or `patchesJson6902` entry: its index in that field, and whether its operations are inline (`patch`) or in a file (`path`). */
  written?: { index: number; inline: boolean; path?: string };
  /** Where its operations are written in the input, when they can be placed (engine/kustomize-builds.ts). */
  origin?: JsonPatchOrigin;
}

/**
 * Where a JSON patch's list of operations is written: a document of the input (`file`, its display
 * path, and `docIndex`), at `at` in it: the list itself (a patch file), or the string of an inline
 * `patch` (`inline`), whose text is parsed again to place a value.
 */
export interface JsonPatchOrigin {
  file: string;
  docIndex: number;
  at: ReadonlyArray<string | number>;
  inline: boolean;
}

/** The JSON patches of each build that emits an object (`root`: the build's kustomization file), in the order the build applies them. */
export type JsonPatchBuilds = ReadonlyArray<{ root: string; patches: ReadonlyArray<JsonPatchWrites & { step: number }> }>;

/** The paths the JSON patches of one build that emits an object write into it (`root`: the build's kustomization file). */
export interface JsonPatchedPaths {
  root: string;
  paths: ReadonlyArray<ReadonlyArray<string | number>>;
  /**
   * The values its operations wrote that the object as judged holds, in the order the build
   * applies them: the path written, the patch's origin and the operation's index in its list.
   */
  values?: ReadonlyArray<JsonPatchedValue>;
}

/** A value an `add` or `replace` operation of a placed JSON patch wrote (JsonPatchedPaths.values). */
export interface JsonPatchedValue {
  path: ReadonlyArray<string | number>;
  origin: JsonPatchOrigin;
  op: number;
}

/** The paths and the namespace a list of JSON patch operations writes; undefined when it is no list of operations or changes nothing. */
function operationWrites(ops: unknown): { paths: Array<Array<string | number>>; namespace?: string } | undefined {
  if (!Array.isArray(ops)) return undefined;
  const paths = ops.flatMap((op) => (isMap(op) ? [op.path, op.op === "move" ? op.from : undefined] : [])).flatMap((ptr) => (typeof ptr === "string" ? [fromJsonPointer(ptr)] : []));
  if (!paths.length) return undefined;
  let namespace: string | undefined;
  for (const op of ops) if (isMap(op) && (op.op === "add" || op.op === "replace") && op.path === "/metadata/namespace") namespace = typeof op.value === "string" && op.value !== "" ? op.value : undefined;
  return { paths, ...(namespace === undefined ? {} : { namespace }) };
}

const targetFields = (target: Record<string, unknown>): PatchTarget => {
  const namespace = text(target.namespace);
  const labelSelector = selectorOf(target.labelSelector);
  const annotationSelector = selectorOf(target.annotationSelector);
  return { group: text(target.group), version: text(target.version), kind: text(target.kind), name: text(target.name), ...(namespace === undefined ? {} : { namespace }), ...(labelSelector ? { labelSelector } : {}), ...(annotationSelector ? { annotationSelector } : {}) };
};

const selectorOf = (value: unknown): Selector | undefined => {
  const written = text(value);
  return written === undefined ? undefined : parseSelectorText(written);
};

/** Whether a target's labelSelector or annotationSelector is one labels.Parse refuses or this cannot evaluate (`replicas>3`): what it selects is unknown. */
const unreadSelector = (target: Record<string, unknown>): boolean => ["labelSelector", "annotationSelector"].some((k) => text(target[k]) !== undefined && selectorOf(target[k]) === undefined);

/** Whether a patch target also selects by labels or annotations, which PatchTarget does not hold. */
const selectsFurther = (target: Record<string, unknown>): boolean => ["labelSelector", "annotationSelector"].some((k) => text(target[k]) !== undefined);

/**
 * The order kustomize runs a kustomization's patches in (api/internal/target kusttarget.go
 * configureBuiltinTransformers, then runTransformers): `patchesStrategicMerge`, then `patches` in
 * the order written (strategic-merge and JSON alike), then `patchesJson6902`, `replicas`,
 * `replacements`, and the PatchTransformers of `transformers` last; `index` is the entry's position
 * in its field. Compared within one kustomization; a build runs its inner kustomizations first.
 */
export function patchOrder(field: "patchesStrategicMerge" | "patches" | "patchesJson6902" | "replicas" | "replacements" | "transformers", index: number): number {
  const phase = ["patchesStrategicMerge", "patches", "patchesJson6902", "replicas", "replacements", "transformers"].indexOf(field);
  return phase * 100_000 + Math.min(index, 99_999);
}

/**
 * The JSON patches (RFC 6902) of a kustomization with a target: `patchesJson6902` entries,
 * `patches` entries whose content is a list of operations (`valueOf` gives a patch's parsed
 * content, inline or from its file), and the PatchTransformer configurations its `transformers`
 * entries name (`configsOf` gives the documents of an entry: a file, or inline YAML). kustomize
 * applies them to every object the target selects (api/internal/builtins PatchTransformer.go),
 * so the values they write are not those of the files.
 */
export function jsonPatchWrites(
  kustomization: Record<string, unknown>,
  valueOf: (patch: { patch?: string; path?: string }) => unknown,
  configsOf: (entry: string) => readonly unknown[] = () => [],
): JsonPatchWrites[] {
  const out: JsonPatchWrites[] = [];
  for (const field of ["patchesJson6902", "patches"] as const) {
    const list = kustomization[field];
    for (const [i, p] of (Array.isArray(list) ? list : []).entries()) {
      if (!isMap(p) || !isMap(p.target)) continue;
      const ops = valueOf({ patch: text(p.patch), path: text(p.path) });
      const writes = operationWrites(ops);
      const written = { index: i, inline: text(p.patch) !== undefined, ...(text(p.path) === undefined ? {} : { path: text(p.path) }) };
      if (writes) out.push({ target: targetFields(p.target), ...writes, ...(selectsFurther(p.target) ? {} : { ops: ops as unknown[] }), field, entry: field, order: patchOrder(field, i), written });
    }
  }
  out.push(...replacementWrites(kustomization));
  const transformers = kustomization.transformers;
  for (const entry of Array.isArray(transformers) ? transformers : []) {
    if (typeof entry !== "string" || entry === "") continue;
    for (const config of configsOf(entry)) {
      if (!isMap(config) || config.kind !== "PatchTransformer" || !isMap(config.target)) continue;
      const ops = valueOf({ patch: text(config.patch), path: text(config.path) });
      const writes = operationWrites(ops);
      const shown = entry.includes("\n") ? "an inline PatchTransformer" : JSON.stringify(entry);
      if (writes) out.push({ target: targetFields(config.target), ...writes, ...(selectsFurther(config.target) ? {} : { ops: ops as unknown[] }), field: "transformers", entry: `transformers entry ${shown}`, order: patchOrder("transformers", 0) });
    }
  }
  return out;
}

/**
 * The fields an inline `replacements` entry writes (api/filters/replacement): each target's
 * `select` and `fieldPaths`. A field path is dotted, with `*` for every item or value and
 * `[key=value]` for the list items whose key has that value (the path of the object it writes
 * into: expandedPaths). Its value comes from another object of the build, unknown here, as a
 * JSON patch's may be. An entry in a file of its own (`path:`) is not read.
 */
function replacementWrites(kustomization: Record<string, unknown>): JsonPatchWrites[] {
  const list = kustomization.replacements;
  const out: JsonPatchWrites[] = [];
  (Array.isArray(list) ? list : []).forEach((r, i) => {
    if (!isMap(r) || !Array.isArray(r.targets)) return;
    for (const t of r.targets) {
      if (!isMap(t) || !isMap(t.select) || !Array.isArray(t.fieldPaths)) continue;
      const paths = t.fieldPaths.filter((f): f is string => typeof f === "string" && f !== "").map(fieldPathSegments);
      if (paths.length) out.push({ target: targetFields(t.select), paths, field: "replacements", entry: `replacements[${i}]`, order: patchOrder("replacements", i) });
    }
  });
  return out;
}

/** A kustomize field path (`spec.template.spec.containers.[name=app].image`, `webhooks.*.clientConfig`) as path segments. */
function fieldPathSegments(fieldPath: string): Array<string | number> {
  return (fieldPath.match(/\[[^\]]*\]|[^.]+/g) ?? []).map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
}

/**
 * The concrete paths of `object` that a written path names: `*` stands for every item of a list
 * or value of a map, `[key=value]` for the items of a list whose key has that value; other
 * segments are kept (a JSON patch's `-` too).
 */
export function expandedPaths(path: ReadonlyArray<string | number>, object: unknown): Array<Array<string | number>> {
  if (!path.some((seg) => seg === "*" || (typeof seg === "string" && seg.startsWith("[")))) return [[...path]];
  const out: Array<Array<string | number>> = [];
  const walk = (node: unknown, at: number, prefix: Array<string | number>) => {
    if (at === path.length) return void out.push(prefix);
    const seg = path[at];
    if (seg === "*") {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, at + 1, [...prefix, i]));
      else if (isMap(node)) for (const key of Object.keys(node)) walk(node[key], at + 1, [...prefix, key]);
      return;
    }
    const match = typeof seg === "string" ? /^\[([^=\]]+)=([^\]]*)\]$/.exec(seg) : null;
    if (match) {
      if (Array.isArray(node)) node.forEach((item, i) => isMap(item) && String(item[match[1]]) === match[2] && walk(item, at + 1, [...prefix, i]));
      return;
    }
    walk(isMap(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[seg] : undefined, at + 1, [...prefix, seg]);
  };
  walk(object, 0, []);
  return out;
}

/** A JSON pointer (RFC 6901) as a resource path: `/webhooks/0/clientConfig` is ["webhooks", 0, "clientConfig"]. */
export function fromJsonPointer(pointer: string): Array<string | number> {
  return pointer
    .split("/")
    .slice(1)
    .map((seg) => seg.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
}

/** Whether a patch's target selects an object of this kind and name (api/types selector.go SelectorRegex: anchored patterns; an invalid one counts as selecting). */
export function patchSelects(target: PatchTarget, object: { apiVersion: string; kind: string; name: string; namespace?: string; namespaces?: readonly string[]; labels?: Labels; annotations?: Labels }): boolean {
  const slash = object.apiVersion.indexOf("/");
  const group = slash < 0 ? "" : object.apiVersion.slice(0, slash);
  const version = object.apiVersion.slice(slash + 1);
  // A target's namespace is matched only where the caller gives the object's ("" for none), or one its builds give it (`namespaces`:
  // kustomize matches the namespace an inner kustomization set, and the original one); others select by kind and name alone.
  const namespaced = object.namespace === undefined || target.namespace === undefined || matchesPattern(target.namespace, object.namespace) || (object.namespaces ?? []).some((n) => matchesPattern(target.namespace, n));
  // Its label and annotation selectors are matched where the caller gives the object's labels and annotations; others select without them.
  const labelled = target.labelSelector === undefined || object.labels === undefined || matches(target.labelSelector, object.labels);
  const annotated = target.annotationSelector === undefined || object.annotations === undefined || matches(target.annotationSelector, object.annotations);
  return namespaced && labelled && annotated && matchesPattern(target.group, group) && matchesPattern(target.version, version) && matchesPattern(target.kind, object.kind) && matchesPattern(target.name, object.name);
}

function matchesPattern(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined) return true;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true;
  }
}

/** kustomize fetches these (a git repository or an HTTP URL); nothing local is read for them. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=/i;

/** Whether a `resources` (or other path) entry names something kustomize fetches rather than a local path. */
export function isRemoteEntry(entry: string): boolean {
  return REMOTE.test(entry);
}

/** A local path a kustomization names: where it is written, the path, and what kustomize reads there. */
export interface LocalPathEntry {
  /** The entry's path in the kustomization document. */
  at: (string | number)[];
  /** The field, as a message names it ("resources", "patches path", "configMapGenerator files"). */
  field: string;
  /** The path, relative to the kustomization's directory (the part after "key=" of a generator's `files` entry). */
  path: string;
  names: "file or folder" | "folder" | "file";
}

/**
 * The local paths a kustomization names, each of which `kustomize build` loads and fails on when
 * it does not exist ("evalsymlink failure ... no such file or directory", checked with kustomize
 * v5.5.0): `resources` and `bases` (a file or a kustomization's folder), `components` (a folder:
 * api/internal/target kusttarget.go accumulateComponents), the files of `patches`,
 * `patchesJson6902` and `patchesStrategicMerge`, of generators (`files`, `envs`, `env`), and of
 * `configurations`, `crds` and `replacements`, and the plugin configurations of `generators`,
 * `transformers` and `validators` (a file or folder). Remote entries and inline text are left out.
 */
export function localPathEntries(kustomization: Record<string, unknown>): LocalPathEntry[] {
  const out: LocalPathEntry[] = [];
  const add = (at: (string | number)[], field: string, path: unknown, names: LocalPathEntry["names"]): void => {
    if (typeof path === "string" && path !== "" && !path.includes("\n") && !isRemoteEntry(path)) out.push({ at, field, path, names });
  };
  const list = (field: string): unknown[] => (Array.isArray(kustomization[field]) ? (kustomization[field] as unknown[]) : []);
  for (const field of ["resources", "bases"]) list(field).forEach((p, i) => add([field, i], field, p, "file or folder"));
  list("components").forEach((p, i) => add(["components", i], "components", p, "folder"));
  for (const field of ["patches", "patchesJson6902", "replacements"]) list(field).forEach((p, i) => isMap(p) && add([field, i, "path"], field, p.path, "file"));
  list("patchesStrategicMerge").forEach((p, i) => add(["patchesStrategicMerge", i], "patchesStrategicMerge", p, "file"));
  for (const field of ["configurations", "crds"]) list(field).forEach((p, i) => add([field, i], field, p, "file"));
  for (const field of ["generators", "transformers", "validators"]) list(field).forEach((p, i) => add([field, i], field, p, "file or folder"));
  for (const generator of GENERATOR_FIELDS) {
    list(generator).forEach((g, i) => {
      if (!isMap(g)) return;
      const files = Array.isArray(g.files) ? g.files : [];
      files.forEach((f, j) => typeof f === "string" && add([generator, i, "files", j], `${generator} files`, f.slice(f.indexOf("=") + 1), "file"));
      const envs = Array.isArray(g.envs) ? g.envs : [];
      envs.forEach((e, j) => add([generator, i, "envs", j], `${generator} envs`, e, "file"));
      add([generator, i, "env"], `${generator} env`, g.env, "file");
    });
  }
  return out;
}

/** A commented-out `- path: <file>` entry, perhaps with a comment of its own after it (`#- path: hpa.yaml  # autoscaling`). */
const COMMENTED_PATH_ENTRY = /^[ \t]*#+[ \t]*-[ \t]*path:[ \t]*["']?([^\s"'#]+)["']?[ \t]*(?:[ \t]#.*)?$/;
/** A commented-out `- <path>` entry (a file, a folder), perhaps with a comment of its own after it. */
const COMMENTED_BARE_ENTRY = /^[ \t]*#+[ \t]*-[ \t]*["']?([^\s"'#:]+)["']?[ \t]*(?:[ \t]#.*)?$/;
/** A top-level key, written or commented out (`patchesStrategicMerge:`, `#patchesStrategicMerge:`): the list the entries below it belong to. */
const TOP_LEVEL_KEY = /^#*[ \t]*([A-Za-z][A-Za-z0-9]*):[ \t]*$|^([A-Za-z][A-Za-z0-9]*):/;

/** An entry of a kustomization written in a comment. */
export interface CommentedEntry {
  /** The top-level key above it (written or itself commented out), if any. */
  list: string | undefined;
  path: string;
  /** `- path: <file>` or a bare `- <path>`. */
  form: "path" | "bare";
}

/**
 * The entries a kustomization's text turns off by commenting them out (`#- ../prometheus` under
 * resources, `#- path: patches/webhook_in_x.yaml` under patches): kubebuilder and operator-sdk
 * scaffold optional parts so, and keep their files beside the ones in use. Each with the list it
 * stands in, read line by line (comments are not in the parsed value).
 */
export function commentedEntries(text: string): CommentedEntry[] {
  const out: CommentedEntry[] = [];
  let list: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const key = TOP_LEVEL_KEY.exec(line);
    if (key) {
      list = key[1] ?? key[2];
      continue;
    }
    const path = COMMENTED_PATH_ENTRY.exec(line);
    if (path) out.push({ list, path: path[1], form: "path" });
    else {
      const bare = COMMENTED_BARE_ENTRY.exec(line);
      if (bare) out.push({ list, path: bare[1], form: "bare" });
    }
  }
  return out;
}

/** A strategic-merge patch of a kustomization: the objects it selects, the partial object it merges into them, and how messages name it. */
export interface StrategicPatch {
  target: PatchTarget;
  value: Record<string, unknown>;
  /** `patches[0]`, `patchesStrategicMerge[1]`, `replicas`. */
  entry: string;
  /** The patch file as the kustomization names it (relative to its folder), linted as a patch; undefined for an inline patch or a `replicas` entry. */
  file?: string;
  /** Where kustomize runs it among its kustomization's patches: see patchOrder. */
  order: number;
}

/** The strategic-merge patches of each build that emits an object, in the order the build applies them, each with the kustomization that applies it. */
export type StrategicPatchBuilds = ReadonlyArray<{
  root: string;
  /**
   * `namespaceName`: the name a v1 Namespace has when the patch runs, set by the namespace
   * transformer of a kustomization before it in the build; `step`: that kustomization's place in
   * the build (inner ones first), as JsonPatchBuilds count it.
   */
  patches: ReadonlyArray<{ patch: StrategicPatch; kustomization: string; namespaceName?: string; step: number }>;
}>;

/** An object with the strategic-merge patches its builds agree on applied, and the kustomization entries that patched it. */
export interface StrategicallyPatched {
  object: Record<string, unknown>;
  /** The object as each build applies its patches, by the folder of the build's root kustomization (what every build agrees on is `object`). */
  variants: ReadonlyMap<string, Record<string, unknown>>;
  /** The folders of the root kustomizations of the builds that delete the object (`$patch: delete`): they do not emit it. */
  deletedIn: readonly string[];
  sources: ReadonlyArray<{ kustomization: string; entry: string; file?: string; value: Record<string, unknown> }>;
}

/**
 * Whether a strategic-merge patch writes at `path` of `object` (the patched object) or below it:
 * its maps hold the path's keys, and at a list index, an item of the patch's list that has the
 * name of the object's item there (a patch's list items merge by their key, not by position;
 * an item without a name: any item of the patch's list).
 */
export function patchWritesAt(value: unknown, path: readonly (string | number)[], object: unknown): boolean {
  if (!path.length) return value !== undefined;
  const [head, ...rest] = path;
  const below = isMap(object) || Array.isArray(object) ? (object as Record<string | number, unknown>)[head] : undefined;
  if (typeof head === "number") {
    if (!Array.isArray(value)) return false;
    const name = isMap(below) ? below.name : undefined;
    return value.some((item) => (name === undefined || (isMap(item) && item.name === name)) && patchWritesAt(item, rest, below));
  }
  return isMap(value) && Object.hasOwn(value, head) && patchWritesAt(value[head], rest, below);
}

/** A regular expression that matches `value` alone (patchSelects reads target fields as patterns). */
function exactly(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The object a strategic-merge patch without a target selects: the group, kind and name it writes. */
function selfTarget(doc: Record<string, unknown>): PatchTarget | undefined {
  const apiVersion = text(doc.apiVersion);
  const kind = text(doc.kind);
  const name = isMap(doc.metadata) ? text(doc.metadata.name) : undefined;
  if (!apiVersion || !kind || !name) return undefined;
  return { group: exactly(groupOf(apiVersion)), kind: exactly(kind), name: exactly(name) };
}

/**
 * What a patch merges into the objects it selects: all but the fields that identify it
 * (apiVersion, kind, metadata.name and namespace), which select the object (or, with a target,
 * are overwritten with each selected object's: api/filters/patchstrategicmerge).
 */
function mergedPart(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    if (key === "apiVersion" || key === "kind") continue;
    const value = doc[key];
    if (key === "metadata" && isMap(value)) {
      const metadata: Record<string, unknown> = {};
      for (const k of Object.keys(value)) if (k !== "name" && k !== "namespace") put(metadata, k, value[k]);
      if (Object.keys(metadata).length) out.metadata = metadata;
      continue;
    }
    put(out, key, value);
  }
  return out;
}

/** The kinds whose spec.replicas kustomize's `replicas` entries set (api/konfig/builtinpluginconsts replicas field specs). */
const REPLICATED_KINDS = "Deployment|ReplicationController|ReplicaSet|StatefulSet";

/**
 * The strategic-merge patches of a kustomization, in the order kustomize applies them
 * (api/krusty configureBuiltinTransformers: patchesStrategicMerge, then patches, then replicas):
 * `patchesStrategicMerge` entries (a file or inline YAML, every document of it), `patches` entries
 * whose content is an object (with a `target`, every object it selects; without, the object the
 * patch names), and `replicas` entries as the spec.replicas they set. A target that selects by
 * labels or annotations is not followed (its objects are not known here), nor are patches that
 * may rename their object. `docsOf` gives the documents of a patch, inline or from its file.
 */
export function strategicPatches(kustomization: Record<string, unknown>, docsOf: (patch: { patch?: string; path?: string }) => readonly unknown[]): StrategicPatch[] {
  const out: StrategicPatch[] = [];
  const own = (docs: readonly unknown[], entry: string, file: string | undefined, order: number, target?: PatchTarget) => {
    for (const doc of docs) {
      if (!isMap(doc)) continue;
      const selects = target ?? selfTarget(doc);
      if (selects) out.push({ target: selects, value: mergedPart(doc), entry, order, ...(file === undefined ? {} : { file }) });
    }
  };
  const legacy = Array.isArray(kustomization.patchesStrategicMerge) ? kustomization.patchesStrategicMerge : [];
  legacy.forEach((p, i) => {
    if (typeof p !== "string" || p === "") return;
    // An entry of several lines is the patch itself (kustomize reads it as YAML when it is no file name).
    const inline = p.includes("\n");
    own(docsOf(inline ? { patch: p } : { path: p }), `patchesStrategicMerge[${i}]`, inline ? undefined : p, patchOrder("patchesStrategicMerge", i));
  });
  const patches = Array.isArray(kustomization.patches) ? kustomization.patches : [];
  patches.forEach((p, i) => {
    if (!isMap(p)) return;
    const options = isMap(p.options) ? p.options : {};
    if (options.allowNameChange === true || options.allowKindChange === true) return;
    const docs = docsOf({ patch: text(p.patch), path: text(p.path) });
    if (!docs.length || Array.isArray(docs[0])) return;
    if (isMap(p.target)) {
      if (unreadSelector(p.target)) return;
      own(docs, `patches[${i}]`, p.patch === undefined ? text(p.path) : undefined, patchOrder("patches", i), targetFields(p.target));
    } else own(docs, `patches[${i}]`, p.patch === undefined ? text(p.path) : undefined, patchOrder("patches", i));
  });
  const replicas = Array.isArray(kustomization.replicas) ? kustomization.replicas : [];
  for (const [i, r] of replicas.entries()) {
    if (!isMap(r) || !text(r.name) || typeof r.count !== "number") continue;
    out.push({ target: { kind: REPLICATED_KINDS, name: exactly(r.name as string) }, value: { spec: { replicas: r.count } }, entry: "replicas", order: patchOrder("replicas", i) });
  }
  return out;
}
