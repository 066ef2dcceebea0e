/**
 * Span tables packed into one typed array per file: what a run keeps of every file while every
 * resource waits for the cross-resource rules. The lean parser writes them as it reads
 * (SpanStoreWriter); the full route's maps of tables are packed afterwards (packSpans).
 */
import type { Span, Spans } from "../../models/document.js";

/** Tables with more keys than this are looked up through an index built on first use. */
const SCAN_LIMIT = 16;

// ---------------------------------------------------------------------------------------------
// The span tables of a whole file packed into one typed array (what a run keeps per file while
// every resource waits for the cross-resource rules): a 100,000-resource run held 580 MiB of
// span tables as objects; packed they take about a sixth. Tables are reached from a document's
// root by the child offset each entry records, so no object -> table map is kept: locate()
// walks the packed tables by path, and `get(object)` (fixes, the language server) builds its
// map only for the documents it is asked about.

/** A store's numbers: 16 bits each when they all fit (see packedData), else 32. */
export type SpanData = Int32Array | Int16Array;

/**
 * One file's span tables. A table at offset p: `data[p]` entries, `data[p + 1]` -1 for a sequence
 * (1 for a map), then per entry [keyStart, keyEnd, valueStart, valueEnd, child], child being the
 * offset of the entry value's own table or -1. A map's keys are not stored: a key is the text its
 * span covers in the file (inside the quotes of a quoted key), except for the few entries in
 * `quirks` (entry offset -> key: escapes, merged or non-string keys). An array of keys took a
 * quarter of the store, and twice that for files parsed by a worker, which sent a copy of every
 * key string back.
 */
export class PackedSpanStore {
  /** Key -> entry number of the large tables looked up (built on first lookup of each). */
  private indexes: Map<number, Map<string, number>> | undefined;

  constructor(
    readonly data: SpanData,
    /** The file's text, which the key spans are offsets of. */
    readonly text: string,
    readonly quirks: ReadonlyMap<number, string> | undefined,
  ) {}

  size(p: number): number {
    return this.data[p];
  }

  isSequence(p: number): boolean {
    return this.data[p + 1] === -1;
  }

  /** Offset of the entry of `key` in the table at p, or -1 (a sequence by index, a map by string key, as a Map of spans answers). */
  entry(p: number, key: string | number): number {
    const n = this.data[p];
    let i: number;
    if (this.data[p + 1] === -1) {
      if (typeof key !== "number" || !Number.isInteger(key) || key < 0 || key >= n) return -1;
      i = key;
    } else {
      if (typeof key !== "string") return -1;
      if (n <= SCAN_LIMIT) {
        i = -1;
        for (let k = 0; k < n; k++) {
          if (this.isKey(p + 2 + 5 * k, key)) {
            i = k;
            break;
          }
        }
      } else {
        this.indexes ??= new Map();
        let index = this.indexes.get(p);
        if (!index) {
          index = new Map();
          for (let k = n - 1; k >= 0; k--) index.set(this.key(p, k) as string, k);
          this.indexes.set(p, index);
        }
        i = index.get(key) ?? -1;
      }
    }
    return i < 0 ? -1 : p + 2 + 5 * i;
  }

  /** Whether the map entry at e has this key. */
  private isKey(e: number, key: string): boolean {
    const quirk = this.quirks?.get(e);
    return quirk !== undefined ? quirk === key : spells(this.text, this.data[e], this.data[e + 1], key);
  }

  span(e: number): Span {
    const d = this.data;
    return [d[e], d[e + 1], d[e + 2], d[e + 3]];
  }

  child(e: number): number {
    return this.data[e + 4];
  }

  key(p: number, i: number): string | number {
    if (this.data[p + 1] === -1) return i;
    const e = p + 2 + 5 * i;
    return this.quirks?.get(e) ?? keyText(this.text, this.data[e], this.data[e + 1]);
  }
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Whether the key span [start, end) of the text spells `key` (see keyText), compared without making a string. */
function spells(text: string, start: number, end: number, key: string): boolean {
  const c = text.charCodeAt(start);
  if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return end - start === key.length + 2 && text.startsWith(key, start + 1);
  return end - start === key.length && text.startsWith(key, start);
}

/** The key a key span stands for when it is not a quirk: its text, without the quotes of a quoted key. */
function keyText(text: string, start: number, end: number): string {
  const c = text.charCodeAt(start);
  return c === DOUBLE_QUOTE || c === SINGLE_QUOTE ? text.slice(start + 1, end - 1) : text.slice(start, end);
}

/** A view of one packed table: the Spans interface for code that looks spans up by object. */
class PackedTable implements Spans {
  constructor(
    private readonly store: PackedSpanStore,
    private readonly at: number,
  ) {}

  get size(): number {
    return this.store.size(this.at);
  }

  get(key: string | number): Span | undefined {
    const e = this.store.entry(this.at, key);
    return e < 0 ? undefined : this.store.span(e);
  }

  *entries(): IterableIterator<[string | number, Span]> {
    const n = this.size;
    for (let i = 0; i < n; i++) yield [this.store.key(this.at, i), this.store.span(this.at + 2 + 5 * i)];
  }

  [Symbol.iterator](): IterableIterator<[string | number, Span]> {
    return this.entries();
  }
}

/**
 * The spans of one document in its file's store, in the shape of ParsedDocument.spans (a
 * WeakMap by object). `root` is the offset of the root value's table (-1: a scalar root).
 */
export class PackedDocumentSpans implements WeakMap<object, Spans> {
  private byObject: WeakMap<object, Spans> | undefined;

  constructor(
    readonly store: PackedSpanStore,
    readonly root: number,
    private readonly value: unknown,
  ) {}

  readonly [Symbol.toStringTag] = "PackedDocumentSpans";

  /** Object -> table, built on first use by walking the value and its tables together. */
  private tables(): WeakMap<object, Spans> {
    if (this.byObject) return this.byObject;
    const map = new WeakMap<object, Spans>();
    const { store } = this;
    const stack: Array<[unknown, number]> = this.root >= 0 ? [[this.value, this.root]] : [];
    while (stack.length) {
      const [obj, p] = stack.pop()!;
      if (obj === null || typeof obj !== "object" || map.has(obj)) continue;
      map.set(obj, new PackedTable(store, p));
      const n = store.size(p);
      for (let i = 0; i < n; i++) {
        const child = store.child(p + 2 + 5 * i);
        if (child >= 0) stack.push([(obj as Record<string | number, unknown>)[store.key(p, i)], child]);
      }
    }
    return (this.byObject = map);
  }

  get(obj: object): Spans | undefined {
    return this.tables().get(obj);
  }

  has(obj: object): boolean {
    return this.tables().has(obj);
  }

  set(obj: object, spans: Spans): this {
    this.tables().set(obj, spans);
    return this;
  }

  delete(obj: object): boolean {
    return this.tables().delete(obj);
  }
}

/**
 * Packs the span tables of a file's documents into one store: each document whose tables cover
 * its value gets a PackedDocumentSpans in place of its map of tables (the others keep theirs).
 * `text` is the file's text, the offsets of the spans.
 */
export function packSpans(docs: ReadonlyArray<{ value: unknown; spans: WeakMap<object, Spans> }>, text: string): void {
  // The lean parser writes its store itself (SpanStoreWriter).
  if (docs.every((doc) => doc.spans instanceof PackedDocumentSpans)) return;
  const data = SCRATCH;
  data.length = 0;
  const quirks = new Map<number, string>();
  const roots = docs.map((doc) => {
    const mark = data.length;
    const root = packDocument(doc.value, doc.spans, { data, quirks, text });
    if (root === undefined) {
      data.length = mark;
      for (const e of quirks.keys()) if (e >= mark) quirks.delete(e);
    }
    return root;
  });
  const store = new PackedSpanStore(packedData(data, text.length), text, quirks.size ? quirks : undefined);
  data.shrink();
  docs.forEach((doc, i) => {
    const root = roots[i];
    if (root !== undefined) doc.spans = new PackedDocumentSpans(store, root, doc.value);
  });
}

const INT16_MAX = 0x7fff;

/**
 * The numbers in 16 bits when every offset of the text and every table position fits (a file
 * under 32 KiB, as most manifests are): half the memory of 32 bits, and -1 stays -1.
 */
function packedData(data: GrowingData, textLength: number): SpanData {
  const out = textLength <= INT16_MAX && data.length <= INT16_MAX ? new Int16Array(data.length) : new Int32Array(data.length);
  out.set(data.numbers.subarray(0, data.length));
  return out;
}

/**
 * The numbers of the store being packed: one buffer for every file (a thread packs one file at a
 * time), grown by doubling and copied out at the end. A growing array of numbers per file was
 * the largest allocation of a run (47 MB on 10,000 resources).
 */
class GrowingData {
  numbers = new Int32Array(1 << 12);
  length = 0;

  /** Appends `count` entries of -1 after [size, kind]: a table's head and its entries, filled in later. */
  appendTable(size: number, kind: number, count: number): void {
    const end = this.length + 2 + count;
    if (end > this.numbers.length) {
      let capacity = this.numbers.length;
      while (capacity < end) capacity *= 2;
      const grown = new Int32Array(capacity);
      grown.set(this.numbers.subarray(0, this.length));
      this.numbers = grown;
    }
    const n = this.numbers;
    n[this.length] = size;
    n[this.length + 1] = kind;
    n.fill(-1, this.length + 2, end);
    this.length = end;
  }

  /** Lets go of a buffer a large file grew (it would be kept for the rest of the run). */
  shrink(): void {
    if (this.numbers.length > KEPT_CAPACITY) this.numbers = new Int32Array(KEPT_CAPACITY);
    this.length = 0;
  }
}

/** The most numbers the buffer keeps between files: 4 MiB. */
const KEPT_CAPACITY = 1 << 20;

const SCRATCH = new GrowingData();

/**
 * Writes one file's store table by table, a table's children before it (the order the lean
 * parser finishes collections in), instead of span tables per object packed afterwards: the
 * tables, their key arrays and the object -> table map were a fifth of what parsing allocated.
 * One writer at a time per thread (it fills the thread's one buffer).
 */
export class SpanStoreWriter {
  private readonly data = SCRATCH;
  private readonly quirks = new Map<number, string>();

  constructor(private readonly text: string) {
    this.data.length = 0;
  }

  /**
   * Appends a map's table: per key its [keyStart, keyEnd, valueStart, valueEnd] in `offsets` from
   * `offsetsFrom` and the offset of its value's own table (-1: a scalar) in `children` from
   * `childrenFrom`. Returns the table's offset.
   */
  map(keys: readonly string[], keysFrom: number, keysTo: number, offsets: readonly number[], offsetsFrom: number, children: readonly number[], childrenFrom: number): number {
    const n = keysTo - keysFrom;
    const data = this.data;
    const p = data.length;
    data.appendTable(n, 1, 5 * n);
    const numbers = data.numbers;
    for (let i = 0; i < n; i++) {
      const e = p + 2 + 5 * i;
      const o = offsetsFrom + 4 * i;
      const ks = offsets[o];
      const ke = offsets[o + 1];
      const key = keys[keysFrom + i];
      if (!spells(this.text, ks, ke, key)) this.quirks.set(e, key);
      numbers[e] = ks;
      numbers[e + 1] = ke;
      numbers[e + 2] = offsets[o + 2];
      numbers[e + 3] = offsets[o + 3];
      numbers[e + 4] = children[childrenFrom + i];
    }
    return p;
  }

  /** Appends a sequence's table: per item its [start, end] in `offsets` from `offsetsFrom`, its value's table in `children` (see map). */
  sequence(count: number, offsets: readonly number[], offsetsFrom: number, children: readonly number[], childrenFrom: number): number {
    const data = this.data;
    const p = data.length;
    data.appendTable(count, -1, 5 * count);
    const numbers = data.numbers;
    for (let i = 0; i < count; i++) {
      const e = p + 2 + 5 * i;
      const s = offsets[offsetsFrom + 2 * i];
      const end = offsets[offsetsFrom + 2 * i + 1];
      numbers[e] = numbers[e + 2] = s;
      numbers[e + 1] = numbers[e + 3] = end;
      numbers[e + 4] = children[childrenFrom + i];
    }
    return p;
  }

  /** The store of what was written (the buffer is free for the next writer). */
  finish(): PackedSpanStore {
    const store = new PackedSpanStore(packedData(this.data, this.text.length), this.text, this.quirks.size ? this.quirks : undefined);
    this.data.shrink();
    return store;
  }
}

/** Object.keys(obj).length without the array (a parsed object inherits no enumerable key). */
function ownKeyCount(obj: object): number {
  let n = 0;
  for (const _ in obj) n++;
  return n;
}

/** What packDocument appends to: the store's numbers, and the keys that are not their text. */
interface PackTarget {
  data: GrowingData;
  quirks: Map<number, string>;
  text: string;
}

/**
 * Appends the tables reachable from `value` to `data` and `keys`; the offset of the value's
 * table (-1 for a scalar), or undefined when the tables do not cover the value (an object
 * without a table, or whose own keys are not its table's).
 */
function packDocument(value: unknown, spans: WeakMap<object, Spans>, { data, quirks, text }: PackTarget): number | undefined {
  if (value === null || typeof value !== "object") return -1;
  const at = new Map<object, number>();
  const pending: object[] = [];
  const place = (obj: object): number | undefined => {
    const known = at.get(obj);
    if (known !== undefined) return known;
    const table = spans.get(obj);
    if (!table) return undefined;
    const isArray = Array.isArray(obj);
    const n = table.size;
    if (n !== (isArray ? obj.length : ownKeyCount(obj))) return undefined;
    const p = data.length;
    at.set(obj, p);
    data.appendTable(n, isArray ? -1 : 1, 5 * n);
    pending.push(obj);
    return p;
  };
  const root = place(value);
  if (root === undefined) return undefined;
  while (pending.length) {
    const obj = pending.pop()!;
    const p = at.get(obj)!;
    const isArray = Array.isArray(obj);
    const table = spans.get(obj)!;
    const n = data.numbers[p];
    const entries = table.entries()[Symbol.iterator]();
    for (let i = 0; i < n; i++) {
      const next = entries.next();
      if (next.done) return undefined;
      const key = next.value[0];
      const [s0, s1, s2, s3] = next.value[1];
      if (isArray ? key !== i : typeof key !== "string" || !Object.hasOwn(obj, key)) return undefined;
      if (!isArray && !spells(text, s0, s1, key as string)) quirks.set(p + 2 + 5 * i, key as string);
      const child = (obj as Record<string | number, unknown>)[key];
      let c = -1;
      if (child !== null && typeof child === "object") {
        const placed = place(child);
        if (placed === undefined) return undefined;
        c = placed;
      }
      const e = p + 2 + 5 * i;
      // Read after place(), which may have grown the buffer.
      const numbers = data.numbers;
      numbers[e] = s0;
      numbers[e + 1] = s1;
      numbers[e + 2] = s2;
      numbers[e + 3] = s3;
      numbers[e + 4] = c;
    }
  }
  return root;
}
