/**
 * Whether an object leaves out a field its API type requires, read from the API catalogue
 * (catalogue/index.ts): what the API server refuses with "Required value", and what a
 * strategic-merge patch leaves out when it changes only part of an object (a Deployment patch
 * has no selector, a container patch no image).
 */
import { lookupKind, objectType, type TypeCode } from "./catalogue/index.js";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether a built-in object (`{apiVersion, kind, ...}`) leaves out, or writes as null, a field
 * that its type or the type of a field it writes requires, at any depth (its status aside, as
 * missing-required-field reads it); false for a kind the catalogue does not hold.
 */
export function lacksRequiredField(value: Record<string, unknown>): boolean {
  if (typeof value.apiVersion !== "string" || typeof value.kind !== "string") return false;
  const info = lookupKind(value.apiVersion, value.kind);
  if (!info) return false;
  return lacks(info.type, { ...value, status: undefined });
}

function lacks(code: TypeCode, value: unknown): boolean {
  if (code.startsWith("[")) return Array.isArray(value) && value.some((item) => lacks(code.slice(1), item));
  if (code.startsWith("{")) return isMap(value) && Object.values(value).some((item) => lacks(code.slice(1), item));
  if (!code.startsWith("#") || !isMap(value)) return false;
  const type = objectType(code);
  if (type.free) return false;
  if (type.required.some((field) => value[field] === undefined || value[field] === null)) return true;
  return Object.entries(value).some(([field, item]) => {
    const fieldCode = type.fields.get(field);
    return fieldCode !== undefined && lacks(fieldCode, item);
  });
}
