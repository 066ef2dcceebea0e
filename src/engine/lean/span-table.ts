/**
 * The span table of one map or sequence as the lean parser keeps it: the keys in one array and
 * the offsets in one flat array of small integers, instead of a Map holding a four-number array
 * per key (a third of the memory; a 100,000-resource run holds millions of entries). Lookups
 * happen only when a finding is placed, so `get` may allocate.
 */
import type { Span, Spans } from "../../models/document.js";

/** Tables with more keys than this are looked up through an index built on first use. */
const SCAN_LIMIT = 16;

export class SpanTable implements Spans {
  private index: Map<string | number, number> | undefined;

  /**
   * `keys` of a map with [keyStart, keyEnd, valueStart, valueEnd] per key in `offsets`; null for
   * a sequence, with [start, end] per item (an item has no key: its key span is its value's).
   */
  constructor(
    private readonly keys: string[] | null,
    private readonly offsets: number[],
  ) {}

  get size(): number {
    return this.keys ? this.keys.length : this.offsets.length >> 1;
  }

  get(key: string | number): Span | undefined {
    const o = this.offsets;
    if (this.keys === null) {
      if (typeof key !== "number" || !Number.isInteger(key) || key < 0 || 2 * key >= o.length) return undefined;
      const s = o[2 * key];
      const e = o[2 * key + 1];
      return [s, e, s, e];
    }
    let i: number;
    if (typeof key !== "string") return undefined;
    if (this.keys.length <= SCAN_LIMIT) i = this.keys.indexOf(key);
    else {
      this.index ??= new Map(this.keys.map((k, n) => [k, n]));
      i = this.index.get(key) ?? -1;
    }
    return i < 0 ? undefined : [o[4 * i], o[4 * i + 1], o[4 * i + 2], o[4 * i + 3]];
  }

  *entries(): IterableIterator<[string | number, Span]> {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const key = this.keys ? this.keys[i] : i;
      yield [key, this.get(key)!];
    }
  }

  [Symbol.iterator](): IterableIterator<[string | number, Span]> {
    return this.entries();
  }
}
