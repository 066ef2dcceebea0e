/**
 * Findings -> diagnostics: each problem gets the severity the run gives its rule, a line and
 * column range in its file, and for a cross-resource finding the position of the other end.
 */
import { didYouMean } from "../did-you-mean.js";
import { LintUsageError } from "../errors.js";
import type { Resource } from "../models/resource.js";
import { allRules, getRule } from "../rules/index.js";
import type { Finding } from "../rules/types.js";
import type { Path, Severity, SeveritySetting } from "../types.js";
import { formatPath } from "../models/path.js";
import { locate, type Target } from "./positions.js";
import { toTextFix } from "./fix/edits.js";
import { valueOffsets } from "./scalar-offsets.js";
import { reportedSeverity } from "./severity.js";
import { lineIndex, type EngineDiagnostic, type InternalInfo, type SourceFile } from "./sources.js";
import type { ParsedDocument } from "../models/document.js";
import type { JsonPatchOrigin } from "../models/kustomization.js";
import { valueAtPath } from "../models/path.js";
import { parseText } from "./parse.js";

/** The run's rule severities (config, then `--rule`); rules absent keep their own. */
export type Severities = ReadonlyMap<string, SeveritySetting>;

export function isEnabled(severities: Severities, ruleId: string): boolean {
  return severities.get(ruleId) !== "off";
}

/** Throws LintUsageError for the first rule id that names no rule, with the nearest one. */
export function checkRuleIds(severities: Severities): void {
  const unknown = [...severities.keys()].find((id) => !getRule(id));
  if (unknown === undefined) return;
  const hint = didYouMean(unknown, allRules.map((r) => r.meta.id));
  throw new LintUsageError(`unknown rule "${unknown}"${hint}; \`k8s-lint rules\` lists them`);
}

/** A problem at offsets of a file, before it has a line and a severity. */
export interface Problem {
  ruleId: string;
  start: number;
  end: number;
  message: string;
  docIndex: number;
  resourceId?: number;
  resource?: Resource;
  /** The finding's own severity, under the configured one. */
  severity?: Severity;
  path?: Path;
  /** `path` as formatPath writes it, when the caller has it already. */
  pathText?: string;
  hint?: string;
  source?: string;
}

const NO_RESOURCE = { apiVersion: "", kind: "", name: "", namespace: "" };

/** Files the problem as a diagnostic of `src`, unless its rule is off; returns the diagnostic. */
export function addDiagnostic(src: SourceFile, problem: Problem, severities: Severities): EngineDiagnostic | undefined {
  const { ruleId } = problem;
  const configured = severities.get(ruleId);
  if (configured === "off") return undefined;
  const severity = reportedSeverity(problem.severity, getRule(ruleId)?.meta.severity, configured);
  const range = lineIndex(src).range(problem.start, problem.end, src.text);
  // Written field by field, in the output's key order: spreads made a new shape per combination of keys.
  const d = {
    ruleId,
    severity,
    message: problem.message,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    resource: problem.resource ? problem.resource.ref : NO_RESOURCE,
    path: problem.pathText ?? formatPath(problem.path ?? []),
  } as EngineDiagnostic;
  if (problem.hint) d.hint = problem.hint;
  if (problem.source) d.source = problem.source;
  withInternal(d, internalInfo(problem));
  src.diagnostics.push(d);
  return d;
}

/** The InternalInfo of each resource, shared by its diagnostics (a large run places hundreds of thousands). */
const internals = new WeakMap<Resource, InternalInfo>();

function internalInfo({ resource, docIndex, resourceId }: Problem): InternalInfo {
  const shared = resource && internals.get(resource);
  if (shared && shared.docIndex === docIndex && shared.resourceId === resourceId) return shared;
  const info = { docIndex, resourceId };
  if (resource && !shared) internals.set(resource, info);
  return info;
}

/**
 * Gives a diagnostic its `internal` info as a property that is not enumerable: the result is the
 * diagnostics themselves (result.ts), not copies without it (in a large run, hundreds of
 * thousands of objects copied while the originals were still alive).
 */
export function withInternal(d: Omit<EngineDiagnostic, "internal">, internal: InternalInfo): EngineDiagnostic {
  return Object.defineProperty(d, "internal", { value: internal, enumerable: false, writable: true, configurable: true }) as EngineDiagnostic;
}

/** What a rule reported about a resource. */
export interface RuleFinding {
  ruleId: string;
  resource: Resource;
  finding: Finding;
  /** The finding is about a value a kustomize JSON patch wrote: placed in the patch, at the operation's value (Resource.jsonPatchOrigin). */
  inPatch?: { origin: JsonPatchOrigin; op: number; rest: Path; target?: Finding["target"] };
}

/** The files of a run by display name, and its severities: what placing findings needs. */
export interface Placement {
  sourceOf: ReadonlyMap<string, SourceFile>;
  severities: Severities;
  /**
   * The field paths and messages of the run's diagnostics, each text once: many findings name
   * the same path (`spec.template.spec.containers[0]`), and a third of the messages of the
   * 100,000-resource bench corpus are distinct; a text built piece by piece is a chain of string
   * pieces, most of a diagnostic's memory (220 of 530 bytes with every rule on).
   */
  texts?: Map<string, string>;
  /** The inline JSON patches parsed to place a finding in them, by text (inPatchAt). */
  patches?: Map<string, ParsedDocument | undefined>;
}

/** The run's one copy of `text`. */
function shared(text: string, texts: Map<string, string> | undefined): string {
  if (!texts) return text;
  const known = texts.get(text);
  if (known !== undefined) return known;
  texts.set(text, text);
  return text;
}

/** The characters `within` a string value, placed through its quoting; the whole value when they cannot be followed. */
function withinValue(text: string, loc: { start: number; end: number }, value: unknown, within: { start: number; end: number }): { start: number; end: number } {
  if (typeof value !== "string" || within.start < 0 || within.start > value.length) return loc;
  const offsets = valueOffsets(text, loc.start, loc.end, value);
  if (!offsets) return loc;
  const from = offsets[within.start];
  const to = within.end > within.start ? offsets[Math.min(within.end, value.length) - 1] + 1 : from;
  return { start: from, end: Math.max(to, from) };
}

/**
 * The finding's field fixes as text edits of its file. A fix of another resource is written
 * only when that one is in the same file (a diagnostic's edits are of its own file).
 */
function addFixes(d: EngineDiagnostic, resource: Resource, finding: Finding, src: SourceFile): void {
  const target = finding.fixResource ?? resource;
  if (target.file !== resource.file) return;
  const from = { text: src.text, doc: target.doc, basePath: target.basePath };
  const fix = finding.fix && toTextFix(from, finding.fix);
  if (fix) d.fix = fix;
  const suggestions = (finding.suggestions ?? []).flatMap((s) => {
    const f = toTextFix(from, s.fix);
    return f ? [{ description: s.description, fix: f }] : [];
  });
  if (suggestions.length) d.suggestions = suggestions;
}

/**
 * Where a value a JSON patch wrote is written: at the operation's `value` (and below it, the
 * rest of the finding's path) in the patch file, or in the inline `patch` string of the
 * kustomization, through its quoting or block scalar. The deepest part that exists, as locate()
 * does; undefined when the patch's document is not among the run's files.
 */
function inPatchAt({ origin, op, rest, target }: NonNullable<RuleFinding["inPatch"]>, placement: Placement): { src: SourceFile; start: number; end: number } | undefined {
  const src = placement.sourceOf.get(origin.file);
  const doc = src?.docs.find((d) => d.index === origin.docIndex);
  if (!src || !doc) return undefined;
  const within = [op, "value", ...rest];
  if (!origin.inline) {
    const loc = locate(doc, [...origin.at, ...within], target as Target | undefined);
    return { src, start: loc.start, end: loc.end };
  }
  const scalar = locate(doc, origin.at, "value");
  const value = valueAtPath(doc.value, origin.at);
  const text = typeof value === "string" && value !== "" ? value : undefined;
  const offsets = scalar.exact && text !== undefined ? valueOffsets(src.text, scalar.start, scalar.end, text) : undefined;
  const parsed = offsets && inlinePatch(text!, placement);
  if (!offsets || !parsed) return { src, start: scalar.start, end: scalar.end };
  const loc = locate(parsed, within, target as Target | undefined);
  const last = text!.length - 1;
  const from = offsets[Math.min(loc.start, last)];
  const to = loc.end > loc.start ? offsets[Math.min(loc.end - 1, last)] + 1 : from;
  return { src, start: from, end: Math.max(to, from) };
}

/** An inline patch's text parsed once per run (Placement.patches). */
function inlinePatch(text: string, placement: Placement): ParsedDocument | undefined {
  placement.patches ??= new Map();
  if (!placement.patches.has(text)) placement.patches.set(text, parseText(text)[0]);
  return placement.patches.get(text);
}

/** Places each finding at its field path, and its related resource at that one's. */
export function addFindings(findings: Iterable<RuleFinding>, placement: Placement): void {
  for (const f of findings) addFinding(f, placement);
}

function addFinding({ ruleId, resource, finding, inPatch }: RuleFinding, placement: Placement): void {
  const { sourceOf, severities, texts } = placement;
  let src: SourceFile;
  let start: number;
  let end: number;
  if (inPatch) {
    const placed = inPatchAt(inPatch, placement);
    // A patch whose file the run did not read: the value is not judged, as before it was placed.
    if (!placed) return;
    ({ src, start, end } = placed);
  } else {
    // Most resources are their document's root (an empty base path): the finding's own path then, no copy.
    const loc = locate(resource.doc, resource.basePath.length ? [...resource.basePath, ...finding.path] : finding.path, finding.target as Target | undefined);
    src = sourceOf.get(resource.file)!;
    ({ start, end } = finding.within && loc.exact ? withinValue(src.text, loc, resource.get(finding.path), finding.within) : loc);
  }
  const d = addDiagnostic(
    src,
    {
      ruleId,
      start,
      end,
      message: shared(finding.message, texts),
      docIndex: resource.doc.index,
      resourceId: resource.id,
      resource,
      severity: finding.severity,
      path: finding.path,
      pathText: shared(formatPath(finding.path), texts),
      hint: finding.hint,
      source: resource.doc.helmSource,
    },
    severities,
  );
  if (d && (finding.fix || finding.suggestions)) addFixes(d, resource, finding, src);
  if (!d || !finding.related) return;
  const other = finding.related.resource;
  const place = locate(other.doc, [...other.basePath, ...(finding.related.path ?? [])]);
  const otherSrc = sourceOf.get(other.file)!;
  // A related `within` names characters of a string there (the failing part of a CEL expression).
  const at = finding.related.within && place.exact ? withinValue(otherSrc.text, place, other.get(finding.related.path ?? []), finding.related.within) : place;
  const pos = lineIndex(otherSrc).position(at.start);
  d.related = {
    file: other.file,
    line: pos.line,
    column: pos.column,
    resource: other.ref,
    path: shared(formatPath(finding.related.path ?? []), texts),
    ...(finding.related.message ? { message: finding.related.message } : {}),
  };
}
