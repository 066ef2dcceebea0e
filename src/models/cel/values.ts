/**
 * JSON values <-> CEL values. Kubernetes hands CEL an object decoded from JSON: integers are
 * CEL `int` (int64, a bigint here), other numbers `double`, maps and lists as they are
 * (k8s.io/apiserver/pkg/cel/types.go, UnstructuredToVal). Results come back as JSON values.
 */

export function toCel(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === "object") {
    if (value instanceof Map || value instanceof Uint8Array) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCel(v);
    return out;
  }
  return value;
}

/** A CEL result as JSON: ints as numbers, maps as objects; other values (types, optionals) as their text. */
export function fromCel(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(fromCel);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), fromCel(v)]));
  if (Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCel(v)]));
  return String(value);
}

/** How a CEL value reads in a message: strings as they are, the rest as JSON-ish text. */
export function celText(value: unknown): string {
  const json = fromCel(value);
  if (typeof json === "string") return json;
  try {
    return JSON.stringify(json) ?? String(json);
  } catch {
    return String(json);
  }
}
