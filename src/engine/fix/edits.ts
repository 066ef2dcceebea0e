/**
 * Field edits -> text edits. A rule names what to change by field path (rules/types.ts,
 * FieldEdit); this writes it into the file's text through the spans the parser recorded, so
 * that everything not edited stays byte for byte: comments, key order, quoting, indentation,
 * anchors, line endings. An edit it cannot write that way (a path through an alias or a merge
 * key, a block scalar, a value the anchor shares) gives no fix at all: never a guess.
 */
import { parse } from "yaml";
import type { ParsedDocument } from "../../models/document.js";
import type { FieldEdit, FieldFix, FixValue } from "../../rules/types.js";
import type { Fix, Path, TextEdit } from "../../types.js";

type Span = [number, number, number, number];

/** A field as written: its key and value offsets, and its parent collection's value offsets. */
interface Located {
  span: Span;
  value: unknown;
  parent: unknown;
  parentSpan: [number, number];
}

/** The document's text and what the parser recorded of it. */
export interface FixSource {
  text: string;
  doc: ParsedDocument;
  /** Where the resource sits in its document (an item of a List). */
  basePath: Path;
}

class Unfixable extends Error {}

/** The text edits of a field fix, or undefined when it cannot be written without a guess. */
export function toTextFix(src: FixSource, fix: FieldFix): Fix | undefined {
  try {
    const writer = new Writer(src);
    const removed = fix.flatMap((e) => (e.op === "remove" ? [e.path] : e.op === "move" ? [e.from] : []));
    const edits = fix.flatMap((e) => writer.edit(e, removed));
    edits.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return undefined;
    return edits.length ? { edits } : undefined;
  } catch (err) {
    if (err instanceof Unfixable) return undefined;
    throw err;
  }
}

const fail = (why: string): never => {
  throw new Unfixable(why);
};

function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
}

class Writer {
  private readonly text: string;
  private readonly eol: string;
  constructor(private readonly src: FixSource) {
    this.text = src.text;
    this.eol = src.text.includes("\r\n") ? "\r\n" : "\n";
  }

  edit(e: FieldEdit, removed: readonly Path[]): TextEdit[] {
    switch (e.op) {
      case "set":
        return [this.setScalar(e.path, e.value)];
      case "quote":
        return [this.quote(e.path)];
      case "rename":
        return [this.rename(e.path, e.key)];
      case "remove":
        return [this.remove(e.path)];
      case "insert":
        return [this.insert(e.path, e.value, removed)];
      case "move": {
        const at = this.locate(e.from);
        if (!at || isCollection(at.value)) fail("only a scalar moves");
        const raw = this.text.slice(at!.span[2], at!.span[3]);
        if (/[\r\n]/.test(raw) || /^[|>]/.test(raw)) fail("a multi-line value does not move");
        // A comment at the end of the moved line goes with it (where the new place is a block map).
        const rest = this.inFlow(at!) ? "" : this.text.slice(at!.span[3], this.lineEnd(at!.span[3]));
        return [this.remove(e.from), this.insert(e.to, new RawText(raw, /^[ \t]+#/.test(rest) ? rest : "", at!.value), removed)];
      }
    }
  }

  /** The field at a path relative to the resource, when every step is written inside its parent (no alias, no merge key). */
  private locate(path: Path): Located | undefined {
    const { doc, basePath } = this.src;
    let node: unknown = doc.value;
    let outer: [number, number] = doc.rootSpan;
    let parent: unknown;
    let parentSpan: [number, number] = outer;
    let span: Span | undefined;
    for (const seg of [...basePath, ...path]) {
      const spans = node && typeof node === "object" ? doc.spans.get(node) : undefined;
      const s = spans?.get(typeof seg === "number" && !Array.isArray(node) ? String(seg) : seg);
      if (!s) return undefined;
      // A field written elsewhere (through an alias or a merge key) is shared: editing it edits the anchor.
      if (s[0] < outer[0] || s[3] > outer[1]) fail("the path goes through an alias or a merge key");
      parent = node;
      parentSpan = outer;
      span = s;
      outer = [s[2], s[3]];
      node = (node as Record<string | number, unknown>)[seg as string];
    }
    if (!span) fail("the resource itself is not a field");
    return { span: span!, value: node, parent, parentSpan };
  }

  private need(path: Path): Located {
    const at = this.locate(path) ?? fail(`no field ${path.join(".")}`);
    // `value: &z yes`: the aliases of the anchor share the value, so editing it edits them too.
    if (/&[^\s,[\]{}]+\s*$/.test(this.text.slice(this.lineStart(this.lineStart(at.span[2]) - 1), at.span[2]))) fail("the value carries an anchor its aliases share");
    return at;
  }

  private setScalar(path: Path, value: string | number | boolean | null): TextEdit {
    const at = this.need(path);
    if (isCollection(at.value)) fail("not a scalar");
    const [, , start, end] = at.span;
    const written = this.text.slice(start, end);
    if (/^[|>]/.test(written) || /[\r\n]/.test(written)) fail("a block or multi-line scalar");
    const text = scalarText(value, written[0], this.inFlow(at));
    if (written !== "") return { start, end, text };
    // `key:` with nothing after it (or only a comment): the new value needs spaces around it.
    const before = /\s/.test(this.text[start - 1] ?? " ") ? "" : " ";
    const after = start < this.text.length && !/\s/.test(this.text[start]) ? " " : "";
    return { start, end, text: `${before}${text}${after}` };
  }

  private quote(path: Path): TextEdit {
    const at = this.need(path);
    const [, , start, end] = at.span;
    const written = this.text.slice(start, end);
    if (isCollection(at.value) || /^["'|>&*!]/.test(written) || /[\r\n]/.test(written) || written === "") fail("only a plain scalar on one line is quoted");
    return { start, end, text: JSON.stringify(written) };
  }

  private rename(path: Path, key: string): TextEdit {
    const at = this.need(path);
    const parent = at.parent;
    if (Array.isArray(parent) || (parent && typeof parent === "object" && Object.hasOwn(parent, key))) fail("the new key exists");
    const [start, end] = at.span;
    const written = this.text.slice(start, end);
    return { start, end, text: scalarText(key, written[0], this.inFlow(at)) };
  }

  /** Whether the field is an entry of a flow collection (`{a: 1}`, `[a]`). */
  private inFlow(at: Located): boolean {
    const open = this.text[at.parentSpan[0]];
    return open === "{" || open === "[";
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** Offset of the line break ending the line of `offset` (or the text's end). */
  private lineEnd(offset: number): number {
    const nl = this.text.indexOf("\n", offset);
    if (nl === -1) return this.text.length;
    return nl > 0 && this.text[nl - 1] === "\r" ? nl - 1 : nl;
  }

  /** Just after the line break ending the line of `offset`. */
  private nextLine(offset: number): number {
    const nl = this.text.indexOf("\n", offset);
    return nl === -1 ? this.text.length : nl + 1;
  }

  /** The end of a field's value as written: a block collection's span ends after its last line break. */
  private valueEnd(span: Span): number {
    return span[3];
  }

  private remove(path: Path): TextEdit {
    const at = this.need(path);
    const [ks, , , ve] = at.span;
    if (this.inFlow(at)) {
      // `{a: 1, b: 2}`: the entry and the comma after it, or before it when it is the last.
      const after = /^\s*,[ \t]*/.exec(this.text.slice(ve));
      if (after) return { start: ks, end: ve + after[0].length, text: "" };
      const before = /,\s*$/.exec(this.text.slice(at.parentSpan[0], ks));
      if (before) return { start: ks - before[0].length, end: ve, text: "" };
      return { start: ks, end: ve, text: "" };
    }
    const entryStart = Array.isArray(at.parent) ? this.text.lastIndexOf("-", ks) : ks;
    const ls = this.lineStart(entryStart);
    const end = this.text[ve - 1] === "\n" ? ve : this.nextLine(ve);
    if (/^[ \t]*$/.test(this.text.slice(ls, entryStart))) {
      const siblings = this.siblingCount(at);
      if (siblings === 1 && !Array.isArray(at.parent)) fail("removing the only field would leave its parent null");
      return { start: ls, end, text: "" };
    }
    // `- name: a` with the field first in a list item: the next field moves up after the dash.
    if (!Array.isArray(at.parent)) {
      const next = this.nextSiblingStart(at);
      if (next !== undefined) return { start: ks, end: next, text: "" };
    }
    return fail("the field shares its line");
  }

  private siblingCount(at: Located): number {
    const spans = this.src.doc.spans.get(at.parent as object);
    return spans ? spans.size : 0;
  }

  private nextSiblingStart(at: Located): number | undefined {
    const spans = this.src.doc.spans.get(at.parent as object);
    let best: number | undefined;
    for (const [, s] of spans?.entries() ?? []) if (s[0] > at.span[0] && (best === undefined || s[0] < best)) best = s[0];
    return best;
  }

  /**
   * Adds a field: into its parent map when that exists, else creates the missing maps under the
   * deepest one that does. Inserted after the parent's last field that stays (not one removed by the same fix).
   */
  private insert(path: Path, value: FixValue | RawText, removed: readonly Path[]): TextEdit {
    if (this.locate(path)) fail("the field exists");
    let depth = path.length - 1;
    while (depth > 0 && !this.locate(path.slice(0, depth))) depth--;
    let nested: FixValue | RawText = value;
    for (let i = path.length - 1; i > depth; i--) nested = { [String(path[i])]: nested as FixValue };
    const key = String(path[depth]);
    const parentPath = path.slice(0, depth);
    const parent = parentPath.length ? this.need(parentPath) : undefined;
    const parentValue = parent ? parent.value : this.resourceValue();
    if (!parentValue || typeof parentValue !== "object" || Array.isArray(parentValue)) fail("the parent is not a map");
    const [ps, pe] = parent ? [parent.span[2], parent.span[3]] : this.resourceSpan();
    const spans = this.src.doc.spans.get(parentValue as object)!;
    // The fields written in this map (not merged from an anchor), minus those the fix removes.
    const fields = [...spans.entries()].filter(([k, s]) => s[0] >= ps && s[3] <= pe && !removed.some((r) => samePath(r, [...parentPath, k])));
    if (this.text[ps] === "{") {
      // Keys written double-quoted (a JSON manifest, which kubectl then reads as JSON) get a JSON entry.
      const json = fields.length > 0 && fields.every(([, s]) => this.text[s[0]] === '"');
      const entry = json ? `${JSON.stringify(key)}: ${nested instanceof RawText ? nested.text : JSON.stringify(nested)}` : `${flowKey(key)}: ${flowValue(nested)}`;
      if (!fields.length) {
        const close = this.text.lastIndexOf("}", pe);
        return { start: close, end: close, text: entry };
      }
      const lastEnd = Math.max(...fields.map(([, s]) => s[3]));
      return { start: lastEnd, end: lastEnd, text: `, ${entry}` };
    }
    if (!fields.length) fail("an empty block map has no indentation to follow");
    const firstKey = Math.min(...fields.map(([, s]) => s[0]));
    const column = firstKey - this.lineStart(firstKey);
    const indent = " ".repeat(column);
    const step = this.indentStep(column);
    const body = `${blockKey(key)}:${blockValue(nested, column, step, this.eol)}`;
    const lastEnd = Math.max(...fields.map(([, s]) => this.valueEnd(s)));
    if (this.text[lastEnd - 1] === "\n") return { start: lastEnd, end: lastEnd, text: `${indent}${body}${this.eol}` };
    const at = this.lineEnd(lastEnd);
    return { start: at, end: at, text: `${this.eol}${indent}${body}` };
  }

  private resourceValue(): unknown {
    const { doc, basePath } = this.src;
    let node: unknown = doc.value;
    for (const seg of basePath) node = (node as Record<string | number, unknown>)[seg as string];
    return node;
  }

  private resourceSpan(): [number, number] {
    const { doc, basePath } = this.src;
    if (!basePath.length) return doc.rootSpan;
    const parent = basePath.slice(0, -1);
    let node: unknown = doc.value;
    for (const seg of parent) node = (node as Record<string | number, unknown>)[seg as string];
    const s = doc.spans.get(node as object)?.get(basePath[basePath.length - 1]);
    return s ? [s[2], s[3]] : fail("no span for the resource");
  }

  /** The file's indentation step: the first line indented deeper than `column`, relative to it (default 2). */
  private indentStep(column: number): number {
    const m = /\n( +)\S/.exec(this.text);
    const first = m ? m[1].length : 2;
    return first > 0 && first <= 8 ? first : column > 0 ? column : 2;
  }
}

/** Text inserted as written (a moved value). */
class RawText {
  constructor(
    readonly text: string,
    /** A trailing comment (with its leading blanks), kept in block style only. */
    readonly comment = "",
    /** The value the text reads as where it was written. */
    readonly value?: unknown,
  ) {}

  /**
   * The text inside a flow collection: a plain string that a comma, bracket or brace would cut
   * (`path: /a,b` moved into `{port: 80}`) is quoted; what was quoted or is safe stays as written.
   */
  get flowText(): string {
    if (typeof this.value !== "string" || /^["']/.test(this.text) || plainSafe(this.value, true)) return this.text;
    return JSON.stringify(this.value);
  }
}

function isCollection(v: unknown): boolean {
  return v !== null && typeof v === "object";
}

/**
 * The words made of letters that YAML 1.1 or 1.2 reads as something else than a string (the
 * yaml package's schemas: booleans, nulls). Any other word of letters, digits and `._/-` that
 * starts with a letter is a string in both, but one starting with `e`: the yaml package's YAML
 * 1.1 float reads `e5` as NaN.
 */
const LETTER_WORDS_NOT_STRINGS = new Set(
  ["y", "yes", "n", "no", "true", "false", "on", "off", "null"].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]),
);

/** Whether `s` reads back as the same string, plain, in YAML 1.1 and 1.2 (not `yes`, `1.10`, `null`, `a: b`). */
export function plainSafe(s: string, flow: boolean): boolean {
  // An image name, a label value, a field name: known without parsing it twice.
  if (/^[A-DF-Za-df-z][\w./-]*$/.test(s)) return !LETTER_WORDS_NOT_STRINGS.has(s);
  if (s === "" || s.trim() !== s || /[\r\n\t#]|: |:$|^[-?:,[\]{}&*!|>'"%@`]/.test(s)) return false;
  if (flow && /[,[\]{}]/.test(s)) return false;
  let safe = readsBack.get(s);
  if (safe === undefined) {
    if (readsBack.size >= MAX_REMEMBERED) readsBack.clear();
    readsBack.set(s, (safe = readsBackPlain(s)));
  }
  return safe;
}

/**
 * The answers of readsBackPlain, kept while few: the fixes of a run set the same values again and
 * again (a quantity, a port as a string), each a parse of two small documents. Bounded so that a
 * long-lived process (the language server) does not keep every value it saw.
 */
const MAX_REMEMBERED = 4096;
const readsBack = new Map<string, boolean>();

/** Whether `s`, written plain after a key, reads as the string `s` in YAML 1.1 and in 1.2. */
function readsBackPlain(s: string): boolean {
  try {
    return parse(`k: ${s}`, { version: "1.1" })?.k === s && parse(`k: ${s}`, { version: "1.2" })?.k === s;
  } catch {
    return false;
  }
}

/** A scalar written in the style of the one it replaces (`"`, `'` or plain), quoted only where plain would misread. */
function scalarText(value: string | number | boolean | null, style: string | undefined, flow: boolean): string {
  if (typeof value !== "string") return value === null ? "null" : String(value);
  if (style === "'") return `'${value.replace(/'/g, "''")}'`;
  if (style === '"' || !plainSafe(value, flow)) return JSON.stringify(value);
  return value;
}

function blockKey(key: string): string {
  return plainSafe(key, false) ? key : JSON.stringify(key);
}

function flowKey(key: string): string {
  return plainSafe(key, true) ? key : JSON.stringify(key);
}

function flowValue(v: FixValue | RawText): string {
  if (v instanceof RawText) return v.flowText;
  if (Array.isArray(v)) return `[${v.map(flowValue).join(", ")}]`;
  if (v && typeof v === "object") return `{${Object.entries(v).map(([k, x]) => `${flowKey(k)}: ${flowValue(x)}`).join(", ")}}`;
  return scalarText(v, undefined, true);
}

/** The text after `key:` for a value at a block map of `column`: ` scalar`, or nested lines one step deeper. */
function blockValue(v: FixValue | RawText, column: number, step: number, eol: string): string {
  if (v instanceof RawText) return ` ${v.text}${v.comment}`;
  const inner = " ".repeat(column + step);
  if (Array.isArray(v)) {
    if (!v.length) return " []";
    if (v.some((x) => isCollection(x))) fail("a list of collections is not written");
    return v.map((x) => `${eol}${inner}- ${scalarText(x as string, undefined, false)}`).join("");
  }
  if (v && typeof v === "object") {
    const entries = Object.entries(v);
    if (!entries.length) return " {}";
    return entries.map(([k, x]) => `${eol}${inner}${blockKey(k)}:${blockValue(x, column + step, step, eol)}`).join("");
  }
  return ` ${scalarText(v, undefined, false)}`;
}
