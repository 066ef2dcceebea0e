/**
 * JSON text in chunks, byte for byte what `JSON.stringify(value, replacer, 2)` and a newline
 * give, without ever making the report one string (V8 strings end near 512 MiB).
 *
 * The outer levels (a result's files, a file's diagnostics; a SARIF log's runs and results) are
 * written here, value by value; everything below them (one diagnostic, one SARIF result) is one
 * call of the native JSON.stringify, indented to its depth by lists nested around it (or written
 * piece by piece after all when its text is over a chunk): half the time of a serializer written
 * in JavaScript for every value (docs/DECISIONS.md, "Reports in chunks").
 */

/** Chunks of at most 64 KiB (unless one value's text is longer): few enough writes, small enough to never matter for memory. */
const CHUNK = 64 * 1024;

/**
 * The depth from which a value is written by the native serializer in one call: 4 is a
 * diagnostic in a result (result, files, file, diagnostics) and a result in a SARIF log (log,
 * runs, run, results). Not less: the levels above grow with the run (a million findings of one
 * file), and one native call of those would be one string again.
 */
const NATIVE_DEPTH = 4;

/**
 * A list one level above NATIVE_DEPTH with at most this many items (a file's diagnostics) is one
 * native call too: the native serializer's buffers grow with what it writes, and small calls
 * allocated three times their text.
 */
const SHORT_LIST = 256;

export type Replacer = (this: unknown, key: string, value: unknown) => unknown;

/**
 * The chunks of `value` as JSON with an indent of 2. `replacer` is called as JSON.stringify calls
 * it (the holder as `this`, the key as a string, after the value's toJSON), and must give the
 * same value each time (a value over a chunk is serialized twice). A value the replacer returns
 * must not have a toJSON of its own: JSON.stringify never calls it, and the native call that
 * writes a deep value would.
 */
export function* jsonChunks(value: unknown, replacer?: Replacer): Generator<string> {
  const writer = new ChunkWriter(replacer);
  const root = writer.resolve({ "": value }, "", value);
  if (root !== NO_JSON) yield* writer.write(root, "", 0);
  // JSON.stringify gives undefined for a value that has no JSON form (a function, undefined): no text but the newline.
  writer.push("\n");
  yield* writer.drain(true);
}

/** What `resolve` gives for a value JSON.stringify leaves out (in a list: writes null). */
const NO_JSON = Symbol("no JSON form");

/**
 * Lists nested `depth` deep around one value: JSON.stringify of the outermost writes the value
 * indented as at that depth, between a known prefix and suffix, so no pass re-indents its text.
 */
interface Nesting {
  outer: unknown[];
  inner: unknown[];
  /** The lengths of the text before and after the value's. */
  prefix: number;
  suffix: number;
}

function nesting(depth: number): Nesting {
  const inner: unknown[] = [0];
  let outer = inner;
  for (let d = 1; d < depth; d++) outer = [outer];
  const text = JSON.stringify(outer, null, 2);
  const prefix = text.indexOf("0");
  return { outer, inner, prefix, suffix: text.length - prefix - 1 };
}

class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  /** Chunks completed by `push`, not yet given out. */
  private full: string[] = [];
  /** The replacer for a native call: the value it is given is already replaced, so its first call (the root, key "") and those of the nesting around it return the value as it is. */
  private readonly nativeReplacer: Replacer | undefined;
  private atRoot = false;
  /** By depth (from 1): the nesting that indents a value written there. */
  private readonly nestings: Nesting[] = [];
  /** Every list of the nestings: the replacer is not called for their items. */
  private readonly nestingLists = new Set<unknown>();

  constructor(private readonly replacer: Replacer | undefined) {
    if (!replacer) return;
    const writer = this;
    this.nativeReplacer = function (this: unknown, key, v) {
      if (writer.atRoot) {
        writer.atRoot = false;
        return v;
      }
      return writer.nestingLists.has(this) ? v : replacer.call(this, key, v);
    };
  }

  /** Adds text; one that would take the chunk gathered past CHUNK starts the next, so a chunk is over CHUNK only when one value's text is. */
  push(text: string): void {
    if (this.size > 0 && this.size + text.length > CHUNK) {
      this.full.push(this.parts.join(""));
      this.parts = [];
      this.size = 0;
    }
    this.parts.push(text);
    this.size += text.length;
  }

  /** The chunks completed so far, and the text gathered once it is CHUNK long (whatever there is when `all`). */
  *drain(all = false): Generator<string> {
    if (this.full.length) {
      const full = this.full;
      this.full = [];
      yield* full;
    }
    if (this.size === 0 || (!all && this.size < CHUNK)) return;
    const text = this.parts.join("");
    this.parts = [];
    this.size = 0;
    yield text;
  }

  /**
   * The value at `holder[key]` (given as `raw`) as JSON.stringify serializes it: after its toJSON
   * and the replacer; NO_JSON for a value JSON.stringify leaves out (undefined, a function, a symbol).
   */
  resolve(holder: unknown, key: string, raw: unknown): unknown {
    let v = raw;
    if (v !== null && (typeof v === "object" || typeof v === "bigint") && typeof (v as { toJSON?: unknown }).toJSON === "function") {
      v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
    }
    if (this.replacer) v = this.replacer.call(holder, key, v);
    return v === undefined || typeof v === "function" || typeof v === "symbol" ? NO_JSON : v;
  }

  /** Writes a resolved value (not NO_JSON) that starts at `indent`, at `depth`. */
  *write(v: unknown, indent: string, depth: number): Generator<string> {
    const structure = isStructure(v);
    // A value below the outer levels is one native call, unless its text is over a chunk (a SARIF driver's 189 rule descriptors): then it is written piece by piece after all.
    const whole = !structure || depth >= NATIVE_DEPTH || (depth === NATIVE_DEPTH - 1 && Array.isArray(v) && v.length <= SHORT_LIST);
    const text = whole ? this.native(v, depth) : undefined;
    if (text === undefined || (structure && text.length > CHUNK)) {
      if (Array.isArray(v)) yield* this.array(v, indent, depth);
      else yield* this.object(v as Record<string, unknown>, indent, depth);
      return;
    }
    this.push(text);
    yield* this.drain();
  }

  private native(v: unknown, depth: number): string {
    if (depth === 0) {
      this.atRoot = true;
      const text = JSON.stringify(v, this.nativeReplacer, 2);
      this.atRoot = false;
      return text;
    }
    let n = this.nestings[depth];
    if (!n) {
      n = this.nestings[depth] = nesting(depth);
      for (let list: unknown = n.outer; list !== n.inner[0]; list = (list as unknown[])[0]) this.nestingLists.add(list);
    }
    n.inner[0] = v;
    this.atRoot = true;
    const text = JSON.stringify(n.outer, this.nativeReplacer, 2);
    this.atRoot = false;
    n.inner[0] = 0;
    return text.slice(n.prefix, text.length - n.suffix);
  }

  private *array(list: readonly unknown[], indent: string, depth: number): Generator<string> {
    if (list.length === 0) {
      this.push("[]");
      return;
    }
    const inner = `${indent}  `;
    this.push("[");
    for (let i = 0; i < list.length; i++) {
      this.push(i ? `,\n${inner}` : `\n${inner}`);
      const item = this.resolve(list, String(i), list[i]);
      if (item === NO_JSON) this.push("null");
      else yield* this.write(item, inner, depth + 1);
    }
    this.push(`\n${indent}]`);
  }

  private *object(map: Record<string, unknown>, indent: string, depth: number): Generator<string> {
    const inner = `${indent}  `;
    let first = true;
    for (const key of Object.keys(map)) {
      const value = this.resolve(map, key, map[key]);
      // A key whose value has no JSON form is left out, as JSON.stringify leaves it.
      if (value === NO_JSON) continue;
      this.push(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      yield* this.write(value, inner, depth + 1);
    }
    this.push(first ? "{}" : `\n${indent}}`);
  }
}

/** An array or an object JSON.stringify writes key by key (not a boxed primitive). */
function isStructure(v: unknown): v is object {
  if (typeof v !== "object" || v === null) return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
