/**
 * Rules users add through their config (docs/custom-rules.md): a CEL custom rule and a plugin
 * rule behave like built-in rules, in every output format, in `k8s-lint rules` and `explain`,
 * under severities and suppressions. Runs the built CLI on fixtures/custom-rules.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist", "bin", "k8s-lint.js");
const EXAMPLE = join(ROOT, "fixtures", "custom-rules");
const CUSTOM = "team-label-required";
const CROSS = "service-account-declared";
const PLUGIN = "revision-history-limit-set";
/** The example's config, named: plugins load only from a named config. */
const NAMED = ["-c", ".k8s-lint.yaml"];

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

function run(args: string[], cwd = EXAMPLE) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  env.NO_COLOR = "1";
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: "", env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.each(["stylish", "json", "sarif", "github", "junit"])("a custom CEL rule and a plugin rule appear in the %s output", (format) => {
  const { code, stdout, stderr } = run(["manifests.yaml", ...NAMED, "-f", format]);
  expect(stderr).toBe("");
  expect(code).toBe(1);
  for (const id of [CUSTOM, CROSS, PLUGIN]) expect(stdout).toContain(id);
  if (format === "sarif") {
    const rules = JSON.parse(stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(expect.arrayContaining([CUSTOM, PLUGIN]));
  }
});

test("the SARIF description of a custom rule names its config relative to the working directory, like every path of the report", () => {
  const descriptors = (found: string, cwd = EXAMPLE) => (JSON.parse(run(["manifests.yaml", "-c", found, "-f", "sarif"], cwd).stdout).runs[0].tool.driver.rules as Array<{ id: string; fullDescription: { text: string }; help: { text: string } }>).find((r) => r.id === CUSTOM)!;
  for (const config of [".k8s-lint.yaml", join(EXAMPLE, ".k8s-lint.yaml")]) {
    const rule = descriptors(config);
    expect(rule.fullDescription.text).toMatch(/^A custom rule of \.k8s-lint\.yaml: /);
    expect(JSON.stringify(rule)).not.toContain(ROOT);
  }
});

test("they are placed like built-in findings: at the field the custom rule's path names", () => {
  const out = JSON.parse(run(["manifests.yaml", ...NAMED, "-f", "json"]).stdout);
  const found = out.files[0].diagnostics.map((d: { line: number; column: number; ruleId: string; severity: string }) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
  expect(found).toEqual(expect.arrayContaining([`35:1 error ${CUSTOM}`, `37:1 warning ${PLUGIN}`, `46:27 warning ${CROSS}`]));
  expect(found.filter((f: string) => f.includes(CUSTOM) || f.includes(PLUGIN) || f.includes(CROSS))).toHaveLength(3);
});

test("k8s-lint rules lists them (table and json) and explain explains them", () => {
  const table = run(["rules", ...NAMED]).stdout;
  expect(table).toMatch(new RegExp(`${CUSTOM}\\s+error\\s+custom`));
  expect(table).toMatch(new RegExp(`${PLUGIN}\\s+warning\\s+custom`));
  const json = JSON.parse(run(["rules", ...NAMED, "-f", "json"]).stdout) as Array<{ id: string; category: string }>;
  expect(json.filter((r) => r.category === "custom").map((r) => r.id)).toEqual([CUSTOM, CROSS, PLUGIN]);
  expect(run(["explain", CUSTOM, ...NAMED]).stdout).toContain("Add metadata.labels.team");
  expect(run(["explain", PLUGIN, ...NAMED]).stdout).toMatch(/our\s+clusters\s+keep\s+3/);
  // Without the config, they are not there.
  expect(run(["rules"], ROOT).stdout).not.toContain(CUSTOM);
});

test("k8s-lint rules -f json says which custom rules read other resources: those whose expression reads `objects`", () => {
  const json = JSON.parse(run(["rules", ...NAMED, "-f", "json"]).stdout) as Array<{ id: string; crossResource: boolean }>;
  // The example's config: one rule reads only `object`, the other looks the ServiceAccount up in `objects`.
  expect(json.filter((r) => r.id === CUSTOM || r.id === CROSS).map((r) => `${r.id} ${r.crossResource}`)).toEqual([`${CUSTOM} false`, `${CROSS} true`]);
  // The word in a string or as a field name is no read of the variable.
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  writeFileSync(join(dir, ".k8s-lint.yaml"), "customRules:\n  - id: named-objects\n    expression: \"object.metadata.name != 'objects' && !has(object.spec.objects)\"\n    message: never\n");
  const own = JSON.parse(run(["rules", "-f", "json"], dir).stdout) as Array<{ id: string; crossResource: boolean }>;
  expect(own.find((r) => r.id === "named-objects")?.crossResource).toBe(false);
});

test("custom rule kinds written as Kind.group match that kind in that API group only (fixtures/custom-rules-kinds)", () => {
  const dir = join(ROOT, "fixtures", "custom-rules-kinds");
  const ids = ["apps-deployment-team", "example-deployment-owner", "batch-and-bare-kinds"];
  const out = run(["manifests.yaml", "-f", "json"], dir);
  expect(out.stderr).toBe("");
  const found = (JSON.parse(out.stdout) as LintResult).files.flatMap((f) => f.diagnostics.filter((d) => ids.includes(d.ruleId)).map((d) => `${d.line} ${d.ruleId}`));
  const expected = readFileSync(join(dir, "manifests.yaml"), "utf8")
    .split("\n")
    .flatMap((line, i) => /# expect: (.*)$/.exec(line)?.[1].split(",").map((id) => `${i + 1} ${id.trim()}`) ?? []);
  expect(found.sort()).toEqual(expected.sort());
});

test("severities and suppressions apply to them like to built-in rules", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  cpSync(EXAMPLE, dir, { recursive: true });
  const config = readFileSync(join(dir, ".k8s-lint.yaml"), "utf8");
  writeFileSync(join(dir, ".k8s-lint.yaml"), `${config}rules:\n  ${CUSTOM}: warning\n  ${PLUGIN}: "off"\n`);
  const manifests = readFileSync(join(dir, "manifests.yaml"), "utf8").replace("      serviceAccountName: builder", `      # k8s-lint-disable-next-line ${CROSS}\n      serviceAccountName: builder`);
  writeFileSync(join(dir, "manifests.yaml"), manifests);
  const out = JSON.parse(run(["manifests.yaml", ...NAMED, "-f", "json"], dir).stdout);
  const found = out.files[0].diagnostics.map((d: { severity: string; ruleId: string }) => `${d.severity} ${d.ruleId}`);
  expect(found).toContain(`warning ${CUSTOM}`);
  expect(found.some((f: string) => f.endsWith(PLUGIN) || f.endsWith(CROSS))).toBe(false);
});

test("a custom rule whose expression does not compile, or a plugin without rules, is a config error (exit 2)", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  writeFileSync(join(dir, ".k8s-lint.yaml"), "customRules:\n  - id: broken\n    expression: \"object.metadata.name ==\"\n    message: never\n");
  const bad = run(["a.yaml"], dir);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('.k8s-lint.yaml:3:40: custom rule "broken": expression does not compile at character 23: unexpected token: EOF');
  writeFileSync(join(dir, "plugin.js"), "export const nothing = 1;\n");
  writeFileSync(join(dir, ".k8s-lint.yaml"), "plugins: [./plugin.js]\n");
  const plugin = run(["a.yaml", "-c", ".k8s-lint.yaml"], dir);
  expect(plugin.code).toBe(2);
  expect(plugin.stderr).toMatch(/exports no "rules" array/);
});

test("a custom rule whose expression is not a condition says so instead of failing every object with its message", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  writeFileSync(join(dir, ".k8s-lint.yaml"), "customRules:\n  - id: name-only\n    expression: object.metadata.name\n    message: the rule's own message\n");
  const out = run(["a.yaml", "-f", "json"], dir);
  const messages = (JSON.parse(out.stdout) as LintResult).files.flatMap((f) => f.diagnostics.map((d) => d.message));
  expect(messages).toEqual(['custom rule "name-only" must evaluate to bool, but it gives the string "a"']);
});

test("a custom rule whose expression's type is not bool is refused when the config loads, as the API server refuses such a CRD rule", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  writeFileSync(join(dir, ".k8s-lint.yaml"), "customRules:\n  - id: name-size\n    expression: size(object.metadata.name)\n    message: never\n");
  const out = run(["a.yaml"], dir);
  expect(out.code).toBe(2);
  expect(out.stderr).toContain('.k8s-lint.yaml:3:17: custom rule "name-size": expression must evaluate to bool, but it gives int');
});

test("the config's policies folder applies admission policies to the input without linting them", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-policies-"));
  cpSync(join(ROOT, "fixtures/rules/admission-policy-violation/example.bad.yaml"), join(dir, "policies.yaml"));
  writeFileSync(join(dir, "policy-config.yaml"), "policies: [./policies.yaml]\n");
  writeFileSync(join(dir, "app.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");
  const out = JSON.parse(run(["app.yaml", "-c", "policy-config.yaml", "-f", "json"], dir).stdout);
  expect(out.files.map((f: { path: string }) => f.path)).toEqual(["app.yaml"]);
  expect(out.files[0].diagnostics.map((d: { ruleId: string; line: number }) => `${d.line}:${d.ruleId}`)).toEqual(["2:admission-policy-violation"]);
});

test("docs/custom-rules.md shows the worked example as it is: its config, plugin and output", () => {
  const doc = readFileSync(join(ROOT, "docs", "custom-rules.md"), "utf8");
  expect(doc).toContain("```yaml\n" + readFileSync(join(EXAMPLE, ".k8s-lint.yaml"), "utf8") + "```");
  expect(doc).toContain("```js\n" + readFileSync(join(EXAMPLE, "rules", "index.js"), "utf8") + "```");
  const output = run(["-c", ".k8s-lint.yaml", "manifests.yaml"]).stdout.trimEnd();
  expect(doc).toContain("```text\n$ k8s-lint -c .k8s-lint.yaml manifests.yaml\n" + output + "\n```");
});

test("a plugin rule that reports a malformed finding is an internal error of that rule, and the run goes on", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-plugin-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  const rule = (id: string, finding: string) => `{ id: "${id}", check({ report }) { report(${finding}); } }`;
  const rules = [rule("numeric-path", '{ path: 42, message: "x" }'), rule("no-message", '{ path: ["metadata"] }'), rule("negative-index", '{ path: ["data", -1], message: "x" }'), rule("well-formed", '{ path: "metadata.name", message: "named a" }')];
  writeFileSync(join(dir, "plugin.js"), `export const rules = [${rules.join(", ")}];\n`);
  writeFileSync(join(dir, "config.yaml"), "plugins: [./plugin.js]\n");
  const out = run(["a.yaml", "-c", "config.yaml", "-f", "json"], dir);
  expect(out.stderr).toBe("");
  const found = (JSON.parse(out.stdout) as LintResult).files.flatMap((f) => f.diagnostics.map((d) => `${d.line}:${d.ruleId}: ${d.message}`));
  expect(found).toEqual([
    expect.stringMatching(/^2:internal-error: .*"numeric-path".*a path must be an array or a string, not 42/),
    expect.stringMatching(/^2:internal-error: .*"no-message".*a finding's message must be a string/),
    expect.stringMatching(/^2:internal-error: .*"negative-index".*a path holds strings and non-negative integers, not -1/),
    "4:well-formed: named a",
  ]);
});

test("a config found on its own does not load plugins: it is a config error that says to name the config", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-plugin-"));
  writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
  // Importing the plugin would leave a file behind.
  writeFileSync(join(dir, "plugin.js"), `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(join(dir, "imported"))}, "");\nexport const rules = [];\n`);
  writeFileSync(join(dir, ".k8s-lint.yaml"), "plugins: [./plugin.js]\n");
  for (const args of [["a.yaml"], ["rules"], ["explain", "image-tag-missing"], ["graph", "a.yaml", "-f", "json"]]) {
    const out = run(args, dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("plugins run JavaScript, so they are loaded only from a config named with -c/--config");
  }
  expect(existsSync(join(dir, "imported"))).toBe(false);
  expect(run(["a.yaml", "-c", ".k8s-lint.yaml"], dir).code).toBe(0);
  expect(existsSync(join(dir, "imported"))).toBe(true);
});

test("a custom rule stopped by the cost limit on 3 objects is no longer evaluated on the others of the run", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  // 60 ConfigMaps: three nested comprehensions over them cost more than the per-expression limit on each.
  const maps = Array.from({ length: 60 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`);
  writeFileSync(join(dir, "maps.yaml"), maps.join("---\n"));
  // A discovered config, as a pull request may carry: no -c needed for customRules.
  writeFileSync(
    join(dir, ".k8s-lint.yaml"),
    'customRules:\n  - id: costly\n    kinds: [ConfigMap]\n    expression: "objects.all(a, objects.all(b, objects.all(c, a.metadata.name != \'\' || b == c)))"\n    message: never\n' +
      '  - id: cheap\n    kinds: [ConfigMap]\n    expression: "object.metadata.name == \'none\'"\n    message: named otherwise\n',
  );
  const out = run(["maps.yaml", "-f", "json"], dir);
  expect(out.stderr).toBe("");
  const diagnostics = (JSON.parse(out.stdout) as LintResult).files.flatMap((f) => f.diagnostics);
  const costly = diagnostics.filter((d) => d.ruleId === "costly");
  expect(costly.map((d) => d.line)).toEqual([2, 7, 12]);
  for (const d of costly) {
    expect(d.message).toMatch(/^custom rule "costly" was stopped: its cost exceeds the per-expression limit of 1000000/);
    // A custom rule runs only in k8s-lint: no API server rejects the object for it.
    expect(d.message).not.toContain("rejects the object");
  }
  expect(costly[1].message).not.toContain("no longer evaluates");
  expect(costly[2].message).toContain("it was stopped on 3 objects, so k8s-lint no longer evaluates it on the remaining objects of this run");
  // The other rule of the config is evaluated on every object.
  expect(diagnostics.filter((d) => d.ruleId === "cheap")).toHaveLength(60);
});

test("a custom rule that reads no other object is stopped for the whole run too, across the engine's batches of 1,000 resources", () => {
  const dir = mkdtempSync(join(tmpdir(), "cel-custom-"));
  const maps = Array.from({ length: 1003 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`);
  writeFileSync(join(dir, "maps.yaml"), maps.join("---\n"));
  // Three nested comprehensions over a literal of 100 items: over the per-expression limit on every object, without reading `objects`.
  const xs = `[${Array.from({ length: 100 }, (_, i) => i).join(", ")}]`;
  writeFileSync(join(dir, ".k8s-lint.yaml"), `customRules:\n  - id: costly-alone\n    kinds: [ConfigMap]\n    expression: "${xs}.all(a, ${xs}.all(b, ${xs}.all(c, a + b + c >= 0 || object.metadata.name == '')))"\n    message: never\n`);
  const rules = JSON.parse(run(["rules", "-f", "json"], dir).stdout) as Array<{ id: string; crossResource: boolean }>;
  expect(rules.find((r) => r.id === "costly-alone")?.crossResource).toBe(false);
  const out = run(["maps.yaml", "-f", "json"], dir);
  const costly = (JSON.parse(out.stdout) as LintResult).files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === "costly-alone");
  expect(costly.map((d) => d.line)).toEqual([2, 7, 12]);
});
