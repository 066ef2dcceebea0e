/**
 * docs/advisor/*.md are rendered from the advisor's data (status topics, exit codes) and the rule
 * registry, the way `k8s-lint explain` answers, so the pages cannot drift from the code.
 */
import { explainExitCode, signalInfo } from "../explain/exit-codes.js";
import { explainStatus, findStatusTopic, type StatusExplanation } from "../explain/lookup.js";
import { statusTopics } from "../explain/topics/index.js";
import type { StatusTopic } from "../explain/types.js";

const GENERATED = "<!-- Generated from the advisor's data by `npm run gen:docs`; do not edit. -->";

export const ADVISOR_DIR = "docs/advisor";
export const ADVISOR_INDEX_PATH = `${ADVISOR_DIR}/README.md`;
export const EXIT_CODES_PATH = `${ADVISOR_DIR}/exit-codes.md`;

/** The exit codes the exit-code page explains one by one (every code a topic links to is here). */
export const NOTABLE_EXIT_CODES = [0, 1, 2, 126, 127, 128, 130, 134, 137, 139, 143, 255] as const;

/** The `diagnose` example: every *.yaml in this folder, with the clock pinned just after the dumps were taken. */
export const DIAGNOSE_EXAMPLE_DIR = "fixtures/diagnose";
export const DIAGNOSE_EXAMPLE_NOW = "2024-05-14T09:45:00Z";

export interface DiagnoseExample {
  /** The command as a user types it. */
  command: string;
  /** What it printed (no colour). */
  output: string;
}

export interface AdvisorPage {
  path: string;
  text: string;
}

/** `Init:N/M` -> `init-n-m`, `CrashLoopBackOff` -> `crashloopbackoff`. */
export function topicSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export function topicDocPath(topic: StatusTopic): string {
  return `${ADVISOR_DIR}/${topicSlug(topic.name)}.md`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const exitAnchor = (code: number) => `exit-code-${code}`;

/** A link to what `k8s-lint explain <name>` would answer, from a page inside docs/advisor/. */
function topicLink(name: string): string {
  if (/^\d+$/.test(name)) {
    const code = Number(name);
    const anchor = (NOTABLE_EXIT_CODES as readonly number[]).includes(code) ? `#${exitAnchor(code)}` : "";
    return `[exit code ${code}](exit-codes.md${anchor})`;
  }
  const match = findStatusTopic(name);
  if (!match) throw new Error(`the advisor links to "${name}", which is no status topic`);
  return `[${name}](${topicSlug(match.topic.name)}.md)`;
}

function statusPage(e: StatusExplanation): string {
  const lines = [GENERATED, "", `# ${e.name}`, "", e.summary, "", `- Phase: ${e.phase}`, `- Shown in: ${e.source}`];
  if (e.aliases.length) lines.push(`- Also answers to: ${e.aliases.map((a) => `\`${a}\``).join(", ")}`);
  lines.push("", "## What it means", "", e.meaning.trim(), "", "## Common causes, most likely first", "");
  e.causes.forEach((cause, i) => lines.push(`${i + 1}. ${cause}`));
  lines.push("", "## Investigate", "", "```sh", ...e.commands, "```", "", "## Rules that catch its causes before deploy", "");
  if (e.rules.length === 0) {
    lines.push("None: it comes from the cluster or the application, not from the manifest.");
  } else {
    lines.push("| Rule | Severity | Summary |", "|---|---|---|");
    for (const r of e.rules) lines.push(`| [${r.id}](../rules/${r.id}.md) | ${r.severity} | ${cell(r.summary)} |`);
  }
  if (e.seeAlso.length) lines.push("", "## See also", "", e.seeAlso.map(topicLink).join(", "));
  lines.push("", `In a terminal: \`k8s-lint explain ${e.name}\` (any case; \`--format json\` for the same as data).`, "");
  return lines.join("\n");
}

export function renderTopicDoc(topic: StatusTopic): string {
  return statusPage(explainStatus({ topic }));
}

export function renderExitCodesDoc(): string {
  const lines = [
    GENERATED,
    "",
    "# Container exit codes",
    "",
    "When a container's process ends, the kubelet records its exit code in the container's",
    "`state.terminated` (and, after a restart, `lastState.terminated`) with a reason such as",
    "`Completed`, `Error` or `OOMKilled`. Exit statuses are 8 bits: 0 to 255.",
    "`k8s-lint explain <code>` explains any of them; it also reads kubectl's `ExitCode:N` and",
    "`Signal:N` forms and signal names (`SIGKILL`).",
    "",
    "## Notable codes",
    "",
    "| Code | Meaning | Read next |",
    "|---|---|---|",
  ];
  const infos = NOTABLE_EXIT_CODES.map((code) => explainExitCode(code));
  for (const info of infos) {
    lines.push(`| [${info.code}](#${exitAnchor(info.code)}) | ${cell(info.title)} | ${info.related.map(topicLink).join(", ")} |`);
  }
  lines.push(
    "",
    "## Codes above 128: 128 + N is signal N",
    "",
    "A process killed by a signal has no exit status of its own; the runtime reports 128 plus the",
    "signal's number (Linux numbering), so 137 = 128 + 9 (SIGKILL) and 143 = 128 + 15 (SIGTERM).",
    "Codes from 193 to 254 are above 128 + 64, so they are values the program chose, not signals.",
    "",
    "| Code | Signal | Meaning |",
    "|---|---|---|",
  );
  for (let n = 1; n <= 31; n++) {
    const s = signalInfo(n);
    if (s) lines.push(`| ${128 + n} | ${s.number} ${s.name} | ${cell(s.meaning)} |`);
  }
  const realtime = signalInfo(34);
  if (realtime) lines.push(`| 162-192 | 34-64, real-time (SIGRTMIN to SIGRTMAX) | ${cell(realtime.meaning)} |`);
  for (const info of infos) {
    lines.push("", `## Exit code ${info.code}`, "", `**${info.title}**`, "", info.meaning.trim(), "", "Likely causes in a cluster, most likely first:", "");
    info.causes.forEach((cause, i) => lines.push(`${i + 1}. ${cause}`));
    if (info.related.length) lines.push("", `See also: ${info.related.map(topicLink).join(", ")}.`);
  }
  lines.push(
    "",
    "## Investigate",
    "",
    "```sh",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated}'",
    "kubectl logs <pod> -n <ns> -c <container> --previous",
    "```",
    "",
  );
  return lines.join("\n");
}

/** Every page of docs/advisor/ except the index (which embeds a real `diagnose` run). */
export function advisorPages(): AdvisorPage[] {
  return [...statusTopics.map((t) => ({ path: topicDocPath(t), text: renderTopicDoc(t) })), { path: EXIT_CODES_PATH, text: renderExitCodesDoc() }];
}

export function renderAdvisorIndex(example: DiagnoseExample): string {
  const lines = [
    GENERATED,
    "",
    "# The troubleshooting advisor",
    "",
    "Two commands help when pods already misbehave in a cluster: `k8s-lint explain` says what a",
    "status or an exit code means and which rules would have caught its causes, and",
    "`k8s-lint diagnose` reads what kubectl prints about live objects and names the likely cause",
    "of every unhealthy pod. Neither needs access to a cluster.",
    "",
    "## `k8s-lint explain <topic>`",
    "",
    "```sh",
    "k8s-lint explain CrashLoopBackOff       # a pod status reason as `kubectl get pods` prints it (any case)",
    "k8s-lint explain Init:0/2               # kubectl's forms: Init:N/M, Init:<reason>, ExitCode:N, Signal:N",
    "k8s-lint explain 137                    # an exit code, 0-255",
    "k8s-lint explain missing-memory-limit   # a rule: why it matters, the fix, a failing and a fixed example",
    "k8s-lint explain --list                 # every topic",
    "k8s-lint explain OOMKilled --format json",
    "```",
    "",
    "For a status it prints the pod phase it shows in, what it means, the common causes with the",
    "most likely first, the kubectl commands to investigate, and the rules that catch its causes",
    "before deploy: the rules whose `preventsStatus` names it. A misspelled topic gets a",
    "did-you-mean. These pages hold the same answers:",
    "",
    "| Status | Phase | Summary |",
    "|---|---|---|",
  ];
  for (const t of statusTopics) lines.push(`| [${t.name}](${topicSlug(t.name)}.md) | ${cell(t.phase)} | ${cell(t.summary)} |`);
  lines.push(
    "",
    `Exit codes: [exit-codes.md](exit-codes.md) (the notable codes and the 128 + N signal rule).`,
    "Rules: [../rules/](../rules/README.md).",
    "",
    "## `k8s-lint diagnose <file|->`",
    "",
    "```sh",
    "kubectl get pods,events,deploy,sts,rs,jobs -n shop -o yaml > dump.yaml   # events make the causes surer",
    "k8s-lint diagnose dump.yaml",
    "kubectl get pods -A -o json | k8s-lint diagnose -",
    "```",
    "",
    "It reads `kubectl get ... -o yaml` or `-o json` output (a List, or several documents). For every",
    "pod it prints the STATUS `kubectl get pods` would show (derived from the phase, conditions and",
    "container states the way kubectl does), readiness and restarts, each container's state with",
    "its reason and exit code explained, the QoS class, the static findings on the pod's spec, and",
    "the most likely cause with the next command to run. For workloads it compares ready with",
    "desired replicas and names the pods holding them back (a Job with active pods is running, not",
    "short). `--format json` gives the same as data (`pods` and `workloads`). A pod or workload",
    "without status is a manifest, not a live object: it is named and left out (lint it with",
    "`k8s-lint <file>`). Exit code 0: every pod is healthy and every workload at its desired count;",
    "1: a pod has a problem or a workload is below desired; 2: usage or input failure, or only",
    "manifests in the input.",
    "",
    `An example, on the kubectl dumps in [${DIAGNOSE_EXAMPLE_DIR}/](../../${DIAGNOSE_EXAMPLE_DIR}/) (the clock set to`,
    `${DIAGNOSE_EXAMPLE_NOW}, just after they were taken, so the restart ages stay put):`,
    "",
    "```text",
    `$ ${example.command}`,
    example.output.trimEnd(),
    "```",
    "",
  );
  return lines.join("\n");
}
