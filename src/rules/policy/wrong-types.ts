/**
 * Expressions of a CustomResourceDefinition or a ValidatingAdmissionPolicy that gave a value of
 * the wrong type when they ran on an object of the input (a rule giving a string, a
 * messageExpression giving an int). The API server type-checks them when the CRD or policy is
 * created and refuses them ("must evaluate to bool"), typing `self` from the schema and
 * `object` as dyn; our checker types both as dyn, so some show only when they run. Such an
 * expression judges no object: the rules that run it record it here, and cel-expression-invalid
 * reports it where it is written, naming the first object it ran on.
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import type { Path } from "../../types.js";

export interface WrongType {
  /** Where the expression is written in the declaring resource. */
  path: Path;
  /** "must evaluate to bool, but on Gadget \"lamp\" it gives the string \"lamp\"". */
  problem: string;
  /** How to make it right. */
  hint: string;
  /** The first object it ran on. */
  object: Resource;
}

const WRONG_TYPES = memoKey<Map<Resource, Map<string, WrongType>>>("CEL expressions that gave a value of the wrong type, by declaring resource");

/** Records an expression of `declaring` that gave a value of the wrong type on `object` (the first object is kept). */
export function recordWrongType(index: ResourceIndex, declaring: Resource, found: WrongType): void {
  const byResource = index.memo.get(WRONG_TYPES, () => new Map());
  let byPath = byResource.get(declaring);
  if (!byPath) byResource.set(declaring, (byPath = new Map()));
  const key = JSON.stringify(found.path);
  if (!byPath.has(key)) byPath.set(key, found);
}

/** The wrong-typed expressions recorded for a CRD or policy, in the order they were written. */
export function wrongTypesOf(index: ResourceIndex, declaring: Resource): WrongType[] {
  return [...(index.memo.get(WRONG_TYPES, () => new Map()).get(declaring)?.values() ?? [])];
}

/** How a finding names the object an expression ran on. */
export function onObject(object: Resource): string {
  return `on ${object.kind} ${JSON.stringify(object.name)}`;
}
