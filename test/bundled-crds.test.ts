/**
 * The bundled schemas of common custom resources (models/bundled-crds): what the installed
 * @kubernetes-models packages produce, read only when the input needs them, and beaten by a CRD
 * of the input.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, WEB_DEPLOYMENT as DEPLOYMENT } from "./harness.js";
import { lint } from "../src/engine/lint.js";
import { BUNDLED_RELEASES, bundledSchemasLoaded } from "../src/models/bundled-crds/index.js";


const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: edge
      sectionNme: https
`;

const GRPC_ROUTE_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: httproutes.gateway.networking.k8s.io
spec:
  group: gateway.networking.k8s.io
  names: {kind: HTTPRoute, plural: httproutes}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
`;

const idsOf = (r: Awaited<ReturnType<typeof lint>>) => r.files.flatMap((f) => f.diagnostics.map((d) => `${d.line}:${d.ruleId}`));

test("the generated schemas, release list and docs page are fresh (node scripts/gen-bundled-crds.mjs)", async () => {
  const gen = (await import(join(ROOT, "scripts", "gen-bundled-crds.mjs"))) as { generate(): Record<string, string> };
  const files = gen.generate();
  expect(Object.keys(files)).toHaveLength(3);
  for (const [path, text] of Object.entries(files)) expect([path, readFileSync(path, "utf8")]).toEqual([path, text]);
}, 60_000);

test("the recorded package versions are the installed ones, pinned exactly in package.json", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  for (const r of BUNDLED_RELEASES) {
    const installed = JSON.parse(readFileSync(join(ROOT, "node_modules", r.package, "package.json"), "utf8")) as { version: string };
    expect([r.package, r.packageVersion]).toEqual([r.package, installed.version]);
    expect([r.package, pkg.devDependencies[r.package]]).toEqual([r.package, r.packageVersion]);
  }
});

// One module registry for this file: the first test sees the state of a fresh process.
test("a run without custom resources of a bundled group does not load the schemas", async () => {
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: DEPLOYMENT });
  expect(result.summary.resources).toBe(1);
  expect(bundledSchemasLoaded()).toBe(false);
});

test("a custom resource of a bundled group loads them and is validated, not skipped", async () => {
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: ROUTE });
  expect(bundledSchemasLoaded()).toBe(true);
  expect(result.summary.skipped).toBe(0);
  expect(idsOf(result)).toEqual(["8:unknown-field"]);
});

test("a CRD of the input wins over the bundled schema", async () => {
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: `${GRPC_ROUTE_CRD}---\n${ROUTE}` });
  expect(result.summary.skipped).toBe(0);
  expect(idsOf(result)).toEqual([]);
});

test("a version the bundle does not have is skipped, as before", async () => {
  const result = await lint(["-"], { cwd: ROOT, config: {}, stdin: ROUTE.replace("/v1", "/v9") });
  expect(result.summary.skipped).toBe(1);
  expect(idsOf(result)).toEqual([]);
});

test("against a bundled schema an unknown field is info, a missing required field or a value outside its enum a warning; a wrong type or a misspelling stays an error", async () => {
  const files = ["unknown-field/bundled-newer-release.yaml", "missing-required-field/bundled-newer-release.yaml", "missing-required-field/bundled-required.yaml", "invalid-type/bundled-wrong-types.yaml"];
  const result = await lint(files.map((f) => join("fixtures", "rules", f)), { cwd: ROOT, config: {}, rules: { "invalid-type": "error", "unknown-field": "error", "missing-required-field": "error" } });
  const seen = result.files.flatMap((f) => f.diagnostics.filter((d) => ["unknown-field", "missing-required-field", "invalid-type"].includes(d.ruleId)).map((d) => `${f.path.split("/").slice(-2).join("/")}:${d.line} ${d.ruleId} ${d.severity}`));
  expect(seen).toEqual([
    "unknown-field/bundled-newer-release.yaml:12 unknown-field info",
    "unknown-field/bundled-newer-release.yaml:31 unknown-field info",
    "unknown-field/bundled-newer-release.yaml:45 unknown-field info",
    "missing-required-field/bundled-newer-release.yaml:13 missing-required-field warning",
    "missing-required-field/bundled-newer-release.yaml:14 unknown-field info",
    "missing-required-field/bundled-newer-release.yaml:26 missing-required-field warning",
    "missing-required-field/bundled-newer-release.yaml:30 unknown-field info",
    "missing-required-field/bundled-newer-release.yaml:43 missing-required-field warning",
    "missing-required-field/bundled-required.yaml:10 missing-required-field warning",
    "missing-required-field/bundled-required.yaml:12 missing-required-field warning",
    "invalid-type/bundled-wrong-types.yaml:13 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:14 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:18 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:20 invalid-type warning",
    "invalid-type/bundled-wrong-types.yaml:32 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:36 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:44 invalid-type error",
    "invalid-type/bundled-wrong-types.yaml:58 invalid-type error",
  ]);
});
