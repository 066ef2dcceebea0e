/**
 * The `--format json` contract (SPEC §3) as a zod schema: the source of schema/output.schema.json
 * and docs/json-output.md. A type test keeps it equal to `LintResult` in src/types.ts.
 */
import { z } from "zod";

const line = z.number().int().min(1);

export const resourceRefSchema = z
  .strictObject({
    apiVersion: z.string().describe('e.g. "apps/v1"; "" for findings outside any resource (a YAML syntax error)'),
    kind: z.string().describe('e.g. "Deployment"; "" outside any resource'),
    name: z.string().describe("metadata.name"),
    namespace: z.string().describe('metadata.namespace, defaulted (--default-namespace); "" for cluster-scoped kinds'),
  })
  .describe("the resource a diagnostic is about");

export const relatedSchema = z
  .strictObject({
    file: z.string().describe("file of the other resource, as `path`"),
    line: line.describe("1-based line of the other resource's field"),
    column: line.describe("1-based column"),
    resource: resourceRefSchema,
    path: z.string().describe("field path in the other resource"),
    message: z.string().optional().describe("what the other location is"),
  })
  .describe("the other end of a cross-resource finding");

const offset = z.number().int().min(0);

export const fixSchema = z
  .strictObject({
    edits: z
      .array(
        z
          .strictObject({
            start: offset.describe("first UTF-16 code unit replaced, counted in the file's text as decoded (a leading BOM not counted, CRLF as two)"),
            end: offset.describe("offset just after the last code unit replaced (exclusive); equal to start for an insertion"),
            text: z.string().describe("the replacement, with the file's own line endings"),
          })
          .describe("one replacement of the file's text"),
      )
      .describe("sorted by start, never overlapping"),
  })
  .describe("text edits that apply a fix to the diagnostic's file");

export const diagnosticSchema = z
  .strictObject({
    ruleId: z.string().describe("the rule that reported it; docs/rules/<ruleId>.md explains it"),
    severity: z.enum(["error", "warning", "info"]),
    message: z.string().describe("one line; names the offending value"),
    line: line.describe("1-based line of the offending key or value"),
    column: line.describe("1-based column, in UTF-16 code units (tabs count as one)"),
    endLine: line.describe("line of the end"),
    endColumn: line.describe("column just after the last character (exclusive)"),
    resource: resourceRefSchema,
    path: z.string().describe('field path in the resource, e.g. "spec.template.spec.containers[0].image"; "" for the whole document'),
    hint: z.string().optional().describe("how to fix it (a did-you-mean, the value to set)"),
    related: relatedSchema.optional(),
    source: z.string().optional().describe("template file named by a `# Source:` comment of `helm template` output"),
    fix: fixSchema.optional().describe("the safe fix `--fix` applies; absent when the rule has none for this finding"),
    suggestions: z
      .array(z.strictObject({ description: z.string().describe("what the suggestion does, e.g. `use port 8080`"), fix: fixSchema }))
      .optional()
      .describe("fixes that need a choice: never applied by `--fix`"),
  })
  .describe("one finding");

export const configurationSchema = z
  .strictObject({
    line: line.describe("1-based line where the document starts"),
    apiVersion: z.string().describe('as written; "" when absent (a kustomization.yaml may omit it)'),
    kind: z.string().describe('as written, or "Kustomization" for a kustomization.yaml without one'),
    tool: z.string().describe('the tool that reads the file, e.g. "kustomize", "kubeadm", "kind"'),
  })
  .describe("a configuration file that looks like a Kubernetes object but is never sent to an API server");

export const fileResultSchema = z
  .strictObject({
    path: z.string().describe('relative to the working directory, forward slashes (absolute for a file outside it); for - the --stdin-filename name, else "<stdin>"'),
    resources: z.number().int().min(0).describe("Kubernetes objects found in the file (List items counted one by one)"),
    diagnostics: z.array(diagnosticSchema).describe("sorted by line, column, rule id"),
    configurations: z.array(configurationSchema).optional().describe("documents of the file recognised as client-side configuration (kustomization, kubeconfig, kubeadm, kind...), not linted; absent when there are none"),
  })
  .describe("one linted file; files without findings are listed too");

export const lintResultSchema = z
  .strictObject({
    version: z.literal(1).describe("version of this format; changes that break readers increase it"),
    kubernetesVersion: z.string().regex(/^\d+\.\d+$/).describe("the Kubernetes version deprecated/removed APIs were judged against"),
    presets: z
      .array(z.enum(["recommended", "security", "production", "all"]))
      .optional()
      .describe("the enabled presets, recommended first (docs/presets.md): which opinionated rules ran; absent from results of versions before presets"),
    requestedKubernetesVersion: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional()
      .describe("the release asked for (--kubernetes-version or kubernetesVersion), present only when another one was judged: a release newer than the newest k8s-lint knows is judged as that one"),
    podSecurity: z
      .strictObject({ level: z.enum(["baseline", "restricted"]), source: z.enum(["--pod-security", "config"]) })
      .optional()
      .describe("the Pod Security level the run set (--pod-security, or podSecurity in the config), which turns the pod-security rules on; absent when neither sets one"),
    files: z.array(fileResultSchema).describe("every linted file, in the order they were found"),
    summary: z
      .strictObject({
        files: z.number().int().min(0),
        resources: z.number().int().min(0),
        skipped: z.number().int().min(0).describe("documents that are not Kubernetes objects, plus custom resources the schema checks skip: those that neither a CustomResourceDefinition of the input nor a bundled schema describes, and those whose CustomResourceDefinition does not serve their version (unknown-api-version reports them)"),
        configurations: z.number().int().min(0).optional().describe("documents recognised as client-side configuration files and not linted (files[].configurations); absent when there are none"),
        unchecked: z
          .strictObject({
            resources: z.number().int().min(0).describe("how many"),
            kinds: z.array(z.string()).describe("their kinds as Kind.group (ClusterPolicy.kyverno.io), most frequent first"),
          })
          .optional()
          .describe("custom resources that neither a CustomResourceDefinition of the input nor a bundled schema describes, so their fields were not checked (also counted in skipped; a resource whose CustomResourceDefinition does not serve its version is not counted here); absent when there are none"),
        unread: z
          .array(
            z.strictObject({
              kustomization: z.string().describe("the kustomization's file, as files[].path names files"),
              entry: z.string().describe("the file or folder it names, relative to the same directory as the file paths; a remote entry as written"),
              remote: z.literal(true).optional().describe("present for a remote entry (a URL, a repository), which kustomize fetches and no run reads"),
            }),
          )
          .optional()
          .describe("resources and components entries of the run's kustomizations of which the run reads no file, so what they build was not linted: local ones (`k8s-lint overlays/prod` without its base) and remote ones (remote: true); absent when there are none"),
        linksNotFollowed: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe("symbolic links in the linted directories (to a folder, or to a file named like a manifest) that lead out of them and out of the git repository that holds them, and were not followed (--follow-symlinks follows them); absent when there are none"),
        errors: z.number().int().min(0),
        warnings: z.number().int().min(0),
        infos: z.number().int().min(0),
      })
      .describe("counts over all files"),
  })
  .describe("k8s-lint --format json output, also what the Node API's lint() returns");

export const OUTPUT_SCHEMA_PATH = "schema/output.schema.json";
export const OUTPUT_DOC_PATH = "docs/json-output.md";
const GENERATED = "<!-- Generated from src/formatters/output-schema.ts by `npm run gen:docs`; do not edit. -->";

export function outputJsonSchema(repository: string): Record<string, unknown> {
  const schema = z.toJSONSchema(lintResultSchema, { target: "draft-7" }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return { $schema, $id: `${repository}/raw/main/${OUTPUT_SCHEMA_PATH}`, title: "k8s-lint JSON output", ...rest };
}

export function renderOutputSchema(repository: string): string {
  return `${JSON.stringify(outputJsonSchema(repository), null, 2)}\n`;
}

/** A representative output; the docs test checks it against the schema. */
export const EXAMPLE_OUTPUT = {
  version: 1,
  kubernetesVersion: "1.33",
  presets: ["recommended"],
  files: [
    {
      path: "apps/web.yaml",
      resources: 2,
      diagnostics: [
        {
          ruleId: "statefulset-service-not-headless",
          severity: "error",
          message: 'Service "db" is not headless: StatefulSet pods get no per-pod DNS records',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 18,
          resource: { apiVersion: "apps/v1", kind: "StatefulSet", name: "db", namespace: "shop" },
          path: "spec.serviceName",
          hint: 'set spec.clusterIP: None on Service "db"',
          related: {
            file: "apps/db-service.yaml",
            line: 6,
            column: 3,
            resource: { apiVersion: "v1", kind: "Service", name: "db", namespace: "shop" },
            path: "spec",
            message: "the governing Service",
          },
        },
      ],
    },
    { path: "apps/db-service.yaml", resources: 1, diagnostics: [] },
  ],
  summary: { files: 2, resources: 3, skipped: 0, errors: 1, warnings: 0, infos: 0 },
} satisfies z.input<typeof lintResultSchema>;

function fieldRows(schema: z.ZodObject, prefix: string): string[] {
  const rows: string[] = [];
  for (const [key, field] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const optional = field.safeParse(undefined).success;
    const inner = optional && field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    const json = z.toJSONSchema(inner, { target: "draft-7" }) as { type?: string; enum?: unknown[]; const?: unknown };
    const type = json.enum ? json.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ") : json.const !== undefined ? `\`${JSON.stringify(json.const)}\`` : json.type === "array" ? "array" : String(json.type);
    const desc = (field.description ?? inner.description ?? "").replace(/\|/g, "\\|").replace(/</g, "&lt;");
    rows.push(`| \`${prefix}${key}\` | ${type} | ${optional ? "no" : "yes"} | ${desc} |`);
  }
  return rows;
}

export function renderOutputReference(): string {
  const header = ["| Field | Type | Always present | Meaning |", "|---|---|---|---|"];
  const files = lintResultSchema.shape.files.element;
  const diagnostic = files.shape.diagnostics.element;
  return [
    GENERATED,
    "",
    "# JSON output",
    "",
    "`k8s-lint --format json` prints one JSON object; the Node API's `lint()` returns the same object",
    "(see [api.md](api.md)). The format is stable: fields are only added, and a change that would break a",
    `reader increases \`version\`. A JSON Schema of it ships in the package as \`${OUTPUT_SCHEMA_PATH}\`.`,
    "",
    "Every position is 1-based and points at the offending key or value. Info diagnostics are always",
    "included (the human format shows them only with `--explain`); `--quiet` keeps errors only.",
    "",
    "`-f json:report.json` writes it to a file instead, beside other reports of the same run",
    "(`-f stylish -f json:report.json`). It is written as it is produced (a run with a million",
    "findings gives about 700 MB), formatted as `JSON.stringify(result, null, 2)` would.",
    "",
    "## Top level",
    "",
    ...header,
    ...fieldRows(lintResultSchema, ""),
    "",
    "## `files[]`",
    "",
    ...header,
    ...fieldRows(files, ""),
    "",
    "## `files[].diagnostics[]`",
    "",
    ...header,
    ...fieldRows(diagnostic, ""),
    "",
    "### `resource`",
    "",
    ...header,
    ...fieldRows(resourceRefSchema, "resource."),
    "",
    "### `related`",
    "",
    ...header,
    ...fieldRows(relatedSchema, "related."),
    "",
    "## `files[].configurations[]`",
    "",
    ...header,
    ...fieldRows(configurationSchema, ""),
    "",
    "## `summary`",
    "",
    ...header,
    ...fieldRows(lintResultSchema.shape.summary, "summary."),
    "",
    "## Example",
    "",
    "```json",
    JSON.stringify(EXAMPLE_OUTPUT, null, 2),
    "```",
    "",
    "## Reading it",
    "",
    "```sh",
    "# every error as file:line: message",
    "k8s-lint -f json manifests/ | jq -r '.files[] | .path as $f | .diagnostics[] | select(.severity == \"error\") | \"\\($f):\\(.line): \\(.message)\"'",
    "```",
    "",
  ].join("\n");
}
