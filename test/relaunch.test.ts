/**
 * The bin's second process for a large lint on a small machine (src/cli/relaunch.ts): when it
 * starts one, and that a lint run there prints, exits and stops on a signal as one run in the
 * bin's own process does.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inputBytesReach, NODE_V8_POOL_SIZE, relaunchPool, RELAUNCH_MIN_BYTES, type Launch } from "../src/cli/relaunch.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

/** A folder of manifests of `bytes` bytes in all, in files of 1,000 bytes, and a file of something else beside them. */
function corpus(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-relaunch-"));
  mkdirSync(join(dir, "apps"));
  for (let i = 0; i * 1000 < bytes; i++) writeFileSync(join(dir, "apps", `m${i}.yaml`), "#".repeat(Math.min(1000, bytes - i * 1000)));
  writeFileSync(join(dir, "README.md"), "x".repeat(5000));
  return dir;
}

describe("whether a run starts again with a smaller V8 pool", () => {
  const big = corpus(RELAUNCH_MIN_BYTES);
  const small = corpus(RELAUNCH_MIN_BYTES - 1000);
  const two: Launch = { cores: 2, execArgv: [], env: {} };

  test("a large input on two cores or one: a pool of one", () => {
    expect(relaunchPool([big], two)).toBe(1);
    expect(relaunchPool(["--preset", "all", big], { ...two, cores: 1 })).toBe(1);
  });

  test("a smaller input, a machine of more cores, the language server: no second process", () => {
    expect(relaunchPool([small], two)).toBeUndefined();
    expect(relaunchPool([big], { ...two, cores: 3 })).toBeUndefined();
    expect(relaunchPool(["lsp", big], two)).toBeUndefined();
    expect(relaunchPool(["diagnose", big], two)).toBeUndefined();
    expect(relaunchPool(["graph", big], two)).toBe(1);
  });

  test("a pool set by node's arguments or NODE_OPTIONS is kept: the second process never starts a third", () => {
    expect(relaunchPool([big], { ...two, execArgv: ["--v8-pool-size=1"] })).toBeUndefined();
    expect(relaunchPool([big], { ...two, env: { NODE_OPTIONS: "--max-old-space-size=4096 --v8-pool-size=2" } })).toBeUndefined();
  });

  test("a process under a debugger is not started again", () => {
    expect(relaunchPool([big], { ...two, execArgv: ["--inspect-brk=9230"] })).toBeUndefined();
    expect(relaunchPool([big], { ...two, env: { NODE_OPTIONS: "--inspect" } })).toBeUndefined();
    expect(relaunchPool([big], { ...two, execArgv: ["--max-old-space-size=4096"] })).toBe(1);
  });

  test("K8S_LINT_V8_POOL: 0 never, N always (at most node's own size), anything else as unset", () => {
    expect(relaunchPool([big], { ...two, env: { K8S_LINT_V8_POOL: "0" } })).toBeUndefined();
    expect(relaunchPool([small], { ...two, cores: 8, env: { K8S_LINT_V8_POOL: "2" } })).toBe(2);
    expect(relaunchPool([small], { ...two, env: { K8S_LINT_V8_POOL: "64" } })).toBe(NODE_V8_POOL_SIZE);
    expect(relaunchPool([big], { ...two, env: { K8S_LINT_V8_POOL: "many" } })).toBeUndefined();
    expect(relaunchPool([big], { ...two, env: { K8S_LINT_V8_POOL: "" } })).toBe(1);
  });

  test("the estimate counts manifests of the named files and folders, not the report written or other files", () => {
    expect(inputBytesReach([small], RELAUNCH_MIN_BYTES)).toBe(false);
    expect(inputBytesReach([small, join(big, "apps", "m0.yaml")], RELAUNCH_MIN_BYTES)).toBe(true);
    // The README beside the manifests is not one; `-o` names the report, not an input.
    expect(inputBytesReach([small], RELAUNCH_MIN_BYTES - 1000 + 1)).toBe(false);
    const report = join(big, "apps", "m1.yaml");
    expect(inputBytesReach(["-o", report, join(small, "apps")], RELAUNCH_MIN_BYTES - 500)).toBe(false);
    expect(inputBytesReach([report, join(small, "apps")], RELAUNCH_MIN_BYTES - 500)).toBe(true);
    // No path that exists: the working directory, a lint's default input.
    expect(inputBytesReach(["--preset", "all"], 1)).toBe(true);
    expect(inputBytesReach(["apps/**/*.yaml"], 1)).toBe(true);
    expect(inputBytesReach(["-"], 1)).toBe(false);
    expect(inputBytesReach(["-", small], RELAUNCH_MIN_BYTES)).toBe(false);
  });

  test("folders whose name starts with a dot, and node_modules, are not walked", () => {
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-relaunch-"));
    for (const hidden of [".git", "node_modules"]) {
      mkdirSync(join(dir, hidden));
      writeFileSync(join(dir, hidden, "big.yaml"), "#".repeat(2000));
    }
    expect(inputBytesReach([dir], 1000)).toBe(false);
  });
});

describe("a lint run in the second process", () => {
  const bin = (pool: string, args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, K8S_LINT_V8_POOL: pool, NO_COLOR: "1" }, encoding: "utf8", input });

  test.each([
    ["a folder", ["fixtures/demo"]],
    ["JSON output", ["--format", "json", "fixtures/demo"]],
    ["a usage error", ["--no-such-option"]],
  ])("%s: the same output and exit code", (_name, args) => {
    const here = bin("0", args);
    const there = bin("1", args);
    expect(there.status).toBe(here.status);
    expect(there.stdout).toBe(here.stdout);
    expect(there.stderr).toBe(here.stderr);
  });

  test("standard input reaches it", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n";
    const here = bin("0", ["--format", "json", "-"], text);
    const there = bin("1", ["--format", "json", "-"], text);
    expect(there.status).toBe(here.status);
    expect(there.stdout).toBe(here.stdout);
    expect(JSON.parse(there.stdout).summary.warnings).toBeGreaterThan(0);
  });

  test("a signal to the bin stops the lint too", async () => {
    // The lint waits on standard input, which stays open: only the signal passed on ends it.
    const child = spawn(process.execPath, [BIN, "-"], { cwd: ROOT, env: { ...process.env, K8S_LINT_V8_POOL: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGTERM");
    // "close" comes once every holder of the pipes is gone: the second process too.
    expect(await closed).toEqual({ code: null, signal: "SIGTERM" });
    child.stdin.destroy();
  }, 20_000);
});
