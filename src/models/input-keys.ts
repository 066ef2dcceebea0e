/**
 * Objects read or built with keys that come from the input. A manifest is parsed into plain
 * objects, and a plain object answers `constructor`, `toString` or `__proto__` from
 * Object.prototype: a key written in a manifest must only ever reach what the manifest wrote.
 * Tables of our own that input keys look up are Maps.
 */

/** The value `obj` itself holds under `key`; undefined when it holds none (inherited members never count). */
export function ownValue(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** A new empty object without a prototype, for a map whose keys come from the input (labels, annotations). */
export function inputKeyedObject<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
