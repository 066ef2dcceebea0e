/** Text rendering of `explain` answers: headings, wrapped paragraphs, numbered causes. */
import { Chalk, type ChalkInstance } from "chalk";
import type { ExitCodeExplanation, Explanation, RuleExplanation, StatusExplanation } from "./lookup.js";
import { wrap } from "../wrap.js";

/** A list item whose continuation lines align under its text. */
function item(marker: string, text: string, indent: string): string {
  const body = wrap(text, " ".repeat(indent.length + marker.length));
  return indent + marker + body.slice(indent.length + marker.length);
}

function statusText(e: StatusExplanation, c: ChalkInstance): string {
  const lines = [`${c.bold(e.name)}: ${e.summary}`, ""];
  if (e.note) lines.push(wrap(`Note: ${e.note}.`, "  "), "");
  lines.push(`  ${c.dim("Phase: ")} ${e.phase}`, wrap(`${c.dim("Source:")} ${e.source}`, "  ").replace(/^ {2}/, "  "), "");
  lines.push(c.bold("What it means"), wrap(e.meaning, "  "), "");
  lines.push(c.bold("Common causes, most likely first"));
  e.causes.forEach((cause, i) => lines.push(item(`${i + 1}. `, cause, "  ")));
  lines.push("", c.bold("Investigate"));
  for (const cmd of e.commands) lines.push(`  $ ${cmd}`);
  lines.push("", c.bold("Rules that catch its causes before deploy"));
  if (e.rules.length === 0) lines.push("  none: it comes from the cluster or the application, not from the manifest");
  const width = Math.max(0, ...e.rules.map((r) => r.id.length));
  for (const r of e.rules) lines.push(`  ${r.id.padEnd(width)}  ${c.dim(r.severity.padEnd(7))}  ${r.summary}`);
  if (e.seeAlso.length) lines.push("", `See also: ${e.seeAlso.map((s) => `k8s-lint explain ${s}`).join(", ")}`);
  return lines.join("\n");
}

function ruleText(e: RuleExplanation, c: ChalkInstance): string {
  const lines = [`${c.bold(e.id)} (${e.severity}, ${e.category}): ${e.summary}`, ""];
  lines.push(wrap(e.explanation, "  "), "", c.bold("Fix"), wrap(e.fix, "  "));
  if (e.examples) {
    const block = (yaml: string) => yaml.replace(/\s+$/, "").split("\n").map((l) => `  | ${l}`).join("\n");
    lines.push("", c.bold("Fails"), block(e.examples.bad), "", c.bold("Passes"), block(e.examples.good));
  }
  lines.push("", c.bold("Pod statuses it prevents"));
  lines.push(
    e.preventsStatus.length
      ? `  ${e.preventsStatus.join(", ")}  ${c.dim(`(k8s-lint explain ${e.preventsStatus[0]})`)}`
      : "  none directly: it keeps the manifest correct or the cluster tidy",
  );
  return lines.join("\n");
}

function exitText(e: ExitCodeExplanation, c: ChalkInstance): string {
  const lines = [`${c.bold(`Exit code ${e.code}`)}: ${e.title}`, ""];
  if (e.note) lines.push(wrap(`Note: ${e.note}.`, "  "), "");
  lines.push(wrap(e.meaning, "  "), "", c.bold("Likely causes in a cluster, most likely first"));
  e.causes.forEach((cause, i) => lines.push(item(`${i + 1}. `, cause, "  ")));
  lines.push(
    "",
    c.bold("Investigate"),
    "  $ kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated}'",
    "  $ kubectl logs <pod> -n <ns> -c <container> --previous",
  );
  if (e.related.length) lines.push("", `See also: ${e.related.map((s) => `k8s-lint explain ${s}`).join(", ")}`);
  return lines.join("\n");
}

export function renderExplanation(e: Explanation, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  switch (e.type) {
    case "status":
      return `${statusText(e, c)}\n`;
    case "rule":
      return `${ruleText(e, c)}\n`;
    case "exitCode":
      return `${exitText(e, c)}\n`;
    case "unknown":
      return `unknown topic "${e.query}"${e.suggestions.length ? `; did you mean ${e.suggestions.map((s) => `"${s}"`).join(", ")}?` : ""}\n`;
  }
}
