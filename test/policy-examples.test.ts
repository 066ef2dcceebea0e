/**
 * The fixture sets of CRD validation rules and admission policies (issue 21's acceptance): at
 * least 15 CRD rules and 10 policies, params and matchConditions among them, each kept by
 * kept.yaml and broken by broken.yaml; and docs/policy-examples.md, generated from them, is current.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadExampleSets, POLICY_EXAMPLES_DOC_PATH, renderPolicyExamples, type ExampleSet } from "../src/docs/policy-examples.js";
import { format as stylish } from "../src/formatters/stylish.js";
import { ROOT } from "./harness.js";

let crds: ExampleSet[];
let policies: ExampleSet[];

beforeAll(async () => {
  crds = await loadExampleSets(ROOT, "crd");
  policies = await loadExampleSets(ROOT, "policy");
});

test("at least 15 CRD rules, each broken by broken.yaml and kept by kept.yaml", () => {
  // Transition rules (oldSelf) need the stored object: an offline lint of a create never runs them.
  const rules = crds.flatMap((s) => s.rules.filter((r) => !r.transition).map((r) => ({ set: s, rule: r })));
  expect(rules.length).toBeGreaterThanOrEqual(15);
  const unbroken = rules.filter(({ set, rule }) => !set.findings.some((f) => f.file.endsWith("/broken.yaml") && f.diagnostic.related?.path === rule.path)).map(({ set, rule }) => `${set.name}: ${rule.expression}`);
  expect(unbroken).toEqual([]);
  const inKept = crds.flatMap((s) => s.findings.filter((f) => !f.file.endsWith("/broken.yaml")).map((f) => `${f.file}:${f.diagnostic.line}`));
  expect(inKept).toEqual([]);
});

test("at least 10 policies, with params and matchConditions, each failing broken.yaml and passing kept.yaml", () => {
  const names = policies.flatMap((s) => s.rules.map((r) => r.owner));
  expect(new Set(names).size).toBeGreaterThanOrEqual(10);
  const definitions = policies.map((s) => s.files.definition).join("\n");
  expect(definitions).toMatch(/^\s+paramKind:/m);
  expect(definitions).toMatch(/^\s+matchConditions:/m);
  expect(policies.filter((s) => !s.findings.some((f) => f.file.endsWith("/broken.yaml"))).map((s) => s.name)).toEqual([]);
  expect(policies.flatMap((s) => s.findings.filter((f) => !f.file.endsWith("/broken.yaml")).map((f) => `${f.file}:${f.diagnostic.line}`))).toEqual([]);
});

test("docs/policy-examples.md is current (npm run gen:docs)", async () => {
  const file = join(ROOT, POLICY_EXAMPLES_DOC_PATH);
  expect(existsSync(file) ? readFileSync(file, "utf8") : "(missing)").toBe(await renderPolicyExamples(ROOT, stylish));
});
