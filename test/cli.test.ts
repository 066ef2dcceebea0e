/** End-to-end: the built bin, as users and CI run it. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./harness.js";
import type { LintResult } from "../src/types.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");

beforeAll(() => {
  // CI builds through `prepare` on `npm ci`; a fresh checkout without dist builds here.
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

function run(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "", FORCE_COLOR: "", ...opts.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR"]) if (env[k] === "") delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? "", env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "k8s-lint-cli-"));
const CLEAN = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n";
const DUPLICATE = `${CLEAN}---\n${CLEAN.replace("fast", "safe")}`;

test("the demo: file:line:col findings, exit 1", () => {
  const r = run(["fixtures/demo"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/fixtures\/demo\/web\.yaml:\d+:\d+ /);
  expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in \d+ resources, 3 files/);
  expect(r.stderr).toBe("");
});

test("--format json follows the output contract", () => {
  const r = run(["fixtures/demo", "--format", "json"]);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout);
  expect(Object.keys(out)).toEqual(["version", "kubernetesVersion", "presets", "files", "summary"]);
  expect(out.presets).toEqual(["recommended"]);
  expect(out.version).toBe(1);
  expect(out.kubernetesVersion).toMatch(/^1\.\d+$/);
  expect(Object.keys(out.summary)).toEqual(["files", "resources", "skipped", "errors", "warnings", "infos"]);
  expect(out.files.map((f: { path: string }) => f.path)).toEqual(["fixtures/demo/database.yaml", "fixtures/demo/uploads.yaml", "fixtures/demo/web.yaml"]);
  const all = out.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
  expect(all.length).toBe(out.summary.errors + out.summary.warnings + out.summary.infos);
  for (const d of all) {
    expect(Object.keys(d).slice(0, 9)).toEqual(["ruleId", "severity", "message", "line", "column", "endLine", "endColumn", "resource", "path"]);
    expect(Object.keys(d.resource)).toEqual(["apiVersion", "kind", "name", "namespace"]);
    for (const k of Object.keys(d).slice(9)) expect(["hint", "related", "source", "fix", "suggestions"]).toContain(k);
  }
});

test("a clean input exits 0; stdin with -", () => {
  const r = run(["-"], { input: CLEAN });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("✔ no problems in 1 resource, 1 file");
});

test("-o writes the report to a file", () => {
  const dir = tmp();
  const r = run(["-", "-f", "json", "-o", join(dir, "out.json")], { input: DUPLICATE });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe("");
  expect(JSON.parse(readFileSync(join(dir, "out.json"), "utf8")).summary.warnings).toBe(1);
});

test("colour: off when piped or with NO_COLOR / --no-color, on with FORCE_COLOR", () => {
  const ansi = /\u001b\[/;
  expect(run(["-"], { input: DUPLICATE }).stdout).not.toMatch(ansi);
  expect(run(["-"], { input: DUPLICATE, env: { FORCE_COLOR: "1" } }).stdout).toMatch(ansi);
  expect(run(["-", "--no-color"], { input: DUPLICATE, env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(ansi);
  expect(run(["-"], { input: DUPLICATE, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toMatch(ansi);
});

test("--rule changes severities; --max-warnings turns warnings into a failure", () => {
  expect(run(["-", "--rule", "duplicate-resource=warning"], { input: DUPLICATE }).code).toBe(0);
  expect(run(["-", "--rule", "duplicate-resource=warning", "--max-warnings", "0"], { input: DUPLICATE }).code).toBe(1);
  expect(run(["-", "--rule", "duplicate-resource=off"], { input: DUPLICATE }).stdout).toContain("no problems");
  const quiet = run(["-", "--rule", "duplicate-resource=warning", "--quiet"], { input: DUPLICATE });
  expect(quiet.stdout).toContain("no problems");
});

test("--explain prints the explanation under each finding", () => {
  const r = run(["-", "--explain"], { input: DUPLICATE });
  expect(r.stdout).toContain("the last one wins");
});

test("usage, I/O and config failures exit 2 with one clear line", () => {
  const cases = [
    run(["no/such/dir"]),
    run(["fixtures/**/*.nomatch"]),
    run(["--format", "xml", "-"]),
    run(["--rule", "duplicate-resource=loud", "-"]),
    run(["--rule", "no-such-rule=off", "-"]),
    run(["--bogus"]),
  ];
  for (const r of cases) {
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^k8s-lint: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
  expect(cases[0].stderr).toContain("no such file or directory: no/such/dir");
  expect(cases[1].stderr).toContain('no files match the pattern "fixtures/**/*.nomatch"');
});

test("a config file with a misspelled key is exit 2 naming the key and its line", () => {
  const dir = tmp();
  writeFileSync(join(dir, ".k8s-lint.yaml"), "rules:\n  duplicate-resource: warning\nmaxWarning: 3\n");
  writeFileSync(join(dir, "cm.yaml"), CLEAN);
  const r = run(["cm.yaml"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(".k8s-lint.yaml:3:1");
  expect(r.stderr).toContain('unknown key "maxWarning"');
});

test("the config file is found upwards and applied", () => {
  const dir = tmp();
  writeFileSync(join(dir, ".k8s-lint.yaml"), "rules:\n  duplicate-resource: warning\nmaxWarnings: 0\n");
  writeFileSync(join(dir, "cm.yaml"), DUPLICATE);
  const r = run(["cm.yaml", "-f", "json"], { cwd: dir });
  expect(JSON.parse(r.stdout).summary).toMatchObject({ errors: 0, warnings: 1 });
  expect(r.code).toBe(1);
});

test(".k8s-lintignore and --ignore-pattern leave files out", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.yaml"), DUPLICATE);
  writeFileSync(join(dir, "b.yaml"), CLEAN);
  expect(run([".", "--ignore-pattern", "a.yaml", "-f", "json"], { cwd: dir }).code).toBe(0);
  writeFileSync(join(dir, ".k8s-lintignore"), "# generated\na.yaml\n");
  const r = run(["."], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("1 file");
});

test("rules, --version and --help", () => {
  const rules = run(["rules"]);
  expect(rules.code).toBe(0);
  for (const id of ["yaml-syntax", "duplicate-resource", "unused-suppression"]) expect(rules.stdout).toContain(id);
  const version = run(["--version"]);
  expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  expect(run(["--help"]).stdout).toContain("Usage: k8s-lint");
});

test("--per-directory lints alternative variants apart; the duplicate-resource hint and --help say so", () => {
  const together = run(["fixtures/per-directory/variants.set", "-f", "json"]);
  const apart = run(["fixtures/per-directory/variants.set", "--per-directory", "-f", "json"]);
  const duplicates = (out: string) =>
    (JSON.parse(out) as LintResult).files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "duplicate-resource"));
  expect(duplicates(together.stdout)).toHaveLength(3);
  expect(duplicates(together.stdout)[0].hint).toContain("lint with --per-directory");
  expect(duplicates(apart.stdout)).toHaveLength(1);
  expect(run(["--help"]).stdout).toContain("--per-directory");
});

test("an overlay linted without its base says what it did not lint; read with the base or --context, it says nothing", () => {
  const set = "fixtures/kustomize/overlay-without-base.set";
  const alone = run([`${set}/overlays/prod`, "-f", "json"]);
  expect((JSON.parse(alone.stdout) as LintResult).summary.unread).toEqual([{ kustomization: `${set}/overlays/prod/kustomization.yaml`, entry: `${set}/base` }]);
  expect(run([`${set}/overlays/prod`]).stdout).toContain(`not linted: ${set}/base (built by`);
  for (const args of [[set], [`${set}/overlays/prod`, "--context", `${set}/base`]]) {
    const r = run([...args, "-f", "json"]);
    expect((JSON.parse(r.stdout) as LintResult).summary.unread).toBeUndefined();
  }
});

test("a reader that stops early (| head) gets no stack trace", () => {
  const r = spawnSync("bash", ["-c", `node ${JSON.stringify(BIN)} fixtures/demo -f json | head -c 10`], { cwd: ROOT, encoding: "utf8" });
  expect(r.stdout).toBe('{\n  "versi');
  expect(r.stderr).toBe("");
});

test("the bin is the bundle named in package.json", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  expect(join(ROOT, pkg.bin["k8s-lint"])).toBe(BIN);
  expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
});

/**
 * The guides' commands shown with their output: a ```text block between `<!-- output:start -->`
 * and `<!-- output:end -->` whose first line is `$ k8s-lint <args>` and whose rest is what that
 * prints (run from the repository root, not on a terminal).
 */
describe.each(["README.md", "docs/getting-started.md", "docs/fixing.md"])("%s shows the real output of its commands", (page) => {
  const text = readFileSync(join(ROOT, page), "utf8");
  const blocks = [...text.matchAll(/<!-- output:start -->\n```text\n\$ k8s-lint ([^\n]*)\n([\s\S]*?)```\n<!-- output:end -->/g)];

  test("it has such blocks, and no other spelling of the marker", () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBe(text.split("<!-- output:start -->").length - 1);
  });

  test.each(blocks.map((m) => [m[1], m[2]]))("$ k8s-lint %s", (args, shown) => {
    expect(shown).toBe(run(args.split(" ")).stdout);
  });
});

test("a config's `off` is the severity, not YAML 1.1's boolean", () => {
  const dir = tmp();
  writeFileSync(join(dir, ".k8s-lint.yaml"), "rules:\n  duplicate-resource: off\n");
  writeFileSync(join(dir, "cm.yaml"), DUPLICATE);
  const r = run(["cm.yaml"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});
