/**
 * Hover: on a finding or on a rule id (in a suppression comment, the ignore annotation or the
 * config file's `rules`), what `k8s-lint explain <rule>` says; on a pod status reason or an
 * exit code in a kubectl dump (`status.containerStatuses[].state.waiting.reason`...), the
 * advisor topic `k8s-lint explain <reason>` prints.
 */
import { explainExitCode } from "../explain/exit-codes.js";
import { explainRule, explainStatus, findStatusTopic, type RuleExplanation, type StatusExplanation } from "../explain/lookup.js";
import { getRule } from "../engine/registry.js";
import { parseText } from "../engine/parse.js";
import { ruleHelpUri } from "../package-info.js";
import type { ParsedDocument } from "../models/document.js";

export function ruleMarkdown(e: RuleExplanation): string {
  const lines = [`**${e.id}** (${e.severity}, ${e.category}): ${e.summary}`, "", e.explanation.trim(), "", `**Fix:** ${e.fix.trim()}`];
  if (e.examples) {
    lines.push("", "Fails:", "```yaml", e.examples.bad.trimEnd(), "```", "Passes:", "```yaml", e.examples.good.trimEnd(), "```");
  }
  if (e.preventsStatus.length) lines.push("", `Prevents: ${e.preventsStatus.map((s) => `\`${s}\``).join(", ")}`);
  lines.push("", `[docs/rules/${e.id}.md](${ruleHelpUri(e.id)}) · \`k8s-lint explain ${e.id}\``);
  return lines.join("\n");
}

export function statusMarkdown(e: StatusExplanation): string {
  const lines = [`**${e.name}**: ${e.summary}`, ""];
  if (e.note) lines.push(`*Note:* ${e.note}.`, "");
  lines.push(`Phase: ${e.phase} · Source: ${e.source}`, "", e.meaning, "", "**Common causes, most likely first**", "");
  e.causes.forEach((c, i) => lines.push(`${i + 1}. ${c}`));
  lines.push("", "**Investigate**", "", "```sh", ...e.commands, "```");
  if (e.rules.length) lines.push("", "**Rules that catch its causes before deploy**", "", ...e.rules.map((r) => `- \`${r.id}\` (${r.severity}): ${r.summary}`));
  lines.push("", `\`k8s-lint explain ${e.name}\``);
  return lines.join("\n");
}

function exitCodeMarkdown(code: number): string {
  const info = explainExitCode(code);
  const lines = [`**Exit code ${info.code}**: ${info.title}`, "", info.meaning, "", "**Likely causes in a cluster, most likely first**", ""];
  info.causes.forEach((c, i) => lines.push(`${i + 1}. ${c}`));
  lines.push("", `\`k8s-lint explain ${info.code}\``);
  return lines.join("\n");
}

/** The explanation of a rule id as hover text, or undefined for a word that is not a rule. */
export function ruleHover(id: string): string | undefined {
  const rule = getRule(id);
  return rule ? ruleMarkdown(explainRule(rule)) : undefined;
}

/** The rule-id-shaped word around `offset`. */
function wordAt(text: string, offset: number): string | undefined {
  let s = offset;
  let e = offset;
  const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9-]/.test(c);
  while (s > 0 && isWordChar(text[s - 1])) s--;
  while (isWordChar(text[e])) e++;
  return e > s ? text.slice(s, e) : undefined;
}

interface NodeAt {
  path: Array<string | number>;
  /** The scalar under the offset, when the offset is on a value. */
  value?: unknown;
  onKey: boolean;
}

/** The node of a parsed document under an offset, through the spans recorded at parse time. */
export function nodeAt(doc: ParsedDocument, offset: number): NodeAt | undefined {
  let node: unknown = doc.value;
  const path: Array<string | number> = [];
  for (;;) {
    const spans = node && typeof node === "object" ? doc.spans.get(node as object) : undefined;
    if (!spans) return path.length ? { path, value: node, onKey: false } : undefined;
    let next: [string | number, [number, number, number, number]] | undefined;
    for (const entry of spans) {
      const [ks, , vs, ve] = entry[1];
      if (offset >= Math.min(ks, vs) && offset <= ve) next = entry;
    }
    if (!next) return undefined;
    const [key, [ks, ke]] = next;
    path.push(key);
    if (!Array.isArray(node) && offset >= ks && offset <= ke) return { path, onKey: true };
    node = (node as Record<string | number, unknown>)[key];
  }
}

/** Hover text for an offset of a file's text, from what is written there (not from findings). */
export function hoverAt(text: string, offset: number, fileName: string): string | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const nl = text.indexOf("\n", offset);
  const line = text.slice(lineStart, nl === -1 ? text.length : nl);
  const word = wordAt(text, offset);
  // A rule named in a suppression comment, the ignore annotation, or a config file.
  const isConfig = /(^|[\\/])\.k8s-lint\.(ya?ml|json)$/.test(fileName);
  if (word && (isConfig || /k8s-lint/.test(line))) {
    const md = ruleHover(word);
    if (md) return md;
  }
  const json = /\.json$/i.test(fileName);
  const doc = parseText(text, "1.1", json ? "json" : "yaml").find((d) => offset >= d.start && offset <= d.end);
  const at = doc && nodeAt(doc, offset);
  if (!at || at.onKey || !at.path.includes("status")) return undefined;
  const key = at.path[at.path.length - 1];
  if ((key === "reason" || key === "phase") && typeof at.value === "string") {
    const match = findStatusTopic(at.value);
    return match ? statusMarkdown(explainStatus(match)) : undefined;
  }
  if (key === "exitCode" && typeof at.value === "number" && Number.isInteger(at.value) && at.value >= 0 && at.value <= 255) return exitCodeMarkdown(at.value);
  return undefined;
}
