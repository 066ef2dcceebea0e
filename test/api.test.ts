/**
 * The Node API as another package sees it: `import { lint } from "k8s-lint"` resolved through
 * package.json "exports" to the BUILT dist/, with its type declarations.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./harness.js";

let consumer: string;

beforeAll(() => {
  // CI builds through `prepare` on `npm ci`; a checkout without dist/ builds here.
  if (!existsSync(join(ROOT, "dist", "index.js")) || !existsSync(join(ROOT, "dist", "index.d.ts"))) {
    execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  }
  consumer = mkdtempSync(join(tmpdir(), "k8s-lint-consumer-"));
  mkdirSync(join(consumer, "node_modules"));
  symlinkSync(ROOT, join(consumer, "node_modules", "k8s-lint"), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "k8s-lint": `file:${ROOT}` } }));
  mkdirSync(join(consumer, "manifests"));
  writeFileSync(
    join(consumer, "manifests", "app.yaml"),
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 8080}]\n",
  );
  writeFileSync(join(consumer, "manifests", "broken.yaml"), "kind: Deployment\nmetadata: {name: x}\n");
  writeFileSync(join(consumer, "manifests", "notes.json"), '{"hello": "world"}');
});

afterAll(() => rmSync(consumer, { recursive: true, force: true }));

function node(args: string[]) {
  const res = spawnSync(process.execPath, args, { cwd: consumer, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (res.error) throw res.error;
  return res;
}

test("lint() imported by another package returns exactly the object the CLI prints with --format json", () => {
  writeFileSync(
    join(consumer, "run.mjs"),
    'import { lint } from "k8s-lint";\nconst result = await lint(["manifests"]);\nprocess.stdout.write(JSON.stringify(result));\n',
  );
  const api = node(["run.mjs"]);
  expect(api.stderr).toBe("");
  const cli = node([join(ROOT, "dist", "bin", "k8s-lint.js"), "--format", "json", "manifests"]);
  expect(cli.status).toBe(1);
  const fromApi = JSON.parse(api.stdout);
  expect(fromApi).toEqual(JSON.parse(cli.stdout));
  expect(fromApi.files.map((f: { path: string }) => f.path).sort()).toEqual(["manifests/app.yaml", "manifests/broken.yaml", "manifests/notes.json"]);
  expect(fromApi.summary.errors).toBeGreaterThanOrEqual(1);
  expect(fromApi.summary.warnings).toBeGreaterThanOrEqual(1);
});

test("options reach the engine the same way as the CLI flags", () => {
  writeFileSync(
    join(consumer, "options.mjs"),
    'import { lint } from "k8s-lint";\nconst result = await lint(["manifests/app.yaml"], { rules: { "duplicate-resource": "error" }, defaultNamespace: "shop" });\nprocess.stdout.write(JSON.stringify(result));\n',
  );
  const api = JSON.parse(node(["options.mjs"]).stdout);
  const cli = JSON.parse(node([join(ROOT, "dist", "bin", "k8s-lint.js"), "-f", "json", "--rule", "duplicate-resource=error", "--default-namespace", "shop", "manifests/app.yaml"]).stdout);
  expect(api).toEqual(cli);
  const duplicate = api.files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === "duplicate-resource");
  expect(duplicate).toMatchObject({ severity: "error", resource: { namespace: "shop" } });
});

test("the package ships type declarations a TypeScript consumer compiles against", () => {
  writeFileSync(
    join(consumer, "typed.ts"),
    [
      'import { lint, type Diagnostic, type LintOptions, type LintResult } from "k8s-lint";',
      'const options: LintOptions = { kubernetesVersion: "1.29", quiet: true };',
      "const result: LintResult = await lint([\"manifests\"], options);",
      "const first: Diagnostic | undefined = result.files[0]?.diagnostics[0];",
      "const line: number | undefined = first?.line;",
      "// @ts-expect-error the result is read-only data, not a promise of a string",
      "const wrong: string = result.summary.errors;",
      "export { line, wrong };",
      "",
    ].join("\n"),
  );
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const res = node([tsc, "--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", "--types", "node", "--typeRoots", join(ROOT, "node_modules", "@types"), "typed.ts"]);
  expect(`${res.stdout}${res.stderr}`).toBe("");
  expect(res.status).toBe(0);
});
