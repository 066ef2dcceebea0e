/**
 * docs/policy-examples.md, generated from the fixture sets of CRD validation rules and of
 * ValidatingAdmissionPolicies (fixtures/rules/crd-validation-rule/*.set,
 * fixtures/rules/admission-policy-violation/*.set): for each CRD its rules, for each policy its
 * validations, the objects that pass, the objects that fail, and what k8s-lint prints about
 * them, from a real lint of the set. `npm run gen:docs` writes it; a test fails when it is stale.
 * The stylish formatter is passed in (docs do not import formatters: the layer table).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { lint } from "../engine/lint.js";
import type { Diagnostic, LintResult } from "../types.js";

export const POLICY_EXAMPLES_DOC_PATH = "docs/policy-examples.md";
const GENERATED = "<!-- Generated from the fixture sets by `npm run gen:docs`; do not edit. -->";

/** The two fixture sets: where they are, the rule they exercise, and the file of each role. */
export const EXAMPLE_SETS = {
  crd: { folder: "fixtures/rules/crd-validation-rule", ruleId: "crd-validation-rule", definition: "crd.yaml" },
  policy: { folder: "fixtures/rules/admission-policy-violation", ruleId: "admission-policy-violation", definition: "policy.yaml" },
} as const;

type SetKind = keyof typeof EXAMPLE_SETS;

/** One CRD rule or policy validation: where it is written (its path in the definition) and what it says. */
export interface ExampleRule {
  /** The object that holds it: `portals.net.example.com`, `replica-limit`. */
  owner: string;
  /** Path of the rule (CRD) or expression (policy) in its object, as findings' related locations write it. */
  path: string;
  /** Where in the custom resource the rule applies (CRD), or what the policy matches (policy). */
  at: string;
  expression: string;
  message: string;
  /** A CRD transition rule (reads oldSelf): it needs the stored object, so an offline lint never runs it. */
  transition?: boolean;
}

/** A fixture set: its definition, the objects kept and broken, its rules, and the in-scope findings of a lint of it. */
export interface ExampleSet {
  kind: SetKind;
  name: string;
  folder: string;
  /** The description line of the definition file. */
  title: string;
  files: { definition: string; kept: string; broken: string };
  rules: ExampleRule[];
  findings: Array<{ file: string; diagnostic: Diagnostic }>;
  result: LintResult;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function documents(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).map((d) => d.toJSON() as unknown).filter(isMap);
}

/** The x-kubernetes-validations of a CRD's schemas, with their paths as findings name them. */
function crdRules(crd: Record<string, unknown>): ExampleRule[] {
  const out: ExampleRule[] = [];
  const owner = String((crd.metadata as Record<string, unknown>)?.name ?? "");
  const walk = (node: unknown, path: string, field: string) => {
    if (!isMap(node)) return;
    const rules = node["x-kubernetes-validations"];
    if (Array.isArray(rules)) {
      rules.forEach((r, i) => {
        if (!isMap(r) || typeof r.rule !== "string") return;
        const message = typeof r.message === "string" ? r.message : typeof r.messageExpression === "string" ? `(messageExpression) ${r.messageExpression}` : "";
        const transition = /\boldSelf\b/.test(r.rule);
        out.push({ owner, path: `${path}.x-kubernetes-validations[${i}].rule`, at: field || "(the object)", expression: r.rule, message, ...(transition ? { transition } : {}) });
      });
    }
    if (isMap(node.properties)) for (const [k, v] of Object.entries(node.properties)) walk(v, `${path}.properties.${k}`, field ? `${field}.${k}` : k);
    if (isMap(node.items)) walk(node.items, `${path}.items`, `${field}[*]`);
    if (isMap(node.additionalProperties)) walk(node.additionalProperties, `${path}.additionalProperties`, `${field}.*`);
  };
  const versions = (crd.spec as Record<string, unknown> | undefined)?.versions;
  if (Array.isArray(versions)) versions.forEach((v, i) => isMap(v) && isMap(v.schema) && walk(v.schema.openAPIV3Schema, `spec.versions[${i}].schema.openAPIV3Schema`, ""));
  return out;
}

/** The validations of the ValidatingAdmissionPolicies of a policy file. */
function policyRules(docs: Record<string, unknown>[]): ExampleRule[] {
  return docs
    .filter((d) => d.kind === "ValidatingAdmissionPolicy")
    .flatMap((policy) => {
      const owner = String((policy.metadata as Record<string, unknown>)?.name ?? "");
      const spec = isMap(policy.spec) ? policy.spec : {};
      const resources = (isMap(spec.matchConstraints) && Array.isArray(spec.matchConstraints.resourceRules) ? spec.matchConstraints.resourceRules : [])
        .flatMap((r) => (isMap(r) && Array.isArray(r.resources) ? r.resources : []))
        .join(", ");
      const extras = [spec.paramKind ? "params" : "", Array.isArray(spec.matchConditions) ? "matchConditions" : "", Array.isArray(spec.variables) ? "variables" : ""].filter(Boolean);
      const at = `${resources || "(no resource rules)"}${extras.length ? `; ${extras.join(", ")}` : ""}`;
      return (Array.isArray(spec.validations) ? spec.validations : []).flatMap((v, i) =>
        isMap(v) && typeof v.expression === "string"
          ? [{ owner, path: `spec.validations[${i}].expression`, at, expression: v.expression, message: typeof v.message === "string" ? v.message : typeof v.messageExpression === "string" ? `(messageExpression) ${v.messageExpression}` : "" }]
          : [],
      );
    });
}

/** Every fixture set of one kind, linted (sets in name order). */
export async function loadExampleSets(root: string, kind: SetKind): Promise<ExampleSet[]> {
  const { folder, ruleId, definition } = EXAMPLE_SETS[kind];
  const names = readdirSync(join(root, folder))
    // The sets that hold a definition (with kept.yaml and broken.yaml) are the examples; other sets of the folder are fixtures of their own.
    .filter((f) => f.endsWith(".set") && existsSync(join(root, folder, f, definition)))
    .sort();
  const sets: ExampleSet[] = [];
  for (const name of names) {
    const dir = `${folder}/${name}`;
    const read = (f: string) => readFileSync(join(root, dir, f), "utf8");
    const files = { definition: read(definition), kept: read("kept.yaml"), broken: read("broken.yaml") };
    const docs = documents(files.definition);
    const rules = kind === "crd" ? docs.filter((d) => d.kind === "CustomResourceDefinition").flatMap(crdRules) : policyRules(docs);
    const title = (/^# (?!rules:)(.*)$/m.exec(files.definition)?.[1] ?? name).trim();
    const result = await lint([dir], { cwd: root, config: {} });
    const findings = result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === ruleId).map((diagnostic) => ({ file: f.path, diagnostic })));
    sets.push({ kind, name, folder: dir, title, files, rules, findings, result });
  }
  return sets;
}

/** The stylish formatter (formatters/stylish.ts, format), as the caller passes it. */
export type StylishFormat = (result: LintResult, options: { color: boolean; width: number; explain: boolean; rules: readonly [] }) => string | Iterable<string>;

/** What k8s-lint prints of a set's findings of its rule (stylish, no colour): the other rules' findings are left out. */
function printed(set: ExampleSet, format: StylishFormat): string {
  const { ruleId } = EXAMPLE_SETS[set.kind];
  const files = set.result.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.ruleId === ruleId) })).filter((f) => f.diagnostics.length);
  const count = (s: string) => files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === s).length, 0);
  const result: LintResult = { ...set.result, files, summary: { ...set.result.summary, errors: count("error"), warnings: count("warning"), infos: count("info") } };
  // explain shows info findings (an Audit action); without rule descriptions it adds no explanation.
  return Array.from(format(result, { color: false, width: 100, explain: true, rules: [] })).join("").trimEnd();
}

const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
const fence = (lang: string, text: string) => ["```" + lang, text.trimEnd(), "```"];

function section(set: ExampleSet, format: StylishFormat): string[] {
  const { ruleId } = EXAMPLE_SETS[set.kind];
  const heading = set.kind === "crd" ? `${set.rules[0]?.owner ?? set.name}` : set.rules[0]?.owner ?? set.name;
  const lines = [`### ${heading}`, "", `${set.title} Fixture: [${set.folder}](../${set.folder}).`, ""];
  lines.push(set.kind === "crd" ? "| Field | Rule | Message |" : "| Matches | Validation | Message |", "|---|---|---|");
  for (const r of set.rules) lines.push(`| ${code(r.at)} | ${code(r.expression)}${r.transition ? " (transition rule: not run offline)" : ""} | ${r.message ? code(r.message) : "(none)"} |`);
  const definition = set.kind === "crd" ? "The CRD" : "The policy and its binding";
  lines.push("", "<details>", `<summary>${definition} (${EXAMPLE_SETS[set.kind].definition})</summary>`, "", ...fence("yaml", set.files.definition), "", "</details>", "");
  lines.push("Passes (kept.yaml): k8s-lint reports nothing for it.", "", ...fence("yaml", set.files.kept), "");
  lines.push(`Fails (broken.yaml):`, "", ...fence("yaml", set.files.broken), "");
  lines.push(`What k8s-lint prints (the ${ruleId} findings):`, "", ...fence("text", printed(set, format)), "");
  return lines;
}

export async function renderPolicyExamples(root: string, format: StylishFormat): Promise<string> {
  const crds = await loadExampleSets(root, "crd");
  const policies = await loadExampleSets(root, "policy");
  const crdRuleCount = crds.reduce((n, s) => n + s.rules.filter((r) => !r.transition).length, 0);
  const policyCount = new Set(policies.flatMap((s) => s.rules.map((r) => r.owner))).size;
  return [
    GENERATED,
    "",
    "# CRD validation rules and admission policies, evaluated offline",
    "",
    "Each example below is a fixture set of the repository, linted by the test suite both ways: the",
    "objects of `kept.yaml` pass, every object of `broken.yaml` fails, and the output shown is what",
    "k8s-lint prints for the set (only the findings of the rule the set is about; a real run adds the",
    "other rules', and shows info findings, an Audit action's, with `--explain`). How the evaluation works: [custom-rules.md](custom-rules.md),",
    "[crd-validation-rule](rules/crd-validation-rule.md), [admission-policy-violation](rules/admission-policy-violation.md).",
    "",
    "## CRD validation rules",
    "",
    `${crdRuleCount} \`x-kubernetes-validations\` rules of ${crds.length} CRDs, re-written in our own names from public`,
    "CRDs (Gateway API, cert-manager, Cluster API and Karpenter, Crossplane). A finding sits at the",
    "field the rule is written on (or its `fieldPath`). Transition rules (those that read `oldSelf`)",
    "judge an update against the stored object, which an offline lint does not have: they are listed",
    "and not counted.",
    "",
    ...crds.flatMap((set) => section(set, format)),
    "## ValidatingAdmissionPolicies",
    "",
    `${policyCount} policies with their bindings, among them params (by name, by selector, and missing), matchConditions,`,
    "variables, namespace and object selectors, and the three validationActions (Deny: error, Warn:",
    "warning, Audit: info). A finding sits at the resource: a policy's validation names no field.",
    "",
    ...policies.flatMap((set) => section(set, format)),
  ].join("\n");
}
