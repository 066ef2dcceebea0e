/** Text rendering of `explain` answers: headings, wrapped paragraphs, numbered causes. */
import { Chalk, type ChalkInstance } from "chalk";
import type { ExitCodeExplanation, Explanation, RuleExplanation, StatusExplanation } from "./lookup.js";
import { printable } from "../printable.js";
import { DEFAULT_WIDTH, padEnd, textWidth, wrap } from "../wrap.js";

/** How a text answer is drawn: colours and the terminal's width. */
interface Style {
  c: ChalkInstance;
  width: number;
}

/** A paragraph indented by two columns. */
const para = (text: string, { width }: Style) => wrap(text, { width, indent: "  " });

/** A list item whose continuation lines align under its text. */
function item(marker: string, text: string, { width }: Style): string {
  return wrap(text, { width, indent: "  ", marker, hanging: " ".repeat(2 + textWidth(marker)) });
}

function statusText(e: StatusExplanation, s: Style): string {
  const { c } = s;
  const lines = [wrap(`${c.bold(e.name)}: ${e.summary}`, { width: s.width }), ""];
  if (e.note) lines.push(para(`Note: ${printable(e.note)}.`, s), "");
  lines.push(`  ${c.dim("Phase: ")} ${e.phase}`, item(`${c.dim("Source:")} `, e.source, s), "");
  lines.push(c.bold("What it means"), para(e.meaning, s), "");
  lines.push(c.bold("Common causes, most likely first"));
  e.causes.forEach((cause, i) => lines.push(item(`${i + 1}. `, cause, s)));
  lines.push("", c.bold("Investigate"));
  for (const cmd of e.commands) lines.push(`  $ ${cmd}`);
  lines.push("", c.bold("Rules that catch its causes before deploy"));
  if (e.rules.length === 0) lines.push("  none: it comes from the cluster or the application, not from the manifest");
  const idWidth = Math.max(0, ...e.rules.map((r) => r.id.length));
  for (const r of e.rules) lines.push(item(`${padEnd(r.id, idWidth)}  ${c.dim(r.severity.padEnd(7))}  `, r.summary, s));
  if (e.seeAlso.length) lines.push("", wrap(`See also: ${e.seeAlso.map((t) => `k8s-lint explain ${t}`).join(", ")}`, { width: s.width }));
  return lines.join("\n");
}

function ruleText(e: RuleExplanation, s: Style): string {
  const { c } = s;
  const lines = [wrap(`${c.bold(e.id)} (${e.severity}, ${e.category}): ${e.summary}`, { width: s.width }), ""];
  lines.push(para(e.explanation, s), "");
  if (e.presetNote) lines.push(para(e.presetNote, s), "");
  lines.push(c.bold("Fix"), para(e.fix, s));
  if (e.examples) {
    const block = (yaml: string) => yaml.replace(/\s+$/, "").split("\n").map((l) => `  | ${l}`).join("\n");
    lines.push("", c.bold("Fails"), block(e.examples.bad), "", c.bold("Passes"), block(e.examples.good));
  }
  lines.push("", c.bold("Pod statuses it prevents"));
  lines.push(
    para(
      e.preventsStatus.length
        ? `${e.preventsStatus.join(", ")}  ${c.dim(`(k8s-lint explain ${e.preventsStatus[0]})`)}`
        : "none directly: it keeps the manifest correct or the cluster tidy",
      s,
    ),
  );
  return lines.join("\n");
}

function exitText(e: ExitCodeExplanation, s: Style): string {
  const { c } = s;
  const lines = [wrap(`${c.bold(`Exit code ${e.code}`)}: ${e.title}`, { width: s.width }), ""];
  if (e.note) lines.push(para(`Note: ${printable(e.note)}.`, s), "");
  lines.push(para(e.meaning, s), "", c.bold("Likely causes in a cluster, most likely first"));
  e.causes.forEach((cause, i) => lines.push(item(`${i + 1}. `, cause, s)));
  lines.push(
    "",
    c.bold("Investigate"),
    "  $ kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated}'",
    "  $ kubectl logs <pod> -n <ns> -c <container> --previous",
  );
  if (e.related.length) lines.push("", wrap(`See also: ${e.related.map((t) => `k8s-lint explain ${t}`).join(", ")}`, { width: s.width }));
  return lines.join("\n");
}

/** An answer as text, wrapped at `width` columns (default 80). */
export function renderExplanation(e: Explanation, color: boolean, width = DEFAULT_WIDTH): string {
  const s: Style = { c: new Chalk({ level: color ? 1 : 0 }), width };
  switch (e.type) {
    case "status":
      return `${statusText(e, s)}\n`;
    case "rule":
      return `${ruleText(e, s)}\n`;
    case "exitCode":
      return `${exitText(e, s)}\n`;
    case "unknown":
      return `unknown topic "${printable(e.query)}"${e.suggestions.length ? `; did you mean ${e.suggestions.map((t) => `"${t}"`).join(", ")}?` : ""}\n`;
  }
}
