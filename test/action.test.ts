/**
 * The GitHub Action as the runner runs it: `node dist-action/index.mjs` (the committed bundle)
 * in the workspace, with an INPUT_* variable for every declared input, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Expected findings come from the engine and formatters in-process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { escapeMarkdown, SUMMARY_FINDINGS, summaryMarkdown } from "../src/action/summary.js";
import { renderMermaid } from "../src/graph/mermaid.js";
import { lint } from "../src/engine/lint.js";
import { ruleDescriptions } from "../src/engine/registry.js";
import { format as githubFormat } from "../src/formatters/github.js";
import type { LintResult } from "../src/types.js";
import { graphOf } from "./graph-inputs.js";
import { ROOT } from "./harness.js";

type Action = {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; main?: string; steps?: unknown[]; pre?: string; post?: string };
};
const ACTION_YML = readFileSync(join(ROOT, "action.yml"), "utf8");
const action = parse(ACTION_YML) as Action;
const BUNDLE = join(ROOT, action.runs.main ?? "");

/** The step outputs in GITHUB_OUTPUT's `name<<delimiter` syntax; a malformed block fails. */
function readOutputs(file: string): Record<string, string> {
  const lines = readFileSync(file, "utf8").split("\n");
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length && lines[i] !== ""; ) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) throw new Error(`not an output block: ${lines[i]}`);
    const end = lines.indexOf(m[2], i + 1);
    if (end < 0) throw new Error(`no closing delimiter for ${m[1]}`);
    outputs[m[1]] = lines.slice(i + 1, end).join("\n");
    i = end + 1;
  }
  return outputs;
}

interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the bundle with the runner's environment: every declared input, defaults filled in. */
function runStep(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): StepRun {
  const runner = mkdtempSync(join(tmpdir(), "k8s-lint-runner-"));
  try {
    const output = join(runner, "output");
    const summary = join(runner, "summary");
    writeFileSync(output, "");
    writeFileSync(summary, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "octo/shop",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      ...extraEnv,
    };
    for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`undeclared input ${name}`);
    // The runner's naming: upper case, spaces to "_", dashes kept (INPUT_FAIL-ON).
    for (const [name, input] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? input.default ?? "";
    const res = spawnSync(process.execPath, [BUNDLE], { cwd: workspace, env, encoding: "utf8" });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr, outputs: readOutputs(output), summary: readFileSync(summary, "utf8") };
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-workspace-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: "p|<img src=x>"}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n';
const WARNING_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n";
const CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n";

describe("action.yml", () => {
  test("is a JavaScript action on Node 24 that runs the committed bundle and installs nothing", () => {
    expect(action.runs.using).toBe("node24");
    expect(action.runs.main).toBe("dist-action/index.mjs");
    expect(existsSync(BUNDLE)).toBe(true);
    expect(action.runs.steps).toBeUndefined();
    expect(action.runs.pre).toBeUndefined();
    expect(ACTION_YML).not.toMatch(/npm (ci|install)/);
  });

  test("declares the outputs the entry point writes, without composite values", () => {
    expect(Object.keys(action.outputs).sort()).toEqual(["errors", "exit-code", "infos", "warnings"]);
    for (const output of Object.values(action.outputs)) {
      expect(output.description?.length).toBeGreaterThan(10);
      expect(output.value).toBeUndefined();
    }
  });
});

describe("the committed bundle", () => {
  test("is byte for byte what `npm run build:action` builds from the sources", () => {
    const out = mkdtempSync(join(tmpdir(), "k8s-lint-bundle-"));
    try {
      const res = spawnSync(process.execPath, [join(ROOT, "scripts", "bundle-action.mjs"), out], { cwd: ROOT, encoding: "utf8" });
      expect(res.stderr).toBe("");
      // Stale: run `npm run build:action` and commit dist-action/.
      for (const file of ["index.mjs", "THIRD-PARTY-LICENSES.txt"]) {
        expect({ file, fresh: readFileSync(join(out, file)).equals(readFileSync(join(dirname(BUNDLE), file))) }).toEqual({ file, fresh: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("carries the licence of every package it bundles", () => {
    const notices = readFileSync(join(dirname(BUNDLE), "THIRD-PARTY-LICENSES.txt"), "utf8");
    for (const name of ["yaml", "zod", "minimatch"]) expect(notices).toMatch(new RegExp(`^${name}@\\d+\\.\\d+\\.\\d+ \\(`, "m"));
  });

  test("is one file under 3 MB that runs without node_modules", () => {
    expect(statSync(BUNDLE).size).toBeLessThan(3 * 1024 * 1024);
    // The action's checkout without installing: package.json (name and version) and the bundle.
    const checkout = tree({ "package.json": readFileSync(join(ROOT, "package.json"), "utf8"), "k8s/cm.yaml": CONFIG_MAP });
    try {
      mkdirSync(join(checkout, "dist-action"));
      copyFileSync(BUNDLE, join(checkout, "dist-action", "index.mjs"));
      const res = spawnSync(process.execPath, [join(checkout, "dist-action", "index.mjs")], {
        cwd: checkout,
        env: { PATH: process.env.PATH ?? "", "INPUT_PATHS": "k8s", "INPUT_SARIF-FILE": "out.sarif", NODE_PATH: "" },
        encoding: "utf8",
      });
      expect(res.stderr).toBe("");
      expect(res.status).toBe(0);
      expect(JSON.parse(readFileSync(join(checkout, "out.sarif"), "utf8")).runs[0].tool.driver.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  });
});

describe("the Action, run as the runner runs it", () => {
  let workspace: string;
  let expected: LintResult;
  beforeAll(async () => {
    workspace = tree({ "k8s/bad.yaml": BAD_POD, "k8s/ok.yaml": CONFIG_MAP, "empty/README.md": "no manifests here\n" });
    expected = await lint(["k8s"], { cwd: workspace });
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  test("prints the findings as annotations, fails on errors and sets the outputs", () => {
    const res = runStep(workspace, { paths: "k8s" });
    expect(res.stdout).toBe(Array.from(githubFormat(expected, { color: false, rules: ruleDescriptions })).join(""));
    expect(res.stdout).toMatch(/^::error file=k8s\/bad\.yaml,line=3,/m);
    expect(res.status).toBe(1);
    expect(res.outputs).toEqual({
      "exit-code": "1",
      errors: String(expected.summary.errors),
      warnings: String(expected.summary.warnings),
      infos: String(expected.summary.infos),
    });
  });

  test("writes SARIF of the same run into folders it creates", () => {
    const res = runStep(workspace, { paths: "k8s", "sarif-file": "reports/code-scanning/k8s-lint.sarif" });
    expect(res.status).toBe(1);
    const sarif = JSON.parse(readFileSync(join(workspace, "reports/code-scanning/k8s-lint.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const annotated = [...res.stdout.matchAll(/title=([a-z0-9-]+)::/g)].map((m) => m[1]);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(annotated);
  });

  test("writes a job summary: totals, a row per rule, findings linked to their lines, manifest text escaped", () => {
    const res = runStep(workspace, { paths: "k8s" });
    const s = expected.summary;
    expect(res.summary).toContain(`**${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}`);
    for (const d of expected.files.flatMap((f) => f.diagnostics)) expect(res.summary).toMatch(new RegExp(`^\\| \\[${escapeMarkdown(d.ruleId).replace(/\\/g, "\\\\")}\\]`, "m"));
    expect(res.summary).toContain("(https://github.com/octo/shop/blob/0123456789abcdef0123456789abcdef01234567/k8s/bad.yaml#L3)");
    // The Pod's name carries "|" and "<img>": neither may split a table cell or become HTML.
    expect(res.summary).toContain("\\<img");
    expect(res.summary).not.toMatch(/(^|[^\\])</m);
    for (const row of res.summary.split("\n").filter((l) => l.startsWith("| error |"))) {
      expect(row.replace(/\\./g, "").split("|").length).toBe(7);
    }
  });

  test("graph-summary: true adds the graph's Mermaid chart (what `k8s-lint graph -f mermaid` prints) to the summary; by default, none", async () => {
    const demo = tree(Object.fromEntries(readdirSync(join(ROOT, "fixtures/demo")).map((f) => [`k8s/${f}`, readFileSync(join(ROOT, "fixtures/demo", f), "utf8")])));
    try {
      const { result, graph } = await graphOf(["k8s"], {}, demo);
      expect(graph.edges.some((e) => e.broken)).toBe(true);
      const res = runStep(demo, { paths: "k8s", "graph-summary": "true" });
      expect(res.status).toBe(1);
      expect(res.summary).toContain(`\`\`\`mermaid\n${renderMermaid(graph)}\`\`\`\n`);
      expect(res.summary.startsWith(summaryMarkdown(result, { failed: true, failOn: "error", base: { url: "https://github.com/octo/shop/blob/0123456789abcdef0123456789abcdef01234567" } }))).toBe(true);
      expect(runStep(demo, { paths: "k8s" }).summary).not.toContain("```mermaid");
      const wrong = runStep(demo, { paths: "k8s", "graph-summary": "yes" });
      expect(wrong.status).toBe(2);
      expect(wrong.stdout).toBe('::error title=k8s-lint::graph-summary must be true or false, got "yes"\n');
    } finally {
      rmSync(demo, { recursive: true, force: true });
    }
  });

  test("a missing path is an ::error annotation, exit code 2, in the outputs and the summary", () => {
    const res = runStep(workspace, { paths: "k8s nope" });
    expect(res.stdout).toBe("::error title=k8s-lint::no such file or directory: nope\n");
    expect(res.status).toBe(2);
    expect(res.outputs).toEqual({ "exit-code": "2" });
    expect(res.summary).toContain("could not run");
  });

  test("a folder without manifests is an ::error annotation and exit code 2", () => {
    const res = runStep(workspace, { paths: "empty" });
    expect(res.stdout).toMatch(/^::error title=k8s-lint::no manifests .* empty\n$/);
    expect(res.status).toBe(2);
  });

  test('fail-on "never" keeps the step green on findings and on failures; exit-code still tells', () => {
    const findings = runStep(workspace, { paths: "k8s", "fail-on": "never" });
    expect(findings.status).toBe(0);
    expect(findings.outputs["exit-code"]).toBe("1");
    expect(findings.summary).toContain("the step passes (fail-on: never)");
    const failure = runStep(workspace, { paths: "nope", "fail-on": "never" });
    expect(failure.status).toBe(0);
    expect(failure.stdout).toMatch(/^::error title=k8s-lint::/);
    expect(failure.outputs["exit-code"]).toBe("2");
  });

  test("an invalid fail-on fails with a clear message and sets exit-code", () => {
    const res = runStep(workspace, { paths: "k8s", "fail-on": "sometimes" });
    expect(res.stdout).toBe('::error title=k8s-lint::fail-on must be error, warning or never, got "sometimes"\n');
    expect(res.status).toBe(2);
    expect(res.outputs).toEqual({ "exit-code": "2" });
  });

  test.each([
    [{ "max-warnings": "x" }, /max-warnings must be a whole number, got "x"/],
    [{ "kubernetes-version": "latest" }, /kubernetes-version expects a release such as 1\.30, v1\.30 or 1\.30\.2, got "latest"/],
    [{ preset: "security strict" }, /preset must be one of recommended, security, production, all, got "strict"/],
    [{ format: "html" }, /format must be one of stylish, json, sarif, github, junit, got "html"/],
    [{ config: "missing.yaml" }, /cannot read config file missing\.yaml: ENOENT/],
  ])("a bad input %j is an ::error annotation and exit code 2", (inputs, message) => {
    const res = runStep(workspace, { paths: "k8s", ...inputs });
    expect(res.stdout).toMatch(new RegExp(`^::error title=k8s-lint::${message.source}`));
    expect(res.status).toBe(2);
    expect(res.outputs["exit-code"]).toBe("2");
  });
});

describe("thresholds, formats and config", () => {
  let workspace: string;
  beforeAll(() => {
    workspace = tree({
      "warn/pod.yaml": WARNING_POD,
      "ok/cm.yaml": CONFIG_MAP,
    });
  });
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  test('warnings pass under fail-on "error" and fail under "warning" or max-warnings', async () => {
    const { summary } = await lint(["warn"], { cwd: workspace });
    expect(summary.errors).toBe(0);
    expect(summary.warnings).toBeGreaterThan(0);
    expect(runStep(workspace, { paths: "warn" }).status).toBe(0);
    expect(runStep(workspace, { paths: "warn", "fail-on": "warning" }).status).toBe(1);
    expect(runStep(workspace, { paths: "warn", "max-warnings": String(summary.warnings - 1) }).status).toBe(1);
    expect(runStep(workspace, { paths: "warn", "fail-on": "warning", "max-warnings": String(summary.warnings) }).status).toBe(0);
  });

  test("the config input and kubernetes-version reach the engine", async () => {
    const warned = new Set((await lint(["warn"], { cwd: workspace })).files.flatMap((f) => f.diagnostics).map((d) => d.ruleId));
    writeFileSync(join(workspace, "lenient.yaml"), `rules:\n${[...warned].map((id) => `  ${id}: off\n`).join("")}`);
    const res = runStep(workspace, { paths: "warn", "fail-on": "warning", config: "lenient.yaml", format: "json", "kubernetes-version": "1.29" });
    const printed = JSON.parse(res.stdout) as LintResult;
    expect(printed.kubernetesVersion).toBe("1.29");
    expect(printed.files[0].diagnostics).toEqual([]);
    expect(res.status).toBe(0);
  });

  test("the preset input enables presets, as --preset", () => {
    const res = runStep(workspace, { paths: "ok", format: "json", preset: "security,\nproduction" });
    expect((JSON.parse(res.stdout) as LintResult).presets).toEqual(["recommended", "security", "production"]);
  });

  test("paths on several lines and globs; a clean run annotates nothing and says so", () => {
    const res = runStep(workspace, { paths: "ok/*.yaml\n\nok" });
    expect(res.stdout).toBe("");
    expect(res.status).toBe(0);
    expect(res.outputs).toEqual({ "exit-code": "0", errors: "0", warnings: "0", infos: "0" });
    expect(res.summary).toContain("**0 errors, 0 warnings, 0 infos** in 1 file");
  });

  test("junit lists the resources without findings too", () => {
    const res = runStep(workspace, { paths: "ok", format: "junit" });
    expect(res.stdout).toContain("<testsuites");
    expect(res.stdout).toContain("ConfigMap");
  });
});

describe("summaryMarkdown", () => {
  const finding = (line: number, message: string) => ({
    ruleId: "invalid-name",
    severity: "error" as const,
    message,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    resource: { apiVersion: "v1", kind: "Pod", name: "p", namespace: "default" },
    path: "metadata.name",
  });
  const result = (count: number, message = "bad"): LintResult => ({
    version: 1,
    kubernetesVersion: "1.36",
    files: [{ path: "../outside.yaml", resources: count, diagnostics: Array.from({ length: count }, (_, i) => finding(i + 1, message)) }],
    summary: { files: 1, resources: count, skipped: 0, errors: count, warnings: 0, infos: 0 },
  });
  const base = { url: "https://github.com/o/r/blob/s" };

  test(`lists the first ${SUMMARY_FINDINGS} findings and counts the rest`, () => {
    const md = summaryMarkdown(result(SUMMARY_FINDINGS + 5), { failed: true, failOn: "error", base });
    expect(md).toContain(`### The first ${SUMMARY_FINDINGS} of ${SUMMARY_FINDINGS + 5} findings`);
    expect(md.split("\n").filter((l) => l.startsWith("| error |")).length).toBe(SUMMARY_FINDINGS);
    expect(md).toContain("5 more in the annotations and the log.");
  });

  test("links only files inside the repository and bounds long messages", () => {
    const md = summaryMarkdown(result(1, "x".repeat(5000)), { failed: true, failOn: "error", base });
    expect(md).not.toContain("](https://github.com/o/r/blob/s/");
    expect(md).toContain(`${"x".repeat(299)}…`);
    expect(md).not.toContain("x".repeat(300));
  });

  test("escapes Markdown, HTML and table syntax in manifest text", () => {
    expect(escapeMarkdown("a|b <script>[x](y) *z*\nnext")).toBe("a\\|b \\<script\\>\\[x\\]\\(y\\) \\*z\\* next");
  });
});
