/**
 * Config problems of custom rules, one config per case in fixtures/custom-rules-errors: each is
 * run with the built CLI on the folder's manifests.yaml, and its exit code and every line it
 * writes to standard error equal the config's `# exit:` and `# stderr:` lines (without the
 * "k8s-lint: " prefix). Positions are the offending value's, as for every config error.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist", "bin", "k8s-lint.js");
const DIR = join(ROOT, "fixtures", "custom-rules-errors");
const CONFIGS = readdirSync(DIR).filter((f) => f.endsWith(".yaml") && f !== "manifests.yaml");

beforeAll(() => {
  if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
});

test("there are cases", () => {
  expect(CONFIGS.length).toBeGreaterThanOrEqual(5);
});

test.each(CONFIGS)("%s: exit code and messages as its header says", (config) => {
  const header = readFileSync(join(DIR, config), "utf8").split("\n");
  const exit = header.map((l) => /^# exit: (\d+)$/.exec(l)?.[1]).find((x) => x !== undefined);
  const stderr = header.flatMap((l) => /^# stderr: (.*)$/.exec(l)?.[1] ?? []);
  expect(exit).toBeDefined();
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [BIN, "-c", config, "manifests.yaml", "-f", "json"], { cwd: DIR, env, encoding: "utf8" });
  expect({ exit: r.status, stderr: r.stderr.split("\n").filter(Boolean).map((l) => l.replace(/^k8s-lint: /, "")) }).toEqual({ exit: Number(exit), stderr });
});

test("the unseen-kind note is not written under --quiet, nor when a resource of the kind is linted", () => {
  const quiet = spawnSync(process.execPath, [BIN, "-c", "unfamiliar-kind.yaml", "manifests.yaml", "--quiet"], { cwd: DIR, encoding: "utf8" });
  expect(quiet.stderr).toBe("");
  const widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n";
  const seen = spawnSync(process.execPath, [BIN, "-c", "unfamiliar-kind.yaml", "-", "--stdin-filename", "widget.yaml"], { cwd: DIR, input: widget, encoding: "utf8" });
  expect(seen.stderr).toBe("");
});
