/**
 * The lean parse path: values and span tables of a YAML file in one pass over its text,
 * without the yaml package's lexer, CST and Document tree. It reads the block-style subset
 * that Kubernetes manifests are written in (block maps and sequences, plain scalars on one
 * line, quoted ones on one line or, as block values, over several, literal block scalars, flow
 * collections, comments, `---` markers) and gives up (returns undefined) on anything else or on
 * any doubt: anchors, aliases, tags, merge keys, empty values, multi-line plain scalars, quoted
 * ones over several lines elsewhere or with an escaped line break, folded or kept block
 * scalars, tabs, CR line ends, directives, repeated keys, syntax errors. The caller then reads the file
 * with the full path (parse.ts), which stays the reference: test/parse-differential.test.ts
 * requires identical values, spans and documents from both.
 *
 * Offsets follow the yaml package's node ranges exactly, including where it attaches comment
 * lines that follow the last entry of a collection (parse/parser.js: atIndentedComment and the
 * trailing-comment hand-over in pop), because a collection's range ends where its last entry's
 * range does.
 */
import { Document, isScalar } from "yaml";
import { NO_PROBLEMS, type ParsedDocument, type Spans } from "../../models/document.js";
import { PackedDocumentSpans, SpanStoreWriter } from "./span-table.js";
import { sharedValue as shared } from "../shared-values.js";

/** Thrown to leave the lean path; never escapes parseLean. */
const BAIL = new Error("outside the lean subset");

/** Scalar values as the full path reads them (parse.ts scalarValue), for the yaml package's resolved value and source. */
export type ScalarValueOf = (node: { value: unknown; source: string }) => unknown;

interface ScalarTag {
  default?: boolean | "key";
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/** The YAML 1.1 schema's implicit scalar tags, in the order the composer tries them (compose-scalar.js findScalarTagByTest). */
let implicitTags: ScalarTag[] | undefined;
let schemaOptions: object;

function tags(): ScalarTag[] {
  if (!implicitTags) {
    const doc = new Document(null, { version: "1.1", merge: true });
    implicitTags = (doc.schema.tags as unknown as ScalarTag[]).filter((t) => t.default === true && t.test);
    schemaOptions = doc.options;
  }
  return implicitTags;
}

const onTagError = () => {
  throw BAIL;
};

// ---------------------------------------------------------------------------------------------
// Parser state: one file at a time (the parser is synchronous and not re-entered).

let T = "";
let N = 0;
let scalarValueOf: ScalarValueOf;
/** The span tables of the file's collections: one map shared by its documents (two maps per document were 3 MB of tables on the bench corpus). */
/** The store of the file being read: every collection's table goes there when the collection ends. */
let writer: SpanStoreWriter;
/** The offset of the table of the collection read last (a collection's value is the last one it writes). */
let lastTable = -1;
/** Range of the node just parsed: [start, valueEnd, nodeEnd] as the yaml package has them. */
let r0 = 0;
let r1 = 0;
let r2 = 0;
/** After a block value: where the next content line starts (its first non-space character), and its indent (-1: end of document). */
let nextAt = 0;
let nextIndent = -1;
/**
 * Comment lines after the last entry of the innermost collection that are not part of its
 * last value: the yaml parser keeps them as an entry without key, which becomes the
 * collection's range end, or hands them to the parent collection. -1: none.
 */
let trailMaxIndent = -1;
let trailEnd = 0;
/** End of the current document's text (start of the next `---` line, or the end of the file). */
let docEnd = 0;
let depth = 0;
const MAX_DEPTH = 100;

/**
 * The keys and offsets of the collections being read, innermost last, up to keyTop and
 * offsetTop: a collection adds its entries here and writes its table to the file's store when
 * it ends, instead of growing arrays of its own (their spare capacity and the stores they
 * outgrew were about a fifth of this parser's allocation, 18 of 92 MB on the 10,000-resource
 * bench corpus).
 * The tops move, the arrays keep their length, so that their stores are not trimmed and grown
 * again.
 */
const keyStack: string[] = [];
const offsetStack: number[] = [];
let keyTop = 0;
let offsetTop = 0;
/**
 * The items of the sequences being read, the same way: a sequence is an exact-size copy of its
 * items. Pushed one by one, an array of one item had room for seventeen (130 bytes spare per
 * sequence, about 28 MB kept by a 100,000-resource run).
 */
const itemStack: unknown[] = [];
let itemTop = 0;
/** Per entry of the collections being read, the offset of its value's table (-1: a scalar), the same way. */
const childStack: number[] = [];
let childTop = 0;

/** The table of a value just read: the collection's own, or -1 for a scalar (scalars are never objects here). */
function tableOf(value: unknown): number {
  return value !== null && typeof value === "object" ? lastTable : -1;
}

const SPACE = 32;
const NL = 10;
const HASH = 35;

function lineEnd(i: number): number {
  const j = T.indexOf("\n", i);
  return j === -1 || j > docEnd ? docEnd : j;
}

/** Past the newline of the line holding `i` (or the end of the document). */
function nextLineStart(i: number): number {
  const j = T.indexOf("\n", i);
  return j === -1 || j >= docEnd ? docEnd : j + 1;
}

/**
 * From a line start after a value, skips blank and comment lines up to the next content line
 * (sets nextAt, nextIndent). `indent` is the indent of the collection holding the value;
 * `hasEnd`: the value can take indented comment lines into its own range (scalars and flow
 * collections can, block scalars cannot). Returns the value's range end.
 */
function skipTrailing(from: number, indent: number, hasEnd: boolean, valueEnd: number): number {
  let at = from;
  let extending = hasEnd;
  let end = valueEnd;
  trailMaxIndent = -1;
  while (at < docEnd) {
    let i = at;
    while (i < docEnd && T.charCodeAt(i) === SPACE) i++;
    if (i >= docEnd) {
      at = docEnd;
      break;
    }
    const c = T.charCodeAt(i);
    if (c === NL) {
      at = i + 1;
      continue;
    }
    if (c !== HASH) {
      nextAt = i;
      nextIndent = i - at;
      if (trailMaxIndent >= 0) trailEnd = i;
      return end;
    }
    const col = i - at;
    const next = nextLineStart(i);
    if (extending && col > indent) {
      end = next;
    } else {
      extending = false;
      if (col > trailMaxIndent) trailMaxIndent = col;
    }
    at = next;
  }
  nextAt = docEnd;
  nextIndent = -1;
  if (trailMaxIndent >= 0) trailEnd = docEnd;
  return end;
}

/**
 * A block collection of this indent ends: its node end (range[2]), given the comment lines
 * after its last entry; its value end (range[1]) is its last entry's node end.
 */
function collectionEnd(indent: number, lastEnd: number): number {
  if (trailMaxIndent < 0) return lastEnd;
  if (indent === 0 || trailMaxIndent < indent) return lastEnd; // handed to the parent
  trailMaxIndent = -1;
  return trailEnd;
}

// ---------------------------------------------------------------------------------------------
// Scalars

function isPlainSafeFirst(c: number, next: number): boolean {
  switch (c) {
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 34: // "
    case 39: // '
    case 35: // #
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
      return false;
    case 45: // -
    case 63: // ?
    case 58: // :
      return next !== SPACE && next !== NL && next === next; // NaN at the end of the text
    default:
      return c !== NL && c !== SPACE;
  }
}

/** The value of a plain scalar as the YAML 1.1 schema resolves it, through the full path's scalarValue. */
function plainValue(src: string): unknown {
  const c = src.charCodeAt(0);
  // A letter that starts no boolean or null (the longest is "false"): a string.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    if (src.length > 5) return src;
    switch (c) {
      case 121: case 89: case 110: case 78: case 116: case 84: case 102: case 70: case 111: case 79: // y n t f o
        break;
      default:
        return src;
    }
  } else if (c !== 126 && c !== 45 && c !== 43 && c !== 46 && !(c >= 48 && c <= 57) && src.length > 0) {
    // Every other implicit tag's test wants "~", a sign, a dot or a digit first: a string.
    return src;
  } else if (isShortDecimal(src)) {
    // A port, a count: YAML 1.1's decimal int, exact as a number, without a test of every tag before it.
    return +src;
  }
  for (const tag of tags()) {
    if (tag.test!.test(src)) {
      const res = tag.resolve(src, onTagError, schemaOptions);
      return scalarValueOf({ value: isScalar(res) ? res.value : res, source: src });
    }
  }
  return src;
}

/** Digits only, no leading zero (YAML 1.1 octal) and at most 15 of them (exact as a double): "0", "80", "8080". */
function isShortDecimal(src: string): boolean {
  const n = src.length;
  if (n === 0 || n > 15 || (src.charCodeAt(0) === 48 && n > 1)) return false;
  for (let i = 0; i < n; i++) {
    const d = src.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** A plain key: the string it resolves to, or a bail when it is not a string. */
function plainKey(src: string): string {
  const v = plainValue(src);
  if (typeof v !== "string" || src === "<<" || src === "__proto__") throw BAIL;
  return v;
}

/** Plain scalar in block context from `i` to the end of its line (before a comment); sets r0, r1. */
function blockPlain(i: number): string {
  const le = lineEnd(i);
  let e = i;
  for (let j = i; j < le; j++) {
    const c = T.charCodeAt(j);
    if (c === HASH && T.charCodeAt(j - 1) === SPACE) break;
    if (c === 58) {
      const n = T.charCodeAt(j + 1);
      if (n === SPACE || n === NL || j + 1 >= le) throw BAIL; // a mapping where a value belongs
    }
    if (c !== SPACE) e = j + 1;
  }
  r0 = i;
  r1 = e;
  return T.slice(i, e);
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", e: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029", " ": " ", '"': '"', "/": "/", "\\": "\\",
};

/**
 * A quoted scalar starting at `i`; sets r0, r1 (past the closing quote). `overLines`: it may
 * run over lines (a block value), whose breaks fold as go-yaml folds them (scannerc.go
 * yaml_parser_scan_flow_scalar): spaces around a break dropped, a single break read as a space,
 * each further one kept. Continuation lines may start in any column (kubectl-lexer.ts); a `---`
 * line ends the document text before the closing quote, and so leaves the text to the full path.
 */
function quoted(i: number, overLines = false): string {
  const q = T.charCodeAt(i);
  let out = "";
  let from = i + 1;
  for (let j = i + 1; j < docEnd; j++) {
    const c = T.charCodeAt(j);
    if (c === NL) {
      if (!overLines) throw BAIL;
      let end = j;
      while (end > from && T.charCodeAt(end - 1) === SPACE) end--;
      out += T.slice(from, end);
      let breaks = 0;
      while (j < docEnd && T.charCodeAt(j) === NL) {
        breaks++;
        j++;
        while (j < docEnd && T.charCodeAt(j) === SPACE) j++;
      }
      out += breaks === 1 ? " " : "\n".repeat(breaks - 1);
      from = j;
      j--;
      continue;
    }
    if (c === q) {
      if (q === 39 && T.charCodeAt(j + 1) === 39) {
        out += T.slice(from, j + 1);
        from = ++j + 1;
        continue;
      }
      r0 = i;
      r1 = j + 1;
      return out + T.slice(from, j);
    }
    if (c === 92 && q === 34) {
      out += T.slice(from, j);
      const e = T[j + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        j++;
      } else {
        const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
        const hex = T.slice(j + 2, j + 2 + len);
        if (!len || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) throw BAIL;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw BAIL;
        out += String.fromCodePoint(code);
        j += 1 + len;
      }
      from = j + 1;
    }
  }
  throw BAIL;
}

/** After a value on its line: only spaces and a comment may follow. Returns the line's end. */
function restOfLine(i: number): number {
  const le = lineEnd(i);
  let j = i;
  while (j < le && T.charCodeAt(j) === SPACE) j++;
  if (j < le && !(T.charCodeAt(j) === HASH && j > i)) throw BAIL;
  return le;
}

/** `|` or `|-` at `i`, content more indented than `indent`; sets r0, r1 and the next line. */
function literalBlock(i: number, indent: number): string {
  let j = i + 1;
  let strip = false;
  if (T.charCodeAt(j) === 45) {
    strip = true;
    j++;
  }
  const c = T.charCodeAt(j);
  if (j < docEnd && c !== SPACE && c !== NL) throw BAIL; // keep (+), indentation indicators
  const le = restOfLine(j);
  let at = le + 1;
  if (at >= docEnd) throw BAIL;
  let k = at;
  while (k < docEnd && T.charCodeAt(k) === SPACE) k++;
  const ci = k - at;
  if (ci <= indent || k >= docEnd || T.charCodeAt(k) === NL) throw BAIL; // empty, or blank first line
  let out = "";
  let pendingBlank = "";
  let lastEnd = at;
  while (at < docEnd) {
    let s = at;
    while (s < docEnd && T.charCodeAt(s) === SPACE) s++;
    const e = T.indexOf("\n", s);
    if (e === -1 || e >= docEnd) {
      if (at < docEnd) throw BAIL; // a last line without a newline, even of spaces alone
      break;
    }
    if (s === e) {
      if (s - at > ci) throw BAIL; // a blank line with spaces beyond the indentation is content
      pendingBlank += "\n";
      at = e + 1;
      continue;
    }
    if (s - at < ci) break;
    out += pendingBlank + T.slice(at + ci, e) + "\n";
    pendingBlank = "";
    lastEnd = e + 1;
    at = e + 1;
  }
  r0 = i;
  r1 = lastEnd;
  r2 = skipTrailing(lastEnd, indent, false, lastEnd);
  return strip ? out.slice(0, -1) : out;
}

// ---------------------------------------------------------------------------------------------
// Flow collections

/** Skips spaces, line breaks and comments inside a flow collection; lines must stay indented past `indent`. */
function flowSpace(i: number, indent: number): number {
  for (;;) {
    const c = T.charCodeAt(i);
    if (c === SPACE) i++;
    else if (c === NL) {
      i++;
      const ls = i;
      while (T.charCodeAt(i) === SPACE) i++;
      if (i >= docEnd) throw BAIL;
      if (i - ls <= indent && T.charCodeAt(i) !== NL) throw BAIL;
    } else if (c === HASH && (T.charCodeAt(i - 1) === SPACE || T.charCodeAt(i - 1) === NL)) {
      i = lineEnd(i);
    } else return i;
  }
}

/** A plain scalar inside a flow collection; sets r0, r1. */
function flowPlain(i: number): string {
  let e = i;
  let j = i;
  for (; j < docEnd; j++) {
    const c = T.charCodeAt(j);
    if (c === 44 || c === 93 || c === 125 || c === 91 || c === 123 || c === NL) break;
    if (c === HASH && T.charCodeAt(j - 1) === SPACE) break;
    if (c === 58) {
      const n = T.charCodeAt(j + 1);
      if (n === SPACE || n === NL || n === 44 || n === 93 || n === 125 || n === 91 || n === 123) break;
    }
    if (c !== SPACE) e = j + 1;
  }
  if (T.charCodeAt(j) === NL) {
    // A plain scalar may go on over the line break: only a flow indicator after it ends it here.
    const k = flowSpace(j, -1);
    const n = T.charCodeAt(k);
    if (n !== 44 && n !== 93 && n !== 125 && n !== 58) throw BAIL;
  }
  r0 = i;
  r1 = e;
  return T.slice(i, e);
}

function flowNode(i: number, indent: number): unknown {
  const c = T.charCodeAt(i);
  if (c === 91 || c === 123) return flowCollection(i, indent);
  if (c === 34 || c === 39) return shared(quoted(i));
  if (!isPlainSafeFirst(c, T.charCodeAt(i + 1))) throw BAIL;
  return shared(plainValue(flowPlain(i)));
}

/** `[...]` or `{...}` at `i`; sets r0 and r1 (past the closing bracket). */
function flowCollection(i: number, indent: number): unknown {
  if (++depth > MAX_DEPTH) throw BAIL;
  const isMap = T.charCodeAt(i) === 123;
  const close = isMap ? 125 : 93;
  const keys: string[] = [];
  const offsets: number[] = [];
  let value: unknown = isMap ? {} : undefined;
  const itemsFrom = itemTop;
  const childrenFrom = childTop;
  let j = flowSpace(i + 1, indent);
  if (T.charCodeAt(j) !== close) {
    for (;;) {
      if (isMap) {
        const kc = T.charCodeAt(j);
        let key: string;
        if (kc === 34 || kc === 39) key = quoted(j);
        else if (isPlainSafeFirst(kc, T.charCodeAt(j + 1))) key = plainKey(flowPlain(j));
        else throw BAIL;
        const ks = r0;
        const ke = r1;
        let k = ke;
        while (T.charCodeAt(k) === SPACE) k++;
        if (T.charCodeAt(k) !== 58 || k - ks >= 1024) throw BAIL;
        k = flowSpace(k + 1, indent);
        const vc = T.charCodeAt(k);
        if (vc === 44 || vc === close) throw BAIL; // empty value
        const v = flowNode(k, indent);
        if (Object.hasOwn(value as object, key)) throw BAIL;
        (value as Record<string, unknown>)[key] = v;
        keys.push(key);
        offsets.push(ks, ke, r0, r1);
        childStack[childTop++] = tableOf(v);
        j = r1;
      } else {
        const v = flowNode(j, indent);
        j = r1;
        if (T.charCodeAt(flowSpace(j, indent)) === 58) throw BAIL; // an implicit pair
        itemStack[itemTop++] = v;
        offsets.push(r0, r1);
        childStack[childTop++] = tableOf(v);
      }
      j = flowSpace(j, indent);
      const c = T.charCodeAt(j);
      if (c === close) break;
      if (c !== 44) throw BAIL;
      j = flowSpace(j + 1, indent);
      if (T.charCodeAt(j) === close || T.charCodeAt(j) === 44) throw BAIL; // trailing or doubled comma
    }
  }
  if (isMap) lastTable = writer.map(keys, 0, keys.length, offsets, 0, childStack, childrenFrom);
  else {
    value = itemStack.slice(itemsFrom, itemTop);
    lastTable = writer.sequence(itemTop - itemsFrom, offsets, 0, childStack, childrenFrom);
    itemTop = itemsFrom;
  }
  childTop = childrenFrom;
  r0 = i;
  r1 = j + 1;
  depth--;
  return value;
}

// ---------------------------------------------------------------------------------------------
// Block collections

/** A value after `key: ` or `- ` on the line at `i`, in a collection of this indent; sets r0..r2 and the next line. */
function inlineValue(i: number, indent: number): unknown {
  const c = T.charCodeAt(i);
  let v: unknown;
  if (c === 34 || c === 39) v = shared(quoted(i, true));
  else if (c === 91 || c === 123) {
    const s = i;
    v = flowCollection(i, indent);
    r0 = s;
  } else if (c === 124) return literalBlock(i, indent);
  else if (isPlainSafeFirst(c, T.charCodeAt(i + 1))) {
    const src = blockPlain(i);
    const le = lineEnd(r1);
    const s = r0;
    const e = r1;
    v = shared(plainValue(src));
    r0 = s;
    r1 = e;
    const end = le < docEnd ? le + 1 : docEnd;
    r2 = skipTrailing(end, indent, true, end);
    return v;
  } else throw BAIL;
  const s = r0;
  const e = r1;
  const le = restOfLine(e);
  const end = le < docEnd ? le + 1 : docEnd;
  r2 = skipTrailing(end, indent, true, end);
  r0 = s;
  r1 = e;
  return v;
}

/** A block node starting on a new line at `i` (the line's first non-space character) with this indent. */
function blockNode(i: number, indent: number): unknown {
  if (T.charCodeAt(i) === 45 && isBlank(T.charCodeAt(i + 1))) return blockSeq(i, indent);
  return blockMap(i, indent);
}

const isBlank = (c: number) => c === SPACE || c === NL || c !== c;

/** The key at `i` when the line holds `key:`; sets r0, r1 to the key and returns the offset after the colon, or -1. */
function keyAt(i: number): number {
  const c = T.charCodeAt(i);
  if (c === 34 || c === 39) {
    quoted(i, true);
    let k = r1;
    while (T.charCodeAt(k) === SPACE) k++;
    if (T.charCodeAt(k) !== 58) return -1;
    if (T.lastIndexOf("\n", r1) > i) throw BAIL; // a key over several lines: an error
    return k + 1;
  }
  if (!isPlainSafeFirst(c, T.charCodeAt(i + 1))) return -1;
  const le = lineEnd(i);
  let e = i;
  for (let j = i; j < le; j++) {
    const d = T.charCodeAt(j);
    if (d === HASH && T.charCodeAt(j - 1) === SPACE) return -1;
    if (d === 58) {
      const n = T.charCodeAt(j + 1);
      if (n === SPACE || j + 1 >= le) {
        r0 = i;
        r1 = e;
        return j + 1;
      }
    }
    if (d !== SPACE) e = j + 1;
  }
  return -1;
}

function blockMap(i: number, indent: number): Record<string, unknown> {
  if (++depth > MAX_DEPTH) throw BAIL;
  const obj: Record<string, unknown> = {};
  const keysFrom = keyTop;
  const offsetsFrom = offsetTop;
  const childrenFrom = childTop;
  const start = i;
  let at = i;
  let last = i;
  for (;;) {
    const afterColon = keyAt(at);
    if (afterColon < 0) throw BAIL;
    const ks = r0;
    const ke = r1;
    if (afterColon - ks > 1024) throw BAIL; // KEY_OVER_1024_CHARS
    const kc = T.charCodeAt(ks);
    const key = kc === 34 || kc === 39 ? quoted(ks) : plainKey(T.slice(ks, ke));
    if (Object.hasOwn(obj, key) || key === "__proto__") throw BAIL;
    let j = afterColon;
    while (T.charCodeAt(j) === SPACE) j++;
    let v: unknown;
    const c = T.charCodeAt(j);
    if (j >= docEnd || c === NL || (c === HASH && j > afterColon)) {
      // The value starts on a later line: a nested collection (a sequence may sit at the key's indent).
      skipTrailing(nextLineStart(j), indent, false, 0);
      const childIndent = nextIndent;
      if (childIndent > indent) v = blockNode(nextAt, childIndent);
      else if (childIndent === indent && T.charCodeAt(nextAt) === 45 && isBlank(T.charCodeAt(nextAt + 1))) v = blockSeq(nextAt, childIndent);
      else throw BAIL; // an empty value
    } else {
      v = inlineValue(j, indent);
    }
    obj[key] = v;
    childStack[childTop++] = tableOf(v);
    keyStack[keyTop++] = key;
    offsetStack[offsetTop++] = ks;
    offsetStack[offsetTop++] = ke;
    offsetStack[offsetTop++] = r0;
    offsetStack[offsetTop++] = r1;
    last = r2;
    if (nextIndent === indent) {
      if (T.charCodeAt(nextAt) === 45 && isBlank(T.charCodeAt(nextAt + 1))) throw BAIL; // a list item among the keys
      at = nextAt;
      continue;
    }
    if (nextIndent > indent) throw BAIL; // over-indented: a continuation or an error
    break;
  }
  lastTable = writer.map(keyStack, keysFrom, keyTop, offsetStack, offsetsFrom, childStack, childrenFrom);
  keyTop = keysFrom;
  offsetTop = offsetsFrom;
  childTop = childrenFrom;
  r0 = start;
  r1 = last;
  r2 = collectionEnd(indent, last);
  depth--;
  return obj;
}

function blockSeq(i: number, indent: number): unknown[] {
  if (++depth > MAX_DEPTH) throw BAIL;
  const itemsFrom = itemTop;
  const offsetsFrom = offsetTop;
  const childrenFrom = childTop;
  const start = i;
  let at = i;
  let last = i;
  for (;;) {
    let j = at + 1;
    while (T.charCodeAt(j) === SPACE) j++;
    const c = T.charCodeAt(j);
    let v: unknown;
    if (j >= docEnd || c === NL || (c === HASH && j > at + 1)) {
      skipTrailing(nextLineStart(j), indent, false, 0);
      if (nextIndent > indent) v = blockNode(nextAt, nextIndent);
      else throw BAIL; // an empty item
    } else if (c === 45 && isBlank(T.charCodeAt(j + 1))) {
      throw BAIL; // a sequence in a sequence on one line
    } else if (keyAt(j) >= 0) {
      v = blockMap(j, j - lineStartOf(j));
    } else {
      v = inlineValue(j, indent);
    }
    offsetStack[offsetTop++] = r0;
    offsetStack[offsetTop++] = r1;
    itemStack[itemTop++] = v;
    childStack[childTop++] = tableOf(v);
    last = r2;
    if (nextIndent === indent && T.charCodeAt(nextAt) === 45 && isBlank(T.charCodeAt(nextAt + 1))) {
      at = nextAt;
      continue;
    }
    // A key at this indent ends a sequence written at its parent key's indent; deeper is an error.
    if (nextIndent > indent) throw BAIL;
    break;
  }
  const arr = itemStack.slice(itemsFrom, itemTop);
  lastTable = writer.sequence(itemTop - itemsFrom, offsetStack, offsetsFrom, childStack, childrenFrom);
  itemTop = itemsFrom;
  offsetTop = offsetsFrom;
  childTop = childrenFrom;
  r0 = start;
  r1 = last;
  r2 = collectionEnd(indent, last);
  depth--;
  return arr;
}

function lineStartOf(i: number): number {
  return T.lastIndexOf("\n", i - 1) + 1;
}

// ---------------------------------------------------------------------------------------------
// Documents

const HELM_SOURCE_RE = /^#\s*Source:\s*(\S+)/m;
/** Anything the lean path leaves to the full one, found in the whole text at once. */
const OUTSIDE_SUBSET = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:\.\.\.|%)|^---[ ]*[^ \n]/m;

/**
 * The documents of a YAML text read by the lean path, or undefined when the text is outside
 * its subset (the caller then takes the full path). `scalarValue` is the full path's own
 * conversion of resolved scalars, so that both read scalars alike.
 */
export function parseLean(text: string, scalarValue: ScalarValueOf): ParsedDocument[] | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  T = text;
  N = text.length;
  scalarValueOf = scalarValue;
  writer = new SpanStoreWriter(text);
  try {
    return documents();
  } catch (err) {
    if (err === BAIL || err instanceof RangeError) return undefined;
    throw err;
  } finally {
    T = "";
    keyStack.length = 0;
    itemStack.length = 0;
    keyTop = 0;
    itemTop = 0;
    offsetTop = 0;
    childTop = 0;
  }
}

function documents(): ParsedDocument[] {
  // `---` lines: document starts.
  const markers: number[] = [];
  const isMarker = (m: number) => {
    const c = T.charCodeAt(m + 3);
    return m + 3 >= N || c === NL || c === SPACE;
  };
  if (T.startsWith("---") && isMarker(0)) markers.push(0);
  for (let i = T.indexOf("\n---"); i !== -1; i = T.indexOf("\n---", i + 1)) if (isMarker(i + 1)) markers.push(i + 1);
  const out: ParsedDocument[] = [];
  // Per document, the offset of its root's table in the file's store (-1: no collection).
  const roots: number[] = [];
  let prevEnd = 0;
  const segments: Array<[number, number, boolean]> = [];
  if (!markers.length || markers[0] > 0) segments.push([0, markers.length ? markers[0] : N, false]);
  markers.forEach((m, k) => segments.push([m, k + 1 < markers.length ? markers[k + 1] : N, true]));
  for (const [segStart, segEnd, marked] of segments) {
    docEnd = segEnd;
    depth = 0;
    const bodyStart = marked ? nextLineStart(segStart) : segStart;
    let contentAt = -1;
    let comments = false;
    for (let at = bodyStart; at < segEnd; ) {
      let i = at;
      while (i < segEnd && T.charCodeAt(i) === SPACE) i++;
      const c = T.charCodeAt(i);
      if (i < segEnd && c !== NL && c !== HASH) {
        contentAt = i;
        if (i !== at) throw BAIL; // an indented root
        break;
      }
      if (c === HASH) comments = true;
      at = nextLineStart(i);
    }
    if (contentAt < 0) {
      if (!marked) continue; // comments before the first `---` belong to the next document
      if (comments || segStart + 3 !== lineEnd(segStart)) throw BAIL;
      const m = segStart + 3;
      const doc = emptyDocument(out.length, prevEnd, m);
      doc.value = null;
      doc.rootSpan = [m, m];
      out.push(doc);
      roots.push(-1);
      prevEnd = m;
      continue;
    }
    const c = T.charCodeAt(contentAt);
    let value: unknown;
    let rootEnd: number;
    if (c === 91 || c === 123) {
      value = flowCollection(contentAt, -1);
      const e = r1;
      const le = restOfLine(e);
      rootEnd = le < docEnd ? le + 1 : docEnd;
      // Comment lines after a root flow collection, or more than one blank line: the yaml
      // package's document range takes the comments in and stops after the first blank line, so
      // the full route reads such a document.
      let blank = 0;
      for (let k = rootEnd; k < docEnd; k++) {
        const ch = T.charCodeAt(k);
        if (ch === 35 || (ch === NL && ++blank > 1)) throw BAIL;
      }
      skipTrailing(rootEnd, 0, true, rootEnd);
      r0 = contentAt;
      r1 = e;
    } else {
      value = blockNode(contentAt, 0);
      rootEnd = r2;
    }
    if (nextIndent !== -1) throw BAIL; // content after the root node
    const header = T.slice(prevEnd, contentAt);
    const helm = HELM_SOURCE_RE.exec(header);
    if (!helm && header.includes("Source:")) throw BAIL;
    const doc = emptyDocument(out.length, prevEnd, Math.max(rootEnd, segEnd));
    doc.value = value;
    doc.rootSpan = [contentAt, r1];
    if (helm) doc.helmSource = helm[1];
    out.push(doc);
    roots.push(tableOf(value));
    prevEnd = doc.end;
  }
  const store = writer.finish();
  out.forEach((doc, k) => (doc.spans = new PackedDocumentSpans(store, roots[k], doc.value)));
  return out;
}

/** What a document's spans are until the file's store is finished. */
const NO_TABLES = new WeakMap<object, Spans>();

function emptyDocument(index: number, start: number, end: number): ParsedDocument {
  return { index, value: undefined, start, end, problems: NO_PROBLEMS, spans: NO_TABLES, rootSpan: [start, start] };
}
