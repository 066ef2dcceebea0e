/**
 * Rules users write in their config (`customRules:`): a CEL expression over `object` (the
 * resource) and `objects` (every resource of the input, for cross-resource checks, like
 * kube-linter's CEL template) that must hold, as a ValidatingAdmissionPolicy validation must.
 * Each becomes a rule of the registry like a built-in one: severities, suppressions, reports,
 * `k8s-lint rules` and `explain` see it. Evaluation is bounded like every CEL of the run.
 */
import { celEngine, loadCel } from "../../models/cel/load.js";
import { memoKey } from "../../models/run-memo.js";
import type { Severity } from "../../types.js";
import { groupOf } from "../../models/api-groups.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { kindsOf } from "../scope.js";
import { defineRule, type CrossResourceContext, type Rule, type RuleContext } from "../types.js";
import { customRuleStoppedMessage } from "./budget.js";
import { parseUserPath } from "./field-path.js";

export interface CustomRuleEntry {
  id: string;
  /** Kinds the rule judges (absent: every resource). */
  kinds?: string[];
  /** CEL that must be true for a resource to pass; reads `object` and `objects`. */
  expression: string;
  message: string;
  severity?: Severity;
  /** Where the finding goes: a field path of the resource (`spec.containers.0.image`, `spec.containers[0].image`: field-path.ts, parseUserPath). */
  path?: string;
  summary?: string;
  fix?: string;
}

export const CUSTOM_RULE_VARIABLES = ["object", "objects"];

const ALL_OBJECTS = memoKey<unknown[]>("every object of the input, for custom rules");

/**
 * Objects on which a custom rule may be stopped by the per-expression limit before the run stops
 * evaluating it. The limit bounds one evaluation, but an expression over `objects` (which a
 * config from a pull request may carry) reaches it again on every object, and each costs tens of
 * milliseconds: thousands of objects took minutes. Three stops show the rule is too costly for
 * this input; the third finding says the rule is no longer evaluated (docs/DECISIONS.md).
 */
export const CUSTOM_RULE_STOPS = 3;

/**
 * A custom rule of the config, compiled (the CEL engine is loaded). It is cross-resource (its
 * context has the index, `k8s-lint rules` says so) exactly when its expression reads `objects`:
 * one over `object` alone judges each resource by itself, like a single-resource built-in rule
 * (docs/DECISIONS.md, "A custom rule is cross-resource when it reads objects").
 */
/**
 * Which resources a rule's `kinds` select. A bare kind is what built-in rules name (the built-in
 * kind of that name, or a custom resource's kind that no built-in kind has: the dispatch kind,
 * Resource.ruleKind); `Kind.group`, apimachinery's GroupKind.String() as kubectl and RBAC users
 * write it, is that kind in that API group, by the group of its apiVersion or the group it is
 * stored under (`Deployment.apps` holds an extensions/v1beta1 Deployment too). The dispatch
 * (appliesTo) gets every kind named; the check keeps those of the named groups.
 */
function kindSelector(kinds: readonly string[]): { appliesTo: string[]; selects?: (resource: Resource) => boolean } {
  const bare = kinds.filter((k) => !k.includes("."));
  const grouped = kinds.filter((k) => k.includes(".")).map((k) => ({ written: k, kind: k.slice(0, k.indexOf(".")), group: k.slice(k.indexOf(".") + 1) }));
  // A custom resource named like a built-in kind is dispatched under its GroupKind (Resource.ruleKind).
  const appliesTo = [...new Set([...bare, ...grouped.flatMap((g) => [g.kind, g.written])])];
  if (!grouped.length) return { appliesTo };
  const plain = kindsOf(bare) ?? new Set<string>();
  const selects = (r: Resource) => plain.has(r.ruleKind) || grouped.some((g) => r.kind === g.kind && (groupOf(r.apiVersion) === g.group || r.groupKind === g.written));
  return { appliesTo, selects };
}

export function customRule(entry: CustomRuleEntry, source: string): Rule {
  const kinds = entry.kinds?.length ? entry.kinds : undefined;
  const selector = kinds ? kindSelector(kinds) : undefined;
  const relative = entry.path ? parseUserPath(entry.path) : undefined;
  const readsObjects = celEngine().readsVariable(entry.expression, CUSTOM_RULE_VARIABLES, "objects");
  // One key per rule: the count of its stopped evaluations lasts the run (scope "run", also for a rule that reads no other resource), not the process.
  const stops = memoKey<{ count: number }>(`objects on which custom rule "${entry.id}" was stopped`, "run");
  const meta = {
    id: entry.id,
    category: "custom" as const,
    severity: entry.severity ?? "warning",
    ...(selector ? { appliesTo: selector.appliesTo } : {}),
    summary: entry.summary ?? entry.message,
    explanation: `A custom rule of ${source}: the CEL expression \`${entry.expression}\` must hold for ${kinds ? `every ${kinds.join(", ")}` : "every resource"}${readsObjects ? " (it reads the other objects of the input)" : ""}. When it is false, the finding says: ${entry.message}.`,
    fix: entry.fix ?? "Change the resource so that the expression holds, or ask the owner of the config about the rule.",
    preventsStatus: [],
    prepare: async () => void (await loadCel()),
  };
  const check = ({ resource, memo, report }: RuleContext, index: ResourceIndex | undefined) => {
    if (selector?.selects && !selector.selects(resource)) return;
    const program = celEngine().compiled(entry.expression, CUSTOM_RULE_VARIABLES);
    if (!program) return;
    const stopped = memo(stops, () => ({ count: 0 }));
    if (stopped.count >= CUSTOM_RULE_STOPS) return;
    const objects = index ? memo(ALL_OBJECTS, () => index.all.map((r) => r.raw)) : [];
    const outcome = program.run({ object: resource.raw, objects });
    let path: Array<string | number> = [];
    if (relative) for (const seg of relative) if (resource.get([...path, seg]) !== undefined) path = [...path, seg]; else break;
    if (!path.length) path = ["kind"];
    if ("exceeded" in outcome) {
      stopped.count += 1;
      const last = stopped.count === CUSTOM_RULE_STOPS ? `; it was stopped on ${CUSTOM_RULE_STOPS} objects, so k8s-lint no longer evaluates it on the remaining objects of this run (they get no finding from it)` : "";
      report({ path, message: customRuleStoppedMessage(`custom rule "${entry.id}"`, outcome.exceeded) + last, hint: "rewrite the expression with fewer nested comprehensions over objects" });
      return;
    }
    if ("error" in outcome) {
      // The expression is in the config, not the input: the failing part is quoted, as positions cannot point at it.
      const part = outcome.at ? ` (at ${JSON.stringify(entry.expression.slice(outcome.at.start, outcome.at.end))}, character ${outcome.at.start + 1})` : "";
      report({ path, message: `custom rule "${entry.id}" cannot be evaluated on this object: ${outcome.error}${part}`, hint: celEngine().evaluationHint(outcome, "in the expression", "guard the fields the expression reads with has()"), severity: "warning" });
      return;
    }
    const problem = celEngine().valueProblem(outcome.value, "bool");
    if (problem) {
      // A type the checker sees is refused when the config loads (config/user-rules.ts); a dyn one shows here.
      report({ path, message: `custom rule "${entry.id}" ${problem}`, hint: celEngine().resultTypeHint("bool"), severity: "warning" });
      return;
    }
    if (!outcome.value) report({ path, message: entry.message, ...(path[0] === "kind" ? { target: "key" as const } : {}) });
  };
  if (readsObjects) return defineRule({ ...meta, crossResource: true, check: (ctx: CrossResourceContext) => check(ctx, ctx.index) });
  return defineRule({ ...meta, check: (ctx: RuleContext) => check(ctx, undefined) });
}
