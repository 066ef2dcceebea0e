/**
 * The edits behind the suppression code actions, in the forms engine/directives.ts reads:
 * "disable for this line" writes `# k8s-lint-disable-next-line <rule>` above the finding's
 * line (or adds the rule to such a comment already there); "ignore in this resource" adds the
 * rule to the resource's `k8s-lint.io/ignore` annotation. Each edit is checked by parsing the
 * edited text: the documents' values must be unchanged (apart from the annotation), so an edit
 * that would land inside a block scalar or a multi-line string is not offered.
 */
import { findCommentDirectives, IGNORE_ANNOTATION, splitIds } from "../engine/directives.js";
import { parseText } from "../engine/parse.js";
import type { ParsedDocument, Spans } from "../models/document.js";

/** One replacement of [start, end) of a text, in UTF-16 offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export function applyOffsetEdit(text: string, e: OffsetEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function lineText(text: string, starts: number[], line: number): string {
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
  return text.slice(starts[line], end).replace(/\r$/, "");
}

const NEXT_LINE_COMMENT = /^(\s*)#\s*k8s-lint-disable-next-line\b([^#\n]*?)(\s*(--.*|#.*)?)$/;

/** Values of every document, keys in a canonical order: what an edit must keep. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function documentValues(text: string, json: boolean): string[] | undefined {
  const docs = parseText(text, "1.1", json ? "json" : "yaml");
  // A repeated key still leaves values to compare (the last one read); other errors leave none.
  if (docs.some((d) => d.problems.some((p) => !p.recoverable && p.code !== "DUPLICATE_KEY"))) return undefined;
  return docs.map((d) => canonical(d.value));
}

/**
 * "Disable for this line": the edit that silences `ruleId` on `line` (0-based), or undefined
 * when no comment can go there (JSON, a line inside a block scalar or a multi-line string).
 */
export function disableLineEdit(text: string, line: number, ruleId: string, json: boolean): OffsetEdit | undefined {
  if (json) return undefined;
  const starts = lineStarts(text);
  if (line < 0 || line >= starts.length) return undefined;
  const above = line > 0 ? NEXT_LINE_COMMENT.exec(lineText(text, starts, line - 1)) : null;
  let edit: OffsetEdit;
  let coveredLine: number;
  if (above) {
    // Add the rule to the directive already there, before its description.
    const ids = splitIds(above[2]);
    if (ids.some((i) => i.id === ruleId || i.id === "*")) return undefined;
    const listStart = above[0].indexOf("k8s-lint-disable-next-line") + "k8s-lint-disable-next-line".length;
    const at = starts[line - 1] + listStart + above[2].length;
    edit = { start: at, end: at, text: ids.length ? `, ${ruleId}` : ` ${ruleId}` };
    coveredLine = line;
  } else {
    const current = lineText(text, starts, line);
    const indent = /^[ \t]*/.exec(current)![0];
    const eol = text.slice(starts[line]).match(/^[^\n]*?(\r?)\n/)?.[1] ? "\r\n" : "\n";
    edit = { start: starts[line], end: starts[line], text: `${indent}# k8s-lint-disable-next-line ${ruleId}${eol}` };
    coveredLine = line + 1;
  }
  const edited = applyOffsetEdit(text, edit);
  const before = documentValues(text, false);
  const after = documentValues(edited, false);
  if (!before || !after || canonical(before) !== canonical(after)) return undefined;
  const editedStarts = lineStarts(edited);
  const lineOf = (offset: number) => {
    let l = 0;
    while (l + 1 < editedStarts.length && editedStarts[l + 1] <= offset) l++;
    return l + 1;
  };
  const covers = findCommentDirectives(edited, () => 0, lineOf).some((d) => d.kind === "next-line" && d.ruleId === ruleId && d.coversLine === coveredLine + 1);
  return covers ? edit : undefined;
}

/** The object a finding at `offset` belongs to: a document's root, or the item of a List that holds it. */
function resourceAt(docs: ParsedDocument[], offset: number): { doc: ParsedDocument; object: Record<string, unknown> } | undefined {
  const doc = docs.find((d) => offset >= d.start && offset <= d.end) ?? docs.find((d) => offset <= d.end);
  if (!doc || !doc.value || typeof doc.value !== "object" || Array.isArray(doc.value)) return undefined;
  const root = doc.value as Record<string, unknown>;
  const items = root.items;
  if (typeof root.kind === "string" && root.kind.endsWith("List") && Array.isArray(items)) {
    const spans = doc.spans.get(items);
    for (const [i, span] of spans ?? []) {
      const item = items[i as number];
      if (offset >= span[2] && offset <= span[3] && item && typeof item === "object" && !Array.isArray(item)) return { doc, object: item as Record<string, unknown> };
    }
  }
  return { doc, object: root };
}

const isFlow = (text: string, valueStart: number) => text[valueStart] === "{";

/** The indentation of the line that holds `offset`, and its line start. */
function lineOfOffset(text: string, offset: number): { start: number; indent: string; eol: string } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const nl = text.indexOf("\n", start);
  return { start, indent: /^[ \t]*/.exec(text.slice(start))![0], eol: nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n" };
}

/** The first key of a block mapping (its spans, in offset order). */
function firstKey(spans: Spans): [number, number, number, number] | undefined {
  return [...spans.entries()].map(([, s]) => s).sort((a, b) => a[0] - b[0])[0];
}

/**
 * "Ignore in this resource": the edit that adds `ruleId` to the `k8s-lint.io/ignore`
 * annotation of the resource holding `offset`, or undefined when the resource has no
 * metadata to put it in.
 */
export function ignoreInResourceEdit(text: string, offset: number, ruleId: string, json: boolean): OffsetEdit | undefined {
  const docs = parseText(text, "1.1", json ? "json" : "yaml");
  const found = resourceAt(docs, offset);
  if (!found) return undefined;
  const { doc, object } = found;
  const metadata = object.metadata;
  const metaSpan = doc.spans.get(object)?.get("metadata");
  if (!metaSpan || !metadata || typeof metadata !== "object" || Array.isArray(metadata)) return undefined;
  const metaSpans = doc.spans.get(metadata);
  const annotations = (metadata as Record<string, unknown>).annotations;
  const annSpan = metaSpans?.get("annotations");
  const quote = (s: string) => JSON.stringify(s);
  let edit: OffsetEdit | undefined;
  let expected: string;
  if (annotations && typeof annotations === "object" && !Array.isArray(annotations) && annSpan) {
    const current = (annotations as Record<string, unknown>)[IGNORE_ANNOTATION];
    const ignoreSpan = doc.spans.get(annotations)?.get(IGNORE_ANNOTATION);
    if (typeof current === "string" && ignoreSpan) {
      const ids = splitIds(current).map((i) => i.id);
      if (ids.includes(ruleId) || ids.includes("*")) return undefined;
      expected = current.trim() ? `${current.replace(/[\s,]+$/, "")},${ruleId}` : ruleId;
      edit = { start: ignoreSpan[2], end: ignoreSpan[3], text: quote(expected) };
    } else if (current !== undefined) {
      return undefined;
    } else {
      expected = ruleId;
      const annSpans = doc.spans.get(annotations)!;
      if (isFlow(text, annSpan[2])) {
        const rest = annSpans.size ? ", " : "";
        edit = { start: annSpan[2] + 1, end: annSpan[2] + 1, text: `${quote(IGNORE_ANNOTATION)}: ${quote(ruleId)}${rest}` };
      } else {
        const first = firstKey(annSpans);
        if (!first) return undefined;
        const line = lineOfOffset(text, first[0]);
        if (line.start + line.indent.length !== first[0]) return undefined;
        edit = { start: line.start, end: line.start, text: `${line.indent}${IGNORE_ANNOTATION}: ${quote(ruleId)}${line.eol}` };
      }
    }
  } else if (annotations === undefined || annotations === null) {
    expected = ruleId;
    const entry = `${quote(IGNORE_ANNOTATION)}: ${quote(ruleId)}`;
    if (annSpan) {
      // `annotations:` with no value (null): write the map after the key.
      const line = lineOfOffset(text, annSpan[0]);
      const valueText = text.slice(annSpan[1], annSpan[3]).replace(/^\s*:/, "");
      if (valueText.trim() !== "" && valueText.trim() !== "null" && valueText.trim() !== "~") return undefined;
      edit = { start: annSpan[1], end: Math.max(annSpan[1], annSpan[3]), text: json ? `: {${entry}}` : `:${line.eol}${line.indent}  ${IGNORE_ANNOTATION}: ${quote(ruleId)}` };
    } else if (isFlow(text, metaSpan[2])) {
      const rest = metaSpans && metaSpans.size ? ", " : "";
      edit = { start: metaSpan[2] + 1, end: metaSpan[2] + 1, text: `${quote("annotations")}: {${entry}}${rest}` };
    } else {
      const first = metaSpans && firstKey(metaSpans);
      if (!first) return undefined;
      const line = lineOfOffset(text, first[0]);
      if (line.start + line.indent.length !== first[0]) return undefined;
      edit = { start: line.start, end: line.start, text: `${line.indent}annotations:${line.eol}${line.indent}  ${IGNORE_ANNOTATION}: ${quote(ruleId)}${line.eol}` };
    }
  } else {
    return undefined;
  }
  // The edited text must hold the same documents, the annotation aside.
  const setAnnotation = (o: Record<string, unknown>) => {
    const meta = o.metadata as Record<string, unknown>;
    meta.annotations = { ...((meta.annotations as Record<string, unknown>) ?? {}), [IGNORE_ANNOTATION]: expected };
  };
  const want = docs.map((d) => {
    if (d !== doc) return canonical(d.value);
    const copy = JSON.parse(JSON.stringify(d.value)) as Record<string, unknown>;
    const target = object === d.value ? copy : (copy.items as Array<Record<string, unknown>>)[(d.value as { items: unknown[] }).items.indexOf(object)];
    setAnnotation(target);
    return canonical(copy);
  });
  const got = documentValues(applyOffsetEdit(text, edit), json);
  return got && canonical(got) === canonical(want) ? edit : undefined;
}
