/** Small builders of field fixes (rules/types.ts, FieldEdit) that several rules share. */
import type { Resource } from "../models/resource.js";
import type { Path } from "../types.js";
import type { FieldEdit, FieldFix, FixValue } from "./types.js";

/** Sets a scalar field: replaces it when written, adds it (and missing parent maps) when not. */
export function setField(resource: Resource, path: Path, value: string | number | boolean): FieldEdit {
  const written = resource.get(path);
  return written === undefined ? { op: "insert", path, value } : { op: "set", path, value };
}

/** A suggestion that sets one field. */
export function suggestSet(resource: Resource, path: Path, value: string | number | boolean, description?: string): { description: string; fix: FieldFix } {
  return { description: description ?? `set ${String(path[path.length - 1])}: ${JSON.stringify(value)}`, fix: [setField(resource, path, value)] };
}

/** A suggestion that adds a field with a value of any shape. */
export function suggestInsert(path: Path, value: FixValue, description: string): { description: string; fix: FieldFix } {
  return { description, fix: [{ op: "insert", path, value }] };
}

/** A did-you-mean as a suggestion: the name is near, but only the author knows it is the one meant. */
export function renameReference(path: Path, name: string): { description: string; fix: FieldFix } {
  return { description: `rename the reference to ${JSON.stringify(name)}`, fix: [{ op: "set", path, value: name }] };
}
