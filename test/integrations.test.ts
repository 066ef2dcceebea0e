/** action.yml, .pre-commit-hooks.yaml and the example workflows: valid metadata, and they really run. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { FORMATS } from "../src/formatters/index.js";
import { ROOT } from "./harness.js";

const BUILT_CLI = join(ROOT, "dist", "bin", "k8s-lint.js");

type Input = { description?: string; required?: boolean; default?: string; deprecationMessage?: string };
type Step = { name?: string; id?: string; run?: string; uses?: string; with?: Record<string, unknown>; if?: string };
type Action = {
  name: string;
  description: string;
  author?: string;
  inputs?: Record<string, Input>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main?: string };
  branding?: { icon?: string; color?: string };
};

const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

describe("action.yml", () => {
  test("has the keys GitHub requires of action metadata and nothing else at the top level", () => {
    expect(typeof action.name).toBe("string");
    expect(action.description.length).toBeGreaterThan(10);
    expect(Object.keys(action).filter((k) => !["name", "author", "description", "inputs", "outputs", "runs", "branding"].includes(k))).toEqual([]);
    expect(["white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"]).toContain(action.branding?.color);
  });

  test("declares the documented inputs, each with a description and a string default", () => {
    const inputs = action.inputs!;
    expect(Object.keys(inputs).sort()).toEqual(["config", "fail-on", "format", "graph-summary", "kubernetes-version", "max-warnings", "paths", "preset", "sarif-file"]);
    for (const [id, input] of Object.entries(inputs)) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      expect(input.description?.length).toBeGreaterThan(10);
      expect(Object.keys(input).filter((k) => !["description", "required", "default", "deprecationMessage"].includes(k))).toEqual([]);
      expect(typeof input.default).toBe("string");
    }
    expect(inputs.format.default).toBe("github");
    for (const f of FORMATS) expect(inputs.format.description).toContain(f);
  });
  // What the action runs and what it does: test/action.test.ts.
});

describe(".pre-commit-hooks.yaml", () => {
  type Hook = Record<string, unknown>;
  const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
  // The keys of pre-commit's MANIFEST_HOOK_DICT.
  const KEYS = new Set(["id", "name", "entry", "language", "alias", "files", "exclude", "types", "types_or", "exclude_types", "additional_dependencies", "args", "always_run", "fail_fast", "pass_filenames", "description", "language_version", "log_file", "minimum_pre_commit_version", "require_serial", "stages", "verbose"]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> };

  test("is a list of hooks with the required keys and only known ones", () => {
    expect(Array.isArray(hooks)).toBe(true);
    for (const hook of hooks) {
      for (const key of ["id", "name", "entry", "language"]) expect(typeof hook[key]).toBe("string");
      expect(Object.keys(hook).filter((k) => !KEYS.has(k))).toEqual([]);
      expect(hook.types_or).toEqual(["yaml", "json"]);
      expect(Object.keys(pkg.bin)).toContain(hook.entry);
    }
    expect(new Set(hooks.map((h) => h.id)).size).toBe(hooks.length);
  });

  test("the k8s-lint hook is a node hook that passes the staged file names", () => {
    const hook = hooks.find((h) => h.id === "k8s-lint")!;
    expect(hook).toMatchObject({ language: "node", entry: "k8s-lint", pass_filenames: true });
  });

  test("the entry accepts the file names pre-commit passes", () => {
    if (!existsSync(BUILT_CLI)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
    const dir = mkdtempSync(join(tmpdir(), "k8s-lint-hook-"));
    try {
      writeFileSync(join(dir, "a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
      writeFileSync(join(dir, "b.json"), '{"kind": "Service", "metadata": {"name": "x"}}');
      const res = spawnSync(process.execPath, [BUILT_CLI, "--no-color", "a.yaml", "b.json"], { cwd: dir, encoding: "utf8" });
      expect(res.status).toBe(1);
      expect(res.stdout).toContain("b.json");
      expect(res.stdout).toContain("missing-type-meta");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("example workflows", () => {
  const dir = join(ROOT, ".github", "workflows");
  const examples = readdirSync(dir).filter((f) => f.startsWith("example-"));

  test.each(examples.map((f) => [f]))("%s is a workflow that uses the action with declared inputs only", (file) => {
    const wf = parse(readFileSync(join(dir, file), "utf8")) as { name: string; on: unknown; jobs: Record<string, { "runs-on": string; steps: Step[] }> };
    expect(wf.name).toBeTruthy();
    expect(wf.on).toBeTruthy();
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const own = steps.filter((s) => s.uses === "./");
    expect(own.length).toBe(1);
    for (const key of Object.keys(own[0].with ?? {})) expect(Object.keys(action.inputs!)).toContain(key);
    for (const step of steps) if (step.uses) expect(step.uses).toMatch(/^(\.\/|[\w-]+\/[\w./-]+@v\d+)$/);
  });

  test("the SARIF example uploads the file the action writes, with security-events permission", () => {
    const wf = parse(readFileSync(join(dir, "example-sarif.yml"), "utf8")) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const lint = steps.find((s) => s.uses === "./")!;
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload.with!.sarif_file).toBe(lint.with!["sarif-file"]);
    expect(wf.permissions["security-events"]).toBe("write");
  });
});
