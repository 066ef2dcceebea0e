/** Human output: findings grouped by file, `file:line:col  severity  message  rule-id`. */
import { Chalk } from "chalk";
import { getRule } from "../rules/index.js";
import type { Diagnostic, FileResult, Severity } from "../types.js";
import type { Formatter } from "./types.js";
import { wrap } from "../wrap.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const format: Formatter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sevLabel: Record<Severity, string> = {
    error: c.red("error  "),
    warning: c.yellow("warning"),
    info: c.blue("info   "),
  };
  const lines: string[] = [];
  let shownInfos = 0;
  for (const file of result.files) {
    const shown = file.diagnostics.filter((d) => d.severity !== "info" || options.explain);
    if (!shown.length) continue;
    lines.push(c.underline(file.path));
    for (const d of shown) {
      if (d.severity === "info") shownInfos++;
      lines.push(row(file.path, d));
      if (d.hint) lines.push(`    ${c.dim("hint:")} ${d.hint}`);
      if (d.related) {
        const r = d.related;
        const what = `${r.resource.kind} ${r.resource.namespace ? `${r.resource.namespace}/` : ""}${r.resource.name}`;
        lines.push(`    ${c.dim("related:")} ${what} at ${r.file}:${r.line}:${r.column}${r.message ? ` (${r.message})` : ""}`);
      }
      if (d.source) lines.push(`    ${c.dim("template:")} ${d.source}`);
      if (options.explain) {
        const rule = getRule(d.ruleId);
        if (rule) {
          lines.push(c.dim(wrap(rule.meta.explanation, "    | ")));
          lines.push(c.dim(wrap(`Fix: ${rule.meta.fix}`, "    | ")));
        }
      }
    }
    lines.push("");
  }
  if (options.explain) lines.push(...configurationLines(result.files, c));
  const { errors, warnings, resources, files } = result.summary;
  const problems = errors + warnings + shownInfos;
  const where = `in ${plural(resources, "resource")}, ${plural(files, "file")}`;
  if (problems === 0) {
    lines.push(c.green(`✔ no problems ${where}`));
  } else {
    const parts = [plural(errors, "error"), plural(warnings, "warning")];
    if (shownInfos) parts.push(plural(shownInfos, "info"));
    const summary = `✖ ${plural(problems, "problem")} (${parts.join(", ")}) ${where}`;
    lines.push(errors ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join("\n")}\n`;

  function row(path: string, d: Diagnostic): string {
    return `  ${c.dim(`${path}:`)}${d.line}:${d.column}  ${sevLabel[d.severity]}  ${d.message}  ${c.dim(d.ruleId)}`;
  }
};

/** With --explain: the documents recognised as client-side configuration files, which are not linted. */
function configurationLines(files: readonly FileResult[], c: InstanceType<typeof Chalk>): string[] {
  const rows = files.flatMap((f) => (f.configurations ?? []).map((d) => `  ${c.dim(`${f.path}:`)}${d.line}  ${d.kind} (${d.tool})`));
  if (!rows.length) return [];
  return [`${plural(rows.length, "configuration document")} recognised, not linted (never sent to an API server):`, ...rows, ""];
}
