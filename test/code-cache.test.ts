/**
 * The bin's V8 code cache (src/cli/code-cache.ts): where it lives, what names it, and that it
 * never changes what a run prints or exits with, whether it is missing, valid, corrupt, foreign,
 * unwritable or made useless by a run that changes V8's flags.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cacheDirectory, cacheFileName, COMMAND_WORDS, runsCommand, savesCache } from "../src/cli/code-cache.js";
import { COMMAND_NAMES } from "../src/cli/run.js";
import { SHORT_RUN_V8_FLAGS, tuneV8 } from "../src/v8-flags.js";
import { ROOT } from "./harness.js";
import type { LintResult } from "../src/types.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");
const BUNDLE = join(ROOT, "dist/bin/k8s-lint.cjs");
const COMMANDS_BUNDLE = join(ROOT, "dist/bin/k8s-lint-commands.cjs");

beforeAll(() => {
  // CI builds through `prepare` on `npm ci`; a fresh checkout without dist builds here.
  if (!existsSync(BIN) || !existsSync(BUNDLE) || !existsSync(COMMANDS_BUNDLE)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

const tmp = () => mkdtempSync(join(tmpdir(), "k8s-lint-code-cache-"));

function run(cacheDir: string, args: string[] = ["--format", "json", "fixtures/demo"], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, K8S_LINT_CACHE_DIR: cacheDir, NO_COLOR: "1" }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const caches = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".bin")) : []);

describe("where the cache lives", () => {
  const home = () => "/home/ada";
  test("K8S_LINT_CACHE_DIR wins; set empty, there is no cache", () => {
    expect(cacheDirectory({ K8S_LINT_CACHE_DIR: "/tmp/c", XDG_CACHE_HOME: "/x" }, "linux", home)).toBe("/tmp/c");
    expect(cacheDirectory({ K8S_LINT_CACHE_DIR: "" }, "linux", home)).toBeUndefined();
  });
  test("the platform's per-user cache folder", () => {
    expect(cacheDirectory({}, "linux", home)).toBe("/home/ada/.cache/k8s-lint");
    expect(cacheDirectory({ XDG_CACHE_HOME: "/var/cache/ada" }, "linux", home)).toBe("/var/cache/ada/k8s-lint");
    // A relative XDG_CACHE_HOME is invalid (XDG Base Directory specification): ignored.
    expect(cacheDirectory({ XDG_CACHE_HOME: "cache" }, "linux", home)).toBe("/home/ada/.cache/k8s-lint");
    expect(cacheDirectory({}, "darwin", home)).toBe("/home/ada/Library/Caches/k8s-lint");
    expect(cacheDirectory({ LOCALAPPDATA: "C:\\Users\\ada\\AppData\\Local" }, "win32", home)).toMatch(/^C:\\Users\\ada\\AppData\\Local.k8s-lint.Cache$/);
    expect(cacheDirectory({}, "win32", home)).toBeUndefined();
  });
  test("no home folder: no cache, no failure", () => {
    expect(
      cacheDirectory({}, "linux", () => {
        throw new Error("ENOENT: no home");
      }),
    ).toBeUndefined();
  });
});

test("the cache's name changes with the bundle's content, size and time, and with the V8 flags", () => {
  const bundle = { size: 1000, mtimeMs: 5 };
  const name = cacheFileName("aaaa", bundle, {});
  expect(name).toMatch(/^code-aaaa-[0-9a-f]{8}\.bin$/);
  expect(cacheFileName("aaaa", { ...bundle }, {})).toBe(name);
  expect(cacheFileName("bbbb", bundle, {})).not.toBe(name);
  expect(cacheFileName("aaaa", { ...bundle, size: 1001 }, {})).not.toBe(name);
  expect(cacheFileName("aaaa", { ...bundle, mtimeMs: 6 }, {})).not.toBe(name);
  expect(cacheFileName("aaaa", bundle, { NODE_OPTIONS: "--max-old-space-size=4096" })).not.toBe(name);
  expect(cacheFileName("aaaa", bundle, {}, SHORT_RUN_V8_FLAGS)).not.toBe(name);
});

test("every command but the language server sets the short-run V8 flags, which then name its cache", () => {
  expect(tuneV8(["lsp", "--stdio"])).toEqual([]);
  // Set in a child: the flags are process-wide.
  const script = `import { tuneV8 } from ${JSON.stringify(join(ROOT, "dist/v8-flags.js"))}; console.log(JSON.stringify(tuneV8(["fixtures/demo"])));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(JSON.parse(r.stdout)).toEqual([...SHORT_RUN_V8_FLAGS]);
  expect(SHORT_RUN_V8_FLAGS.length).toBeGreaterThan(0);
});

test("the bin names its cache by the content hash of the bundle it runs", () => {
  const dir = join(tmp(), "cache");
  expect(run(dir).code).toBe(1);
  const hash = createHash("sha256").update(readFileSync(BUNDLE)).digest("hex").slice(0, 16);
  expect(caches(dir)).toEqual([expect.stringMatching(new RegExp(`^code-${hash}-[0-9a-f]{8}\\.bin$`))]);
});

test("a run with the cache prints and exits as the first run without one, and leaves the cache as it was", () => {
  const dir = join(tmp(), "cache");
  const cold = run(dir);
  const [name] = caches(dir);
  expect(name).toBeDefined();
  // Only this user may read or replace code that V8 runs.
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  const written = statSync(join(dir, name)).mtimeMs;
  const warm = run(dir);
  expect(warm).toEqual(cold);
  expect(JSON.parse(warm.stdout).summary.errors).toBeGreaterThan(0);
  expect(statSync(join(dir, name)).mtimeMs).toBe(written);
  // Without a cache at all, the same again.
  expect(run("")).toEqual(cold);
});

test("a corrupt or truncated cache is refused by V8, the run is the same, and the cache is made again", () => {
  const dir = join(tmp(), "cache");
  const cold = run(dir);
  const [name] = caches(dir);
  const good = readFileSync(join(dir, name));
  for (const bad of [Buffer.from("not a code cache"), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
    writeFileSync(join(dir, name), bad, { mode: 0o600 });
    expect(run(dir)).toEqual(cold);
    expect(readFileSync(join(dir, name)).length).toBeGreaterThan(bad.length);
  }
});

test("a cache file others may write is not read, and is replaced", () => {
  const dir = join(tmp(), "cache");
  const cold = run(dir);
  const [name] = caches(dir);
  writeFileSync(join(dir, name), "planted", { mode: 0o666 });
  chmodSync(join(dir, name), 0o666);
  expect(run(dir)).toEqual(cold);
  expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
  expect(readFileSync(join(dir, name), "latin1")).not.toBe("planted");
});

test("an unwritable cache folder: the same output, nothing on stderr", () => {
  const base = tmp();
  writeFileSync(join(base, "file"), "");
  // A folder under a regular file can be neither made nor written.
  const cold = run("");
  expect(run(join(base, "file", "cache"))).toEqual(cold);
  expect(cold.stderr).toBe("");
});

test("a cache folder that can never be made (under Linux's /proc) ends the run as without a cache, never in a loop", () => {
  // Node's recursive mkdir retried such a path forever at full CPU; a hang here fails at the timeout.
  const cold = run("");
  const r = spawnSync(process.execPath, [BIN, "--format", "json", "fixtures/demo"], { cwd: ROOT, env: { ...process.env, K8S_LINT_CACHE_DIR: "/proc/k8s-lint-none/cache", NO_COLOR: "1" }, encoding: "utf8", timeout: 60_000 });
  expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(cold);
});

test("a run that changes V8's flags (CEL) writes no cache the next process would refuse", () => {
  const dir = join(tmp(), "cache");
  const args = ["--format", "json", "-c", ".k8s-lint.yaml", "."];
  const cwd = join(ROOT, "fixtures/custom-rules");
  const cold = run(dir, args, cwd);
  expect(cold.stderr).toBe("");
  expect(caches(dir)).toEqual([]);
});

test("with code from the cache, a config's plugin still loads (import() goes through the bin)", () => {
  const dir = join(tmp(), "cache");
  run(dir);
  expect(caches(dir)).toHaveLength(1);
  const args = ["--format", "json", "-c", ".k8s-lint.yaml", "."];
  const cwd = join(ROOT, "fixtures/custom-rules");
  const cold = run("", args, cwd);
  const ids = new Set((JSON.parse(cold.stdout) as LintResult).files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)));
  // A CEL rule and the plugin's rule (an import() from inside the cached bundle) both ran.
  expect(ids.has("team-label-required")).toBe(true);
  expect(ids.has("revision-history-limit-set")).toBe(true);
  expect(cold.stderr).toBe("");
  expect(run(dir, args, cwd)).toEqual(cold);
});

test("a lint and a command save their bundle's cache; --version, a help text and the language server do not", () => {
  for (const args of [[], ["k8s/", "--format", "json"], ["lint", "k8s/"], ["--no-color", "qos"], ["rules"], ["explain", "x"], ["graph", "."], ["qos", "."], ["diagnose", "-"]]) {
    expect(savesCache(args)).toBe(true);
  }
  for (const args of [["--version"], ["-v"], ["version"], ["--help"], ["k8s/", "-h"], ["help", "explain"], ["rules", "--help"], ["lsp"]]) {
    expect(savesCache(args)).toBe(false);
  }
  const dir = join(tmp(), "cache");
  expect(run(dir, ["--version"]).code).toBe(0);
  expect(run(dir, ["--help"]).code).toBe(0);
  expect(caches(dir)).toEqual([]);
  expect(run(dir, ["rules"]).code).toBe(0);
  const commandsHash = createHash("sha256").update(readFileSync(COMMANDS_BUNDLE)).digest("hex").slice(0, 16);
  expect(caches(dir)).toEqual([expect.stringMatching(new RegExp(`^code-${commandsHash}-`))]);
  run(dir);
  expect(caches(dir)).toHaveLength(2);
});

test("a command line runs the commands' bundle exactly when its first word names a command, as the dispatch reads it", () => {
  expect(new Set(COMMAND_WORDS)).toEqual(new Set([...COMMAND_NAMES, "help"]));
  for (const word of COMMAND_WORDS) expect(runsCommand([word, "x"])).toBe(true);
  for (const args of [[], ["."], ["lint", "rules"], ["--no-color", "qos"], ["--version"], ["--help"], ["./rules"]]) expect(runsCommand(args)).toBe(false);
  // The lint bundle leaves the commands out; every command still runs from the bin.
  expect(statSync(BUNDLE).size).toBeLessThan(statSync(COMMANDS_BUNDLE).size);
  for (const args of [["rules"], ["explain", "image-latest-tag"], ["qos", "fixtures/demo"], ["help", "graph"], ["graph", "-f", "json", "fixtures/demo"]]) {
    const r = run("", args);
    expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: "" });
    expect(r.stdout.length).toBeGreaterThan(0);
  }
});

test("with code from the cache, the parse workers start (import() of node:worker_threads)", () => {
  const dir = join(tmp(), "cache");
  // Reports each worker started on stderr: a worker that cannot start leaves the run sequential, with the same output.
  const preload = join(tmp(), "count-workers.cjs");
  writeFileSync(preload, 'const wt = require("node:worker_threads"); const W = wt.Worker;\nwt.Worker = class extends W { constructor(...a) { super(...a); process.stderr.write("worker\\n"); } };\n');
  const lint = () =>
    spawnSync(process.execPath, ["-r", preload, BIN, "--format", "json", "fixtures/demo"], { cwd: ROOT, env: { ...process.env, K8S_LINT_CACHE_DIR: dir, K8S_LINT_WORKERS: "2" }, encoding: "utf8" });
  const cold = lint();
  expect(cold.stderr).toBe("worker\nworker\n");
  expect(caches(dir)).toHaveLength(1);
  const warm = lint();
  expect(warm.stderr).toBe("worker\nworker\n");
  expect(warm.stdout).toBe(cold.stdout);
});
