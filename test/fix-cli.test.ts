/**
 * `--fix`, `--fix-dry-run` and `--fix-type` end to end, through the built bin: what is written
 * (atomically, permissions and encoding kept), what is refused with nothing written (a read-only
 * file, a symbolic link loop, a link out of the inputs, standard input), and that a run killed
 * between writing the temporary file and renaming it leaves the file whole.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixText } from "../src/engine/fix/run.js";
import { PAUSE_ENV } from "../src/engine/fix/write.js";
import type { LintResult } from "../src/types.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");
const PAIRS = join(ROOT, "fixtures/fix");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

function run(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string> }) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? "", env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pair = (rule: string, variant: string) => ({
  before: readFileSync(join(PAIRS, rule, `${variant}.before.yaml`), "utf8"),
  after: readFileSync(join(PAIRS, rule, `${variant}.after.yaml`), "utf8"),
});

/** A directory with the before files of some pairs, named <rule>.yaml. */
function project(...rules: Array<[string, string]>): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-fix-"));
  for (const [rule, variant] of rules) copyFileSync(join(PAIRS, rule, `${variant}.before.yaml`), join(dir, `${rule}.yaml`));
  return dir;
}

/** The regular files of a directory and their text. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [e.name, readFileSync(join(dir, e.name), "utf8")]),
  );

test("--fix writes the fixed files, keeps their permission bits, BOM and CRLF, and reports what remains", () => {
  const dir = project(["probe-success-threshold", "commented"], ["unknown-field", "crlf"]);
  chmodSync(join(dir, "unknown-field.yaml"), 0o640);
  const r = run(["--fix", "-f", "json", "."], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(readFileSync(join(dir, "probe-success-threshold.yaml"), "utf8")).toBe(pair("probe-success-threshold", "commented").after);
  // crlf.before.yaml starts with a BOM: written back with it.
  expect(readFileSync(join(dir, "unknown-field.yaml"), "utf8")).toBe(pair("unknown-field", "crlf").after);
  expect(statSync(join(dir, "unknown-field.yaml")).mode & 0o777).toBe(0o640);
  const remaining = (JSON.parse(r.stdout) as LintResult).files.flatMap((f) => f.diagnostics);
  expect(remaining.filter((d) => d.fix)).toEqual([]);
  expect(r.code).toBe(remaining.some((d) => d.severity === "error") ? 1 : 0);
  expect(readdirSync(dir).sort()).toEqual(["probe-success-threshold.yaml", "unknown-field.yaml"]);
});

test("--fix-dry-run prints a unified diff that patch applies, and writes nothing", () => {
  const dir = project(["invalid-quantity", "commented"]);
  const before = snapshot(dir);
  const r = run(["--fix-dry-run", "invalid-quantity.yaml"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.stdout.startsWith("--- a/invalid-quantity.yaml\n+++ b/invalid-quantity.yaml\n@@ ")).toBe(true);
  expect(snapshot(dir)).toEqual(before);
  const patched = spawnSync("patch", ["-p1", "--quiet"], { cwd: dir, input: r.stdout, encoding: "utf8" });
  expect(patched.status).toBe(0);
  expect(readFileSync(join(dir, "invalid-quantity.yaml"), "utf8")).toBe(pair("invalid-quantity", "commented").after);
});

test("--fix-dry-run with nothing to fix says so, and what remains", () => {
  const dir = project(["invalid-quantity", "commented"]);
  writeFileSync(join(dir, "unfixable.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: Bad_Namespace\n");
  const r = run(["--fix-dry-run", "unfixable.yaml"], { cwd: dir });
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: "" });
  expect(r.stderr).toMatch(/^k8s-lint: no fixes to apply; 1 problem remains \(1 error, 0 warnings\): run without --fix-dry-run to see them\n$/);
  // A clean file: nothing to fix and nothing left. Standard input is printed whole, so nothing is said.
  const clean = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: default\n";
  writeFileSync(join(dir, "clean.yaml"), clean);
  expect(run(["--fix-dry-run", "clean.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "", stderr: "k8s-lint: no fixes to apply; no problems\n" });
  expect(run(["--fix-dry-run", "-"], { cwd: dir, input: clean })).toMatchObject({ stdout: clean, stderr: "" });
  // Infos count as the summary line counts them: only with --explain, which shows them.
  writeFileSync(join(dir, "copies.yaml"), `${clean}---\n${clean}`);
  expect(run(["--fix-dry-run", "copies.yaml"], { cwd: dir })).toMatchObject({ code: 0, stdout: "", stderr: "k8s-lint: no fixes to apply; no problems\n" });
  expect(run(["--fix-dry-run", "--explain", "copies.yaml"], { cwd: dir }).stderr).toBe("k8s-lint: no fixes to apply; 1 problem remains (0 errors, 0 warnings, 1 info): run without --fix-dry-run to see them\n");
});

test("with standard input, --fix-dry-run prints the fixed text and --fix refuses", () => {
  const dir = project();
  const { before, after } = pair("ingress-path-invalid", "commented");
  const dry = run(["--fix-dry-run", "-"], { cwd: dir, input: before });
  expect(dry.stdout).toBe(after);
  const clean = run(["--fix-dry-run", "-"], { cwd: dir, input: after });
  expect(clean.stdout).toBe(after);
  const write = run(["--fix", "-"], { cwd: dir, input: before });
  expect(write.code).toBe(2);
  expect(write.stderr).toContain("--fix never writes standard input");
  expect(write.stdout).toBe("");
});

test("--fix-type applies only the fixes of those rule categories", () => {
  const dir = project(["probe-success-threshold", "commented"], ["invalid-quantity", "commented"]);
  run(["--fix", "--fix-type", "probes", "."], { cwd: dir });
  expect(readFileSync(join(dir, "probe-success-threshold.yaml"), "utf8")).toBe(pair("probe-success-threshold", "commented").after);
  expect(readFileSync(join(dir, "invalid-quantity.yaml"), "utf8")).toBe(pair("invalid-quantity", "commented").before);
  const bad = run(["--fix", "--fix-type", "probe", "."], { cwd: dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('did you mean "probes"');
});

test("a read-only file among the fixed ones: exit 2, nothing written", () => {
  const dir = project(["probe-success-threshold", "commented"], ["invalid-quantity", "commented"]);
  chmodSync(join(dir, "invalid-quantity.yaml"), 0o444);
  const before = snapshot(dir);
  const r = run(["--fix", "."], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/cannot fix invalid-quantity\.yaml: the file is read-only; nothing was written/);
  expect(snapshot(dir)).toEqual(before);
});

test("a symbolic link loop among the inputs: exit 2, nothing written", () => {
  const dir = project(["probe-success-threshold", "commented"]);
  mkdirSync(join(dir, "loop"));
  symlinkSync("b", join(dir, "loop", "a"));
  symlinkSync("a", join(dir, "loop", "b"));
  const before = snapshot(dir);
  const r = run(["--fix", "probe-success-threshold.yaml", "loop/a"], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("symbolic link loop");
  expect(snapshot(dir)).toEqual(before);
});

test("a file with a YAML syntax error is not fixed, and both --fix and --fix-dry-run say why", () => {
  const dir = project(["probe-success-threshold", "commented"]);
  // An alias to an anchor of another document: the fixable finding stays, the file never parses cleanly.
  writeFileSync(join(dir, "broken.yaml"), `${pair("probe-success-threshold", "commented").before}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: *elsewhere\n`);
  const before = snapshot(dir);
  for (const mode of ["--fix", "--fix-dry-run"]) {
    const r = run([mode, "broken.yaml"], { cwd: dir });
    expect({ mode, code: r.code, stderr: r.stderr }).toEqual({ mode, code: 1, stderr: "k8s-lint: fixes not applied to broken.yaml: it has a YAML syntax error; fix that first\n" });
    expect(snapshot(dir)).toEqual(before);
  }
  // The other file of the same run is fixed, with nothing said about it.
  const r = run(["--fix", "broken.yaml", "probe-success-threshold.yaml"], { cwd: dir });
  expect(r.stderr).toBe("k8s-lint: fixes not applied to broken.yaml: it has a YAML syntax error; fix that first\n");
  expect(readFileSync(join(dir, "probe-success-threshold.yaml"), "utf8")).toBe(pair("probe-success-threshold", "commented").after);
});

test("a file reached through a symbolic link out of the inputs is never written", () => {
  const outside = project(["invalid-quantity", "commented"]);
  const dir = project(["probe-success-threshold", "commented"]);
  symlinkSync(join(outside, "invalid-quantity.yaml"), join(dir, "linked.yaml"));
  const r = run(["--fix", "--follow-symlinks", "."], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("outside the inputs; nothing was written");
  expect(readFileSync(join(outside, "invalid-quantity.yaml"), "utf8")).toBe(pair("invalid-quantity", "commented").before);
  expect(readFileSync(join(dir, "probe-success-threshold.yaml"), "utf8")).toBe(pair("probe-success-threshold", "commented").before);
});

test("a link named on the command line is written through, and stays a link", () => {
  const target = project(["invalid-quantity", "commented"]);
  const dir = project();
  symlinkSync(join(target, "invalid-quantity.yaml"), join(dir, "linked.yaml"));
  const r = run(["--fix", "linked.yaml"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(readFileSync(join(target, "invalid-quantity.yaml"), "utf8")).toBe(pair("invalid-quantity", "commented").after);
  expect(readdirSync(dir)).toEqual(["linked.yaml"]);
  expect(readdirSync(target)).toEqual(["invalid-quantity.yaml"]);
});

test("a run killed between writing the temporary file and renaming it leaves the file whole", async () => {
  const dir = project(["probe-success-threshold", "commented"]);
  const file = join(dir, "probe-success-threshold.yaml");
  const original = readFileSync(file, "utf8");
  const child = spawn(process.execPath, [BIN, "--fix", "."], { cwd: dir, env: { ...process.env, [PAUSE_ENV]: "30000" }, stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
  // The temporary file is complete (written and synced) once it appears with the whole content.
  const deadline = Date.now() + 30_000;
  let temp: string | undefined;
  while (Date.now() < deadline) {
    temp = readdirSync(dir).find((f) => f.endsWith(".tmp"));
    if (temp && readFileSync(join(dir, temp), "utf8") === pair("probe-success-threshold", "commented").after) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(temp).toBeDefined();
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  expect(readFileSync(file, "utf8")).toBe(original);
  // A later run fixes it, and the leftover of the killed one does not stop it.
  const r = run(["--fix", "probe-success-threshold.yaml"], { cwd: dir });
  expect(r.stderr).toBe("");
  expect(readFileSync(file, "utf8")).toBe(pair("probe-success-threshold", "commented").after);
}, 60_000);

test("stylish marks fixable findings and counts them", () => {
  const dir = project(["probe-success-threshold", "commented"], ["invalid-quantity", "commented"]);
  const r = run(["--no-color", "."], { cwd: dir });
  const marked = r.stdout.split("\n").filter((l) => l.includes("(fixable)"));
  expect(marked.length).toBe(3);
  expect(r.stdout).toContain("3 problems fixable with --fix");
});

test("no fix where an edit would change more than its finding (fixtures/fix-refused: every file stays as it is)", async () => {
  const dir = join(ROOT, "fixtures", "fix-refused");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) {
    const text = readFileSync(join(dir, file), "utf8");
    const result = await fixText(text, { filename: file, cwd: ROOT });
    expect([file, result.changed, result.fixed]).toEqual([file, false, 0]);
  }
});
