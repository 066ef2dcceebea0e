import type { LRParser } from "@lezer/lr";
import { defineRule } from "../types.js";

/** The grammar, loaded by `prepare` only for runs with a PrometheusRule (its import costs start-up time). */
let grammar: LRParser | undefined;

async function loadGrammar(): Promise<void> {
  grammar ??= (await import("@prometheus-io/lezer-promql")).parser;
}

/** Where a PromQL expression stops parsing, as the Prometheus UI's own grammar reads it; undefined when it parses. */
export function promqlError(parser: LRParser, expr: string): { start: number; end: number; message: string; hint: string } | undefined {
  let at: number | undefined;
  const comments: Array<[number, number]> = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (at !== undefined) return false;
      if (node.type.isError) at = node.from;
      else if (node.type.isSkipped) comments.push([node.from, node.to]);
      return undefined;
    },
  });
  if (at === undefined) return undefined;
  // An identifier called like a function that the grammar does not know: the metric name is read, then "(" fails.
  const call = expr[at] === "(" ? /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(expr.slice(0, at)) : null;
  if (call) {
    const name = call[1];
    const start = at - call[0].length;
    return {
      start,
      end: start + name.length,
      message: `"${name}" is not a PromQL function`,
      hint: name === "holt_winters" ? "use double_exponential_smoothing: Prometheus 3 renamed holt_winters" : "use a function of the PromQL reference (rate, sum, histogram_quantile...) or fix its spelling",
    };
  }
  if (expr.slice(at).trim() === "") {
    // Point at the last character written, comments aside: where what is missing goes.
    let end = expr.length;
    for (;;) {
      while (end > 0 && /\s/.test(expr[end - 1])) end--;
      const comment = comments.find(([from, to]) => from < end && end <= to);
      if (!comment) break;
      end = comment[0];
    }
    end = Math.max(end, 1);
    return { start: end - 1, end, message: "expression ends where PromQL expects more (an operand, a closing bracket or a quote)", hint: "close the bracket, brace or quote left open, or add the missing operand" };
  }
  // The grammar does not skip every space that JavaScript's \s knows (U+FEFF): an error may start at one; name the token after it.
  const rest = expr.slice(at);
  const start = at + rest.length - rest.trimStart().length;
  const token = /^(?:[A-Za-z0-9_:.]+|\S)/.exec(expr.slice(start))![0];
  return { start, end: start + token.length, message: `PromQL does not parse at "${token}" (character ${start + 1} of the expression)`, hint: "fix the expression's syntax; promtool check rules names what was expected" };
}

export const rule = defineRule({
  id: "prometheusrule-expr-invalid",
  category: "monitoring",
  severity: "error",
  appliesTo: ["PrometheusRule"],
  summary: "A PrometheusRule's alerting or recording expression is not valid PromQL.",
  explanation: `prometheus-operator writes every PrometheusRule selected by a Prometheus into its rule files.
An expression that does not parse is refused by the operator's admission webhook when it runs;
without it the rule file fails to load, Prometheus keeps its previous rules (the config
reloader reports the error) and none of the new alerts or recordings take effect. The
expression is read with the grammar of the Prometheus web UI (@prometheus-io/lezer-promql,
released with Prometheus), so the finding points at the character where parsing stops, inside
the \`expr\` string, through quotes and block scalars. Only the syntax is checked: types
(a range vector where an instant vector is expected) are left to promtool. Functions removed in
Prometheus 3 (holt_winters) are reported; expressions with \`{{ }}\` templates are left to
unrendered-template.`,
  fix: "Fix the expression (promtool check rules prints the full parser error), for example close the bracket or the label matcher that is left open.",
  preventsStatus: [],
  prepare: loadGrammar,
  check({ resource, report }) {
    if (resource.group !== "monitoring.coreos.com") return;
    if (!grammar) throw new Error("the PromQL grammar was not loaded (Rule.prepare)");
    const parser = grammar;
    const groups = resource.get(["spec", "groups"]);
    if (!Array.isArray(groups)) return;
    groups.forEach((group, g) => {
      const rules = (group as { rules?: unknown } | null)?.rules;
      if (!Array.isArray(rules)) return;
      rules.forEach((r, i) => {
        const expr = (r as { expr?: unknown } | null)?.expr;
        if (typeof expr !== "string" || expr.includes("{{")) return;
        const error = promqlError(parser, expr);
        if (!error) return;
        const name = (r as { alert?: unknown; record?: unknown }).alert ?? (r as { record?: unknown }).record;
        const which = typeof name === "string" ? `${(r as { alert?: unknown }).alert !== undefined ? "alert" : "record"} "${name}": ` : "";
        report({
          path: ["spec", "groups", g, "rules", i, "expr"],
          within: { start: error.start, end: error.end },
          message: `${which}${error.message}`,
          hint: error.hint,
        });
      });
    });
  },
});
