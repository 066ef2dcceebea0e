/**
 * Resources -> findings: every resource judged goes to the rules that apply to it. A rule that
 * throws becomes an internal-error finding on that resource; the run goes on.
 */
import type { Resource } from "../models/resource.js";
import type { ResourceIndex } from "../models/resource-index.js";
import type { Finding, Rule, Settings } from "../rules/types.js";
import { isEnabled, type RuleFinding, type Severities } from "./diagnostics.js";

/** The rules a run applies: the enabled ones with a check, and those of them that judge patches. */
export interface RuleSelection {
  rules: readonly Rule[];
  patchRules: readonly Rule[];
}

export function selectRules(rules: readonly Rule[], severities: Severities): RuleSelection {
  const enabled = rules.filter((r) => r.check && isEnabled(severities, r.meta.id));
  return { rules: enabled, patchRules: enabled.filter((r) => r.meta.checksPatches) };
}

/** The rules that judge this resource: a kustomize patch (a partial object) only those that check patches. */
export function rulesFor(selection: RuleSelection, resource: Resource): readonly Rule[] {
  return resource.partial ? selection.patchRules : selection.rules;
}

export interface RuleRun {
  /** The resources judged (context resources are only in the index). */
  resources: readonly Resource[];
  selection: RuleSelection;
  index: ResourceIndex;
  settings: Settings;
}

/** Every finding of the run, resource by resource, in rule order. */
export function runRules({ resources, selection, index, settings }: RuleRun): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const resource of resources) {
    // One context per resource; what `report` receives is filed under the rule that ran.
    const reported: Finding[] = [];
    const ctx = { resource, index, settings, report: (f: Finding) => void reported.push(f) };
    for (const rule of rulesFor(selection, resource)) {
      let failure: RuleFinding | undefined;
      try {
        rule.check!(ctx);
      } catch (err) {
        failure = internalError(rule, resource, err);
      }
      for (const finding of reported) out.push({ ruleId: rule.meta.id, resource, finding });
      reported.length = 0;
      if (failure) out.push(failure);
    }
  }
  return out;
}

function internalError(rule: Rule, resource: Resource, err: unknown): RuleFinding {
  const message = `rule "${rule.meta.id}" failed on ${resource.displayName}: ${(err as Error)?.message ?? String(err)}`;
  return { ruleId: "internal-error", resource, finding: { path: ["kind"], message } };
}
