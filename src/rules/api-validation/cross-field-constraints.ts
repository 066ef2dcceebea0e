/**
 * The cross-field constraints k8s-lint checks, for the generated API-validation docs page: one
 * entry per constraint, with the field path (written for the first of its kinds: pod spec paths as
 * in a Deployment, `spec.template.spec...`; a Pod has them under `spec`, a CronJob under
 * `spec.jobTemplate.spec.template.spec`), the kinds, the constraint, the rule that reports it and
 * the upstream file and function that decide it.
 */
import { CONSTRAINTS } from "./cross-field/constraints.js";

export interface CrossFieldConstraintEntry {
  path: string;
  kinds: readonly string[];
  constraint: string;
  rule: string;
  upstream: string;
}

export const CROSS_FIELD_CONSTRAINTS: readonly CrossFieldConstraintEntry[] = CONSTRAINTS.map(({ path, kinds, constraint, rule, upstream }) => ({ path, kinds, constraint, rule, upstream }));
