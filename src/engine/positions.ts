/** Maps a field path inside a document to line/column ranges, using the spans recorded at parse time. */
import type { Path, Range } from "../types.js";
import type { ParsedDocument } from "../models/document.js";
import { PackedDocumentSpans } from "./lean/span-table.js";

/**
 * Line start offsets of a text, computed once per file (a typed array: a run keeps one per
 * file; of 16 bits for a text under 64 KiB, as most manifests are).
 */
export class LineIndex {
  private readonly starts: Int32Array | Uint16Array;
  constructor(text: string) {
    let lines = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    this.starts = text.length <= 0xffff ? new Uint16Array(lines) : new Int32Array(lines);
    let n = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts[n++] = i + 1;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /**
   * A range that spans several lines (a block collection) is clamped to its first line,
   * without trailing blanks. It never ends past its line: a problem at the end of a line or
   * of the file (an unclosed bracket at EOF) is an empty range there.
   */
  range(start: number, end: number, text: string): Range {
    start = Math.max(0, Math.min(start, text.length));
    const nl = text.indexOf("\n", start);
    const lineEnd = nl === -1 ? text.length : nl;
    let stop = Math.min(Math.max(end, start + 1), lineEnd);
    while (stop > start + 1 && /\s/.test(text[stop - 1])) stop--;
    if (stop <= start) stop = Math.min(start + 1, lineEnd);
    const a = this.position(start);
    const b = this.position(stop);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

export type Target = "key" | "value";

/**
 * Offsets of the node a path names. A path that does not exist (a missing field) resolves to
 * the deepest ancestor that does, pointing at that ancestor's key.
 */
export function locate(doc: ParsedDocument, path: Path, target?: Target): { start: number; end: number; exact: boolean } {
  if (doc.spans instanceof PackedDocumentSpans) return locatePacked(doc, doc.spans, path, target);
  let node: unknown = doc.value;
  let start = doc.rootSpan[0];
  let end = doc.rootSpan[1];
  let keyStart = start;
  let keyEnd = end;
  for (let i = 0; i < path.length; i++) {
    const spans = node && typeof node === "object" ? doc.spans.get(node as object) : undefined;
    const seg = path[i];
    const span = spans?.get(typeof seg === "number" && !Array.isArray(node) ? String(seg) : seg);
    if (!span) return { start: keyStart, end: keyEnd, exact: false };
    [keyStart, keyEnd, start, end] = span;
    node = (node as Record<string | number, unknown>)[seg as string];
  }
  const isCollection = node !== null && typeof node === "object";
  const wantKey = target ? target === "key" : isCollection;
  return wantKey ? { start: keyStart, end: keyEnd, exact: true } : { start, end, exact: true };
}

/** locate() through a packed store: each step follows the entry's child offset (no lookup by object). */
function locatePacked(doc: ParsedDocument, spans: PackedDocumentSpans, path: Path, target?: Target): { start: number; end: number; exact: boolean } {
  const { store } = spans;
  let node: unknown = doc.value;
  let table = spans.root;
  let start = doc.rootSpan[0];
  let end = doc.rootSpan[1];
  let keyStart = start;
  let keyEnd = end;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const e = table < 0 || node === null || typeof node !== "object" ? -1 : store.entry(table, typeof seg === "number" && !Array.isArray(node) ? String(seg) : seg);
    if (e < 0) return { start: keyStart, end: keyEnd, exact: false };
    const d = store.data;
    keyStart = d[e];
    keyEnd = d[e + 1];
    start = d[e + 2];
    end = d[e + 3];
    table = d[e + 4];
    node = (node as Record<string | number, unknown>)[seg as string];
  }
  const isCollection = node !== null && typeof node === "object";
  const wantKey = target ? target === "key" : isCollection;
  return wantKey ? { start: keyStart, end: keyEnd, exact: true } : { start, end, exact: true };
}
