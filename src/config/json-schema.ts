/**
 * The JSON Schema of `.k8s-lint.yaml` (schema/config.schema.json) and the configuration
 * reference (docs/configuration.md), both generated from the zod schema so neither can drift.
 * Regenerate with `npm run gen:docs`; a test fails when they are stale.
 */
import * as z from "zod/mini";
import { allRules } from "../engine/registry.js";
import { configSchema, excludeEntry } from "./schema.js";
import { PRESET_NAMES, PRESET_PREFIX, PRESET_SUMMARIES } from "../presets.js";

export const CONFIG_SCHEMA_PATH = "schema/config.schema.json";
export const CONFIG_DOC_PATH = "docs/configuration.md";
const GENERATED = "<!-- Generated from src/config/schema.ts by `npm run gen:docs`; do not edit. -->";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

/** Draft-07, the newest draft every YAML/JSON editor plugin understands. */
export function configJsonSchema(repository: string): JsonSchema {
  const schema = z.toJSONSchema(configSchema, { target: "draft-7" }) as JsonSchema;
  const rules = schema.properties!.rules;
  // Known rule ids as properties: editors complete them and show each rule's summary.
  rules.properties = Object.fromEntries(
    allRules.map(({ meta }) => [meta.id, { description: `${meta.summary} (default: ${meta.severity})`, enum: ["off", "info", "warning", "error"] }]),
  );
  // Preset names as an enum: editors complete them (the bare name is accepted too).
  schema.properties!.extends.items = { type: "string", enum: [...PRESET_NAMES.map((p) => PRESET_PREFIX + p), ...PRESET_NAMES] };
  return {
    $schema: schema.$schema,
    $id: `${repository}/raw/main/${CONFIG_SCHEMA_PATH}`,
    title: "k8s-lint configuration (.k8s-lint.yaml)",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export function renderConfigSchema(repository: string): string {
  return `${JSON.stringify(configJsonSchema(repository), null, 2)}\n`;
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (s.type === "array" && s.items) return `list of ${s.items.type === "object" ? "objects" : typeOf(s.items)}`;
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") {
    return `map of rule id → ${typeOf(s.additionalProperties)}`;
  }
  if (s.type === "integer" && typeof s.minimum === "number") return `integer ≥ ${s.minimum}`;
  if (typeof s.pattern === "string") return `string matching \`${s.pattern}\``;
  return String(s.type ?? "any");
}

function table(schema: JsonSchema, skip: string[] = []): string[] {
  const required = new Set(schema.required ?? []);
  const rows = ["| Key | Type | Required | Meaning |", "|---|---|---|---|"];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (skip.includes(key)) continue;
    const desc = (prop.description ?? "").replace(/\|/g, "\\|").replace(/</g, "&lt;");
    rows.push(`| \`${key}\` | ${typeOf(prop)} | ${required.has(key) ? "yes" : "no"} | ${desc} |`);
  }
  return rows;
}

export function renderConfigReference(repository: string): string {
  const top = z.toJSONSchema(configSchema, { target: "draft-7" }) as JsonSchema;
  const entry = z.toJSONSchema(excludeEntry, { target: "draft-7" }) as JsonSchema;
  const schemaUrl = `${repository}/raw/main/${CONFIG_SCHEMA_PATH}`;
  return [
    GENERATED,
    "",
    "# Configuration reference",
    "",
    "k8s-lint reads `.k8s-lint.yaml` (or `.k8s-lint.yml`, `.k8s-lint.json`) from the working directory or the nearest",
    "parent directory that has one; `--config <file>` names a file explicitly. An invalid file stops the",
    "run with exit code 2 and names the offending key and its line. Unknown keys are errors, so a typo",
    "cannot silently disable a setting. The file must be a regular file of at most 1 MB (as must",
    "`.k8s-lintignore`); anything else is exit 2 with one line saying why.",
    "",
    "Command-line flags win over the file: `--preset` adds to `extends`, `--pod-security` over `podSecurity`, `--rule` over `rules`, `--kubernetes-version` over",
    "`kubernetesVersion`, `--default-namespace` over `defaultNamespace`, `--max-warnings` over",
    "`maxWarnings`, `--references` over `references`; `--ignore-pattern` adds to `ignore`.",
    "",
    "The globs of `ignore` are relative to the directory of the config file, wherever k8s-lint runs",
    "from (a config in the repository root with `charts/**` leaves out `<root>/charts/**` also when",
    "run from a subdirectory); `--ignore-pattern`, `!<glob>` paths and `.k8s-lintignore` are relative",
    "to the working directory. A glob that matches a directory leaves out everything under it.",
    "",
    "## Keys",
    "",
    ...table(top, ["$schema"]),
    "",
    "`$schema` may be set to the schema's address; it is otherwise ignored.",
    "",
    "### `extends`",
    "",
    "The presets to enable ([presets.md](presets.md) lists their rules). `recommended`, the default",
    "set, is always on; the others add opinionated rules, which are otherwise off:",
    "",
    ...PRESET_NAMES.map((p) => `- \`${PRESET_PREFIX}${p}\`: ${PRESET_SUMMARIES[p]}`),
    "",
    "A name may be written without the prefix (`security`). An unknown name is an error (exit 2) with",
    "the nearest preset. A rule of a preset that is not enabled runs when `rules` gives it a severity;",
    "`off` under `rules` silences a rule whatever the presets say.",
    "",
    "### `podSecurity`",
    "",
    "The Pod Security Standard the pod-security rules (`pss-*`, part of the `security` preset) judge",
    "against: `level` (`baseline` or `restricted`, the default) and `version` (`v1.30` as the namespace",
    "label `pod-security.kubernetes.io/enforce-version` writes it, or `latest`, the default: the policy",
    "of `kubernetesVersion`). Setting it enables those rules without the rest of the preset;",
    "`--pod-security <level>[:<version>]` overrides it. See [presets.md](presets.md#pod-security-standards).",
    "",
    "### `rules`",
    "",
    "A severity set for a rule (in `rules` or with `--rule id=severity`) sets the rule's level. A few",
    "rules report some findings below their default on purpose (`privileged-container`,",
    "`host-namespace` and `hostpath-volume` report DaemonSets, node agents that need host access, as",
    "info, and `hostpath-volume` a read-only mount too): those findings keep their distance. Levels go info < warning < error, and a configured",
    "severity moves every finding of the rule by as many steps as it moves the rule's default, never",
    "below info nor above error. With `privileged-container: error` (default warning) a Pod's",
    "privileged container is an error and a DaemonSet's a warning; with `privileged-container: warning`",
    "nothing changes; with `info` both are info. `off` silences every finding of the rule.",
    "",
    "### `exclude` entries",
    "",
    "Each entry silences the listed rules for every resource that matches all of the given globs",
    "(minimatch syntax; an omitted field matches everything). Use it for resources you cannot edit,",
    "such as a third-party chart's output; for your own resources prefer the",
    '`k8s-lint.io/ignore: "rule-a,rule-b"` annotation or a `# k8s-lint-disable-next-line rule-a` comment.',
    "",
    ...table(entry),
    "",
    "### `references`",
    "",
    "Whether the input holds every object its resources refer to. With `partial` (the default) a",
    "reference to an object absent from the input is reported only when the input defines objects of",
    "that kind in the referring namespace: otherwise the object is taken to come from a file that was",
    "not given or from other tooling. A namespace into which an Argo CD Application or a Flux",
    "HelmRelease of the input installs a Helm chart counts as one the input does not fully define",
    "(for Kubernetes' own kinds): the chart creates objects there; so do kube-system, kube-public",
    "and kube-node-lease, which the cluster's installer fills, and (for every kind) a namespace into",
    "which a kustomization of the input builds a base outside the linted paths or a remote URL,",
    "whose objects the run does not read. An object without a namespace of its own (none written,",
    "or `default`) makes its kind managed only for the files applied with it: those of the folder it",
    "is applied from (its file's, or the root kustomization's that builds it), the folders above it",
    "and those below it; unrelated sample folders are not applied together. With `complete` every absent",
    "object is reported. `--context`",
    "(the repository as a whole, as the pre-commit hook passes it) makes `complete` the default when",
    "it holds objects; a context of CustomResourceDefinitions only gives custom resources a schema",
    "and leaves `partial`. Set `references: partial` when objects the manifests refer to, such as",
    "Secrets, are created outside the repository. The setting changes exactly these rules:",
    "",
    ...allRules.filter(({ meta }) => meta.reportsAbsentObjects).map(({ meta }) => `- [${meta.id}](rules/${meta.id}.md)`),
    "",
    "## Example",
    "",
    "```yaml",
    `# yaml-language-server: $schema=${schemaUrl}`,
    "extends: [k8s-lint:recommended, k8s-lint:security]",
    "kubernetesVersion: \"1.29\"",
    "defaultNamespace: shop",
    "maxWarnings: 0",
    "rules:",
    "  image-latest-tag: error",
    "  missing-liveness-probe: off",
    "ignore:",
    "  - \"vendor/**\"",
    "  - \"charts/*/templates/**\"",
    "exclude:",
    "  - kind: DaemonSet",
    "    namespace: kube-system",
    "    rules: [host-namespace, hostpath-volume]",
    "  - name: \"ingress-nginx-*\"",
    "    rules: [\"*\"]",
    "```",
    "",
    "## Editor support",
    "",
    `The JSON Schema is generated from the same definition and shipped in the package as \`${CONFIG_SCHEMA_PATH}\`.`,
    "With the YAML language server (VS Code's YAML extension and others), the comment in the first line",
    "of the example above enables completion of every key and rule id, with each rule's summary.",
    "",
    "The rule ids and their default severities are listed in [rules/README.md](rules/README.md).",
    "",
  ].join("\n");
}
