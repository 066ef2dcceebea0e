/**
 * Building blocks for lenient models: a field of the wrong type reads as absent instead of
 * failing the whole resource (the schema rules report the type error; the other rules just
 * see a missing value). Arrays keep their length so that item i is still the i-th item of
 * the manifest and paths stay exact.
 */
import { z } from "zod";
import { inputKeyedObject } from "./input-keys.js";

/** An optional field: a value of the wrong type reads as undefined. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** An object whose fields are all lenient; a non-object reads as `{}`; unknown keys are kept. */
export function obj<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape).catch(() => ({}) as z.output<z.ZodObject<S, z.core.$loose>>);
}

/** An optional list; a non-list reads as undefined, items keep their positions. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).optional().catch(undefined);
}

export const str = opt(z.string());
export const num = opt(z.number());
export const bool = opt(z.boolean());
/** Kubernetes int-or-string (ports, maxUnavailable...). */
export const intOrString = opt(z.union([z.number(), z.string()]));
/** Without a prototype: rules look these maps up by keys from the input (a selector's label key). */
function toMap(m: unknown, keep: (v: unknown) => boolean): Record<string, string> | undefined {
  if (!m || typeof m !== "object" || Array.isArray(m)) return undefined;
  const out = inputKeyedObject<string>();
  for (const [k, v] of Object.entries(m)) if (keep(v)) out[k] = String(v);
  return out;
}

/** A string map such as labels; non-string values are dropped, not the whole map. */
export const stringMap = z
  .unknown()
  .transform((m) => toMap(m, (v) => typeof v === "string"))
  .optional();
/** Resource quantities: strings or numbers (`cpu: 1`). */
export const quantityMap = z
  .unknown()
  .transform((m) => toMap(m, (v) => typeof v === "string" || typeof v === "number"))
  .optional();
