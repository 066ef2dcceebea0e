/**
 * Issue 24 (quiet on real repositories): what the fixtures' markers cannot say, the severity
 * and wording of lowered findings, and that every operator of the table has a fixture.
 * The reported lines themselves are checked by the fixture harness.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { groupKind } from "../src/models/api-groups.js";
import { OPERATORS } from "../src/models/operators.js";
import type { Diagnostic } from "../src/types.js";
import { FIXTURES, ROOT } from "./harness.js";

async function findings(fixture: string, ruleId: string): Promise<Diagnostic[]> {
  const result = await lint([join("fixtures", fixture)], { cwd: ROOT, config: {} });
  return result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === ruleId);
}

const brief = (d: Diagnostic) => ({ line: d.line, severity: d.severity });

test("a one-replica StatefulSet behind a cluster IP is a warning naming the lost DNS name; three replicas stay an error", async () => {
  const found = await findings("rules/statefulset-service-not-headless/one-replica.yaml", "statefulset-service-not-headless");
  expect(found.map(brief)).toEqual([
    { line: 11, severity: "warning" },
    { line: 39, severity: "error" },
  ]);
  expect(found[0].message).toContain('per-pod DNS name "ledger-0.ledger"');
  expect(found[1].message).not.toContain("DNS");
});

test("a selector of labels an agent with RBAC to patch pods may set is info, naming the ServiceAccount; a typo stays a warning", async () => {
  const services = await findings("rules/service-selector-no-match/pods-labelled-at-runtime.yaml", "service-selector-no-match");
  const policies = await findings("rules/service-selector-no-match/pods-labelled-at-runtime.yaml", "networkpolicy-selector-no-match");
  expect([...services, ...policies].map(brief)).toEqual([
    { line: 40, severity: "info" },
    { line: 58, severity: "warning" },
    { line: 48, severity: "info" },
  ]);
  expect(services[0].message).toContain('ServiceAccount "node-agent" of DaemonSet "node-agent" may create or relabel pods');
});

test("RBAC that reads pods, names pods or grants in another namespace lowers nothing", async () => {
  const found = await findings("rules/service-selector-no-match/pods-labelled-at-runtime-near-miss.yaml", "service-selector-no-match");
  expect(found.map(brief)).toEqual([{ line: 47, severity: "warning" }]);
});

test("a Helm chart a HelmRelease or an Argo CD Application installs in the namespace lowers a selector to info, never a typo", async () => {
  const found = await findings("rules/service-selector-no-match/chart-namespace.yaml", "service-selector-no-match");
  expect(found.map(brief)).toEqual([
    { line: 27, severity: "info" },
    { line: 34, severity: "warning" },
    { line: 51, severity: "warning" },
    { line: 77, severity: "info" },
  ]);
});

test("a ServiceMonitor's selector in a namespace a chart is installed into is info", async () => {
  const found = await findings("rules/servicemonitor-selector-no-match/chart-namespace.yaml", "servicemonitor-selector-no-match");
  expect(found.map(brief)).toEqual([
    { line: 24, severity: "info" },
    { line: 39, severity: "warning" },
  ]);
});

test("custom resources of an unknown operator lower a selector to info, never a typo, and configuration resources lower nothing", async () => {
  const found = await findings("rules/service-selector-no-match/unknown-operator.yaml", "service-selector-no-match");
  expect(found.map(brief)).toEqual([
    { line: 25, severity: "info" },
    { line: 32, severity: "warning" },
    { line: 56, severity: "warning" },
  ]);
  expect(found[0].message).toContain('the operator of VectorDatabase.example.test "embeddings" may run the selected pods');
});

test("a kustomization entry the run does not read lowers a selector of its namespace to info, never a typo", async () => {
  const found = await findings("rules/networkpolicy-selector-no-match/unread-build.set", "networkpolicy-selector-no-match");
  expect(found.map(brief)).toEqual([
    { line: 15, severity: "info" },
    { line: 26, severity: "warning" },
  ]);
  expect(found[0].message).toContain("which this run does not read, so its pods may match");
});

test("a missing Secret an application's ServiceAccount may create (RBAC of the input) is info, naming the account; a typo or a Role limited by resourceNames stays a warning", async () => {
  const found = await findings("rules/secret-ref-missing/created-at-run-time.yaml", "secret-ref-missing");
  expect(found.map(brief)).toEqual([
    { line: 57, severity: "info" },
    { line: 58, severity: "warning" },
    { line: 94, severity: "warning" },
  ]);
  expect(found[0].message).toContain('ServiceAccount "controller" of Deployment "controller" may create it (RBAC of the input)');
});

test("a missing Secret named after an unknown operator's custom resource is info; a typo or an unrelated name stays a warning", async () => {
  const found = await findings("rules/secret-ref-missing/unknown-operator.yaml", "secret-ref-missing");
  expect(found.map(brief)).toEqual([
    { line: 27, severity: "info" },
    { line: 28, severity: "warning" },
    { line: 29, severity: "warning" },
    { line: 30, severity: "warning" },
  ]);
  expect(found[0].message).toContain('the operator of VectorDatabase.example.test "embeddings" may create it');
});

test("the duplicate-resource hint says how to lint alternative variants apart", async () => {
  const found = await findings("rules/duplicate-resource/api-groups.yaml", "duplicate-resource");
  expect(found.length).toBeGreaterThan(0);
  for (const d of found) expect(d.hint).toContain("--per-directory");
});

test("without --per-directory, alternative variants side by side are duplicates of each other", async () => {
  const result = await lint(["fixtures/per-directory/variants.set"], { cwd: ROOT, config: {} });
  const duplicates = result.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "duplicate-resource").map((d) => `${f.path}:${d.line}`));
  expect(duplicates).toEqual([
    "fixtures/per-directory/variants.set/overlays/prod/service.yaml:3",
    "fixtures/per-directory/variants.set/samples-a/app.yaml:9",
    "fixtures/per-directory/variants.set/samples-b/app.yaml:3",
  ]);
  const perDirectory = await lint(["fixtures/per-directory/variants.set"], { cwd: ROOT, config: {}, perDirectory: true });
  expect(perDirectory.files.flatMap((f) => f.diagnostics.filter((d) => d.ruleId === "duplicate-resource").map((d) => `${f.path}:${d.line}`))).toEqual([
    "fixtures/per-directory/variants.set/samples-a/app.yaml:9",
  ]);
});

describe("every operator of the table has a fixture with each of its custom resources", () => {
  const fixtures = readdirSync(join(FIXTURES, "operators")).map((f) => readFileSync(join(FIXTURES, "operators", f), "utf8"));
  const typesIn = (text: string) =>
    new Set([...text.matchAll(/^apiVersion: (\S+)\nkind: (\S+)$/gm)].map((m) => groupKind(m[1], m[2])));
  const covered = new Set(fixtures.flatMap((t) => [...typesIn(t)]));
  test.each(OPERATORS.flatMap((op) => op.kinds.map((k) => [op.name, k.type] as const)))("%s: %s", (_op, type) => {
    expect(covered.has(type)).toBe(true);
  });
  test("at least ten operators, each citing where its names come from", () => {
    expect(OPERATORS.length).toBeGreaterThanOrEqual(10);
    for (const op of OPERATORS) expect(op.sources.length).toBeGreaterThan(0);
  });
});
