/**
 * Rules of local plugins (`plugins:` in the config): modules that export rules with the anatomy
 * of built-in ones (id, severity, summary, explanation, fix, appliesTo, crossResource, check),
 * as `rules` or as the default export. Only the config the user points at names plugins; the
 * manifests never do. A plugin's check runs like a built-in's: a throw becomes internal-error.
 */
import type { Severity } from "../../types.js";
import { defineRule, type Finding, type Rule, type RuleContext } from "../types.js";
import { parseUserPath } from "./field-path.js";

const SEVERITIES: readonly Severity[] = ["info", "warning", "error"];

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The rules a plugin module exports, or why it exports none. */
export function pluginRules(module: unknown, source: string): Rule[] | string {
  const m = isMap(module) ? module : {};
  const list = Array.isArray(m.rules) ? m.rules : Array.isArray(m.default) ? m.default : isMap(m.default) && Array.isArray(m.default.rules) ? m.default.rules : undefined;
  if (!list) return `${source} exports no "rules" array`;
  const out: Rule[] = [];
  for (const [i, raw] of list.entries()) {
    // A rule made with defineRule ({ meta, check }) or written flat ({ id, ..., check }).
    const r = isMap(raw) && isMap(raw.meta) ? { ...raw.meta, check: raw.check, prepare: raw.prepare } : raw;
    if (!isMap(r) || typeof r.id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) return `rule ${i} of ${source} has no id of lower-case letters, digits and dashes`;
    if (typeof r.check !== "function") return `rule "${r.id}" of ${source} has no check function`;
    const severity = SEVERITIES.includes(r.severity as Severity) ? (r.severity as Severity) : "warning";
    const summary = typeof r.summary === "string" ? r.summary : r.id;
    out.push(
      defineRule({
        id: r.id,
        category: "custom",
        severity,
        summary,
        explanation: typeof r.explanation === "string" ? r.explanation : `A rule of the plugin ${source}: ${summary}`,
        fix: typeof r.fix === "string" ? r.fix : "Follow the plugin's documentation.",
        preventsStatus: [],
        ...(Array.isArray(r.appliesTo) ? { appliesTo: r.appliesTo.filter((k): k is string => typeof k === "string") } : {}),
        crossResource: r.crossResource === true,
        check: withUserPaths(r.check as (ctx: RuleContext) => void) as never,
        ...(typeof r.prepare === "function" ? { prepare: r.prepare as () => Promise<void> } : {}),
      } as Parameters<typeof defineRule>[0]),
    );
  }
  return out;
}

/** Why a path a plugin reports is not a field path (strings and non-negative integers), or undefined. */
function pathProblem(p: unknown): string | undefined {
  if (!Array.isArray(p)) return `a path must be an array or a string, not ${JSON.stringify(p) ?? typeof p}`;
  const bad = p.find((s) => typeof s !== "string" && !(Number.isInteger(s) && (s as number) >= 0));
  return bad === undefined ? undefined : `a path holds strings and non-negative integers, not ${JSON.stringify(bad) ?? typeof bad}`;
}

/** Why a finding a plugin reports cannot be reported, or undefined. */
function findingProblem(finding: unknown, path: unknown, relatedPath: unknown): string | undefined {
  if (!isMap(finding)) return "a finding must be an object";
  if (typeof finding.message !== "string") return "a finding's message must be a string";
  if (finding.hint !== undefined && typeof finding.hint !== "string") return "a finding's hint must be a string";
  const problem = pathProblem(path);
  if (problem) return problem;
  if (finding.related === undefined) return undefined;
  if (!isMap(finding.related)) return "a finding's related must be an object";
  return relatedPath === undefined ? undefined : pathProblem(relatedPath);
}

/**
 * A plugin's check whose findings may name their paths as strings (`"spec.containers.0.image"`,
 * `"spec.containers[0].image"`), read like a custom rule's `path`; an unreadable one points at
 * the resource (its kind), as an absent field does. A malformed finding (`path: 42`) throws at
 * the boundary: the engine reports it as an internal error of the rule, as it does a throw of
 * the check, and the run goes on.
 */
function withUserPaths(check: (ctx: RuleContext) => void): (ctx: RuleContext) => void {
  const path = (p: unknown) => (typeof p === "string" ? (parseUserPath(p) ?? ["kind"]) : p);
  return (ctx) =>
    check({
      ...ctx,
      report: (finding: Finding) => {
        const relatedPath = isMap(finding?.related) ? path(finding.related.path) : undefined;
        const problem = findingProblem(finding, path(finding?.path), relatedPath);
        if (problem) throw new Error(`the rule reported a malformed finding: ${problem}`);
        const related = finding.related && relatedPath !== undefined ? { ...finding.related, path: relatedPath as Finding["path"] } : finding.related;
        ctx.report({ ...finding, path: path(finding.path) as Finding["path"], ...(related ? { related } : {}) });
      },
    });
}
