/** What a rule is: its meta (the docs and `explain` are generated from it) and one check function. */
import type { ResourceIndex } from "../engine/resource-index.js";
import type { Resource } from "../models/resource.js";
import type { Path, ReferencePolicy, Severity } from "../types.js";

export type RuleCategory =
  | "syntax"
  | "schema"
  | "resources"
  | "probes"
  | "selectors"
  | "statefulset"
  | "storage"
  | "services"
  | "ingress"
  | "config"
  | "workloads"
  | "autoscaling"
  | "security"
  | "meta";

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line, shown by `k8s-lint rules`. */
  summary: string;
  /** Why it matters in cluster terms: what `explain <id>` and `--explain` print. */
  explanation: string;
  /** How to fix it. */
  fix: string;
  /** Pod status reasons (SPEC §6) this rule prevents, e.g. "CrashLoopBackOff"; the only rule-to-status link (rulesForTopic derives the reverse). */
  preventsStatus: string[];
  /** Cross-resource (X in the spec): needs other resources of the input. */
  crossResource?: boolean;
  /** Reports references to objects absent from the input, under the `references` policy (reportsAbsent). */
  reportsAbsentObjects?: boolean;
  /**
   * Also judges kustomize patches (partial objects): the rule looks only at fields that are
   * written, never at what is absent or at other objects.
   */
  checksPatches?: boolean;
}

/**
 * A manifest that fires the rule and its fixed version, as the docs page and `explain` print them.
 * They live in fixtures/rules/<id>/example.{bad,good}.yaml (linted by the fixture harness) and
 * reach the code through examples.generated.ts (rules/examples.ts reads it).
 */
export interface RuleExamples {
  bad: string;
  good: string;
}

export interface Settings {
  kubernetesVersion: string;
  defaultNamespace: string;
  /** Read only through reportsAbsent (rules/config/references.ts). */
  references: ReferencePolicy;
}

export interface Finding {
  /** Field path relative to the resource, e.g. ["spec", "ports", 0, "targetPort"]. */
  path: Path;
  message: string;
  hint?: string;
  /** Point at the key or the value; default: the value of a scalar, the key of a collection. */
  target?: "key" | "value";
  /** Overrides the rule's default severity for this finding (e.g. info for a read-only mount). */
  severity?: Severity;
  /** The other end of a cross-resource finding. */
  related?: { resource: Resource; path?: Path; message?: string };
}

export interface RuleContext {
  resource: Resource;
  index: ResourceIndex;
  settings: Settings;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Called once per resource. Rules produced by the engine itself (yaml-syntax...) have none. */
  check?(ctx: RuleContext): void;
}

export function defineRule(rule: RuleMeta & { check?: Rule["check"] }): Rule {
  const { check, ...meta } = rule;
  return check ? { meta, check } : { meta };
}
