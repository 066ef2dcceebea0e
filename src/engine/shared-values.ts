/**
 * One copy of each short string value seen lately (`v1`, `TCP`, `IfNotPresent`, a label value):
 * a run keeps every file's values until the cross-resource rules are done, and most of them
 * repeat across resources (a third of the values' memory in a 100,000-resource run). Bounded
 * like the models' caches of answers about short strings, and cleared when full.
 */
const values = new Map<string, string>();
const MAX_VALUES = 16_384;
const MAX_LENGTH = 64;

/** The shared copy of a short string; anything else as it is. */
export function sharedValue(v: unknown): unknown {
  if (typeof v !== "string" || v.length > MAX_LENGTH) return v;
  const known = values.get(v);
  if (known !== undefined) return known;
  if (values.size >= MAX_VALUES) values.clear();
  values.set(v, v);
  return v;
}

/**
 * Replaces the strings of a parsed value by their shared copies, in place: what a worker parsed
 * arrives as a structured clone, with a copy of every string however often it repeats. A value
 * has no cycles (parse.ts refuses a recursive alias) and what aliases share is bounded (an
 * expansion beyond 200,000 nodes is refused), so a subtree met again is simply walked again.
 */
export function shareValues(value: unknown): void {
  if (value === null || typeof value !== "object") return;
  const stack: object[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === "string") v[i] = sharedValue(item);
        else if (item !== null && typeof item === "object") stack.push(item);
      }
      continue;
    }
    const obj = v as Record<string, unknown>;
    for (const key in obj) {
      const item = obj[key];
      if (typeof item === "string") obj[key] = sharedValue(item);
      else if (item !== null && typeof item === "object") stack.push(item);
    }
  }
}
