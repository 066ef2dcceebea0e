/**
 * Derived data computed once per lint run (a lookup over the whole input, a per-resource walk
 * several rules share). The run's ResourceIndex owns one; rules reach it through `ctx.memo`.
 * Nothing here outlives the run, so no module keeps a cache of its own.
 */

/** Names one value of the memo; its type parameter is the value's type. Create keys once, at module level. */
export interface MemoKey<T> {
  readonly description: string;
  /**
   * "resource": a value derived from one resource (its defaulted object), which the engine keeps
   * per batch of resources and drops after it (engine/lint.ts); "run": a value a rule that reads
   * no other resource keeps for the whole run (its other keys last one batch: a count of what it
   * saw so far); absent: kept for the run by the cross-resource rules, for the batch by the others.
   */
  readonly scope?: "resource" | "run";
  /** Never set: carries T so that `memo(key, build)` is typed by the key. */
  readonly valueType?: T;
}

export function memoKey<T>(description: string, scope?: "resource" | "run"): MemoKey<T> {
  return scope ? { description, scope } : { description };
}

/** `memo(key, build)`: the value of `key` in this run, built by `build` on first use. */
export type Memo = <T>(key: MemoKey<T>, build: () => T) => T;

export class RunMemo {
  private readonly values = new Map<MemoKey<unknown>, unknown>();

  readonly get: Memo = <T>(key: MemoKey<T>, build: () => T): T => {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = build();
    this.values.set(key, value);
    return value;
  };
}
