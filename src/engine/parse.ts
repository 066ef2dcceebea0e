/**
 * YAML/JSON text -> plain values plus a compact position table.
 *
 * The yaml package's Document tree is dropped right after conversion: each converted map or
 * sequence keeps only the offsets of its keys and values (see Spans), which is all a
 * diagnostic needs and costs a fraction of the tree's memory.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from "yaml";
import type { CST, Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { jsonComments } from "./json-comments.js";
import { kubectlCst } from "./kubectl-lexer.js";
import { jsonStreamCst, jsonStreamValues } from "./json-stream.js";
import { reportGluedObjects } from "./glued-objects.js";
import { excerpt, templateTagSaid } from "./syntax-problems.js";
import { parseLean } from "./lean/parse-lean.js";
import { blankChunks, findTemplateChunks } from "./template.js";
import { writesTypeMeta } from "./type-meta-keys.js";
import type { ParsedDocument, Span, Spans, SyntaxProblem } from "../models/document.js";

export type { ParsedDocument, Span, Spans, SyntaxProblem } from "../models/document.js";

const MAX_DEPTH = 400;
/** An alias expansion beyond this many nodes (and 20x the written ones) is an alias bomb. */
const MAX_EXPANDED_NODES = 200_000;

class ConvertError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

interface ConvertState {
  spans: WeakMap<object, Spans>;
  /** Converted values of anchored nodes: aliases share one value instead of copying it. */
  anchored: Map<YamlNode, unknown>;
  sizes: Map<YamlNode, number>;
  /** Nodes whose expanded size is being counted: an alias to one of them refers to itself. */
  counting: Set<YamlNode>;
  written: number;
  expanded: number;
  doc: Document.Parsed;
  problems: SyntaxProblem[];
  /** The file's text: repeated keys compare their values as written. */
  text: string;
}

function nodeRange(node: YamlNode | null | undefined, fallback: number): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : [fallback, fallback];
}

export function scalarValue(node: Pick<Scalar, "value" | "source">): unknown {
  const v = node.value;
  // YAML 1.1 timestamps and sexagesimal numbers stay the strings that were written.
  if (v instanceof Date) return node.source ?? String(v);
  if (typeof v === "number" && typeof node.source === "string" && node.source.includes(":")) return node.source;
  // The yaml package's YAML 1.1 float takes `e2` (no digit before the exponent) for NaN; go-yaml
  // (kubectl) reads only `.nan` as NaN, and `e2`, `-e5` as the strings written.
  if (typeof v === "number" && Number.isNaN(v) && typeof node.source === "string" && !/^\.(?:nan|NaN|NAN)$/.test(node.source)) return node.source;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Uint8Array) return node.source ?? "";
  return v;
}

function keyString(key: unknown): string {
  if (isScalar(key)) {
    const v = key.value;
    if (typeof v === "symbol") return "<<";
    return v === null ? "null" : String(v);
  }
  if (key === null || key === undefined) return "null";
  return String(key);
}

function expandedSize(node: YamlNode | null, st: ConvertState): number {
  if (!node) return 1;
  const known = st.sizes.get(node);
  if (known !== undefined) return known;
  let size = 1;
  st.counting.add(node);
  if (isAlias(node)) {
    const target = node.resolve(st.doc) as YamlNode | undefined;
    // go-yaml refuses these too ("anchor 'a' value contains itself"): the value would be infinite.
    if (target && st.counting.has(target)) {
      throw new ConvertError(`recursive alias "*${node.source}": it refers to the anchored node that contains it`, node.range?.[0] ?? 0);
    }
    size = target ? expandedSize(target, st) : 1;
  } else if (isMap(node)) {
    for (const pair of (node as YAMLMap).items) size += expandedSize(pair.value as YamlNode | null, st) + 1;
  } else if (isSeq(node)) {
    for (const item of (node as YAMLSeq).items) size += expandedSize(item as YamlNode | null, st);
  }
  st.counting.delete(node);
  st.sizes.set(node, size);
  return size;
}

function convert(node: YamlNode | null, st: ConvertState, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (depth > MAX_DEPTH) throw new ConvertError(`document is nested more than ${MAX_DEPTH} levels deep`, node.range?.[0] ?? 0);
  if (isAlias(node)) {
    const target = node.resolve(st.doc) as YamlNode | undefined;
    if (!target) throw new ConvertError(`unknown alias "*${node.source}"`, node.range?.[0] ?? 0);
    st.expanded += expandedSize(target, st);
    if (st.expanded > MAX_EXPANDED_NODES && st.expanded > 20 * st.written) {
      throw new ConvertError("aliases expand to more than 200,000 nodes (an alias bomb?)", node.range?.[0] ?? 0);
    }
    if (st.anchored.has(target)) return st.anchored.get(target);
    return convertNode(target, st, depth);
  }
  return convertNode(node, st, depth);
}

function convertNode(node: YamlNode, st: ConvertState, depth: number): unknown {
  st.written++;
  let out: unknown;
  if (isScalar(node)) {
    out = scalarValue(node);
  } else if (isMap(node)) {
    const obj: Record<string, unknown> = {};
    const spans = new Map<string | number, Span>();
    if ((node as { anchor?: string }).anchor) st.anchored.set(node, obj);
    const merges: YamlNode[] = [];
    /** The value of each key's first occurrence. */
    const seen = new Map<unknown, YamlNode | null>();
    for (const pair of (node as YAMLMap<unknown, unknown>).items) {
      const key = pair.key as YamlNode | null;
      const id = keyIdentity(key);
      const name = keyString(key);
      const valueNode = pair.value as YamlNode | null;
      if (seen.has(id)) st.problems.push(duplicateKey(key, node, writtenAlike(st.text, seen.get(id)!, valueNode)));
      else seen.set(id, valueNode);
      if (name === "<<" && isScalar(key) && typeof key.value === "symbol") {
        if (valueNode) merges.push(valueNode);
        continue;
      }
      const [ks, ke] = nodeRange(key, node.range?.[0] ?? 0);
      const [vs, ve] = valueNode ? nodeRange(valueNode, ke) : [ke, ke];
      setKey(obj, name, convert(valueNode, st, depth + 1));
      spans.set(name, [ks, ke, vs, ve]);
    }
    for (const m of merges) mergeInto({ obj, spans }, m, st, depth);
    st.spans.set(obj, spans);
    out = obj;
  } else if (isSeq(node)) {
    const arr: unknown[] = [];
    const spans = new Map<string | number, Span>();
    if ((node as { anchor?: string }).anchor) st.anchored.set(node, arr);
    (node as YAMLSeq<unknown>).items.forEach((item, i) => {
      const itemNode = item as YamlNode | null;
      const [vs, ve] = nodeRange(itemNode, node.range?.[0] ?? 0);
      arr.push(convert(itemNode, st, depth + 1));
      spans.set(i, [vs, ve, vs, ve]);
    });
    st.spans.set(arr, spans);
    out = arr;
  } else {
    out = null;
  }
  if ((node as { anchor?: string }).anchor && !st.anchored.has(node)) st.anchored.set(node, out);
  return out;
}

/** A key named `__proto__` is data like any other, not the object's prototype. */
function setKey(obj: Record<string, unknown>, name: string, value: unknown) {
  if (name === "__proto__") Object.defineProperty(obj, name, { value, writable: true, enumerable: true, configurable: true });
  else obj[name] = value;
}

/** Keys are equal when they are scalars of one value (1 and "1" differ), as the yaml package's uniqueKeys has it. */
function keyIdentity(key: YamlNode | null): unknown {
  return isScalar(key) ? key.value : key;
}

/**
 * A key repeated in one mapping. With the same value text as its first occurrence there is no
 * doubt what is meant and the document stays readable; with another value, which one counts is a
 * guess (kubectl apply -f silently keeps one, kustomize refuses the file), so the document is not read further.
 */
function duplicateKey(key: YamlNode | null, map: YamlNode, sameValue: boolean): SyntaxProblem {
  const at = key?.range?.[0] ?? map.range?.[0] ?? 0;
  return { message: "Map keys must be unique", start: at, end: at + 1, recoverable: sameValue, code: "DUPLICATE_KEY" };
}

/**
 * Whether two values are the same: two scalars that read as the same value (`"kubernetes.io/tls"`
 * and `kubernetes.io/tls` are one string; `"1"` and `1` are not), else values written with the
 * same text.
 */
function writtenAlike(text: string, a: YamlNode | null, b: YamlNode | null): boolean {
  if (isScalar(a) && isScalar(b) && a.value === b.value) return true;
  const written = (value: YamlNode | null) => (value?.range ? text.slice(value.range[0], value.range[1]).trim() : "");
  return written(a) === written(b);
}

/**
 * Repeated keys in every mapping of a document that is not converted (it has other errors).
 * The composer's own check (uniqueKeys) compares each key with all before it: quadratic, it
 * took minutes on one mapping of 800,000 keys. This one is linear.
 */
function findDuplicateKeys(text: string, root: YamlNode | null, problems: SyntaxProblem[]) {
  const stack: Array<YamlNode | null> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, YamlNode | null>();
      for (const pair of (node as YAMLMap<unknown, unknown>).items) {
        const key = pair.key as YamlNode | null;
        const id = keyIdentity(key);
        if (seen.has(id)) problems.push(duplicateKey(key, node, writtenAlike(text, seen.get(id)!, pair.value as YamlNode | null)));
        else seen.set(id, pair.value as YamlNode | null);
        stack.push(key, pair.value as YamlNode | null);
      }
    } else if (isSeq(node)) {
      for (const item of (node as YAMLSeq<unknown>).items) stack.push(item as YamlNode | null);
    }
  }
}

/** `<<: *base` (or a list of them): keys written in the map win, earlier sources win over later. */
function mergeInto({ obj, spans }: { obj: Record<string, unknown>; spans: Map<string | number, Span> }, source: YamlNode, st: ConvertState, depth: number) {
  const sources = isSeq(source) ? ((source as YAMLSeq<unknown>).items as YamlNode[]) : [source];
  for (const s of sources) {
    const value = convert(s, st, depth + 1);
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      throw new ConvertError("merge key `<<` must refer to a mapping", s?.range?.[0] ?? 0);
    }
    const srcSpans = st.spans.get(value);
    for (const [k, v] of Object.entries(value)) {
      if (Object.hasOwn(obj, k)) continue;
      setKey(obj, k, v);
      const sp = srcSpans?.get(k);
      if (sp) spans.set(k, sp);
    }
  }
}

const HELM_SOURCE_RE = /^#\s*Source:\s*(\S+)/m;

/**
 * Parses every document of a file. Never throws: failures become problems of a document.
 * `yamlVersion` "1.1" reads scalars as kubectl does (`on`, `yes` are booleans); the config file
 * is read as YAML 1.2, where `off` is the string a rule severity needs. A "json" file is read
 * by the same parser, and a comment in it is a syntax error, as it is for kubectl.
 */
export function parseText(source: string, yamlVersion: "1.1" | "1.2" = "1.1", format: "yaml" | "json" = "yaml"): ParsedDocument[] {
  return parseTextBy(source, yamlVersion, format, "lean");
}

/** How many files each path has read (the lean one, the full one after the lean one gave up), for the bench and tests. */
export const parsePathStats = { lean: 0, full: 0 };

/**
 * parseText by a chosen route: "lean" tries the one-pass parser of lean/parse-lean.ts first and
 * falls back to the full Document route for anything outside its subset; "full" always takes
 * the full route (the reference the differential test compares the lean one with).
 */
export function parseTextBy(source: string, yamlVersion: "1.1" | "1.2", format: "yaml" | "json", route: "lean" | "full"): ParsedDocument[] {
  if (format === "json") {
    const settings = commentedSettings(source, yamlVersion, route);
    if (settings) return settings;
  }
  // Chart templates and Jinja raw blocks are cut out before parsing (blanked, so offsets hold) and reported whole.
  const chunks = findTemplateChunks(source);
  if (route === "lean" && yamlVersion === "1.1" && !chunks.length) {
    const lean = parseLean(source, scalarValue);
    if (lean) {
      parsePathStats.lean++;
      if (format === "json") reportJsonComments(source, lean);
      lean.forEach((d, i) => (d.index = i));
      return lean;
    }
    parsePathStats.full++;
  }
  const text = blankChunks(source, chunks);
  const parsed = parseYaml(text, yamlVersion, format).filter((d) => !chunks.some((c) => d.start >= c.start && d.end <= c.end && d.value == null));
  // A document after a blanked chunk at the head of the stream starts where its own text does, not in the blanks before its `---`.
  for (const d of parsed) for (const c of chunks) if (c.start <= d.start && d.start < c.end && c.end < d.end) d.start = c.end;
  for (const c of chunks) {
    if (c.rawBlock) {
      const tag = templateTagSaid(source.slice(c.action.start, c.action.end));
      parsed.push(emptyDocument(0, c.start, c.end, [{ ...tag, ...c.action, recoverable: false }]));
      continue;
    }
    const doc = emptyDocument(0, c.start, c.end, []);
    parsed.push(doc);
    // A helmfile's templates are helmfile's to render: its document is blanked (no manifest), not reported.
    if (c.helmfile) continue;
    doc.template = c.action;
    const helm = HELM_SOURCE_RE.exec(source.slice(c.start, c.action.start));
    if (helm) doc.helmSource = helm[1];
  }
  if (chunks.length) parsed.sort((a, b) => a.start - b.start);
  if (format === "json") reportJsonComments(source, parsed);
  parsed.forEach((d, i) => (d.index = i));
  return parsed;
}

/**
 * The documents of a JSON-with-comments file that is no manifest (tsconfig.json, .eslintrc.json,
 * devcontainer.json): its text with the comments blanked parses cleanly and no document writes an
 * apiVersion or kind at its top. Such a file is skipped like any other non-manifest JSON, instead
 * of failing the run for comments kubectl never reads; undefined for a file without comments, one
 * that is still broken without them, or a manifest, whose comments kubectl would refuse.
 */
function commentedSettings(source: string, yamlVersion: "1.1" | "1.2", route: "lean" | "full"): ParsedDocument[] | undefined {
  const comments = jsonComments(source);
  if (!comments.length) return undefined;
  let blanked = "";
  let at = 0;
  for (const c of comments) {
    // Line breaks stay, so that offsets and lines are those of the file.
    blanked += source.slice(at, c.start) + source.slice(c.start, c.end).replace(/[^\r\n]/g, " ");
    at = c.end;
  }
  blanked += source.slice(at);
  const docs = parseTextBy(blanked, yamlVersion, "yaml", route);
  const manifestLike = (d: ParsedDocument) => typeof d.value === "object" && d.value !== null && !Array.isArray(d.value) && writesTypeMeta(d.value);
  return docs.some((d) => d.template || d.problems.length || manifestLike(d)) ? undefined : docs;
}

/** Each comment becomes a problem of the document it is in; a file of comments alone gets a document of its own. */
function reportJsonComments(text: string, docs: ParsedDocument[]) {
  for (const c of jsonComments(text)) {
    let doc = docs.findLast((d) => d.start <= c.start) ?? docs[0];
    if (!doc) docs.push((doc = emptyDocument(0, 0, text.length, [])));
    const comment: SyntaxProblem = {
      message: `comment "${excerpt(text.slice(c.start, c.end))}" is not allowed in JSON`,
      start: c.start,
      end: c.end,
      recoverable: false,
      code: "JSON_COMMENT",
      hint: "remove the comment: JSON has no comments, and kubectl reads a file that starts with \"{\" as strict JSON",
    };
    // At the same place as a YAML complaint about it, the comment is what to fix: it comes first.
    doc.problems = [...doc.problems, comment].sort((a, b) => a.start - b.start || Number(b.code === "JSON_COMMENT") - Number(a.code === "JSON_COMMENT"));
  }
}

/**
 * The offset of the first collection nested deeper than MAX_DEPTH in a CST token, or -1.
 * Iterative: the composer recurses once per level and overflows the stack (or worse) on
 * input nested thousands of levels deep, so such documents must never reach it.
 */
function tooDeepAt(root: CST.Token | undefined): number {
  if (!root) return -1;
  const stack: Array<[CST.Token, number]> = [[root, 0]];
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth >= MAX_DEPTH) return token.offset;
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return -1;
}


/**
 * Streams the file: the CST of one document is checked, composed and converted before the
 * next one is read, so a file of 100,000 documents never holds 100,000 Document trees.
 */
function parseYaml(text: string, yamlVersion: "1.1" | "1.2", format: "yaml" | "json"): ParsedDocument[] {
  /** Document offset -> offset of its node nested too deep. */
  const tooDeep = new Map<number, number>();
  const out: ParsedDocument[] = [];
  let prevEnd = 0;
  const take = (doc: Document.Parsed, boundary: number) => {
    const deepAt = tooDeep.get(doc.range[0]);
    const parsed = convertDocument(text, doc, { index: out.length, start: prevEnd, deepAt, boundary, json: format === "json" });
    prevEnd = parsed.end;
    out.push(parsed);
  };
  try {
    const composer = new Composer({ version: yamlVersion, merge: true, uniqueKeys: false, prettyErrors: false });
    // A file of several JSON values (NDJSON, `jq -c` output) is a stream of documents for kubectl.
    const jsonValues = jsonStreamValues(text);
    for (const token of jsonValues ? jsonStreamCst(text, jsonValues) : kubectlCst(text)) {
      if (token.type === "document") {
        const at = tooDeepAt(token.value);
        if (at !== -1) {
          // Composed empty and reported, instead of crashing the composer.
          tooDeep.set(token.offset, at);
          token.value = undefined;
        }
      }
      // The composer hands over a document when the token after it arrives.
      for (const doc of composer.next(token)) take(doc as Document.Parsed, token.offset);
    }
    const invalidAt = jsonValues?.invalidAt ?? -1;
    for (const doc of composer.end(false, invalidAt === -1 ? text.length : invalidAt)) take(doc as Document.Parsed, invalidAt === -1 ? text.length : invalidAt);
    if (invalidAt !== -1) out.push(emptyDocument(out.length, invalidAt, text.length, [notJsonValue(text, invalidAt)]));
  } catch (err) {
    const message =
      err instanceof RangeError ? "the document is nested too deeply to parse" : `cannot parse: ${(err as Error).message}`;
    const at = Math.min(prevEnd, Math.max(0, text.length - 1));
    out.push(emptyDocument(out.length, prevEnd, text.length, [{ message, start: at, end: Math.min(at + 1, Math.max(text.length, 1)), recoverable: false }]));
  }
  return out;
}

/**
 * Text after two or more JSON values that is not one: kubectl, decoding the file as a JSON stream
 * by then, stops there with a syntax error (YAMLOrJSONDecoder no longer falls back to YAML).
 */
function notJsonValue(text: string, at: number): SyntaxProblem {
  const lineEnd = text.indexOf("\n", at);
  const end = Math.max(at + 1, lineEnd === -1 ? text.length : text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd);
  return {
    message: `"${excerpt(text.slice(at, end))}" is not a JSON value, and kubectl reads this file as a stream of JSON values`,
    start: at,
    end: Math.min(end, text.length),
    recoverable: false,
    code: "JSON_STREAM",
    hint: 'write it as strict JSON (quoted names and strings, no comments), or write every document as YAML after a "---" line',
  };
}

/** Where a document sits: its index, where the previous one ended, and how far its text runs. */
interface DocumentPlace {
  index: number;
  start: number;
  /** The offset of a node nested too deep, when there is one. */
  deepAt: number | undefined;
  /** Where the next document starts. */
  boundary: number;
  /** Read as JSON (kubectl's strict JSON decoder), not by go-yaml. */
  json: boolean;
}

function convertDocument(text: string, doc: Document.Parsed, { index, start, deepAt, boundary, json }: DocumentPlace): ParsedDocument {
  const [, valueEnd, nodeEnd] = doc.range;
  // A document emptied for being too deep still owns its text, up to the next document.
  const end = Math.max(nodeEnd, valueEnd, deepAt !== undefined ? boundary : 0);
  let quotes: Array<[number, number]> | undefined;
  const errors = json ? doc.errors : goYamlEscapes(text, doc);
  const problems: SyntaxProblem[] = errors.map((e) =>
    quoteProblem(text, doc, () => (quotes ??= multiLineQuotes(text, doc)), {
      message: e.message.split("\n")[0],
      start: e.pos[0],
      end: Math.max(e.pos[1], e.pos[0] + 1),
      recoverable: e.code === "DUPLICATE_KEY",
      code: e.code,
    }),
  );
  if (deepAt !== undefined) {
    problems.push({ message: `document is nested more than ${MAX_DEPTH} levels deep`, start: deepAt, end: deepAt + 1, recoverable: false });
  }
  const parsed = emptyDocument(index, start, end, problems);
  const header = text.slice(start, doc.contents?.range?.[0] ?? end);
  const helm = HELM_SOURCE_RE.exec(header) ?? HELM_SOURCE_RE.exec(doc.commentBefore ? `# ${doc.commentBefore}` : "");
  if (helm) parsed.helmSource = helm[1];
  if (problems.some((p) => !p.recoverable)) {
    findDuplicateKeys(text, doc.contents as YamlNode | null, problems);
    problems.sort((a, b) => a.start - b.start);
    reportGluedObjects(doc.contents as YamlNode | null, problems);
    return parsed;
  }
  const st: ConvertState = { spans: parsed.spans, anchored: new Map(), sizes: new Map(), counting: new Set(), written: 0, expanded: 0, doc, problems, text };
  try {
    parsed.value = convert(doc.contents as YamlNode | null, st, 0);
    parsed.rootSpan = nodeRange(doc.contents as YamlNode | null, start);
  } catch (err) {
    const offset = err instanceof ConvertError ? err.offset : (doc.contents?.range?.[0] ?? start);
    const message =
      err instanceof ConvertError
        ? err.message
        : err instanceof RangeError
          ? "the document is nested too deeply to read"
          : `cannot read the document: ${(err as Error).message}`;
    parsed.value = undefined;
    problems.push({ message, start: offset, end: offset + 1, recoverable: false });
  }
  problems.sort((a, b) => a.start - b.start);
  reportGluedObjects(doc.contents as YamlNode | null, problems);
  return parsed;
}

/** The yaml package's complaint about `\'` in a double-quoted scalar. */
const QUOTE_ESCAPE = "Invalid escape sequence \\'";

/**
 * go-yaml (kubectl) reads `\'` in a double-quoted scalar as `'` (scannerc.go
 * yaml_parser_scan_flow_scalar: `case '\''`), where YAML 1.2 and the yaml package know no such
 * escape: kubernetes.io's envars-file-container.yaml writes one. The scalars holding one are
 * decoded again with the escape written as `\x27`, and the yaml package's errors about it are
 * dropped; the document's other errors are returned.
 */
function goYamlEscapes(text: string, doc: Document.Parsed): Document.Parsed["errors"] {
  const at = doc.errors.filter((e) => e.code === "BAD_DQ_ESCAPE" && e.message.startsWith(QUOTE_ESCAPE)).map((e) => e.pos[0]);
  if (!at.length) return doc.errors;
  visit(doc, {
    Scalar(_, node) {
      const r = node.range;
      if (node.type !== "QUOTE_DOUBLE" || !r || !at.some((o) => o >= r[0] && o < r[1])) return;
      const written = text.slice(r[0], r[1]).replace(/\\(.)/gs, (escape, c: string) => (c === "'" ? "\\x27" : escape));
      const decoded = parseDocument(written, { version: "1.1" });
      if (!decoded.errors.length && isScalar(decoded.contents)) node.value = decoded.contents.value;
    },
  });
  return doc.errors.filter((e) => !(e.code === "BAD_DQ_ESCAPE" && e.message.startsWith(QUOTE_ESCAPE)));
}

const UNCLOSED_QUOTE = /^Missing closing (["'])quote/;

/** A problem caused by a quote: one never closed, or one closed lines later than meant. */
function quoteProblem(text: string, doc: Document.Parsed, quotes: () => Array<[number, number]>, p: SyntaxProblem): SyntaxProblem {
  const unclosed = unclosedQuote(text, doc, p);
  return unclosed === p ? closedLinesLater(text, quotes(), p) : unclosed;
}

/** The ranges of a document's quoted scalars that run over lines, by where they end. */
function multiLineQuotes(text: string, doc: Document.Parsed): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  visit(doc, {
    Scalar(_, node) {
      const r = node.range;
      if (r && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && text.slice(r[0], r[1]).includes("\n")) out.push([r[0], r[1]]);
    },
  });
  return out.sort((a, b) => a[1] - b[1]);
}

/**
 * A mistake on the line where a quoted value that runs over lines is closed. A quoted value may
 * go on over any lines (kubectl-lexer.ts), so a quote left open runs on to the next quote of its
 * kind, often lines further, and the text after that quote is the mistake the parser sees; the
 * quote left open is the one to show.
 */
function closedLinesLater(text: string, quotes: Array<[number, number]>, p: SyntaxProblem): SyntaxProblem {
  // The last quoted scalar that ends at or before the problem.
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid][1] <= p.start) lo = mid + 1;
    else hi = mid;
  }
  const scalar = quotes[lo - 1];
  if (!scalar || text.slice(scalar[1], p.start).includes("\n")) return p;
  const [opening, closing] = scalar;
  const name = text[opening] === '"' ? "double quote" : "single quote";
  const lineEnd = text.slice(opening + 1).search(/\r?\n/);
  const opened = excerpt(text.slice(opening + 1, opening + 1 + Math.min(lineEnd, 80)).trim());
  const line = text.slice(0, closing).split("\n").length;
  return {
    ...p,
    message: `the ${name} before "${opened}" is closed only on line ${line}, where more text follows the closing quote`,
    start: opening,
    end: opening + 1,
    hint: `close the string on the line where it starts: a quoted value runs over lines up to the next ${name}`,
  };
}

/**
 * The yaml package reports an unclosed quote where the text runs out, which may be the end of
 * the file; the mistake is where the quote opens, so that is where it is shown.
 */
function unclosedQuote(text: string, doc: Document.Parsed, p: SyntaxProblem): SyntaxProblem {
  const quote = p.code === "MISSING_CHAR" ? UNCLOSED_QUOTE.exec(p.message)?.[1] : undefined;
  if (!quote) return p;
  let opening: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      if (node.range && node.range[1] === p.start && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) opening = node.range[0];
    },
  });
  if (opening === undefined || text[opening] !== quote) return p;
  const name = quote === '"' ? "double quote" : "single quote";
  const lineEnd = text.slice(opening + 1).search(/\r?\n|$/);
  const opened = excerpt(text.slice(opening + 1, opening + 1 + Math.min(lineEnd, 80)).trim());
  const before = opened ? `the ${name} before "${opened}"` : `the ${name} here`;
  const marker = DOCUMENT_MARKER_LINE.exec(text.slice(p.start, p.start + 6))?.[1];
  if (marker) {
    return {
      ...p,
      message: `${before} is not closed before the "${marker}" line, which ends the document`,
      start: opening,
      end: opening + 1,
      hint: `close the string before that line, or indent the "${marker}": at the start of a line it ends the document even inside quotes`,
    };
  }
  return {
    ...p,
    message: `${before} is never closed`,
    start: opening,
    end: opening + 1,
    hint: `close the string with a ${name}${quote === "'" ? " (write '' for a quote inside it)" : ""}`,
  };
}

/**
 * A `---` or `...` line right after where a quoted scalar was cut: go-yaml stops there too
 * ("found unexpected document indicator", scannerc.go yaml_parser_scan_flow_scalar).
 */
const DOCUMENT_MARKER_LINE = /^\r?\n(---|\.\.\.)(?:[ \t\r\n]|$)/;

function emptyDocument(index: number, start: number, end: number, problems: SyntaxProblem[]): ParsedDocument {
  return { index, value: undefined, start, end, problems, spans: new WeakMap(), rootSpan: [start, start] };
}
