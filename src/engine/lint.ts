/**
 * The lint pipeline: discover -> read -> parse -> resources -> index -> rules -> suppression
 * -> the JSON-contract result. Pure apart from reading files; never prints.
 */
import { isBuiltinApiVersion } from "../models/api-groups.js";
import { Resource } from "../models/resource.js";
import { allRules, getRule } from "../rules/index.js";
import { dispatchByScope } from "../rules/scope.js";
import { customResourceSchema } from "../rules/schema/crd.js";
import type { Finding, Rule, Settings } from "../rules/types.js";
import type { Config, ExcludeEntry } from "../config/schema.js";
import type { ConfigurationDocument, Diagnostic, FileResult, LintResult, Path, ReferencePolicy, ResourceRef, Severity, SeveritySetting } from "../types.js";
import { classifyInputs } from "./configurations.js";
import { discoverContext } from "./context.js";
import { discover } from "./discover.js";
import { runSettings, severityOverrides } from "./effective-config.js";
import { reportedSeverity } from "./severity.js";
import { loadFiles } from "./load.js";
import type { ParsedDocument } from "./parse.js";
import { formatPath, LineIndex, locate, type Target } from "./positions.js";
import { inputSets, perSet } from "./input-sets.js";
import { ResourceIndex } from "./resource-index.js";
import { readTypeMeta } from "./type-meta.js";
import { excerpt, explainSyntaxProblem } from "./syntax-problems.js";
import { findCommentDirectives, IGNORE_ANNOTATION, splitIds, type Directive } from "./suppress.js";
import { didYouMean } from "../did-you-mean.js";
import { LintUsageError } from "../errors.js";

export { LintIoError, LintUsageError } from "../errors.js";

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
   * Each directory with a kustomization (with what it includes), else each top-level folder, is
   * an input set of its own for cross-resource rules and duplicates (`--per-directory`).
   */
  perDirectory?: boolean;
  /** Overrides the config's `references`; the default is `complete` with context, else `partial`. */
  references?: ReferencePolicy;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
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
  /** Receives the absolute path of every file the run reads, linted and context (reports must not replace one). */
  onInputFiles?: (absolute: string[]) => void;
}

/** A file's text and how to turn offsets into lines. */
interface SourceFile {
  display: string;
  text: string;
  docs: ParsedDocument[];
  lines?: LineIndex;
  resources: number;
  skipped: number;
  /** Read for the index only (`--context`): not reported on. */
  contextOnly: boolean;
  diagnostics: Array<Diagnostic & { internal: InternalInfo }>;
  /** A kustomization applies the file as a patch: its objects are partial. */
  patch: boolean;
  /** For objects without metadata.namespace: a listing kustomization's `namespace`, else the run's. */
  defaultNamespace: string;
  configurations: ConfigurationDocument[];
}

interface InternalInfo {
  docIndex: number;
  resourceId?: number;
}

function lineIndex(f: SourceFile): LineIndex {
  return (f.lines ??= new LineIndex(f.text));
}

type Minimatch = (typeof import("minimatch"))["minimatch"];

function excluded(entries: ExcludeEntry[] | undefined, r: Resource, ruleId: string, minimatch: Minimatch | undefined): boolean {
  if (!entries || !minimatch) return false;
  const m = (glob: string | undefined, value: string) => glob === undefined || minimatch(value, glob);
  return entries.some(
    (e) => m(e.kind, r.kind) && m(e.namespace, r.namespace) && m(e.name, r.name) && (e.rules.includes("*") || e.rules.includes(ruleId)),
  );
}

export async function lint(paths: string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? {};
  const settings = runSettings(options);
  const discoverOptions = {
    cwd,
    ignorePatterns: options.ignorePatterns,
    configIgnore: { base: options.configDir ?? cwd, patterns: config.ignore ?? [] },
    followSymlinks: options.followSymlinks,
    stdinFilename: options.stdinFilename,
    allowUnmatched: options.allowUnmatched,
  };
  const files = await discover(paths.length ? paths : ["."], discoverOptions);
  const contextFiles = await discoverContext(options.context ?? [], files, discoverOptions);
  options.onInputFiles?.([...files, ...contextFiles].map((f) => f.absolute));
  const severities = severityOverrides(options);
  const unknownRuleIds = [...severities.keys()].filter((id) => !getRule(id));
  if (unknownRuleIds.length) {
    const hint = didYouMean(unknownRuleIds[0], allRules.map((r) => r.meta.id));
    throw new LintUsageError(`unknown rule "${unknownRuleIds[0]}"${hint}; \`k8s-lint rules\` lists them`);
  }
  const enabled = (id: string) => severities.get(id) !== "off";

  const sources: SourceFile[] = [];
  const resources: Resource[] = [];

  const emit = (
    src: SourceFile,
    ruleId: string,
    start: number,
    end: number,
    message: string,
    info: InternalInfo & { resource?: Resource; severity?: Severity; path?: Path; hint?: string; source?: string },
  ) => {
    if (!enabled(ruleId)) return;
    const severity = reportedSeverity(info.severity, getRule(ruleId)?.meta.severity, severities.get(ruleId));
    const range = lineIndex(src).range(start, end, src.text);
    const r = info.resource;
    src.diagnostics.push({
      ruleId,
      severity,
      message,
      ...range,
      resource: r ? r.ref : { apiVersion: "", kind: "", name: "", namespace: "" },
      path: formatPath(info.path ?? []),
      ...(info.hint ? { hint: info.hint } : {}),
      ...(info.source ? { source: info.source } : {}),
      internal: { docIndex: info.docIndex, resourceId: info.resourceId },
    });
  };

  const contextDisplays = new Set(contextFiles.map((f) => f.display));
  const loaded = await loadFiles([...files, ...contextFiles], options.stdin, options.onProgress);
  const roles = classifyInputs(loaded, settings.defaultNamespace);
  for (const { file, source: read, docs } of loaded) {
    const src: SourceFile = {
      display: file.display,
      text: "text" in read ? read.text : "",
      docs,
      resources: 0,
      skipped: 0,
      contextOnly: contextDisplays.has(file.display),
      diagnostics: [],
      patch: roles.isPatch(file),
      defaultNamespace: roles.namespaceOf(file) ?? settings.defaultNamespace,
      configurations: [],
    };
    sources.push(src);
    if (!("text" in read)) {
      src.diagnostics.push({
        ruleId: "yaml-syntax",
        severity: "error",
        message: read.problem,
        line: read.line,
        column: read.column,
        endLine: read.line,
        endColumn: read.column + 1,
        resource: { apiVersion: "", kind: "", name: "", namespace: "" },
        path: "",
        internal: { docIndex: 0 },
      });
      continue;
    }
    for (const doc of docs) {
      const base = { docIndex: doc.index, source: doc.helmSource };
      if (doc.template) {
        emit(src, "unrendered-template", doc.template.start, doc.template.end, `template syntax "${excerpt(src.text.slice(doc.template.start, doc.template.end))}" is not rendered`, {
          ...base,
          hint: "render the chart first (helm template ... | k8s-lint -)",
        });
        continue;
      }
      // Duplicate keys each; of the other errors only the first, since the rest usually follow from it.
      const fatal = doc.problems.find((p) => !p.recoverable);
      for (const p of doc.problems.filter((q) => q.recoverable || q === fatal)) {
        const shown = explainSyntaxProblem(src.text, p);
        emit(src, "yaml-syntax", shown.start, shown.end, shown.message, { ...base, hint: shown.hint });
      }
      if (doc.value === undefined || doc.value === null || doc.problems.some((p) => !p.recoverable)) continue;
      if (typeof doc.value !== "object" || Array.isArray(doc.value)) {
        src.skipped++;
        continue;
      }
      const value = doc.value as Record<string, unknown>;
      const configuration = roles.configurationOf(file, value);
      if (configuration) {
        src.configurations.push({ line: lineIndex(src).position(doc.rootSpan[0]).line, ...configuration });
        continue;
      }
      collectResources(src, doc, value, [], resources, emit, () => src.skipped++);
    }
  }

  const sourceOf = new Map<string, SourceFile>(sources.map((s) => [s.display, s]));
  // Context files fill the index; only the linted files are judged and reported.
  const reported = sources.filter((s) => !s.contextOnly);
  const contextResources = resources.filter((r) => sourceOf.get(r.file)!.contextOnly);
  const judged = contextResources.length ? resources.filter((r) => !sourceOf.get(r.file)!.contextOnly) : resources;
  // Context first: a linted resource that repeats one of the repository's is the duplicate reported.
  // Patches are parts of other objects, not objects of their own.
  const indexed = contextResources.length ? [...contextResources, ...judged] : resources;
  const index = new ResourceIndex(indexed.filter((r) => !r.partial), roles.generated);
  const absoluteOf = new Map(loaded.map((l) => [l.file.display, l.file.absolute]));
  const indexFor = options.perDirectory
    ? perSet(inputSets(loaded), index.all, (r) => absoluteOf.get(r.file)!, (members) => new ResourceIndex(members, roles.generated, index))
    : () => index;
  // Custom resources are skipped by the schema checks unless a CRD of the input describes them.
  for (const r of judged) if (!isBuiltinApiVersion(r.apiVersion) && !customResourceSchema(r, index)) sourceOf.get(r.file)!.skipped++;
  const rules = (options.ruleSet ?? allRules).filter((r) => r.check && enabled(r.meta.id));
  const rulesFor = dispatchByScope(rules);

  const toDiagnostic = (rule: Rule, resource: Resource, finding: Finding) => {
    const src = sourceOf.get(resource.file)!;
    const loc = locate(resource.doc, [...resource.basePath, ...finding.path], finding.target as Target | undefined);
    emit(src, rule.meta.id, loc.start, loc.end, finding.message, {
      docIndex: resource.doc.index,
      resourceId: resource.id,
      resource,
      severity: finding.severity,
      path: finding.path,
      hint: finding.hint,
      source: resource.doc.helmSource,
    });
    const d = src.diagnostics[src.diagnostics.length - 1];
    if (finding.related && d && d.ruleId === rule.meta.id) {
      const other = finding.related.resource;
      const otherSrc = sourceOf.get(other.file)!;
      const at = locate(other.doc, [...other.basePath, ...(finding.related.path ?? [])]);
      const pos = lineIndex(otherSrc).position(at.start);
      d.related = {
        file: other.file,
        line: pos.line,
        column: pos.column,
        resource: other.ref,
        path: formatPath(finding.related.path ?? []),
        ...(finding.related.message ? { message: finding.related.message } : {}),
      };
    }
  };

  for (const resource of judged) {
    // One context per resource; `report` files findings under the rule being run.
    let rule: Rule = rules[0];
    const runIndex = indexFor(resource);
    const ctx = { resource, settings, memo: runIndex.memo.get, report: (f: Finding) => toDiagnostic(rule, resource, f) };
    // Only the rules that say they are cross-resource see the other resources.
    const crossCtx = { ...ctx, index: runIndex };
    for (rule of rulesFor(resource)) {
      try {
        rule.check!(rule.meta.crossResource ? crossCtx : ctx);
      } catch (err) {
        toDiagnostic(getRule("internal-error")!, resource, {
          path: ["kind"],
          message: `rule "${rule.meta.id}" failed on ${resource.displayName}: ${(err as Error)?.message ?? String(err)}`,
        });
      }
    }
  }

  // minimatch is loaded only when the config has exclusions (start-up cost of a pre-commit run).
  const minimatch = config.exclude?.length ? (await import("minimatch")).minimatch : undefined;
  applySuppressions(reported, resources, config.exclude, enabled, emit, minimatch);
  options.onResources?.(
    judged.map((r) => ({ file: r.file, line: lineIndex(sourceOf.get(r.file)!).position(locate(r.doc, r.basePath).start).line, resource: r.ref })),
  );

  const fileResults: FileResult[] = reported.map((s) => {
    let diagnostics: Diagnostic[] = s.diagnostics.map(({ internal: _internal, ...d }) => d);
    if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
    diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
    return { path: s.display, resources: s.resources, diagnostics, ...(s.configurations.length ? { configurations: s.configurations } : {}) };
  });
  const configurations = reported.reduce((n, s) => n + s.configurations.length, 0);
  const count = (sev: Severity) => fileResults.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === sev).length, 0);
  return {
    version: 1,
    kubernetesVersion: settings.kubernetesVersion,
    files: fileResults,
    summary: {
      files: fileResults.length,
      resources: judged.length,
      skipped: reported.reduce((n, s) => n + s.skipped, 0),
      ...(configurations ? { configurations } : {}),
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    },
  };
}

type Emit = (
  src: SourceFile,
  ruleId: string,
  start: number,
  end: number,
  message: string,
  info: InternalInfo & { resource?: Resource; severity?: Severity; path?: Path; hint?: string; source?: string },
) => void;

/** Type meta checks and List flattening; resources found are appended to `out`. */
function collectResources(
  src: SourceFile,
  doc: ParsedDocument,
  value: Record<string, unknown>,
  basePath: Path,
  out: Resource[],
  emit: Emit,
  skip: () => void,
) {
  const meta = readTypeMeta(value);
  if (meta.is === "not-a-manifest") {
    skip();
    return;
  }
  if (meta.is === "unreadable") {
    for (const p of meta.problems) {
      const at = locate(doc, [...basePath, p.key], p.target);
      emit(src, "missing-type-meta", at.start, at.end, p.message, { docIndex: doc.index, source: doc.helmSource, path: [p.key], hint: p.hint });
    }
    return;
  }
  if (meta.kind.endsWith("List") && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      if (item && typeof item === "object" && !Array.isArray(item)) {
        collectResources(src, doc, item as Record<string, unknown>, [...basePath, "items", i], out, emit, skip);
      }
    });
    return;
  }
  out.push(new Resource(value, src.display, doc, basePath, src.defaultNamespace, out.length, src.patch));
  src.resources++;
}

function applySuppressions(
  sources: SourceFile[],
  resources: Resource[],
  exclude: ExcludeEntry[] | undefined,
  enabled: (id: string) => boolean,
  emit: Emit,
  minimatch: Minimatch | undefined,
) {
  const byId = resources;
  const byFile = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  for (const src of sources) {
    const lines = src.text ? lineIndex(src) : undefined;
    const docOf = (offset: number) => {
      const d = src.docs.find((doc) => offset < doc.end) ?? src.docs[src.docs.length - 1];
      return d ? d.index : 0;
    };
    const comments = lines ? findCommentDirectives(src.text, docOf, (o) => lines.position(o).line) : [];
    const annotations = new Map<number, Directive[]>();
    for (const r of byFile.get(src.display) ?? []) {
      const found = annotationDirectives(r);
      if (found.length) annotations.set(r.id, found);
    }
    if (!comments.length && !annotations.size && !exclude) continue;

    src.diagnostics = src.diagnostics.filter((d) => {
      if (d.ruleId === "unused-suppression") return true;
      const owner = d.internal.resourceId !== undefined ? byId[d.internal.resourceId] : undefined;
      if (owner && excluded(exclude, owner, d.ruleId, minimatch)) return false;
      let silenced = false;
      for (const dir of comments) {
        if (dir.ruleId !== "*" && dir.ruleId !== d.ruleId) continue;
        const hit =
          dir.kind === "next-line" ? dir.coversLine === d.line : dir.docIndex === d.internal.docIndex && d.line > dir.line;
        if (hit) {
          dir.used = true;
          silenced = true;
        }
      }
      for (const dir of owner ? (annotations.get(owner.id) ?? []) : []) {
        if (dir.ruleId === "*" || dir.ruleId === d.ruleId) {
          dir.used = true;
          silenced = true;
        }
      }
      return !silenced;
    });

    for (const dir of comments) {
      if (dir.used || (dir.ruleId !== "*" && !enabled(dir.ruleId))) continue;
      emit(src, "unused-suppression", dir.offset, dir.offset + dir.length, unusedMessage(dir), {
        docIndex: dir.docIndex,
        hint: "remove the directive",
      });
    }
    for (const [rid, dirs] of annotations) {
      const r = byId[rid];
      for (const dir of dirs) {
        if (dir.used || (dir.ruleId !== "*" && !enabled(dir.ruleId))) continue;
        const at = locate(r.doc, [...r.basePath, ...(dir.annotationPath ?? [])], "value");
        emit(src, "unused-suppression", at.start, at.end, unusedMessage(dir), {
          docIndex: r.doc.index,
          resourceId: r.id,
          resource: r,
          path: dir.annotationPath,
          hint: `remove "${dir.ruleId}" from the ${IGNORE_ANNOTATION} annotation`,
        });
      }
    }
  }
}

function unusedMessage(dir: Directive): string {
  if (dir.ruleId !== "*" && !getRule(dir.ruleId)) return `"${dir.ruleId}" is not a k8s-lint rule`;
  return dir.ruleId === "*" ? "suppression of all rules silences nothing here" : `suppression of "${dir.ruleId}" silences nothing here`;
}

function annotationDirectives(r: Resource): Directive[] {
  const out: Directive[] = [];
  const sources: Array<[Record<string, string>, Path]> = [[r.annotations, ["metadata", "annotations", IGNORE_ANNOTATION]]];
  const tpl = r.kind === "Pod" ? undefined : r.podTemplate;
  if (tpl) sources.push([tpl.annotations, [...tpl.metadataPath, "annotations", IGNORE_ANNOTATION]]);
  for (const [annotations, path] of sources) {
    const value = annotations[IGNORE_ANNOTATION];
    if (value === undefined) continue;
    for (const { id } of splitIds(value)) {
      out.push({ ruleId: id, kind: "annotation", line: 0, offset: 0, length: 0, docIndex: r.doc.index, resourceId: r.id, annotationPath: path, used: false });
    }
  }
  return out;
}
