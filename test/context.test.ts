/**
 * `--context` and `--references`: what the fixtures in fixtures/context/ cannot show (the
 * summary, related locations in context files, precedence, usage errors, the CLI flags).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { DiscoveryError, LintUsageError } from "../src/errors.js";
import { ROOT } from "./harness.js";

const BIN = join(ROOT, "dist/bin/k8s-lint.js");

const statefulSet = (serviceName: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: ${serviceName}
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: db
          image: postgres:16.4
`;
const service = (name: string, headless: boolean) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:${headless ? "\n  clusterIP: None" : ""}
  selector: { app: db }
  ports:
    - port: 5432
`;

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema: { type: object }
`;

/**
 * A repository: db.yaml (the StatefulSet), services/db.yaml (its Service, not headless),
 * settings.yaml (a ConfigMap), crds/widgets.yaml (a CustomResourceDefinition), broken.yaml.
 */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "k8s-lint-context-"));
  mkdirSync(join(dir, "services"));
  mkdirSync(join(dir, "crds"));
  writeFileSync(join(dir, "db.yaml"), statefulSet("db"));
  writeFileSync(join(dir, "services/db.yaml"), service("db", false));
  writeFileSync(join(dir, "settings.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n");
  writeFileSync(join(dir, "crds/widgets.yaml"), crd);
  writeFileSync(join(dir, "broken.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: [\n");
  return dir;
}

const rulesOf = (result: Awaited<ReturnType<typeof lint>>) => result.files.flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.line}:${d.ruleId}`));

test("context files are linked to but not reported on: the summary counts the linted files only", async () => {
  const cwd = repository();
  const result = await lint(["db.yaml"], { cwd, config: {}, context: ["."], rules: { "missing-resource-requests": "off" } });
  expect(result.files.map((f) => f.path)).toEqual(["db.yaml"]);
  expect(result.summary).toMatchObject({ files: 1, resources: 1, skipped: 0 });
  const d = result.files[0].diagnostics.find((x) => x.ruleId === "statefulset-service-not-headless");
  expect(d?.line).toBe(6);
  // The other end of the finding lies in a context file, with its own position.
  expect(d?.related).toMatchObject({ file: "services/db.yaml", line: 5, resource: { kind: "Service", name: "db" } });
  expect(rulesOf(result).some((r) => r.startsWith("broken.yaml"))).toBe(false);
});

test("a file both linted and in the context is read once: no duplicate-resource against itself", async () => {
  const cwd = repository();
  const linked = join(cwd, "linked");
  mkdirSync(linked);
  symlinkSync(join(cwd, "db.yaml"), join(linked, "db.yaml"));
  const result = await lint(["db.yaml", "./services/db.yaml"], { cwd, config: {}, context: [".", "services", "linked"] });
  expect(result.files.map((f) => f.path)).toEqual(["db.yaml", "services/db.yaml"]);
  expect(result.summary.resources).toBe(2);
  expect(rulesOf(result).filter((r) => r.endsWith(":duplicate-resource"))).toEqual([]);
});

test("a context of objects makes the input complete unless references says otherwise; the option beats the config", async () => {
  const cwd = repository();
  // The context (settings.yaml) defines no Service: a partial input takes db.yaml's Service to live elsewhere.
  const missing = async (options: Parameters<typeof lint>[1]) =>
    rulesOf(await lint(["db.yaml"], { cwd, config: {}, ...options })).filter((r) => r.endsWith(":statefulset-service-missing"));
  expect(await missing({})).toEqual([]);
  expect(await missing({ context: ["settings.yaml"] })).toEqual(["db.yaml:6:statefulset-service-missing"]);
  expect(await missing({ context: ["settings.yaml"], config: { references: "partial" } })).toEqual([]);
  expect(await missing({ context: ["settings.yaml"], config: { references: "partial" }, references: "complete" })).toEqual(["db.yaml:6:statefulset-service-missing"]);
  expect(await missing({ config: { references: "complete" } })).toEqual(["db.yaml:6:statefulset-service-missing"]);
  // CustomResourceDefinitions only, or nothing readable, are no repository: the policy stays partial.
  expect(await missing({ context: ["crds"] })).toEqual([]);
  expect(await missing({ context: ["broken.yaml"] })).toEqual([]);
  expect(await missing({ context: ["crds", "settings.yaml"] })).toEqual(["db.yaml:6:statefulset-service-missing"]);
  expect(await missing({ context: ["crds"], references: "complete" })).toEqual(["db.yaml:6:statefulset-service-missing"]);
});

test("context paths are checked like lint paths; stdin cannot be context", async () => {
  const cwd = repository();
  await expect(lint(["db.yaml"], { cwd, config: {}, context: ["no-such-dir"] })).rejects.toThrow(DiscoveryError);
  await expect(lint(["db.yaml"], { cwd, config: {}, context: ["-"] })).rejects.toThrow(LintUsageError);
  // Ignore rules apply to the context too: an ignored Service is not there to link to.
  const ignored = await lint(["db.yaml"], { cwd, config: { ignore: ["services/**"] }, context: ["."] });
  expect(rulesOf(ignored).filter((r) => r.includes("statefulset-service"))).toEqual(["db.yaml:6:statefulset-service-missing"]);
});

describe("the CLI flags", () => {
  beforeAll(() => {
    if (!existsSync(BIN)) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  });
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  test("--context (repeatable) and --references", () => {
    const cwd = repository();
    writeFileSync(join(cwd, "cache.yaml"), statefulSet("cache").replace("name: db\n", "name: cache\n"));
    const r = run(["db.yaml", "cache.yaml", "--context", "services", "--context", "broken.yaml", "-f", "json"], cwd);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(["db.yaml", "cache.yaml"]);
    const ids = (file: number) => out.files[file].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids(0)).toContain("statefulset-service-not-headless");
    expect(ids(1)).toContain("statefulset-service-missing");
    // settings.yaml defines no Service: only a complete input (the default with a context of objects) reports the absent one.
    const missing = (args: string[]) => JSON.parse(run(["cache.yaml", "-f", "json", ...args], cwd).stdout).files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === "statefulset-service-missing");
    expect(missing(["--context", "settings.yaml"])).toBe(true);
    expect(missing(["--context", "settings.yaml", "--references", "partial"])).toBe(false);
    expect(missing(["--context", "crds"])).toBe(false);
  });

  test("--print-config shows the reference policy the context gives", () => {
    const cwd = repository();
    const policy = (context: string) => JSON.parse(run(["--print-config", "db.yaml", "--context", context, "-f", "json"], cwd).stdout).references;
    expect(policy("settings.yaml")).toBe("complete");
    expect(policy("crds")).toBe("partial");
  });

  test("a bad --references value or a missing context path is exit 2", () => {
    const cwd = repository();
    const bad = run(["db.yaml", "--references", "all"], cwd);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--references expects partial or complete, got "all"');
    const missing = run(["db.yaml", "--context", "k8s/"], cwd);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file or directory: k8s/");
  });
});
