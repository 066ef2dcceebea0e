/**
 * The shape of one API-server constraint as the docs page lists it, and of the field constraints
 * this folder evaluates (field-constraints.ts, walked by field-walk.ts).
 */
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";

/** One row of docs/api-validation.md: where, what, under which rule, from which upstream function. */
export interface ConstraintDoc {
  /** Field path; `<pod>`, `<container>`, `<volume>`, `<podMetadata>` stand for every place a pod spec, container, volume or pod metadata occurs. */
  path: string;
  kinds: readonly string[];
  constraint: string;
  rule: string;
  /** Upstream file and function. */
  upstream: string;
}

/** What a constraint found wrong: the message and hint of the finding, below the field's path. */
export interface Problem {
  message: string;
  hint: string;
  /** Below the constrained field (a map key, a list item); the field itself when absent. */
  sub?: Path;
  target?: "key" | "value";
}

/** What a check sees besides the value. */
export interface CheckContext {
  /** The object holding the field (undefined for a list item). */
  parent: Record<string, unknown> | undefined;
  /** The field's own name, or its list's name for an item. */
  field: string;
  resource: Resource;
  kubernetesVersion: string;
}

/** Where a field path starts: the object itself, or every pod spec, container or volume of it, or the metadata of every pod (a Pod's, a template's). */
export type Root = "object" | "pod" | "container" | "volume" | "podMetadata";

export interface FieldConstraint extends ConstraintDoc {
  root: Root;
  /** Where it applies below the root, as path segments ("[]" is every item of a list, "*" every map value); several for a constraint over sibling fields. */
  at: ReadonlyArray<readonly string[]>;
  check(value: unknown, ctx: CheckContext): Problem | Problem[] | undefined;
}
