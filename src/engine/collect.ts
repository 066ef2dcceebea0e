/**
 * Files -> source files and resources: which files a run reads (the linted ones and the
 * `--context` ones), what each document is (a syntax problem, a template, a configuration
 * file, a manifest or a List of them), and the index the rules look resources up in.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { ConfigValueError, DiscoveryError } from "../errors.js";
import { isBuiltinApiVersion } from "../models/api-groups.js";
import { crdOf, customResourceScopes, isClusterScopedKind, resourceSchema } from "../models/crd.js";
import type { ParsedDocument } from "../models/document.js";
import { expandedPaths, fromJsonPointer, isKustomization, isKustomizationFileName, patchSelects, type GeneratedObject, type InlinePatchLabels, type JsonPatchBuilds, type JsonPatchedPaths, type JsonPatchedValue, type JsonPatchWrites, type StrategicallyPatched, type StrategicPatchBuilds } from "../models/kustomization.js";
import { applyJsonPatch } from "../models/json-patch.js";
import { valueAtPath } from "../models/path.js";
import { agreedValue, applyStrategicMerge } from "../models/strategic-merge.js";
import { withLabels } from "../models/kustomize-labels.js";
import { withNamespace, type BuiltNamespace } from "../models/kustomize-namespace.js";
import { withReferencedNamespaces } from "../models/kustomize-nameref.js";
import { ResourceIndex, type UnreadBuild } from "../models/resource-index.js";
import { HeldViews, Resource, type WrittenMetadata } from "../models/resource.js";
import { hasLongDigits, recordExactIntegers } from "../models/exact-integers.js";
import { kustomizationProblems } from "../models/kustomization-fields.js";
import { configurationFormat, isOperatorSdkWatches } from "../models/config-files.js";
import { withoutSopsMetadata } from "../models/sops.js";
import type { Config } from "../config/schema.js";
import type { Path } from "../types.js";
import { classifyInputs, type InputRoles, type PatchSelection } from "./configurations.js";
import { discoverContext } from "./context.js";
import { addDiagnostic, withInternal, type Severities } from "./diagnostics.js";
import { discover, STDIN, type DiscoveredFile, type DiscoverOptions } from "./discover.js";
import { inputSets, perBuild, perSet } from "./input-sets.js";
import { missingKustomizationPaths } from "./kustomization-paths.js";
import type { LoadedFile } from "./load.js";
import { locate } from "./positions.js";
import { withPlaceholderDefaults } from "./placeholders.js";
import { lineIndex, type SourceFile } from "./sources.js";
import { excerpt, explainSyntaxProblem } from "./syntax-problems.js";
import { isReaderPlaceholder, isGoTemplateAction, isHelmAction, yttAnnotation } from "./template.js";
import { replacePlaceholdersHint } from "../models/catalogue/names.js";
import { readTypeMeta } from "./type-meta.js";
import { writesTypeMeta } from "./type-meta-keys.js";
import { readAsKustomize } from "./kustomize-scalars.js";
import { GoEmbeds } from "./go-embeds.js";
import { inAnsibleRoleTemplates, JINJA_SYNTAX } from "./ansible-roles.js";
import { inflatedCharts, unreadBuildSources, type UnreadEntry } from "./unread-builds.js";
import { parseText } from "./parse.js";

/** The options of a run that choose its files (a subset of LintOptions). */
export interface InputOptions {
  cwd?: string;
  config?: Config;
  ignorePatterns?: string[];
  configDir?: string;
  followSymlinks?: boolean;
  allowUnmatched?: boolean;
  context?: string[];
  stdinFilename?: string;
}

export interface Inputs {
  /** The linted files, then the context files. */
  files: DiscoveredFile[];
  /** Display names of the context files: those --context names, then the config's policies. */
  contextOnly: ReadonlySet<string>;
  /** Display names of the files --context names (not the policies): what they hold decides the default reference policy. */
  contextGiven: ReadonlySet<string>;
  /** Symbolic links the walks of the linted paths passed over (discover.ts), 0 when none. */
  linksNotFollowed: number;
}

export async function discoverInputs(paths: readonly string[], options: InputOptions): Promise<Inputs> {
  const cwd = options.cwd ?? process.cwd();
  const discoverOptions = {
    cwd,
    ignorePatterns: options.ignorePatterns,
    configIgnore: { base: options.configDir ?? cwd, patterns: options.config?.ignore ?? [] },
    followSymlinks: options.followSymlinks,
    stdinFilename: options.stdinFilename,
    allowUnmatched: options.allowUnmatched,
  };
  let linksNotFollowed = 0;
  const files = await discover(paths.length ? [...paths] : ["."], { ...discoverOptions, onLinksNotFollowed: (count) => (linksNotFollowed = count) });
  const contextFiles = await discoverContext(options.context ?? [], files, discoverOptions);
  const contextGiven = new Set(contextFiles.map((f) => f.display));
  contextFiles.push(...(await discoverPolicies(options, [...files, ...contextFiles], discoverOptions)));
  return { files: [...files, ...contextFiles], contextOnly: new Set(contextFiles.map((f) => f.display)), contextGiven, linksNotFollowed };
}

/**
 * The config's `policies:` entries (relative to the config file's folder), read like --context:
 * applied to the input, not reported on. One that names nothing is a ConfigValueError at its
 * entry, so that the CLI places it in the config file.
 */
async function discoverPolicies(options: InputOptions, read: DiscoveredFile[], discoverOptions: DiscoverOptions): Promise<DiscoveredFile[]> {
  const out: DiscoveredFile[] = [];
  for (const [i, entry] of (options.config?.policies ?? []).entries()) {
    const absolute = resolve(options.configDir ?? options.cwd ?? process.cwd(), entry);
    try {
      out.push(...(await discoverContext([absolute], [...read, ...out], discoverOptions)));
    } catch (err) {
      if (!(err instanceof DiscoveryError)) throw err;
      throw new ConfigValueError(`${err.message.split(absolute).join(entry)} (policies are relative to the config file's folder)`, ["policies", i]);
    }
  }
  return out;
}

export interface CollectInput {
  loaded: readonly LoadedFile[];
  contextOnly: ReadonlySet<string>;
  defaultNamespace: string;
  /**
   * Whether the user set `defaultNamespace` (--default-namespace, the config): namespace-less
   * objects are then known to go there, as the objects of a kustomization with a namespace, unless
   * a kustomization lists their file (an overlay that includes it may set another); when it is
   * only the assumed "default", `kubectl apply -n` decides (Resource.namespaceCertain).
   */
  defaultNamespaceGiven?: boolean;
  /** For the syntax and type-meta problems found here. */
  severities: Severities;
}

export interface Collection {
  sources: SourceFile[];
  /** Every resource in input order; a resource's id is its position here. */
  resources: Resource[];
  /** The ConfigMaps and Secrets kustomization generators make. */
  generated: readonly GeneratedObject[];
  /** The resources' views, dropped by the stages that read many of them (indexing, each batch of rules). */
  views: HeldViews;
  /**
   * The objects of documents that are not checked because a key is written twice with different
   * values: in the index, so that the others find them (a Service's selector, a reference by
   * name) as they will once the key is fixed, but never judged.
   */
  lookupOnly: Set<Resource>;
  /** How the kustomizations of the input pick the objects of each patch file, by display path (InputRoles.patchSelectionOf). */
  patchSelections: ReadonlyMap<string, PatchSelection>;
  /** The kustomization entries whose objects the run does not read (engine/unread-builds.ts). */
  unread: UnreadEntry[];
  /** namespace -> the first of them whose builds put objects there. */
  unreadInto: ReadonlyMap<string, UnreadBuild>;
  /** The labels inline kustomize patches write (InputRoles.inlinePatchLabels). */
  inlinePatchLabels: readonly InlinePatchLabels[];
}

export function collect({ loaded, contextOnly, defaultNamespace, defaultNamespaceGiven = false, severities }: CollectInput): Collection {
  const roles = classifyInputs(loaded, defaultNamespace);
  const patchSelections = new Map<string, PatchSelection>();
  const unread = unreadBuildSources(loaded);
  const unreadInto = new Map<string, UnreadBuild>();
  for (const { shown, path } of unread) for (const namespace of roles.entryNamespaces(path)) if (!unreadInto.has(namespace)) unreadInto.set(namespace, shown);
  // A chart a kustomization inflates builds objects no run reads into its namespace too; it is not listed as unread, as no lint can read it.
  for (const { shown, namespaces } of inflatedCharts(loaded, defaultNamespace)) for (const namespace of namespaces) if (!unreadInto.has(namespace)) unreadInto.set(namespace, shown);
  const collection: Collection = { sources: [], resources: [], generated: roles.generated, views: new HeldViews(), lookupOnly: new Set(), patchSelections, unread: unread.map((u) => u.shown), unreadInto, inlinePatchLabels: roles.inlinePatchLabels };
  const charts = new ChartTemplates();
  const goEmbeds = new GoEmbeds();
  const yttFolders = new Map<string, YttFolder>();
  // The scopes the input's CRDs give their kinds, known before any object is made: a cluster-scoped object is in no namespace.
  const scopes = customResourceScopes(loaded.flatMap((l) => l.docs.map((d) => d.value)));
  for (const { file, source: read, docs } of loaded) {
    if (roles.isPatch(file)) patchSelections.set(file.display, roles.patchSelectionOf(file));
    const built = roles.namespaceOf(file);
    const namespaceSource = built?.agreed;
    const src: SourceFile = {
      display: file.display,
      text: "text" in read ? read.text : "",
      docs,
      resources: 0,
      skipped: 0,
      unchecked: [],
      contextOnly: contextOnly.has(file.display),
      diagnostics: [],
      patch: roles.isPatch(file),
      defaultNamespace: namespaceSource?.namespace ?? defaultNamespace,
      namespaceAssigned: namespaceSource !== undefined || (defaultNamespaceGiven && !roles.isListed(file)),
      namespaceSource,
      renameSource: built?.renamed,
      builtNamespace: built,
      imageBuilds: roles.imageBuildsOf(file),
      labels: roles.labelsOf(file),
      affixes: roles.affixesOf(file),
      referrals: roles.referralsOf(file),
      merges: roles.mergesOf(file),
      jsonPatches: roles.jsonPatchesOf(file),
      strategicPatches: roles.strategicPatchesOf(file),
      configurations: [],
    };
    collection.sources.push(src);
    if (!("text" in read)) {
      // An unreadable file is an error whatever the configured severity of yaml-syntax.
      const unreadable = {
        ruleId: "yaml-syntax",
        severity: "error" as const,
        message: read.problem,
        line: read.line,
        column: read.column,
        endLine: read.line,
        endColumn: read.column + 1,
        resource: { apiVersion: "", kind: "", name: "", namespace: "" },
        path: "",
      };
      src.diagnostics.push(withInternal(unreadable, { docIndex: 0 }));
      continue;
    }
    const state: FileState = { src, file, roles, severities, resources: collection.resources, views: collection.views, charts, goEmbeds, yttFolders, lookupOnly: collection.lookupOnly, scopes };
    // kustomize builds what a kustomization lists or patches with, reading YAML 1.2's booleans.
    if (roles.isListed(file) || roles.isPatch(file)) for (const doc of docs) readAsKustomize(doc, read.text);
    const vars = roles.varsOf(file);
    if (vars) for (const doc of docs) doc.kustomizeVars = vars;
    // A chart template with actions in some of its documents renders all of them: the others sit between `{{ if }}` and `{{ end }}` or in a `{{ range }}`.
    state.renderedWithTemplate = docs.some((doc) => doc.template !== undefined) && charts.chartOf(file) !== undefined;
    for (const doc of docs) collectDocument(state, doc);
  }
  reportYttFolders(yttFolders, severities);
  return collection;
}

/** What collecting one file's documents reads and adds to. */
interface FileState {
  src: SourceFile;
  file: DiscoveredFile;
  roles: InputRoles;
  severities: Severities;
  resources: Resource[];
  views: HeldViews;
  lookupOnly: Set<Resource>;
  /** Set for a document that is not checked (collectLookupOnly): its objects are only indexed, and nothing is reported or counted for it. */
  indexOnly?: boolean;
  /** Whether the file's text has a run of 16 digits (an integer beyond 2^53 may be in it), tested once. */
  longDigits?: boolean;
  charts: ChartTemplates;
  goEmbeds: GoEmbeds;
  /** The scopes the input's CRDs give their kinds (crd.ts customResourceScopes). */
  scopes: ReadonlyMap<string, string>;
  /**
   * Whether the file is a chart template some of whose documents are templates: Helm renders the
   * whole file, so its other documents are only what it may write out (or leave out), not linted.
   */
  renderedWithTemplate?: boolean;
  /** Whether the file's text holds "{{" (a template action may be in it), tested once. */
  braces?: boolean;
  /** The file's first ytt annotation (null: none), read on its first document. */
  ytt?: { start: number; end: number } | null;
  /** The folders holding ytt templates (absolute; "" for stdin), reported after every file is read. */
  yttFolders: Map<string, YttFolder>;
}

/**
 * The Helm charts whose templates the run reads: a file below a `templates` folder whose parent
 * holds Chart.yaml is a template of that chart (Helm reads every file under templates/,
 * subfolders included). A chart is reported once, at the first template part found in it: its
 * templates are not manifests until `helm template` renders them, and one finding per file would
 * only repeat that.
 */
class ChartTemplates {
  /** Chart folder (absolute) by the folder of a file; null: in no chart. */
  private readonly byFolder = new Map<string, string | null>();
  /** Whether the files of a folder are a chart's data files (isChartData), by folder. */
  private readonly dataByFolder = new Map<string, boolean>();
  private readonly reported = new Set<string>();

  /** The chart folder `file` is a template of, absolute; undefined for a file in no chart (or stdin). */
  chartOf(file: DiscoveredFile): string | undefined {
    if (file.absolute === STDIN) return undefined;
    const folder = dirname(file.absolute);
    let chart = this.byFolder.get(folder);
    if (chart === undefined) {
      chart = null;
      for (let at = folder; dirname(at) !== at; at = dirname(at)) {
        if (basename(at) === "templates" && existsSync(join(dirname(at), "Chart.yaml"))) {
          chart = dirname(at);
          break;
        }
      }
      this.byFolder.set(folder, chart);
    }
    return chart ?? undefined;
  }

  /** Whether `file` is below a chart's crds/ folder, whose files Helm installs as they are, never rendering them (helm.sh/helm/v3 pkg/chart Chart.CRDObjects). */
  isChartCrd(file: DiscoveredFile): boolean {
    if (file.absolute === STDIN) return false;
    for (let at = dirname(file.absolute); dirname(at) !== at; at = dirname(at)) {
      if (basename(at) === "crds" && existsSync(join(dirname(at), "Chart.yaml"))) return true;
    }
    return false;
  }

  /**
   * Whether `file` is a data file of a chart: below a folder holding Chart.yaml, outside its
   * templates/, crds/ and charts/ (Helm renders templates/, installs crds/ as they are, and a
   * subchart in charts/ is a chart of its own). Helm sends such a file nowhere; a template reads
   * it with `.Files.Get`, to render it with `tpl` as part of the chart's output (KServe's
   * files/*-patch.yaml) or to put it in a ConfigMap for a program that fills in its own `{{ }}`
   * (Istio's sidecar and gateway injection templates in istio-discovery/files/).
   */
  isChartData(file: DiscoveredFile): boolean {
    if (file.absolute === STDIN) return false;
    const folder = dirname(file.absolute);
    let data = this.dataByFolder.get(folder);
    if (data === undefined) {
      data = false;
      for (let at = folder, below = ""; dirname(at) !== at; below = basename(at), at = dirname(at)) {
        if (!existsSync(join(at, "Chart.yaml"))) continue;
        data = below !== "" && below !== "templates" && below !== "crds" && below !== "charts";
        break;
      }
      this.dataByFolder.set(folder, data);
    }
    return data;
  }

  /**
   * Whether `file` holds a chart's values, which `helm install -f` reads and no API server does:
   * a file named for values (values.yaml, values-prod.yaml, prod.values.yaml) in a folder holding
   * Chart.yaml, or any file of the chart's ci/ folder (chart-testing's values files). A values
   * file may well have a top-level `kind` (descheduler's chart picks CronJob or Deployment by it).
   */
  isValues(file: DiscoveredFile): boolean {
    if (file.absolute === STDIN) return false;
    const folder = dirname(file.absolute);
    if (CHART_VALUES_FILE.test(basename(file.absolute)) && existsSync(join(folder, "Chart.yaml"))) return true;
    return basename(folder) === "ci" && existsSync(join(dirname(folder), "Chart.yaml"));
  }

  /** True the first time a chart is asked about. */
  firstOf(chart: string): boolean {
    if (this.reported.has(chart)) return false;
    this.reported.add(chart);
    return true;
  }
}

/** A Go template action that reads a field of the program's data (`{{ .Name }}`, `{{- .Spec.Replicas -}}`), outside a comment line. */
const GO_FIELD_ACTION = /^[^#\n]*\{\{-?\s*\.[A-Za-z_]/m;

/** A values file's name: `values`, alone or joined to another word by "-", "_" or ".". */
const CHART_VALUES_FILE = /^(?:values(?:[-_.][^/]*)?|[^/]*[-_.]values)\.(?:ya?ml|json)$/;

/** How reports name a chart folder: as `file` is named, less its path below the chart. */
function chartDisplay(file: DiscoveredFile, chart: string): string {
  const below = relative(chart, file.absolute).split(sep).join("/");
  return file.display.endsWith(`/${below}`) ? file.display.slice(0, -below.length - 1) : chart.split(sep).join("/");
}

function collectDocument(state: FileState, doc: ParsedDocument): void {
  const { src } = state;
  if (state.renderedWithTemplate && !doc.template) return;
  // A generator's data file is text to kustomize: its syntax and templates are the program's that reads it.
  const rendered = (doc.template || doc.problems.length) && !state.roles.isGeneratorData(state.file) ? collectProblems(state, doc) : false;
  if (rendered) {
    // A manifest that a tutorial's script or another tool fills in (vitess' `replicas: {{replicas}}`) still defines its object for the others: a Service selecting its pods.
    const filled = filledInDocument(src.text, doc);
    if (filled) collectLookupOnly(state, filled);
  }
  if (doc.template || doc.value === undefined || doc.value === null) return;
  if (collectYttTemplate(state)) return;
  if (doc.problems.some((p) => !p.recoverable)) {
    if (doc.problems.every((p) => p.recoverable || p.code === "DUPLICATE_KEY")) collectLookupOnly(state, doc);
    return;
  }
  if (Array.isArray(doc.value)) {
    if (!collectManifestSequence(state, doc, doc.value)) src.skipped++;
    return;
  }
  if (typeof doc.value !== "object") {
    src.skipped++;
    return;
  }
  const value = doc.value as Record<string, unknown>;
  if (state.charts.isValues(state.file)) {
    src.skipped++;
    return;
  }
  // A Go program's embedded file with an action on its data in a string (`namespace: "{{ .ClusterName }}"`): its text/template, which it fills in when it runs.
  if ((state.braces ??= src.text.includes("{{")) && state.file.absolute !== STDIN && GO_FIELD_ACTION.test(src.text.slice(doc.start, doc.end)) && state.goEmbeds.embeds(state.file.absolute)) {
    src.skipped++;
    return;
  }
  const configuration = state.roles.configurationOf(state.file, value);
  if (configuration) {
    src.configurations.push({ line: lineIndex(src).position(doc.rootSpan[0]).line, ...configuration });
    // Paths are relative to the kustomization's folder; stdin has none.
    if (isKustomization(basename(state.file.absolute), value)) {
      collectKustomizationProblems(state, doc, value);
      if (state.file.absolute !== STDIN) collectMissingPaths(state, doc, value);
    }
    return;
  }
  if (state.roles.isGeneratorData(state.file)) {
    src.skipped++;
    return;
  }
  const fluxPath = state.roles.fluxPathMissing(value);
  if (fluxPath) collectMissingFluxPath(state, doc, value, fluxPath.meant);
  collectResources(state, doc, value, DOCUMENT_ROOT);
}

/**
 * A document of a ytt template (a file with a ytt annotation, template.ts yttAnnotation) is not a
 * manifest until `ytt` renders it: its computed values read as null and its overlays are partial.
 * It is skipped, and its folder noted with the file's first annotation (reportYttFolders reports
 * them). True when the document is such a template.
 */
function collectYttTemplate(state: FileState): boolean {
  const { src, file } = state;
  if (state.ytt === undefined) state.ytt = yttAnnotation(src.text) ?? null;
  if (state.ytt === null) return false;
  src.skipped++;
  const folder = file.absolute === STDIN ? "" : dirname(file.absolute);
  if (!state.yttFolders.has(folder)) state.yttFolders.set(folder, { src, at: state.ytt, shown: file.absolute === STDIN ? "-" : dirname(file.display) || "." });
  return true;
}

/** The first ytt template of a folder: its file and first annotation, and the folder as reports name it. */
interface YttFolder {
  src: SourceFile;
  at: { start: number; end: number };
  shown: string;
}

/**
 * The ytt templates of the input, reported once per outermost folder that holds some, at its first
 * template's first annotation, as a warning: like a Helm chart, a folder of ytt configuration
 * (rendered by kapp-controller or `ytt -f`) is nothing to fix, only not linted, and `ytt -f
 * config/` reads config/overlays/ with it.
 */
function reportYttFolders(folders: ReadonlyMap<string, YttFolder>, severities: Severities): void {
  for (const [folder, { src, at, shown }] of folders) {
    let outer = false;
    for (let dir = folder, up = dirname(dir); dir !== "" && !outer && up !== dir; dir = up, up = dirname(up)) outer = folders.has(up);
    if (outer) continue;
    const message = `ytt annotation "${excerpt(src.text.slice(at.start, at.end))}" is not rendered: the ytt templates in ${shown} are manifests only once rendered, so they are not linted (reported once for the folder)`;
    const hint = `render them and lint the output (ytt -f ${shown} | k8s-lint -)`;
    const docIndex = src.docs.find((d) => at.start <= d.end)?.index ?? 0;
    addDiagnostic(src, { docIndex, ruleId: "unrendered-template", severity: "warning", start: at.start, end: at.end, message, hint }, severities);
  }
}

/**
 * A document whose only error is a key repeated with different values (kustomize refuses it,
 * kubectl apply -f drops one of the values, and any reading of it is a guess, so it is not
 * checked) still defines its object for the others:
 * a Service selecting its pods, a workload naming its ConfigMap. Without it they would report,
 * as a second finding, an absence that fixing the key removes. Configuration files and patches
 * define no object; nothing is reported on the document beyond its repeated keys.
 */
function collectLookupOnly(state: FileState, doc: ParsedDocument): void {
  const value = doc.value;
  if (typeof value !== "object" || value === null || Array.isArray(value) || state.src.patch || state.roles.isGeneratorData(state.file)) return;
  if (state.roles.configurationOf(state.file, value as Record<string, unknown>)) return;
  collectResources({ ...state, indexOnly: true }, doc, value as Record<string, unknown>, DOCUMENT_ROOT);
}

/** A template action on one line (`{{replicas}}`, `{{ .Values.tag }}`). */
const ONE_LINE_ACTION = /\{\{(?:(?!\}\})[^\n])*\}\}/g;

/**
 * A template document outside a chart as its object would be once filled in: each action on
 * one line read as a plain word of its length, so that offsets hold (`replicas: {{replicas}}`
 * becomes `replicas: xxxxxxxxxxxx`). Undefined unless that parses, without problems, to one
 * document: an action that shapes the document (`{{ if }}`, `{{ range }}`) leaves nothing to read.
 */
function filledInDocument(text: string, doc: ParsedDocument): ParsedDocument | undefined {
  const filled = text.slice(doc.start, doc.end).replace(ONE_LINE_ACTION, (action) => "x".repeat(action.length));
  if (filled.includes("{{")) return undefined;
  // The text before the document as blank lines: the document keeps its offsets in the file.
  const docs = parseText(text.slice(0, doc.start).replace(/[^\n]/g, " ") + filled).filter((d) => d.value !== undefined && d.value !== null);
  if (docs.length !== 1 || docs[0].problems.length || docs[0].template) return undefined;
  return { ...docs[0], index: doc.index };
}

/** A Flux Kustomization's spec.path that names nothing in its repository: Flux fails it (engine/configurations.ts fluxPathsMissing). */
function collectMissingFluxPath(state: FileState, doc: ParsedDocument, value: Record<string, unknown>, meant: string | undefined): void {
  const path = ["spec", "path"];
  const { start, end } = locate(doc, path, "value");
  const written = (value.spec as Record<string, unknown>).path as string;
  const message = `spec.path "${written}" names nothing in the repository, so Flux fails the Kustomization ("kustomization path not found")${meant === undefined ? "" : ` (did you mean "${meant}"?)`}`;
  const hint = meant === undefined ? "fix the path (relative to the root of the repository) or remove the Kustomization" : `change the path to "${meant}"`;
  addDiagnostic(state.src, { ruleId: "kustomization-path-missing", start, end, message, docIndex: doc.index, path, hint }, state.severities);
}

/** Each key and entry of a kustomization that kustomize cannot decode (models/kustomization-fields.ts): `kustomize build` fails there. */
function collectKustomizationProblems(state: FileState, doc: ParsedDocument, kustomization: Record<string, unknown>): void {
  for (const problem of kustomizationProblems(kustomization)) {
    const { start, end } = locate(doc, problem.path, problem.target);
    addDiagnostic(state.src, { ruleId: "kustomization-invalid", start, end, message: problem.message, docIndex: doc.index, path: problem.path, hint: problem.hint }, state.severities);
  }
}

/** Each local path of a kustomization that names nothing on disk, at its entry: `kustomize build` fails there. */
function collectMissingPaths(state: FileState, doc: ParsedDocument, kustomization: Record<string, unknown>): void {
  const missingPaths = missingKustomizationPaths(kustomization, dirname(state.file.absolute));
  // kustomize builds only a file of its names (api/konfig RecognizedKustomizationFileNames): under another name, one whose missing paths are near nothing here is a template copied into place (container.training's M6-*-kustomization.yaml), with the destination's paths.
  if (!isKustomizationFileName(basename(state.file.absolute)) && missingPaths.every((m) => m.meant === undefined)) return;
  for (const missing of missingPaths) {
    const { start, end } = locate(doc, missing.at, "value");
    const meant = missing.meant === undefined ? "" : ` (did you mean "${missing.meant}"?)`;
    // A git-ignored path is usually made before the build (a generated env file): a fresh checkout, as in CI, lacks it.
    const ignoredBy = missing.gitIgnoredBy === undefined ? "" : ` (${relative(dirname(state.file.absolute), missing.gitIgnoredBy).split(sep).join("/")} ignores it: git does not hold it, so a fresh checkout lacks it too)`;
    const message = `${missing.field} entry "${missing.path}" names no ${missing.names} on disk, so kustomize build fails${meant}${ignoredBy}`;
    const hint =
      missing.meant !== undefined
        ? `change the path to "${missing.meant}"`
        : missing.gitIgnoredBy !== undefined
          ? `make the file${missing.template ? ` from ${missing.template} (copy it and fill it in)` : ""} before kustomize build runs (and before linting), or commit it if it holds no secret`
          : "fix the path (relative to the kustomization's folder) or remove the entry";
    addDiagnostic(state.src, { ruleId: "kustomization-path-missing", start, end, message, docIndex: doc.index, path: missing.at, hint }, state.severities);
  }
}

/**
 * A document that is a list of manifests (`- apiVersion: v1` at the top, or a JSON array of
 * objects): kubectl reads one object per document and refuses the whole file (its decoder,
 * unstructuredJSONScheme.decode in apimachinery, cannot unmarshal an array), so the list is an
 * error at its first item; its manifests are judged as written, at their own positions. False
 * for a list of anything else (an Ansible play, a JSON patch), which is not a manifest.
 */
function collectManifestSequence(state: FileState, doc: ParsedDocument, items: unknown[]): boolean {
  // Operator SDK's watches.yaml names kinds, and holds no manifest.
  if (isOperatorSdkWatches(items)) return false;
  const manifests: number[] = [];
  items.forEach((item, i) => {
    if (typeof item === "object" && item !== null && !Array.isArray(item) && writesTypeMeta(item) && readTypeMeta(item as Record<string, unknown>).is !== "not-a-manifest") manifests.push(i);
  });
  if (!manifests.length) return false;
  const { src } = state;
  const first = locate(doc, [manifests[0]], "value");
  const lineEnd = src.text.indexOf("\n", first.start);
  const end = Math.min(first.end, lineEnd < 0 ? src.text.length : lineEnd);
  const count = manifests.length === 1 ? "a list holding a manifest" : `a list of ${manifests.length} manifests`;
  const hint = src.display.endsWith(".json") ? `write them as the items of {"apiVersion": "v1", "kind": "List", "items": [...]}` : `write each item as a document of its own after a "---" line, or wrap them in "apiVersion: v1", "kind: List", "items:"`;
  const message = `this document is ${count}, not an object: kubectl reads one object per document and refuses the whole file`;
  addDiagnostic(src, { ruleId: "missing-type-meta", start: first.start, end, message, docIndex: doc.index, source: doc.helmSource, path: [], hint }, state.severities);
  for (const i of manifests) collectResources(state, doc, items[i] as Record<string, unknown>, [i]);
  return true;
}

/** The apiVersion and kind a document's text writes at its top level, plainly (`apiVersion: x` at the start of a line). */
const TOP_API_VERSION = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m;
const TOP_KIND = /^kind:[ \t]*["']?([^\s"'#]+)/m;

/** Whether the text of a document (one that does not parse as written) names a configuration file's format at its top: a tool's file, not an object. */
function writtenConfiguration(text: string): boolean {
  const apiVersion = TOP_API_VERSION.exec(text)?.[1];
  const kind = TOP_KIND.exec(text)?.[1];
  return apiVersion !== undefined && kind !== undefined && configurationFormat(apiVersion, kind) !== undefined;
}

/** A line that writes an apiVersion or a kind key, in YAML or JSON, at any indentation (a List's items). */
const TYPE_META_LINE = /^[ \t-]*"?(?:apiVersion|kind)"?[ \t]*:/m;
/** The words of a manifest's type anywhere in a text, in any syntax: a file without them holds no manifest. */
const MENTIONS_TYPE_META = /apiVersion|kind/;

/** The path of a resource that is its document's root value: one array for all of them. */
const DOCUMENT_ROOT: Path = Object.freeze([]);

/**
 * The findings of a document that is a template or has syntax problems. True for a template
 * outside a Helm chart that is reported as a manifest to render: its object, once rendered, is
 * the input's (collectLookupOnly).
 */
function collectProblems(state: FileState, doc: ParsedDocument): boolean {
  const { src, severities } = state;
  const base = { docIndex: doc.index, source: doc.helmSource };
  // An Ansible role's Jinja2 template, rendered by its `template` tasks: neither its syntax nor its placeholders are the repository's manifests.
  if (state.file.absolute !== STDIN && JINJA_SYNTAX.test(src.text) && inAnsibleRoleTemplates(state.file.absolute) && state.charts.chartOf(state.file) === undefined) {
    src.skipped++;
    return false;
  }
  if (doc.template) {
    const { start, end } = doc.template;
    const found = `template syntax "${excerpt(src.text.slice(start, end))}" is not rendered`;
    const chart = state.charts.chartOf(state.file);
    const action = src.text.slice(start, end);
    if (chart === undefined && isReaderPlaceholder(action)) {
      // A tutorial's `{{HF_TOKEN}}`: the value is the reader's to write, not a template's to render.
      const shown = excerpt(action);
      const message = `"${shown}" looks like a placeholder left in; unquoted, YAML reads it as a mapping instead of text`;
      addDiagnostic(src, { ...base, ruleId: "unrendered-template", start, end, message, hint: replacePlaceholdersHint([shown]) }, severities);
      return true;
    } else if (chart === undefined && !isGoTemplateAction(action)) {
      // Not a chart: another tool's placeholder (Argo's {{args.name}}), which YAML reads as a mapping unless quoted.
      const shown = excerpt(action);
      const quote = shown.includes('"') ? "'" : '"';
      const message = `"${shown}" is not quoted, so YAML reads it as a mapping instead of text`;
      addDiagnostic(src, { ...base, ruleId: "unrendered-template", start, end, message, hint: `quote the whole value, e.g. ${quote}${shown}${quote}` }, severities);
      return true;
    } else if (chart === undefined && state.file.absolute !== STDIN && state.goEmbeds.embeds(state.file.absolute)) {
      // A Go program's own template (go:embed), which it fills in when it runs: not reported, but once filled in, its object is
      // applied with the file's other documents, which refer to it (a Service selecting its pods).
      src.skipped++;
      return true;
    } else if (chart === undefined && state.file.absolute !== STDIN && (state.charts.isChartData(state.file) || state.roles.isChartPatch(state.file) || state.roles.testInputOf(state.file) !== undefined)) {
      // A template a chart ships as data for its program, which fills it in when it runs, a patch of a kustomization that builds a chart's templates, or a test's object template (clusterloader2): no manifest of the repository.
      src.skipped++;
    } else if (chart === undefined && writtenConfiguration(src.text.slice(doc.start, doc.end))) {
      // A client-side tool's file that a release step fills in (krew-release-bot's plugin manifest `{{ .TagName }}`): no object, templated or not.
      src.skipped++;
    } else if (chart === undefined && !isHelmAction(action) && !TYPE_META_LINE.test(src.text.slice(doc.start, doc.end))) {
      // Another tool's template that writes no apiVersion or kind anywhere (Nomad's templated Loki config, a build's CRD header): no manifest once rendered either.
      src.skipped++;
    } else if (chart === undefined && state.charts.isChartCrd(state.file)) {
      // Rendering the chart does not render it: the action reaches the API server as written, and the install fails.
      const message = `${found}: Helm installs the files of a chart's crds/ folder as they are, without rendering them, so the install fails on it`;
      addDiagnostic(src, { ...base, ruleId: "unrendered-template", start, end, message, hint: "remove the template syntax, or move the file to the chart's templates/ folder, where Helm renders it" }, severities);
    } else if (chart === undefined) {
      // Go templates are not only Helm's: Flux's and other tools' test data fill in `{{ .fluxns }}` with text/template.
      const hint = isHelmAction(action) ? "render the chart first (helm template ... | k8s-lint -)" : "render the template with the tool that fills it in, and lint the output (... | k8s-lint -)";
      addDiagnostic(src, { ...base, ruleId: "unrendered-template", start, end, message: found, hint }, severities);
      return true;
    } else if (state.charts.firstOf(chart)) {
      const shown = chartDisplay(state.file, chart);
      const message = `${found}: the templates of the Helm chart in ${shown} are manifests only once rendered, so they are not linted (reported once for the chart)`;
      // Nothing is wrong with a chart: a warning that its templates go unlinted, not an error that fails the run of every repository that ships one.
      const hint = `render the chart and lint its output (helm template ${shown} | k8s-lint -), or leave it out of this run with --ignore-pattern "${shown}/**"`;
      addDiagnostic(src, { ...base, ruleId: "unrendered-template", severity: "warning", start, end, message, hint }, severities);
    }
    return false;
  }
  // A file of another tool that writes neither apiVersion nor kind anywhere (mongoimport's records beside a sample's Dockerfile): no manifest hides in
  // it, whatever its YAML syntax. The reader's own limits (nesting depth, alias bombs, unknown aliases: problems without a YAML code) are reported still.
  if (doc.problems.every((p) => p.code !== undefined) && !MENTIONS_TYPE_META.test(src.text) && !readByKustomize(state)) return false;
  // A file of another tool that parses, keys repeated aside (a Hugo site's config, a generator's JSON config), and writes no apiVersion or kind: no manifest, as without the repeat.
  const value = doc.value;
  const typeMeta = typeof value === "object" && value !== null && writesTypeMeta(value);
  if (doc.problems.every((p) => p.code === "DUPLICATE_KEY") && !typeMeta && !readByKustomize(state) && !TYPE_META_LINE.test(src.text.slice(doc.start, doc.end))) return false;
  // Repeated keys each, up to the first other error, and only that one: what follows it is read from a structure it broke.
  const fatal = doc.problems.find((p) => !p.recoverable && p.code !== "DUPLICATE_KEY");
  for (const p of doc.problems.filter((q) => (q.code === "DUPLICATE_KEY" && (!fatal || q.start < fatal.start)) || q === fatal)) {
    const shown = explainSyntaxProblem(src.text, p);
    // A key repeated with the same value loses nothing to `kubectl apply -f`; kustomize, which reads the files a kustomization lists or patches with, refuses it.
    const harmless = p.code === "DUPLICATE_KEY" && p.recoverable && !readByKustomize(state);
    addDiagnostic(src, { ...base, ruleId: "yaml-syntax", ...(harmless ? { severity: "warning" as const } : {}), start: shown.start, end: shown.end, message: shown.message, hint: shown.hint }, severities);
  }
  return false;
}

/** Whether kustomize reads the file: a kustomization of the input lists it or patches with it, or it is a kustomization itself. */
function readByKustomize({ file, roles }: FileState): boolean {
  return roles.isListed(file) || roles.isPatch(file) || isKustomizationFileName(basename(file.display));
}

/** The text of a metadata name, generateName or namespace that YAML read as a boolean or a number (`name: y`), as written. */
function writtenMetadata(text: string, doc: ParsedDocument, value: Record<string, unknown>, basePath: Path): WrittenMetadata | undefined {
  const metadata = value.metadata;
  if (typeof metadata !== "object" || metadata === null) return undefined;
  let out: WrittenMetadata | undefined;
  for (const key of ["name", "generateName", "namespace"] as const) {
    const v = (metadata as Record<string, unknown>)[key];
    if (typeof v !== "boolean" && typeof v !== "number") continue;
    const at = locate(doc, [...basePath, "metadata", key], "value");
    if (at.exact) (out ??= {})[key] = text.slice(at.start, at.end);
  }
  return out;
}

/** Type meta checks and List flattening; resources found are appended to the collection. */
function collectResources(state: FileState, doc: ParsedDocument, value: Record<string, unknown>, basePath: Path): void {
  const { src } = state;
  const meta = readTypeMeta(value, src.patch);
  if (state.indexOnly && meta.is !== "manifest") return;
  if (meta.is === "not-a-manifest") {
    src.skipped++;
    return;
  }
  if (meta.is === "unreadable") {
    for (const p of meta.problems) {
      const at = locate(doc, [...basePath, p.key], p.target);
      const problem = { ruleId: "missing-type-meta", start: at.start, end: at.end, message: p.message, docIndex: doc.index, source: doc.helmSource, path: [p.key], hint: p.hint };
      addDiagnostic(src, problem, state.severities);
    }
    return;
  }
  if (meta.kind.endsWith("List") && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      if (item && typeof item === "object" && !Array.isArray(item)) {
        collectResources(state, doc, item as Record<string, unknown>, [...basePath, "items", i]);
      }
    });
    return;
  }
  const { resources } = state;
  // The object as built: SOPS metadata left out, Flux placeholders by their defaults, kustomize's namespace and labels set, positions still those of the text.
  // A SOPS-encrypted document without its key metadata, which decryption removes (models/sops.ts).
  const decrypted = basePath.length === 0 ? withoutSopsMetadata(value) : value;
  const placeholderStart = src.text.indexOf("${", doc.start);
  const substituted = placeholderStart >= 0 && placeholderStart < doc.end ? withPlaceholderDefaults(decrypted, src.text, doc, basePath) : decrypted;
  // A JSON patch of a build that writes this object's metadata.namespace decides it over the file's namespace.
  const patchedNamespace = src.jsonPatches && !src.patch ? state.roles.patchedNamespaceOf(state.file, identityOf(substituted)) : undefined;
  // The strategic-merge patches and `replicas` entries of the builds that emit it, where every build agrees (models/strategic-merge.ts).
  const strategic = (src.strategicPatches || src.jsonPatches) && !src.patch ? kustomizePatched(substituted, src.strategicPatches, src.jsonPatches, src.builtNamespace) : undefined;
  // Deleted by a patch in every build: kustomize emits no such object, so there is nothing to judge or to refer to.
  if (strategic === "deleted") {
    src.skipped++;
    return;
  }
  const patched = strategic?.object ?? substituted;
  const renameSource = patchedNamespace ? patchedNamespace.renamed : src.renameSource;
  const namespaced = renameSource && !src.patch ? withNamespace(patched, renameSource.namespace, renameSource.fields) : undefined;
  // kustomize fixes name references last, on the objects its namespace transformer made.
  const referenced = src.referrals && !src.patch ? withReferencedNamespaces(namespaced?.built ?? patched, src.referrals) : undefined;
  const labelled = referenced?.built ?? namespaced?.built ?? patched;
  const built = src.labels && !src.patch ? withLabels(labelled, src.labels) : labelled;
  const namespaceSets = [...(namespaced?.paths.length ? [{ source: renameSource!, paths: namespaced.paths }] : []), ...(referenced?.set.map((r) => ({ source: r.source, paths: [r.path], ...(r.renamed ? { renamed: r.referred } : {}) })) ?? [])];
  const namespace = namespaceSets.length ? namespaceSets : undefined;
  // A build that deletes the object leaves it unchanged in the others, and is still kept (Resource.emittedBy).
  const kustomized = built !== substituted || strategic ? { written: substituted, labels: src.labels ?? [], namespace, ...(strategic ? { patched: strategic } : {}) } : undefined;
  const defaultNamespace = patchedNamespace?.agreed?.namespace ?? src.defaultNamespace;
  const namespaceAssigned = patchedNamespace?.agreed !== undefined || src.namespaceAssigned;
  const resource = new Resource(built, src.display, doc, basePath, defaultNamespace, resources.length, src.patch, state.views, writtenMetadata(src.text, doc, value, basePath), src.imageBuilds, namespaceAssigned, kustomized, patchedNamespace ?? src.builtNamespace, src.merges, jsonPatchedPaths(src.jsonPatches, built, substituted, src.builtNamespace), src.affixes, isClusterScopedKind(meta.apiVersion, meta.kind, state.scopes));
  resource.policyTest = state.roles.policyTestOf(state.file);
  resource.skaffoldImages = state.roles.skaffoldImagesOf(state.file);
  // Context files describe the cluster every object of the input is applied to.
  resource.places = src.contextOnly ? undefined : state.roles.placesOf(state.file);
  resource.buildRoots = state.roles.buildRootsOf(state.file);
  resource.turnedOff = state.roles.isTurnedOff(state.file);
  resource.fromContext = src.contextOnly;
  resources.push(resource);
  if (state.indexOnly) {
    state.lookupOnly.add(resource);
    return;
  }
  src.resources++;
  // Integers beyond 2^53 as written, for CEL's int64 (models/exact-integers.ts).
  if ((state.longDigits ??= hasLongDigits(src.text)) && hasLongDigits(src.text.slice(doc.start, doc.end))) {
    recordExactIntegers(built, (path) => {
      const at = locate(doc, [...basePath, ...path], "value");
      return at.exact ? src.text.slice(at.start, at.end) : undefined;
    });
  }
}

/** A collection ready for the rules: what is judged, what is reported, and the index. */
export interface IndexedRun {
  index: ResourceIndex;
  /** The index a resource's rules look up in: its input set's with `--per-directory`, else `index`. */
  indexFor: (resource: Resource) => ResourceIndex;
  /**
   * With `--per-directory`, for a resource of a base that several kustomizations include: an index
   * per build that includes it (`build`: the kustomization's folder, as displayed), which the
   * cross-resource rules judge it in one by one (run-rules.ts); undefined for the others.
   */
  viewsFor?: (resource: Resource) => readonly BuildView[] | undefined;
  /** The resources of the linted files (not of the context files). */
  judged: Resource[];
  /** The linted files. */
  reported: SourceFile[];
  sourceOf: ReadonlyMap<string, SourceFile>;
}

/** One build a resource is judged in: its index, and the kustomization folder that builds it, as displayed. */
export interface BuildView {
  index: ResourceIndex;
  build: string;
}

/** How to index: with `perDirectory`, each input set of the loaded files gets an index of its own. */
export interface IndexOptions {
  loaded: readonly LoadedFile[];
  perDirectory?: boolean;
  /** The namespace of an object that writes none (and no kustomization gives one), for telling two definitions of one object apart. */
  defaultNamespace: string;
}

export function indexResources({ sources, resources, generated, views, lookupOnly, patchSelections, unreadInto, inlinePatchLabels }: Collection, sets?: IndexOptions): IndexedRun {
  const sourceOf = new Map<string, SourceFile>(sources.map((s) => [s.display, s]));
  // Context files fill the index; only the linted files are judged and reported.
  const reported = sources.filter((s) => !s.contextOnly);
  const contextResources = resources.filter((r) => sourceOf.get(r.file)!.contextOnly);
  const linted = contextResources.length ? resources.filter((r) => !sourceOf.get(r.file)!.contextOnly) : resources;
  const judged = lookupOnly.size ? linted.filter((r) => !lookupOnly.has(r)) : linted;
  // Context first: a linted resource that repeats one of the repository's is the duplicate reported.
  const indexed = contextResources.length ? [...contextResources, ...linted] : resources;
  // Patches are parts of other objects, not objects of their own; nor is what a kustomization turns off with a comment, which is not
  // applied: the other objects are judged without it, and it is judged with them and what else is turned off (turned-off-resources.ts).
  const { index, indexFor: applied, viewsFor: appliedViews } = indexesOf(indexed.filter((r) => !r.turnedOff), { sourceOf, generated, patchSelections, unreadInto, inlinePatchLabels }, sets);
  let indexFor = applied;
  let viewsFor = appliedViews;
  if (indexed.some((r) => r.turnedOff)) {
    const withTurnedOff = indexesOf(indexed, { sourceOf, generated, patchSelections, unreadInto, inlinePatchLabels }, sets);
    indexFor = (r) => (r.turnedOff ? withTurnedOff.indexFor(r) : applied(r));
    viewsFor = appliedViews && withTurnedOff.viewsFor && ((r) => (r.turnedOff ? withTurnedOff.viewsFor!(r) : appliedViews(r)));
  }
  // Custom resources are skipped by the schema checks unless a CRD of the input or a bundled schema describes them.
  // One whose CRD is in the input but does not serve its version is not "undescribed": unknown-api-version says why.
  // A Gatekeeper constraint's CRD is made by Gatekeeper from its ConstraintTemplate: one of the input defines the kind, no CRD is missing.
  let templated: ReadonlySet<string> | undefined;
  for (const r of judged) {
    if (isBuiltinApiVersion(r.apiVersion) || resourceSchema(r, index)) continue;
    const source = sourceOf.get(r.file)!;
    source.skipped++;
    if (r.group === GATEKEEPER_CONSTRAINTS && (templated ??= constraintKinds(index)).has(r.kind)) continue;
    if (!crdOf(r, index)) source.unchecked.push(`${r.kind}.${r.group}`);
  }
  // The index keeps what it needs of the pod templates it read (their labels); the rest is read again per batch.
  views.release();
  return { index, indexFor, ...(viewsFor ? { viewsFor } : {}), judged, reported, sourceOf };
}

/** What indexesOf reads of the collection besides the resources it indexes. */
type IndexInputs = Pick<Collection, "generated" | "patchSelections" | "unreadInto" | "inlinePatchLabels"> & { sourceOf: ReadonlyMap<string, SourceFile> };

/**
 * The index of `indexed` (context resources first; patches are kept apart as the patches of the
 * objects they select) and, with `--per-directory`, the index of each input set and of each build
 * of a base that several include.
 */
function indexesOf(indexed: readonly Resource[], { sourceOf, generated, patchSelections, unreadInto, inlinePatchLabels }: IndexInputs, sets?: IndexOptions): Pick<IndexedRun, "index" | "indexFor" | "viewsFor"> {
  const index = new ResourceIndex(
    indexed.filter((r) => !r.partial),
    generated,
    undefined,
    indexed.filter((r) => r.partial).map((resource) => ({ resource, ...(patchSelections.get(resource.file) ?? { byName: true, targets: [] }) })),
    unreadInto,
    inlinePatchLabels,
  );
  if (!sets?.perDirectory) return { index, indexFor: () => index };
  const absoluteOf = new Map(sets.loaded.map((l) => [l.file.display, l.file.absolute]));
  // The sets are the linted files'; the context (the repository, its CRDs) is seen from every one of them, first.
  const lintedFiles = sets.loaded.filter((l) => !sourceOf.get(l.file.display)!.contextOnly);
  const shared = indexed.filter((r) => !r.partial && sourceOf.get(r.file)!.contextOnly);
  const own = shared.length ? indexed.filter((r) => !r.partial && !sourceOf.get(r.file)!.contextOnly) : index.all;
  // A set that is a kustomize build does not hold the objects its own patches delete (kubeflow's example deletes trainer's Namespace);
  // the view of a base that several builds include holds an object that one of them emits.
  const displayDirs = new Map(sets.loaded.map((l) => [dirname(l.file.absolute), dirname(l.file.display)]));
  const inputs = inputSets(lintedFiles, sets.defaultNamespace);
  const emitted = (members: Resource[], home: string) => {
    const { roots } = inputs.visibleFrom(home);
    if (roots.length === 1) {
      const root = displayDirs.get(roots[0]);
      return root === undefined ? members : members.filter((m) => m.emittedBy(root));
    }
    return members.filter((m) => roots.some((r) => inputs.inBuildOf(r, absoluteOf.get(m.file)!) && m.emittedBy(displayDirs.get(r) ?? r)));
  };
  const indexFor = perSet(inputs, own, (r) => absoluteOf.get(r.file)!, (members, home) => new ResourceIndex([...shared, ...emitted(members, home)], generated, index));
  const viewsFor = perBuild(inputs, own, (r) => absoluteOf.get(r.file)!, (members, root) => {
    const build = displayDirs.get(root) ?? root;
    return { index: new ResourceIndex([...shared, ...members.filter((m) => m.emittedBy(build))], generated, index), build };
  });
  return { index, indexFor, viewsFor };
}

/**
 * The paths the JSON patches of each build whose target selects `object` write (models/kustomization.ts
 * patchSelects), and the values of placed patches (JsonPatchWrites.origin) that `object`, as
 * judged, holds: an `add` or `replace` whose value is the one there (not one a later patch, a
 * build that disagrees, or a build whose patches are not applied as values changed).
 */
function jsonPatchedPaths(builds: JsonPatchBuilds | undefined, object: Record<string, unknown>, written: Record<string, unknown>, builtNamespace: BuiltNamespace | undefined): readonly JsonPatchedPaths[] {
  if (!builds) return [];
  const identity = identityOf(written, builtNamespace);
  return builds.map(({ root, patches }) => {
    const selecting = patches.filter((p) => patchSelects(p.target, identity));
    const paths = selecting.flatMap((p) => p.paths.flatMap((path) => expandedPaths(path, object)).flatMap((path) => appendedAt(path, object, written)));
    const values: JsonPatchedValue[] = [];
    for (const p of [...selecting].sort((x, y) => x.step - y.step || x.order - y.order)) {
      if (!p.origin || !p.ops) continue;
      p.ops.forEach((op, i) => {
        if (typeof op !== "object" || op === null || !("value" in op)) return;
        const { op: kind, path, value } = op as { op?: unknown; path?: unknown; value?: unknown };
        if ((kind !== "add" && kind !== "replace") || typeof path !== "string") return;
        for (const at of appendedAt(fromJsonPointer(path), object, written)) {
          if (!at.includes("-") && isDeepStrictEqual(valueAtPath(object, at), value)) values.push({ path: at, origin: p.origin!, op: i });
        }
      });
    }
    return values.length ? { root, paths, values } : { root, paths };
  });
}

/**
 * A path with its "-" segments (a JSON patch's "after the last item") made the indexes of the items
 * the builds appended there: those past the end of the list as written. As written when none is.
 */
function appendedAt(path: ReadonlyArray<string | number>, built: unknown, written: unknown): Array<Array<string | number>> {
  const at = path.indexOf("-");
  if (at < 0) return [[...path]];
  const prefix = path.slice(0, at);
  const builtList = valueAtPath(built, prefix);
  const writtenList = valueAtPath(written, prefix);
  const from = Array.isArray(writtenList) ? writtenList.length : 0;
  if (!Array.isArray(builtList) || builtList.length <= from) return [[...path]];
  return Array.from({ length: builtList.length - from }, (_, i) => [...prefix, from + i, ...path.slice(at + 1)]).flatMap((p) => appendedAt(p, built, written));
}

/**
 * The object as the kustomize builds that emit it apply their strategic-merge patches and JSON
 * patches (models/json-patch.ts): each build's patches that select it, in the order kustomize
 * runs them (models/kustomization.ts patchOrder), then what every build agrees on (agreedValue: where
 * two overlays patch a field differently, the written value is judged). Undefined when no patch
 * selects it or they change nothing all builds agree on; "deleted" when every build that emits the
 * file deletes the object with `$patch: delete`, so no build emits it.
 */
function kustomizePatched(object: Record<string, unknown>, strategicBuilds: StrategicPatchBuilds | undefined, jsonBuilds: JsonPatchBuilds | undefined, builtNamespace: BuiltNamespace | undefined): StrategicallyPatched | "deleted" | undefined {
  const identity = identityOf(object, builtNamespace);
  // Both lists hold the builds that emit the file, in one order (FileBuilds); either may be absent when no build has such patches.
  const builds = strategicBuilds ?? jsonBuilds!.map((b) => ({ root: dirname(b.root), patches: [] }));
  let jsonChanged = false;
  const builtIn = isBuiltinApiVersion(identity.apiVersion);
  const isNamespace = identity.kind === "Namespace" && identity.apiVersion === "v1";
  const sources: Array<StrategicallyPatched["sources"][number]> = [];
  const byRoot = new Map<string, Record<string, unknown>>();
  const deletedIn: string[] = [];
  const emitted = builds.flatMap(({ root, patches }, b) => {
    // The build's strategic-merge and JSON patches in the order kustomize runs them: kustomization by kustomization (inner first), each in patchOrder.
    // A build whose JSON patches rename or move the object (its name or namespace: argo-cd's HA build removes the chart's namespaces) is
    // judged with its strategic-merge patches only: the index places objects by identity, and the JSON patches' values would be judged in a place the build does not put them.
    const jsonSelecting = (jsonBuilds?.[b]?.patches ?? []).filter((j) => patchSelects(j.target, identity));
    const moved = jsonSelecting.some(movesObject);
    const json = jsonSelecting.filter((j) => j.ops);
    const steps = [...patches.map((s) => ({ step: s.step, order: s.patch.order, strategic: s })), ...(moved ? [] : json).map((j) => ({ step: j.step, order: j.order, json: j }))].sort((x, y) => x.step - y.step || x.order - y.order);
    let out: Record<string, unknown> | undefined = object;
    for (const item of steps) {
      if (!out) break;
      if ("strategic" in item && item.strategic) {
        const { patch, kustomization, namespaceName } = item.strategic;
        // kustomize matches a patch against an object's current and previous ids: a Namespace also by the name an inner kustomization's
        // namespace gave it (kubeflow's overlays delete "notebook-controller-system", written "system").
        const selected = patchSelects(patch.target, identity) || (isNamespace && namespaceName !== undefined && patchSelects(patch.target, { ...identity, name: namespaceName }));
        if (!selected) continue;
        out = applyStrategicMerge(out, patch.value, builtIn);
        if (!sources.some((s) => s.kustomization === kustomization && s.entry === patch.entry)) sources.push({ kustomization, entry: patch.entry, file: patch.file, value: patch.value });
      } else if ("json" in item && item.json) {
        // One that cannot be applied, or would move list items, leaves the object as it was: the paths it writes stay unjudged (Resource.patchedByKustomize).
        const next = applyJsonPatch(out, item.json.ops!);
        if (next && next !== out) {
          out = next;
          jsonChanged = true;
        }
      }
    }
    // A build whose patch deletes the object (`$patch: delete`) does not emit it.
    if (!out) {
      if (!deletedIn.includes(root)) deletedIn.push(root);
      return [];
    }
    if (!byRoot.has(root)) byRoot.set(root, out);
    return [out];
  });
  if (!sources.length && !jsonChanged) return undefined;
  if (!emitted.length) return "deleted";
  const agreed = agreedValue(object, emitted) as Record<string, unknown>;
  // Builds that disagree leave the written value, and other objects may be judged as one build applies it (Resource.valueInBuildsOf).
  return isDeepStrictEqual(agreed, object) && emitted.every((v) => v === object) && !deletedIn.length ? undefined : { object: agreed, variants: byRoot, deletedIn, sources };
}

/**
 * Whether a JSON patch writes the object's name or namespace (or all its metadata): the index
 * places objects by their identity before the builds are known per object (a build's namespace,
 * the namespace a JSON patch writes: patchedNamespaceOf), so a build with such a patch does not
 * apply its JSON patches to the object as values. Removing the namespace is applied: the object
 * then has none, as if written without (argo-cd's HA build removes the redis-ha chart's "argocd").
 */
function movesObject(patch: JsonPatchWrites): boolean {
  const writesIdentity = (path: ReadonlyArray<string | number>) => path[0] === "metadata" && (path.length === 1 || (path.length === 2 && (path[1] === "name" || path[1] === "namespace")));
  if (!patch.ops) return patch.paths.some(writesIdentity);
  return patch.ops.some((op: unknown) => {
    if (typeof op !== "object" || op === null) return false;
    const { op: kind, path, from } = op as { op?: unknown; path?: unknown; from?: unknown };
    if (kind === "remove" && path === "/metadata/namespace") return false;
    return [path, kind === "move" ? from : undefined].some((p) => typeof p === "string" && writesIdentity(p.split("/").slice(1)));
  });
}

const GATEKEEPER_CONSTRAINTS = "constraints.gatekeeper.sh";

/** The kinds the ConstraintTemplates of the index define (spec.crd.spec.names.kind), whose CRDs Gatekeeper makes. */
function constraintKinds(index: ResourceIndex): ReadonlySet<string> {
  const kinds = new Set<string>();
  for (const t of index.ofKind("ConstraintTemplate.templates.gatekeeper.sh")) {
    const kind = t.get(["spec", "crd", "spec", "names", "kind"]);
    if (typeof kind === "string") kinds.add(kind);
  }
  return kinds;
}

/**
 * What a kustomize patch target selects an object by, as the file writes it ("" for a namespace it
 * does not write), and the namespaces the builds that emit it give it (`namespaces`): kustomize
 * matches a target's namespace against the object's current namespace, which an inner
 * kustomization's `namespace` may have set, and its original one.
 */
function identityOf(object: Record<string, unknown>, built?: BuiltNamespace): { apiVersion: string; kind: string; name: string; namespace: string; namespaces: readonly string[]; labels: Record<string, string>; annotations: Record<string, string> } {
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  const kind = typeof object.kind === "string" ? object.kind : "";
  const metadata = typeof object.metadata === "object" && object.metadata !== null ? (object.metadata as Record<string, unknown>) : {};
  const name = typeof metadata.name === "string" ? metadata.name : "";
  const namespace = typeof metadata.namespace === "string" ? metadata.namespace : "";
  const namespaces = built ? [...(built.agreed ? [built.agreed.namespace] : []), ...(built.renamed ? [built.renamed.namespace] : []), ...(built.several ?? [])] : [];
  return { apiVersion, kind, name, namespace, namespaces, labels: stringsOf(metadata.labels), annotations: stringsOf(metadata.annotations) };
}

/** The string values of a map of labels or annotations (what a patch target's selectors match). */
function stringsOf(map: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof map === "object" && map !== null && !Array.isArray(map)) for (const [k, v] of Object.entries(map)) if (typeof v === "string") out[k] = v;
  return out;
}
