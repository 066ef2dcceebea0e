/** docs/presets.md: each preset and its rules, rendered from rule meta so the page cannot drift from the code. */
import { allRules, type Rule } from "../engine/registry.js";
import { PRESET_NAMES, PRESET_PREFIX, PRESET_SUMMARIES, presetsOf, type PresetChoice } from "../presets.js";

export const PRESETS_DOC_PATH = "docs/presets.md";
const GENERATED = "<!-- Generated from the rules' meta by `npm run gen:docs`; do not edit. -->";

function rulesOf(preset: PresetChoice, rules: readonly Rule[]): readonly Rule[] {
  return preset === "all" ? rules : rules.filter(({ meta }) => presetsOf(meta).includes(preset));
}

function ruleTable(rules: readonly Rule[]): string[] {
  if (!rules.length) return ["No rules yet."];
  const rows = ["| Rule | Severity | Category | Summary |", "|---|---|---|---|"];
  for (const { meta } of rules) rows.push(`| [${meta.id}](rules/${meta.id}.md) | ${meta.severity} | ${meta.category} | ${meta.summary.replace(/\|/g, "\\|")} |`);
  return rows;
}

function supersessions(rules: readonly Rule[]): string[] {
  const lines = rules.flatMap(({ meta }) => (meta.supersedes ?? []).map((old) => `- [${meta.id}](rules/${meta.id}.md) stands in for [${old}](rules/${old}.md)`));
  return lines.length ? ["", ...lines] : ["none yet."];
}

/** Upstream files not named after their check id. */
const CHECK_FILES: Readonly<Record<string, string>> = { procMount: "procMount_baseline", hostProbesAndHostLifecycle: "hostProbesAndhostLifecycle" };

/** The checks of the pod-security admission controller, each with the rule that implements it. */
function podSecuritySection(rules: readonly Rule[]): string[] {
  const checks = rules.filter(({ meta }) => meta.podSecurityCheck);
  const order = (level: string) => (level === "baseline" ? 0 : 1);
  checks.sort((a, b) => order(a.meta.podSecurityCheck!.level) - order(b.meta.podSecurityCheck!.level) || a.meta.podSecurityCheck!.id.localeCompare(b.meta.podSecurityCheck!.id));
  const source = (id: string) => {
    const file = `policy/check_${CHECK_FILES[id] ?? id}.go`;
    return `[${file}](https://github.com/kubernetes/pod-security-admission/blob/master/${file})`;
  };
  return [
    "## Pod Security Standards",
    "",
    "The `security` preset runs the checks of the Pod Security Standards exactly as the pod-security",
    "admission controller ([k8s.io/pod-security-admission](https://github.com/kubernetes/pod-security-admission))",
    "implements them: one rule per check, with its fields, allowed values, per-version behaviour and",
    "exemptions. The setting `podSecurity` (or `--pod-security <level>[:<version>]`) chooses what they",
    "judge against, as the namespace labels `pod-security.kubernetes.io/enforce` and `enforce-version`",
    "do in a cluster:",
    "",
    "```yaml",
    "podSecurity:",
    "  level: baseline   # or restricted (the default)",
    "  version: v1.29    # or latest (the default): the policy of the target Kubernetes release",
    "```",
    "",
    "`baseline` runs the baseline checks only; `restricted` runs both, except the baseline checks a",
    "restricted check replaces from some version on (upstream's `OverrideCheckIDs`). Setting",
    "`podSecurity` turns the checks on without the rest of the `security` preset. A version newer than",
    "any check knows is judged as the newest policy, as the admission controller does.",
    "",
    `${checks.length} upstream checks:`,
    "",
    "| Upstream check | Level | Rule | Source |",
    "|---|---|---|---|",
    ...checks.map(({ meta }) => `| \`${meta.podSecurityCheck!.id}\` | ${meta.podSecurityCheck!.level} | [${meta.id}](rules/${meta.id}.md) | ${source(meta.podSecurityCheck!.id)} |`),
    "",
  ];
}

export function renderPresetsDoc(rules: readonly Rule[] = allRules): string {
  const lines = [
    GENERATED,
    "",
    "# Presets",
    "",
    "A preset is a named set of rules, as ESLint's shareable configs. `recommended` is the default set:",
    "rules that report what the API server rejects or what fails at run time. It is always on, so",
    "upgrading k8s-lint never adds opinionated findings to a run that did not ask for them. The",
    "opinionated rules belong to `security` or `production` and run only when their preset is",
    "enabled; `all` enables every preset.",
    "",
    "```yaml",
    "# .k8s-lint.yaml",
    `extends: [${PRESET_PREFIX}recommended, ${PRESET_PREFIX}security]`,
    "```",
    "",
    "or on the command line `k8s-lint --preset security .` (repeatable; adds to the config's",
    "`extends`; the Action's `preset` input does the same). A name without the prefix (`security`) is",
    "accepted in both places. A rule of a preset that is not enabled can still be turned on by name:",
    "`rules: { <id>: warning }` in the config, or `--rule <id>=warning`. A rule set to `off` stays off",
    "whatever the presets say. `--print-config` and the JSON output (`presets`) show the enabled",
    "presets, `k8s-lint rules` the preset of each rule, and `--explain` under a finding of an opt-in",
    "rule says which preset it comes from.",
    "",
    "A rule of a preset may stand in for a recommended rule that reports the same fault: while it",
    "runs, the recommended one is off, so one fault is reported once:",
    ...supersessions(rules),
    "",
  ];
  lines.push(...podSecuritySection(rules));
  for (const preset of PRESET_NAMES) {
    const members = rulesOf(preset, rules);
    lines.push(`## ${preset}`, "", PRESET_SUMMARIES[preset], "", `\`${PRESET_PREFIX}${preset}\`: ${members.length} rule${members.length === 1 ? "" : "s"}.`, "");
    // recommended and all would repeat the whole catalogue.
    if (preset === "recommended") lines.push("Every rule without a preset below: see [rules/README.md](rules/README.md).", "");
    else if (preset === "all") lines.push("Every rule of [rules/README.md](rules/README.md).", "");
    else lines.push(...ruleTable(members), "");
  }
  return lines.join("\n");
}
