/** docs/rules/*.md are rendered from rule meta and the rule's example fixtures, so the pages cannot drift from the code. */
import { describeScope, type Rule } from "../engine/registry.js";
import { ruleExamples } from "../engine/rule-examples.js";
import { presetNote } from "../presets.js";

const GENERATED = "<!-- Generated from the rule's meta by `npm run gen:docs`; do not edit. -->";

export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function renderRuleDoc(rule: Rule): string {
  const { meta } = rule;
  const lines = [
    GENERATED,
    "",
    `# ${meta.id}`,
    "",
    meta.summary,
    "",
    `- Severity: **${meta.severity}**`,
    `- Category: ${meta.category}`,
    `- Scope: ${meta.crossResource ? "cross-resource (needs the other resources of the input)" : "single resource"}`,
  ];
  // Rules the engine runs itself (yaml-syntax...) judge files, not resources.
  if (meta.appliesTo || rule.check) lines.push(`- Applies to: ${describeScope(meta.appliesTo)}`);
  if (meta.reportsAbsentObjects) {
    lines.push("- Absent objects: reported where the input defines that kind in the namespace; always under [`references: complete`](../configuration.md#references) (the default with a `--context` of objects)");
  }
  if (meta.checksPatches) lines.push("- Kustomize patches: checked too, for the fields they write (see [Kustomize trees](../getting-started.md#kustomize-trees-and-tool-configuration-files))");
  if (meta.presets?.length) lines.push(`- Preset: ${meta.presets.map((p) => `[${p}](../presets.md#${p})`).join(", ")} (off unless enabled)`);
  if (meta.supersedes?.length) lines.push(`- Stands in for: ${meta.supersedes.map((id) => `[${id}](${id}.md)`).join(", ")} (off while this rule runs)`);
  if (meta.fixable || meta.hasSuggestions) {
    const what = [meta.fixable ? "safe fixes that [`--fix`](../fixing.md) applies" : "", meta.hasSuggestions ? "suggestions (JSON, SARIF and the editor; never applied by `--fix`)" : ""];
    lines.push(`- Fixes: ${what.filter(Boolean).join("; ")}`);
  }
  if (meta.preventsStatus.length) lines.push(`- Prevents: ${meta.preventsStatus.map((s) => `\`${s}\``).join(", ")}`);
  lines.push("", "## Why", "", meta.explanation.trim());
  const note = presetNote(meta);
  if (note) lines.push("", note);
  lines.push("", "## Fix", "", meta.fix.trim());
  const examples = ruleExamples(meta.id);
  if (examples) {
    lines.push("", "## Example", "", "Reported:", "", "```yaml", examples.bad.trimEnd(), "```", "", "Fixed:", "", "```yaml", examples.good.trimEnd(), "```");
  }
  lines.push("", `Silence it for one line with \`# k8s-lint-disable-next-line ${meta.id}\`, or for a resource with the annotation \`k8s-lint.io/ignore: "${meta.id}"\`.`, "");
  return lines.join("\n");
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [GENERATED, "", "# Rules", "", `${rules.length} rules. (X) = cross-resource.`, "", "| Rule | Severity | Category | Summary |", "|---|---|---|---|"];
  for (const { meta } of rules) {
    lines.push(`| [${meta.id}](${meta.id}.md)${meta.crossResource ? " (X)" : ""} | ${meta.severity} | ${meta.category} | ${meta.summary.replace(/\|/g, "\\|")} |`);
  }
  lines.push("");
  return lines.join("\n");
}
