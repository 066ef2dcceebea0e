/**
 * The hand-written guides and the generated pages: generated ones must be current (regenerate with
 * `npm run gen:docs`), schemas must describe what the code really accepts and prints, and the
 * guides' links, YAML blocks and examples must be valid.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Ajv } from "ajv";
import { parse, parseAllDocuments } from "yaml";
import type { z } from "zod";
import { CONFIG_DOC_PATH, CONFIG_SCHEMA_PATH, renderConfigReference, renderConfigSchema } from "../src/config/json-schema.js";
import { configSchema } from "../src/config/schema.js";
import { lint } from "../src/engine/lint.js";
import { EXAMPLE_OUTPUT, lintResultSchema, OUTPUT_DOC_PATH, OUTPUT_SCHEMA_PATH, renderOutputReference, renderOutputSchema } from "../src/formatters/output-schema.js";
import { packageInfo } from "../src/package-info.js";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

const read = (p: string) => (existsSync(join(ROOT, p)) ? readFileSync(join(ROOT, p), "utf8") : "(missing)");
const { repository } = packageInfo();

// The zod schema of the output and the LintResult type must stay the same shape.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameShape: Equal<z.output<typeof lintResultSchema>, LintResult> = true;

describe("generated pages are current", () => {
  test.each([
    [CONFIG_SCHEMA_PATH, () => renderConfigSchema(repository)],
    [CONFIG_DOC_PATH, () => renderConfigReference(repository)],
    [OUTPUT_SCHEMA_PATH, () => renderOutputSchema(repository)],
    [OUTPUT_DOC_PATH, () => renderOutputReference()],
  ])("%s", (path, render) => {
    expect(read(path)).toBe(render());
  });
});

describe("the JSON output schema", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(read(OUTPUT_SCHEMA_PATH)));

  test("accepts real output with findings of several kinds, and the documented example", async () => {
    const result = await lint(["-"], {
      stdin: "kind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\nfoo: [\n",
    });
    expect(result.summary.errors).toBeGreaterThanOrEqual(2);
    expect(result.files[0].diagnostics.some((d) => d.related)).toBe(true);
    expect(sameShape).toBe(true);
    for (const value of [result, JSON.parse(JSON.stringify(result)), EXAMPLE_OUTPUT]) {
      expect(validate(value) ? [] : validate.errors).toEqual([]);
      expect(lintResultSchema.safeParse(value).success).toBe(true);
    }
  });

  test("rejects output that breaks the contract", () => {
    const broken = structuredClone(EXAMPLE_OUTPUT) as Record<string, unknown> & typeof EXAMPLE_OUTPUT;
    (broken.files[0].diagnostics[0] as Record<string, unknown>).line = 0;
    expect(validate(broken)).toBe(false);
    expect(validate({ ...EXAMPLE_OUTPUT, extra: true })).toBe(false);
    expect(validate({ ...EXAMPLE_OUTPUT, version: 2 })).toBe(false);
  });
});

describe("the config schema", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(read(CONFIG_SCHEMA_PATH)));
  const yamlBlocks = (page: string) => [...read(page).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

  test("accepts the configuration examples of the guides, as the loader does", () => {
    const examples = [yamlBlocks("docs/configuration.md")[0], yamlBlocks("docs/getting-started.md").find((b) => /^\s*rules:/.test(b))!];
    for (const text of examples) {
      const value = parse(text);
      expect(validate(value) ? [] : validate.errors).toEqual([]);
      expect(configSchema.safeParse(value).success).toBe(true);
    }
  });

  test.each([
    [{ rulez: {} }],
    [{ rules: { "image-latest-tag": "fatal" } }],
    [{ kubernetesVersion: "1.29-rc" }],
    [{ maxWarnings: -1 }],
    [{ exclude: [{ kind: "Deployment" }] }],
    [{ exclude: [{ rules: ["a"], label: "x" }] }],
  ])("rejects what the loader rejects: %j", (value) => {
    expect(configSchema.safeParse(value).success).toBe(false);
    expect(validate(value)).toBe(false);
  });
});

describe("hand-written guides", () => {
  const guides = ["getting-started.md", "configuration.md", "json-output.md", "ci.md", "api.md", "comparison.md"].map((f) => `docs/${f}`);

  test.each(guides.map((g) => [g]))("%s exists and its relative links resolve", (guide) => {
    const text = read(guide);
    expect(text).not.toBe("(missing)");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      expect([guide, target, existsSync(resolve(ROOT, dirname(guide), target))]).toEqual([guide, target, true]);
    }
  });

  test.each(guides.map((g) => [g]))("%s has only valid YAML in its yaml blocks", (guide) => {
    for (const [, block] of read(guide).matchAll(/```yaml\n([\s\S]*?)```/g)) {
      for (const doc of parseAllDocuments(block)) expect(doc.errors.map((e) => e.message)).toEqual([]);
    }
  });

  test("ci.md documents every input and output of action.yml, and only those", () => {
    const action = parse(read("action.yml")) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const doc = read("docs/ci.md");
    // The first column of the table that follows the line starting with `heading`.
    const names = (heading: string) => {
      const after = doc.slice(doc.indexOf(`\n${heading}`));
      const table = after.slice(after.indexOf("\n|")).split("\n\n")[0];
      return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort();
    };
    expect(names("Inputs")).toEqual(Object.keys(action.inputs).sort());
    expect(names("Outputs")).toEqual(Object.keys(action.outputs).sort());
  });

  test("ci.md's pre-commit recipes name hooks that .pre-commit-hooks.yaml defines", () => {
    const ids = (parse(read(".pre-commit-hooks.yaml")) as Array<{ id: string }>).map((h) => h.id);
    const used = [...read("docs/ci.md").matchAll(/- id: ([\w-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(ids).toContain(id);
  });

  test("the getting-started example application has no errors and no warnings", async () => {
    const dir = join(ROOT, "docs", "examples", "shop");
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    const result = await lint(["docs/examples/shop"], { cwd: ROOT });
    const problems = result.files.flatMap((f) => f.diagnostics.filter((d) => d.severity !== "info").map((d) => `${f.path}:${d.line} ${d.ruleId} ${d.message}`));
    expect(problems).toEqual([]);
    expect(result.summary.resources).toBe(5);
  });
});
