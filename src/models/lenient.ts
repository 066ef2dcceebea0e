/**
 * Building blocks for lenient models: a field of the wrong type reads as absent instead of
 * failing the whole resource (the schema rules report the type error; the other rules just
 * see a missing value). Arrays keep their length so that item i is still the i-th item of
 * the manifest and paths stay exact.
 *
 * A reader is a plain function over the value as written: no schema library on the path every
 * resource takes (a resource is read once per kind the rules ask for). An object or list whose
 * every field reads as written is its own reading, not a copy: a reader allocates only on the way
 * to a value that reads otherwise (a field of the wrong type, a string map, which is copied
 * without a prototype). Readings are shared with the object as written: never change them.
 */
import { inputKeyedObject } from "./input-keys.js";

/** Reads one value as written; never throws, a value of the wrong shape reads as absent. */
export interface Reader<T> {
  parse(value: unknown): T;
  /**
   * `parse(value)`, given an earlier reading (`model`, what `parse(before)` returned) of a value
   * that shares objects with this one: what is the same object is not read again, and its
   * reading is shared. (The defaulted pod spec is the written one with some maps copied.)
   */
  reparse(value: unknown, before: unknown, model: T): T;
}

/** What a reader returns. */
export type Read<R> = R extends Reader<infer T> ? T : never;

type Shape = Record<string, Reader<unknown>>;
/** The model of an object: the declared fields typed, every other key kept as written. */
export type ObjectOf<S extends Shape> = { [K in keyof S]?: Read<S[K]> } & { [key: string]: unknown };

function reader<T>(parse: (value: unknown) => T): Reader<T> {
  return { parse, reparse: (value, before, model) => (value === before ? model : parse(value)) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Any value, as written. */
export const unknown: Reader<unknown> = reader((v) => v);

/** An optional field: a value the reader does not accept reads as undefined. */
export function opt<T>(inner: Reader<T>): Reader<T | undefined> {
  return inner;
}

/**
 * An object whose fields are all lenient; a non-object reads as `{}`; unknown keys are kept,
 * except `__proto__` (assigning it would set the model's prototype; the schema rules report it).
 * A declared field absent from the input stays absent; one of the wrong type is a key whose value
 * is undefined.
 */
export function obj<S extends Shape>(shape: S): Reader<ObjectOf<S>> {
  // By the keys written, not the keys declared: a container declares 25 fields and writes about 6.
  const readers = new Map<string, Reader<unknown>>(Object.keys(shape).map((key) => [key, shape[key]]));
  const read = (value: unknown, before?: Record<string, unknown>, model?: Record<string, unknown>): ObjectOf<S> => {
    if (!isObject(value)) return {} as ObjectOf<S>;
    // The object as written is its own reading when every declared field reads as written (the
    // common case): no copy. The first field that reads otherwise starts the copy.
    let out: Record<string, unknown> | undefined = Object.hasOwn(value, "__proto__") ? {} : undefined;
    // for-in gives the own keys in order: a parsed or defaulted object inherits no enumerable key.
    for (const key in value) {
      const field = readers.get(key);
      if (field === undefined) {
        if (out !== undefined && key !== "__proto__") out[key] = value[key];
        continue;
      }
      const written = value[key];
      // An own key of `before` has its reading in `model` (parse sets every own declared key).
      const reading = before !== undefined && Object.hasOwn(before, key) ? field.reparse(written, before[key], model![key]) : field.parse(written);
      if (out === undefined && reading !== written) out = copyBefore(value, key);
      if (out !== undefined) out[key] = reading;
    }
    return (out ?? value) as ObjectOf<S>;
  };
  return {
    parse: (value) => read(value),
    reparse: (value, before, model) => (value === before ? model : read(value, isObject(before) ? before : undefined, model)),
  };
}

/** The keys of `value` written before `stop`, copied (but `__proto__`). */
function copyBefore(value: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === stop) break;
    if (key !== "__proto__") out[key] = value[key];
  }
  return out;
}

/** An optional list; a non-list reads as undefined, items keep their positions. A list whose items all read as written is its own reading. */
export function list<T>(item: Reader<T>): Reader<T[] | undefined> {
  // `before` and `model`: as Reader.reparse, item by item (an item past the end of `before` is read anew).
  const read = (v: unknown[], before: readonly unknown[] | undefined, model: readonly T[] | undefined): T[] => {
    let out: T[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const reading = before !== undefined && i < before.length ? item.reparse(v[i], before[i], model![i]) : item.parse(v[i]);
      if (out === undefined && reading !== v[i]) out = v.slice(0, i) as T[];
      if (out !== undefined) out.push(reading);
    }
    return out ?? (v as T[]);
  };
  return {
    parse: (v) => (Array.isArray(v) ? read(v, undefined, undefined) : undefined),
    reparse: (v, before, model) => {
      if (v === before) return model;
      if (!Array.isArray(v)) return undefined;
      return read(v, Array.isArray(before) ? before : [], model);
    },
  };
}

export const str: Reader<string | undefined> = reader((v) => (typeof v === "string" ? v : undefined));
/** A string or an explicit null (a field whose null means something, e.g. storageClassName). */
export const strOrNull: Reader<string | null | undefined> = reader((v) => (typeof v === "string" || v === null ? v : undefined));
/** A finite number (YAML's `.inf` and `.nan` read as absent). */
export const num: Reader<number | undefined> = reader((v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined));
export const bool: Reader<boolean | undefined> = reader((v) => (typeof v === "boolean" ? v : undefined));
/** Kubernetes int-or-string (ports, maxUnavailable...). */
export const intOrString: Reader<number | string | undefined> = reader((v) =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) ? v : undefined,
);

/** Without a prototype: rules look these maps up by keys from the input (a selector's label key). */
function toMap(m: unknown, numbers: boolean): Record<string, string> | undefined {
  if (!isObject(m)) return undefined;
  const out = inputKeyedObject<string>();
  const keys = Object.keys(m);
  for (let i = 0; i < keys.length; i++) {
    const v = m[keys[i]];
    if (typeof v === "string") out[keys[i]] = v;
    else if (numbers && typeof v === "number") out[keys[i]] = String(v);
  }
  return out;
}

/** A string map such as labels; non-string values are dropped, not the whole map. */
export const stringMap: Reader<Record<string, string> | undefined> = reader((m) => toMap(m, false));
/** Resource quantities: strings or numbers (`cpu: 1`). */
export const quantityMap: Reader<Record<string, string> | undefined> = reader((m) => toMap(m, true));
