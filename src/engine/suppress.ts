/**
 * Suppression: drops the diagnostics that the config's `exclude` entries, a comment directive
 * or a `k8s-lint.io/ignore` annotation silence, and reports the directives that silenced
 * nothing as unused-suppression.
 */
import type { ExcludeEntry } from "../config/schema.js";
import { POD_TEMPLATE_PATHS, type HeldViews, type Resource } from "../models/resource.js";
import { getRule } from "../rules/index.js";
import type { Path } from "../types.js";
import { findCommentDirectives, IGNORE_ANNOTATION, splitIds, type Directive } from "./directives.js";
import { addDiagnostic, isEnabled, type Severities } from "./diagnostics.js";
import { locate } from "./positions.js";
import { lineIndex, type EngineDiagnostic, type SourceFile } from "./sources.js";

type Minimatch = (typeof import("minimatch"))["minimatch"];

export interface SuppressionRun {
  /** The reported files. */
  sources: readonly SourceFile[];
  /** Every resource of the run, by id. */
  resources: readonly Resource[];
  /** Resources only indexed, not checked (engine/collect.ts Collection.lookupOnly): their annotations silence nothing. */
  unchecked?: ReadonlySet<Resource>;
  exclude?: ExcludeEntry[];
  severities: Severities;
  /** The resources' views, dropped after each file (the annotations read here build them again). */
  views?: HeldViews;
}

/** What suppressing one file reads: the run, and the matcher of `exclude` globs when there are any. */
interface SuppressionState extends SuppressionRun {
  minimatch?: Minimatch;
  byFile: ReadonlyMap<string, Resource[]>;
}

export async function suppress(run: SuppressionRun): Promise<void> {
  // minimatch is loaded only when the config has exclusions (start-up cost of a pre-commit run).
  const minimatch = run.exclude?.length ? (await import("minimatch")).minimatch : undefined;
  const byFile = new Map<string, Resource[]>();
  for (const r of run.resources) {
    // An object of a document that is not checked has no findings for its directives to silence.
    if (run.unchecked?.has(r)) continue;
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const state: SuppressionState = { ...run, minimatch, byFile };
  for (const src of run.sources) {
    suppressFile(src, state);
    run.views?.release();
  }
}

function suppressFile(src: SourceFile, state: SuppressionState): void {
  const comments = commentDirectives(src);
  const annotations = new Map<number, Directive[]>();
  for (const r of state.byFile.get(src.display) ?? []) {
    const found = annotationDirectives(r);
    if (found.length) annotations.set(r.id, found);
  }
  if (!comments.length && !annotations.size && !state.exclude) return;
  const startLine = (r: Resource) => lineIndex(src).position(locate(r.doc, r.basePath).start).line;
  src.diagnostics = src.diagnostics.filter((d) => !silenced(d, { comments, annotations, state, startLine }));
  reportUnused(src, comments, annotations, state);
}

function commentDirectives(src: SourceFile): Directive[] {
  if (!src.text) return [];
  const lines = lineIndex(src);
  const docOf = (offset: number) => {
    const d = src.docs.find((doc) => offset < doc.end) ?? src.docs[src.docs.length - 1];
    return d ? d.index : 0;
  };
  return findCommentDirectives(src.text, docOf, (o) => lines.position(o).line);
}

interface FileDirectives {
  comments: Directive[];
  /** Resource id -> the directives of its annotations. */
  annotations: ReadonlyMap<number, Directive[]>;
  state: SuppressionState;
  /** The line a resource starts on (its first key). */
  startLine: (r: Resource) => number;
}

/**
 * A finding about the resource as a whole (naked-pod, a policy or custom rule without a field):
 * placed at its `kind`, and silenced by a next-line directive above the resource's first line
 * too, where a directive for the whole resource is written (`apiVersion:` usually comes first).
 */
const RESOURCE_LEVEL_PATH = "kind";

/** Whether an exclusion or a directive silences the diagnostic; marks the directives that do as used. */
function silenced(d: EngineDiagnostic, { comments, annotations, state, startLine }: FileDirectives): boolean {
  if (d.ruleId === "unused-suppression") return false;
  const owner = d.internal.resourceId !== undefined ? state.resources[d.internal.resourceId] : undefined;
  if (owner && excluded(owner, d.ruleId, state)) return true;
  let hit = false;
  for (const dir of comments) {
    if (dir.ruleId !== "*" && dir.ruleId !== d.ruleId) continue;
    const covers =
      dir.kind === "next-line"
        ? dir.coversLine === d.line || (d.path === RESOURCE_LEVEL_PATH && owner !== undefined && dir.coversLine === startLine(owner))
        : dir.docIndex === d.internal.docIndex && d.line > dir.line;
    if (covers) hit = dir.used = true;
  }
  for (const dir of owner ? (annotations.get(owner.id) ?? []) : []) {
    if (dir.ruleId === "*" || dir.ruleId === d.ruleId) hit = dir.used = true;
  }
  return hit;
}

function excluded(r: Resource, ruleId: string, { exclude, minimatch }: SuppressionState): boolean {
  if (!exclude || !minimatch) return false;
  const m = (glob: string | undefined, value: string) => glob === undefined || minimatch(value, glob);
  return exclude.some(
    (e) => m(e.kind, r.kind) && m(e.namespace, r.namespace) && m(e.name, r.name) && (e.rules.includes("*") || e.rules.includes(ruleId)),
  );
}

function reportUnused(src: SourceFile, comments: Directive[], annotations: ReadonlyMap<number, Directive[]>, state: SuppressionState): void {
  const reportable = (dir: Directive) => !dir.used && (dir.ruleId === "*" || isEnabled(state.severities, dir.ruleId));
  for (const dir of comments.filter(reportable)) {
    const problem = { ruleId: "unused-suppression", start: dir.offset, end: dir.offset + dir.length, message: unusedMessage(dir), docIndex: dir.docIndex, hint: "remove the directive" };
    addDiagnostic(src, problem, state.severities);
  }
  for (const [rid, dirs] of annotations) {
    const r = state.resources[rid];
    for (const dir of dirs.filter(reportable)) {
      const at = locate(r.doc, [...r.basePath, ...(dir.annotationPath ?? [])], "value");
      addDiagnostic(
        src,
        {
          ruleId: "unused-suppression",
          start: at.start,
          end: at.end,
          message: unusedMessage(dir),
          docIndex: r.doc.index,
          resourceId: r.id,
          resource: r,
          path: dir.annotationPath,
          hint: `remove "${dir.ruleId}" from the ${IGNORE_ANNOTATION} annotation`,
        },
        state.severities,
      );
    }
  }
}

function unusedMessage(dir: Directive): string {
  if (dir.ruleId !== "*" && !getRule(dir.ruleId)) return `"${dir.ruleId}" is not a k8s-lint rule`;
  return dir.ruleId === "*" ? "suppression of all rules silences nothing here" : `suppression of "${dir.ruleId}" silences nothing here`;
}

/** The directives of a resource's ignore annotation, and of its pod template's (not of a Pod's, which has one metadata). */
export function annotationDirectives(r: Resource): Directive[] {
  const out: Directive[] = [];
  const paths: Path[] = [["metadata", "annotations", IGNORE_ANNOTATION]];
  // The pod template's annotation, read where it is written: the typed template (Resource.podTemplate) is read for the rules, and released.
  const template = r.kind !== "Pod" && r.ruleKind === r.kind ? POD_TEMPLATE_PATHS.get(r.kind) : undefined;
  if (template) paths.push([...template, "metadata", "annotations", IGNORE_ANNOTATION]);
  for (const path of paths) {
    const value = r.get(path);
    if (typeof value !== "string") continue;
    for (const { id } of splitIds(value)) {
      out.push({ ruleId: id, kind: "annotation", line: 0, offset: 0, length: 0, docIndex: r.doc.index, resourceId: r.id, annotationPath: path, used: false });
    }
  }
  return out;
}
