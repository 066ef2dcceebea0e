/**
 * Integers of the input beyond 2^53, exactly as written. The parsed value of `9007199254740993`
 * is a JavaScript number (9007199254740992): right for every rule but CEL, where the API server
 * reads an int64 (k8s.io/apimachinery's JSON decoding keeps integers within int64 as int64,
 * UnstructuredToVal makes them CEL ints; beyond int64 they become float64). The engine records
 * the written text of such integers per object while collecting resources (collect.ts), and the
 * CEL conversion (models/cel/values.ts, rules/policy/crd-rules.ts) reads them; nothing else
 * changes. A file without 16 digits in a row costs one test of its text.
 */
import type { Path } from "../types.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** The length of a run of digits that can hold an integer beyond Number.MAX_SAFE_INTEGER (2^53 has 16 digits). */
const LONG_DIGITS = 16;

/**
 * Whether a text has a run of 16 digits (`/\d{16}/`): the shortest text of an integer beyond
 * Number.MAX_SAFE_INTEGER (a cheap test before walking values). A run of 16 covers one offset of
 * every 16, so only those are read, and around a digit there the run it is part of; a file of
 * certificates is read about once in 16 characters instead of at every offset.
 */
export function hasLongDigits(text: string): boolean {
  for (let i = LONG_DIGITS - 1; i < text.length; i += LONG_DIGITS) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let from = i;
    while (from > 0 && isDigit(text.charCodeAt(from - 1))) from--;
    let to = i + 1;
    while (to < text.length && to - from < LONG_DIGITS && isDigit(text.charCodeAt(to))) to++;
    if (to - from >= LONG_DIGITS) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The key of a path in an exact-integer map. */
export function pathKey(path: Path): string {
  return path.join("\u0000");
}

/** The int64 a YAML or JSON integer text stands for (decimal, with an optional sign and YAML 1.1's `_`), or undefined. */
export function int64OfText(text: string): bigint | undefined {
  const t = text.trim().replace(/_/g, "");
  if (!/^[-+]?\d+$/.test(t)) return undefined;
  const n = BigInt(t);
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

const byObject = new WeakMap<object, ReadonlyMap<string, bigint>>();

/**
 * Records the exact integers of an object: each whole number beyond 2^53 whose written text
 * (`textAt`, by path below the object) is an int64.
 */
export function recordExactIntegers(root: object, textAt: (path: Path) => string | undefined): void {
  const exact = new Map<string, bigint>();
  const walk = (value: unknown, path: Array<string | number>) => {
    if (typeof value === "number") {
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        const text = textAt(path);
        const n = text === undefined ? undefined : int64OfText(text);
        if (n !== undefined) exact.set(pathKey(path), n);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(root, []);
  if (exact.size) byObject.set(root, exact);
}

/** The exact integers recorded for an object (by pathKey), if it has any. */
export function exactIntegersOf(root: unknown): ReadonlyMap<string, bigint> | undefined {
  return root !== null && typeof root === "object" ? byObject.get(root) : undefined;
}

/** Gives a copy of an object the exact integers of the object: a defaulted copy keeps the written values at their paths. */
export function shareExactIntegers(from: object, to: object): void {
  const exact = byObject.get(from);
  if (exact) byObject.set(to, exact);
}
