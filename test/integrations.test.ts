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
type Step = { name?: string; id?: string; run?: string; uses?: string; shell?: string; env?: Record<string, string>; with?: Record<string, unknown>; "working-directory"?: string; if?: string };
type Action = {
  name: string;
  description: string;
  author?: string;
  inputs?: Record<string, Input>;
  outputs?: Record<string, { description?: string; value?: string }>;
  runs: { using: string; steps?: Step[] };
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
    expect(Object.keys(inputs).sort()).toEqual(["config", "fail-on", "format", "kubernetes-version", "max-warnings", "paths", "sarif-file"]);
    for (const [id, input] of Object.entries(inputs)) {
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      expect(input.description?.length).toBeGreaterThan(10);
      expect(Object.keys(input).filter((k) => !["description", "required", "default", "deprecationMessage"].includes(k))).toEqual([]);
      expect(typeof input.default).toBe("string");
    }
    expect(inputs.format.default).toBe("github");
    for (const f of FORMATS) expect(inputs.format.description).toContain(f);
  });

  test("is a composite action whose run steps all name a shell and whose expressions name declared inputs and steps", () => {
    expect(action.runs.using).toBe("composite");
    const steps = action.runs.steps!;
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
      if (step.run) expect(step.shell).toBe("bash");
      // Inputs reach scripts through env only: an expression inside `run` would be a script injection.
      if (step.run) expect(step.run).not.toContain("${{");
    }
    const ids = new Set(steps.map((s) => s.id).filter(Boolean));
    const text = readFileSync(join(ROOT, "action.yml"), "utf8");
    for (const [, name] of text.matchAll(/\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}/g)) expect(Object.keys(action.inputs!)).toContain(name);
    for (const [, id] of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs/g)) expect(ids).toContain(id);
    for (const output of Object.values(action.outputs ?? {})) {
      expect(output.description).toBeTruthy();
      expect(output.value).toMatch(/^\$\{\{ .+ \}\}$/);
    }
  });

  describe("the lint step, run as the runner would", () => {
    let dir: string;
    const step = () => action.runs.steps!.find((s) => s.id === "lint")!;
    const runStep = (inputs: Record<string, string>) => {
      const output = join(dir, `github-output-${Math.random().toString(36).slice(2)}`);
      writeFileSync(output, "");
      const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output };
      for (const [key, expr] of Object.entries(step().env ?? {})) {
        const input = /inputs\.([a-z-]+)/.exec(expr)![1];
        env[key] = inputs[input] ?? action.inputs![input].default ?? "";
      }
      const res = spawnSync("bash", ["-e", "-c", step().run!], { cwd: dir, env, encoding: "utf8" });
      return { ...res, outputs: readFileSync(output, "utf8") };
    };

    beforeAll(() => {
      if (!existsSync(BUILT_CLI)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
      dir = mkdtempSync(join(tmpdir(), "k8s-lint-action-"));
      writeFileSync(join(dir, "bad.yaml"), "kind: Service\nmetadata: {name: x}\n");
      writeFileSync(join(dir, "ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("annotates with workflow commands by default and fails on errors", () => {
      const res = runStep({ paths: "ok.yaml\nbad.yaml" });
      expect(res.stdout).toMatch(/^::error file=bad\.yaml,line=1,col=1,endLine=1,endColumn=\d+,title=missing-type-meta::/m);
      expect(res.status).toBe(1);
      expect(res.outputs).toBe("exit-code=1\n");
    });

    test("passes on clean input named by a glob", () => {
      const res = runStep({ paths: "ok*.yaml" });
      expect(res.stdout).toBe("");
      expect(res.status).toBe(0);
    });

    test('fail-on "never" reports without failing; sarif-file writes SARIF too', () => {
      const res = runStep({ paths: ".", "fail-on": "never", "sarif-file": "out.sarif" });
      expect(res.status).toBe(0);
      expect(res.stdout).toContain("title=missing-type-meta");
      expect(res.outputs).toBe("exit-code=1\n");
      const sarif = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8"));
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("missing-type-meta");
    });

    test("usage failures fail even with fail-on never", () => {
      expect(runStep({ paths: ".", "fail-on": "never", "kubernetes-version": "latest" }).status).toBe(2);
      expect(runStep({ paths: ".", "fail-on": "sometimes" }).status).toBe(2);
    });

    test('fail-on "warning" and max-warnings become --max-warnings', () => {
      const res = runStep({ paths: "ok.yaml", "fail-on": "warning", format: "json" });
      expect(JSON.parse(res.stdout).summary.errors).toBe(0);
      expect(res.status).toBe(0);
      expect(runStep({ paths: "ok.yaml", "max-warnings": "x" }).status).toBe(2);
    });
  });
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
