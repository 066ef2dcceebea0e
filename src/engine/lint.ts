/**
 * The lint pipeline, stage by stage: discover and read the files, collect their resources
 * (collect.ts), index them, run the rules (run-rules.ts), place the findings (diagnostics.ts),
 * apply suppressions (suppress.ts) and assemble the JSON-contract result (result.ts).
 * Pure apart from reading files; never prints.
 */
import { allRules } from "../rules/index.js";
import { groupOf } from "../models/api-groups.js";
import { loadBundledSchemasFor } from "../models/bundled-crds/index.js";
import type { Rule, Settings } from "../rules/types.js";
import type { HeldViews, Resource } from "../models/resource.js";
import type { ResourceIndex } from "../models/resource-index.js";
import { RunMemo, type Memo, type MemoKey } from "../models/run-memo.js";
import type { Config } from "../config/schema.js";
import type { LintResult, ReferencePolicy, ResourceRef, SeveritySetting } from "../types.js";
import { collect, discoverInputs, indexResources, type IndexedRun, type Inputs } from "./collect.js";
import { suppliesObjects } from "./context.js";
import { addFindings, checkRuleIds, type RuleFinding } from "./diagnostics.js";
import { podSecurityEnabler, requestedRelease, runPresets, runSettings, severityOverrides, type PodSecuritySetting } from "./effective-config.js";
import { loadFiles, type LoadedFile } from "./load.js";
import { assembleResult, locatedResources } from "./result.js";
import { prepareRules, runRules, selectRules, type RuleSelection } from "./run-rules.js";
import { suppress } from "./suppress.js";

export { LintIoError, LintUsageError } from "../errors.js";

/** A file a run read: its absolute path (STDIN for `-`), and `dev:ino` when it was read from disk (bounded-read.ts fileIdentity). */
export interface InputFile {
  absolute: string;
  identity?: string;
}

export interface LintOptions {
  cwd?: string;
  /** Loaded config (the CLI finds and validates it); merged under the explicit options below. */
  config?: Config;
  /** Rule severities that override the config (`--rule id=severity`). */
  rules?: Record<string, SeveritySetting>;
  kubernetesVersion?: string;
  defaultNamespace?: string;
  ignorePatterns?: string[];
  /** Directory of the config file: the config's `ignore` globs are relative to it (default: cwd). */
  configDir?: string;
  /** Follow symbolic links that lead out of the directories named in `paths` (`--follow-symlinks`). */
  followSymlinks?: boolean;
  /** A path or pattern that matches no manifest is not an error (`--no-error-on-unmatched-pattern`). */
  allowUnmatched?: boolean;
  /** Paths read for cross-resource lookups only (`--context`): their own findings are not reported. */
  context?: string[];
  /**
   * Each directory with a kustomization (with what it includes), else each sample folder (the
   * first folder below the shared root that holds an input file itself; its subfolders are
   * samples too when they define an object again), is an input set of its own for
   * cross-resource rules and duplicates (`--per-directory`); so is each file of a folder where two
   * files outside a kustomize build define one object, with the files there that hold only RBAC,
   * namespaces, CRDs or configuration and redefine none of its objects. A base that one kustomization alone
   * includes belongs to that kustomization's set; one that several include is judged in each of their builds.
   */
  perDirectory?: boolean;
  /** Presets to enable besides the config's `extends` (`--preset`): `security`, `production`, `all` (or `k8s-lint:<name>`). */
  presets?: string[];
  /** The Pod Security Standard level and policy version (`--pod-security`), over the config's `podSecurity`; setting it enables the pod-security rules. */
  podSecurity?: PodSecuritySetting;
  /** Overrides the config's `references`; the default is `complete` when the context holds objects (not only CRDs), else `partial`. */
  references?: ReferencePolicy;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
  /** Texts of files by absolute path, read instead of the disk (the passes of `--fix` lint fixed text before writing it). */
  texts?: ReadonlyMap<string, string>;
  /** Text for the `-` path; read from process.stdin when absent. */
  stdin?: string;
  /** The name the `-` input is reported under and matched against ignore patterns (`--stdin-filename`); default "<stdin>". */
  stdinFilename?: string;
  /** Rules to run instead of the whole registry (tests of the engine itself). */
  ruleSet?: readonly Rule[];
  /** Called after each file is parsed (progress display). */
  onProgress?: (done: number, total: number) => void;
  /** Receives every resource of the run and its first line (JUnit lists resources without findings too). */
  onResources?: (resources: Array<{ file: string; line: number; resource: ResourceRef }>) => void;
  /**
   * Receives every file the run read, linted and context, once they are read: the absolute path,
   * and the device and inode the read saw (`dev:ino`; absent for stdin and for texts given in
   * memory). Reports must not replace one of them.
   */
  onInputFiles?: (files: InputFile[]) => void;
  /** Receives the resources and the index the rules judged with (`k8s-lint graph` draws the links they resolve). */
  onIndexed?: (run: IndexedRun) => void;
}

export async function lint(paths: string[], options: LintOptions = {}): Promise<LintResult> {
  const settings = runSettings(options);
  const inputs = await discoverInputs(paths, options);
  const loaded = await loadFiles(inputs.files, options.stdin, options.onProgress, options.texts);
  options.onInputFiles?.(loaded.map(({ file, source }) => ("identity" in source && source.identity !== undefined ? { absolute: file.absolute, identity: source.identity } : { absolute: file.absolute })));
  return lintLoaded(loaded, inputs, options);
}

/** Which loaded files are context: read for reference only, never reported (Inputs). */
export type ContextFiles = Pick<Inputs, "contextOnly" | "contextGiven"> & Partial<Pick<Inputs, "linksNotFollowed">>;

/**
 * The stages after reading: the loaded files judged as one input set (`context`: the files
 * read for reference only, never reported). `lint()` and the language server's workspace share it.
 */
export async function lintLoaded(loaded: readonly LoadedFile[], context: ContextFiles, options: LintOptions): Promise<LintResult> {
  const severities = severityOverrides(options);
  checkRuleIds(severities);
  const defaultNamespaceGiven = (options.defaultNamespace ?? options.config?.defaultNamespace) !== undefined;
  const defaultNamespace = runSettings(options).defaultNamespace;
  const collection = collect({ loaded, contextOnly: context.contextOnly, defaultNamespace, defaultNamespaceGiven, severities });
  const settings = runSettings({ ...options, contextSuppliesObjects: suppliesObjects(collection.resources, context.contextGiven) });
  // The bundled schemas of custom resources are read only for an input that has some.
  await loadBundledSchemasFor(new Set(collection.resources.map((r) => groupOf(r.apiVersion))));
  const run = indexResources(collection, { loaded, perDirectory: options.perDirectory, defaultNamespace });
  const selection = selectRules(options.ruleSet ?? allRules, severities);
  await prepareRules(selection, run.judged, run.index);
  // Each batch's findings are placed as they come: a finding's path and related objects are then garbage.
  const placement = { sourceOf: run.sourceOf, severities, texts: new Map<string, string>() };
  runStaged(run, selection, settings, { views: collection.views, place: (findings) => addFindings(findings, placement) });
  await suppress({ sources: run.reported, resources: collection.resources, unchecked: collection.lookupOnly, exclude: options.config?.exclude, severities, views: collection.views });
  options.onResources?.(locatedResources(run.judged, run.sourceOf));
  options.onIndexed?.(run);
  return assembleResult({ reported: run.reported, resources: run.judged.length, kubernetesVersion: settings.kubernetesVersion, presets: runPresets(options), requestedKubernetesVersion: requestedRelease(options), quiet: options.quiet, podSecurity: podSecurityEnabler(options, settings), unread: collection.unread, linksNotFollowed: context.linksNotFollowed });
}

/**
 * Whether the `--context` paths hold objects and not only CRDs, read as lint() reads them: the
 * reference policy `--print-config` shows for a lint of `paths` depends on it.
 */
export async function contextSuppliesObjects(paths: string[], options: LintOptions): Promise<boolean> {
  if (!options.context?.length) return false;
  const inputs = await discoverInputs(paths, { ...options, allowUnmatched: true });
  const loaded = await loadFiles(inputs.files.filter((f) => inputs.contextGiven.has(f.display)), undefined);
  const collection = collect({ loaded, contextOnly: inputs.contextOnly, defaultNamespace: runSettings(options).defaultNamespace, severities: new Map() });
  return suppliesObjects(collection.resources, inputs.contextGiven);
}

/** Resources judged per batch (each batch with a memo of its own for what rules derive per resource, its findings placed after it). */
const BATCH = 1000;

/**
 * The rules batch by batch of resources; `place` receives the findings of runRules over all of
 * them, in its order, a batch at a time. What the rules derive per resource (defaulted objects,
 * schema walks: memo keys of scope "resource") and the resources' views (typed spec, pod
 * template) are dropped after each batch instead of being kept for the whole run (most of the
 * memory of a large run). In a batch the rules that read no other resource run first, with a
 * memo of the batch's own; the cross-resource rules then see the index and the run's memo.
 */
function runStaged(run: IndexedRun, selection: RuleSelection, settings: Settings, { views, place }: BatchOutput): void {
  const own = selection.rules.filter((r) => !r.meta.crossResource);
  const cross = selection.rules.filter((r) => r.meta.crossResource);
  const part = (crossResource: boolean) => {
    // selection.dispatch hands out one list per kind: each is split once.
    const split = new Map<readonly Rule[], readonly Rule[]>();
    return (r: Resource) => {
      const list = selection.dispatch(r);
      let found = split.get(list);
      if (!found) split.set(list, (found = list.filter((rule) => !!rule.meta.crossResource === crossResource)));
      return found;
    };
  };
  const ownSelection = { rules: own, dispatch: part(false) };
  const crossSelection = { rules: cross, dispatch: part(true) };
  for (let from = 0; from < run.judged.length; from += BATCH) {
    const resources = run.judged.slice(from, from + BATCH);
    const perResource = new RunMemo();
    let first: RuleFinding[] = [];
    let second: RuleFinding[] = [];
    if (own.length) {
      // Only `memo` of the index is read by rules that are not cross-resource (run-rules.ts); their other keys last the batch too.
      const batch = new RunMemo();
      const memo: Memo = (key, build) => (isPerResource(key) ? perResource : key.scope === "run" ? run.index.memo : batch).get(key, build);
      const batchIndex = { memo: { get: memo } } as unknown as ResourceIndex;
      first = runRules({ resources, selection: ownSelection, index: batchIndex, settings });
    }
    if (cross.length) {
      const view = batchView(perResource);
      const viewsFor = run.viewsFor;
      second = runRules({ resources, selection: crossSelection, index: view(run.index), indexFor: (r) => view(run.indexFor(r)), ...(viewsFor ? { viewsFor: (r: Resource) => viewsFor(r)?.map((v) => ({ index: view(v.index), build: v.build })) } : {}), settings });
    }
    // Batches are in resource order: their findings in turn are the run's in runRules order.
    place(mergeByRule(first, second, selection.rules));
    views.release();
  }
}

/** Where runStaged drops what it is done with: the resources' views, and each batch's findings. */
interface BatchOutput {
  views: HeldViews;
  place: (findings: RuleFinding[]) => void;
}

/**
 * Per batch of resources, each index seen through a memo whose per-resource entries (keys made
 * with scope "resource": values derived from one resource, such as its defaulted object) are
 * the batch's own (`perResource`), dropped after it; every other entry is the index's, kept for the run.
 */
function batchView(perResource: RunMemo): (index: ResourceIndex) => ResourceIndex {
  const views = new Map<ResourceIndex, ResourceIndex>();
  return (index) => {
    let view = views.get(index);
    if (!view) {
      const memo = { get: ((key, build) => (isPerResource(key) ? perResource : index.memo).get(key, build)) as Memo };
      view = Object.create(index, { memo: { value: memo } }) as ResourceIndex;
      views.set(index, view);
    }
    return view;
  };
}

const isPerResource = (key: MemoKey<unknown>): boolean => key.scope === "resource";

const FAILED_RULE = /^rule "([^"]+)" failed on /;

/**
 * Two lists of findings, each in runRules order (resource by resource, rule by rule, of
 * disjoint rules), merged into the order one runRules over all the rules gives.
 */
function mergeByRule(a: RuleFinding[], b: RuleFinding[], rules: readonly Rule[]): RuleFinding[] {
  const order = new Map(rules.map((r, i) => [r.meta.id, i]));
  const rank = (f: RuleFinding) => {
    const id = f.ruleId === "internal-error" ? (FAILED_RULE.exec(f.finding.message)?.[1] ?? f.ruleId) : f.ruleId;
    return order.get(id) ?? rules.length;
  };
  const out: RuleFinding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x.resource.id < y.resource.id || (x.resource.id === y.resource.id && rank(x) <= rank(y))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
