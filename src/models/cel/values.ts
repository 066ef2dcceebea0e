/**
 * JSON values <-> CEL values. Kubernetes hands CEL an object decoded from JSON: integers are
 * CEL `int` (int64, a bigint here), other numbers `double`, maps and lists as they are
 * (k8s.io/apiserver/pkg/cel/types.go, UnstructuredToVal). Results come back as JSON values.
 * An integer beyond 2^53 is the int64 written in the input where the engine recorded it
 * (models/exact-integers.ts), else the nearest double.
 */
import { exactIntegersOf, pathKey } from "../exact-integers.js";

export function toCel(value: unknown): unknown {
  const exact = exactIntegersOf(value);
  return exact ? toCelExact(value, exact, []) : toCelPlain(value);
}

/** A number as CEL reads it: a whole number an int (a bigint), others a double. */
export function numberToCel(value: number): unknown {
  return Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
}

function toCelPlain(value: unknown): unknown {
  if (typeof value === "number") return numberToCel(value);
  if (Array.isArray(value)) return value.map(toCelPlain);
  if (value !== null && typeof value === "object") {
    if (value instanceof Map || value instanceof Uint8Array) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCelPlain(v);
    return out;
  }
  return value;
}

/** toCel of an object with integers beyond 2^53 (models/exact-integers.ts): those are the int64s written. */
function toCelExact(value: unknown, exact: ReadonlyMap<string, bigint>, path: Array<string | number>): unknown {
  if (typeof value === "number") return exact.get(pathKey(path)) ?? numberToCel(value);
  if (Array.isArray(value)) return value.map((v, i) => toCelExact(v, exact, [...path, i]));
  if (value !== null && typeof value === "object") {
    if (value instanceof Map || value instanceof Uint8Array) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCelExact(v, exact, [...path, k]);
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

/** The CEL type of a value of a run: int, uint, double, string, bool, bytes, null_type, list, map, or a library type. */
export function celTypeOf(value: unknown): string {
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return "double";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (value === null || value === undefined) return "null_type";
  if (Array.isArray(value)) return "list";
  if (value instanceof Uint8Array) return "bytes";
  if (value instanceof Map || Object.getPrototypeOf(value) === Object.prototype) return "map";
  const name = (value as { constructor?: { name?: string } }).constructor?.name ?? "";
  return /uint|unsigned/i.test(name) ? "uint" : name.replace(/^Kubernetes/, "") || "dyn";
}

/** A value of a run as a message names it: `the string "web"`, `the int 3`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  const type = celTypeOf(value);
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "..." : value)}`;
  if (type === "int" || type === "double" || type === "uint") return `the ${type} ${String(value)}`;
  if (type === "null_type") return "null";
  return type === "list" || type === "map" ? `a ${type}` : `a ${type} value`;
}

/** What a CEL expression must evaluate to where it is written (cel-go's checked output type). */
export type ResultType = "bool" | "string" | "string or null";

/**
 * Why an expression's checked type is not the one its place asks for, in the API server's words
 * ("must evaluate to bool": k8s.io/apiserver/pkg/admission/plugin/cel/compile.go,
 * k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/compilation.go), or undefined. `dyn`
 * (a field read from an object the checker has no schema for) is known only when it runs.
 */
export function typeProblem(checked: string, wanted: ResultType): string | undefined {
  if (checked === "dyn" || checked === wanted || (wanted === "string or null" && (checked === "string" || checked === "null"))) return undefined;
  return `must evaluate to ${wanted}, but it gives ${checked}`;
}

/** Why a value an expression gave is not the type its place asks for (`where`: "on Gadget \"lamp\""), or undefined. */
export function valueProblem(value: unknown, wanted: ResultType, where?: string): string | undefined {
  const type = celTypeOf(value);
  if (type === wanted || (wanted === "string or null" && (type === "string" || type === "null_type"))) return undefined;
  return `must evaluate to ${wanted}, but${where ? ` ${where}` : ""} it gives ${describeValue(value)}`;
}

/** How to turn an expression into one of the wanted type. */
export function resultTypeHint(wanted: ResultType): string {
  return wanted === "bool" ? "write a condition: compare the value (size(x) > 0, x == 'value', x == true)" : "make it a string: string(x), or a message built with +";
}
