/**
 * The job summary (Markdown on the run's page): the totals, one row per rule with its counts,
 * and the first findings with links to their lines. Pure: the caller appends it to the file.
 */
import { ruleHelpUri } from "../package-info.js";
import type { Diagnostic, LintResult, Severity } from "../types.js";

/** Findings listed by name; the annotations and the log have all of them. */
export const SUMMARY_FINDINGS = 20;
/** Longest message shown, in UTF-16 code units: a summary is limited to 1 MiB. */
const MESSAGE_LIMIT = 300;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where the repository's files are on the web, from the runner's GITHUB_* variables. */
export interface BlobBase {
  /** `https://github.com/<owner>/<repo>/blob/<sha>`, no trailing slash. */
  url: string;
}

/** The blob base of this run, or undefined outside Actions (findings are then not links). */
export function blobBase(env: NodeJS.ProcessEnv): BlobBase | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha) return undefined;
  return { url: `${server.replace(/\/$/, "")}/${repo}/blob/${sha}` };
}

/**
 * Text from manifests, safe in Markdown and in a table cell: every ASCII punctuation character
 * is backslash-escaped (CommonMark allows it for all of them, so no markup, HTML, disguised
 * link or `|` survives) and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function truncate(text: string): string {
  return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text;
}

/** A link to the line when the file is inside the repository, else the plain location. */
function location(file: string, line: number, base: BlobBase | undefined): string {
  const label = escapeMarkdown(`${file}:${line}`);
  const posix = file.replace(/\\/g, "/");
  if (!base || posix.startsWith("../") || posix.startsWith("/") || /^[A-Za-z]:/.test(posix) || posix === "<stdin>") return label;
  const encoded = posix
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
  return `[${label}](${base.url}/${encoded}#L${line})`;
}

function resourceName(d: Diagnostic): string {
  const r = d.resource;
  return r.kind ? `${r.kind} ${r.namespace ? `${r.namespace}/` : ""}${r.name}` : "";
}

export interface SummaryOptions {
  /** Whether the findings fail the step (over the threshold, and fail-on is not never). */
  failed: boolean;
  failOn: string;
  base?: BlobBase;
}

/** The Markdown job summary of a completed run. */
export function summaryMarkdown(result: LintResult, options: SummaryOptions): string {
  const s = result.summary;
  const out: string[] = ["## k8s-lint", ""];
  const verdict = options.failed ? "fails" : "passes";
  out.push(
    `**${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.infos, "info")}** in ` +
      `${plural(s.files, "file")} (${plural(s.resources, "resource")}), Kubernetes ${escapeMarkdown(result.kubernetesVersion)}; ` +
      `the step ${verdict} (fail-on: ${escapeMarkdown(options.failOn)}).`,
    "",
  );
  const all: Array<{ file: string; d: Diagnostic }> = [];
  const byRule = new Map<string, Record<Severity, number>>();
  for (const file of result.files) {
    for (const d of file.diagnostics) {
      all.push({ file: file.path, d });
      const counts = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0 };
      counts[d.severity]++;
      byRule.set(d.ruleId, counts);
    }
  }
  if (all.length === 0) return `${out.join("\n")}\n`;

  const total = (c: Record<Severity, number>) => c.error + c.warning + c.info;
  const rules = [...byRule].sort(([a, ca], [b, cb]) => total(cb) - total(ca) || (a < b ? -1 : a > b ? 1 : 0));
  out.push("| Rule | Errors | Warnings | Infos |", "|---|---:|---:|---:|");
  for (const [id, c] of rules) out.push(`| [${escapeMarkdown(id)}](${ruleHelpUri(encodeURIComponent(id))}) | ${c.error} | ${c.warning} | ${c.info} |`);
  out.push("");

  // Stable: within a severity, findings keep the run's file and line order.
  const first = all.sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity]).slice(0, SUMMARY_FINDINGS);
  out.push(all.length > first.length ? `### The first ${first.length} of ${all.length} findings` : "### Findings", "");
  out.push("| Severity | Location | Rule | Resource | Message |", "|---|---|---|---|---|");
  for (const { file, d } of first) {
    const cells = [d.severity, location(file, d.line, options.base), escapeMarkdown(d.ruleId), escapeMarkdown(resourceName(d)), escapeMarkdown(truncate(d.message))];
    out.push(`| ${cells.join(" | ")} |`);
  }
  if (all.length > first.length) out.push("", `${all.length - first.length} more in the annotations and the log.`);
  return `${out.join("\n")}\n`;
}

/** The summary of a run that could not complete (exit code 2). */
export function failureMarkdown(message: string): string {
  return `## k8s-lint\n\n**k8s-lint could not run:** ${escapeMarkdown(truncate(message))}\n`;
}

/** The job summary's graph section: the Mermaid chart in a block GitHub renders. */
export function graphMarkdown(mermaid: string): string {
  return `\n### Resources and links\n\nBroken links are dotted and red with the finding's message ([k8s-lint graph](https://github.com/k8s-lint/k8s-lint/blob/main/docs/graph.md)).\n\n\`\`\`mermaid\n${mermaid}\`\`\`\n`;
}
