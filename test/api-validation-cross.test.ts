/**
 * The cross-field constraints against the table of test/api-validation-cross.rows.ts: each row is
 * linted alone through the real linter (every rule, default settings) and must yield (invalid
 * rows) or must not yield (valid rows) a finding of its rule. The rows cite the upstream test
 * they come from. A second test pins the exported constraint table the docs page is built from.
 */
import { lint } from "../src/engine/lint.js";
import { CROSS_FIELD_CONSTRAINTS } from "../src/rules/api-validation/cross-field-constraints.js";
import { getRule } from "../src/rules/index.js";
import { ROWS, type Row } from "./api-validation-cross.rows.js";

/** The API-validation rules: one cause is reported by one of them only. */
const FAMILY = new Set(["required-value", "duplicate-value", "forbidden-value", "invalid-combination", "volumeclaimtemplate-unbindable", "invalid-value"]);

async function findingsOf(row: Row) {
  const result = await lint(["-"], { stdin: JSON.stringify(row.manifest), config: row.kubernetesVersion ? { kubernetesVersion: row.kubernetesVersion } : {} });
  const all = result.files.flatMap((f) => f.diagnostics);
  // One cause, one finding: no line gets findings of two rules of the family (a row is one line of
  // JSON, so no row may draw findings from two of them at all).
  const rulesByLine = new Map<number, Set<string>>();
  for (const d of all.filter((d) => FAMILY.has(d.ruleId))) rulesByLine.set(d.line, (rulesByLine.get(d.line) ?? new Set()).add(d.ruleId));
  expect([...rulesByLine.values()].filter((rules) => rules.size > 1).map((rules) => [...rules])).toEqual([]);
  return all.filter((d) => d.ruleId === row.rule);
}

test("the table has at least 100 rows, valid and invalid ones, each citing an upstream test", () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(100);
  expect(ROWS.filter((r) => r.valid).length).toBeGreaterThanOrEqual(40);
  expect(ROWS.filter((r) => !r.valid).length).toBeGreaterThanOrEqual(40);
  for (const row of ROWS) expect(row.upstream).toMatch(/^pkg\/apis\/[a-z]+\/validation\/validation_test\.go /);
});

describe.each(ROWS.map((r, i) => [`${i + 1} ${r.valid ? "valid" : "invalid"} ${r.rule}: ${r.upstream.replace(/^\S+ /, "")}`, r] as const))("%s", (_name, row) => {
  test(row.valid ? "has no finding of its rule" : "has a finding of its rule, quoting the value", async () => {
    const found = await findingsOf(row);
    if (row.valid) {
      expect(found.map((d) => d.message)).toEqual([]);
    } else {
      expect(found.length).toBeGreaterThan(0);
      if (row.says) expect(found.map((d) => d.message).join("\n")).toContain(row.says);
    }
  });
});

test("every exported constraint names a registered rule, its kinds and an upstream function", () => {
  expect(CROSS_FIELD_CONSTRAINTS.length).toBeGreaterThanOrEqual(45);
  for (const c of CROSS_FIELD_CONSTRAINTS) {
    expect(getRule(c.rule)).toBeDefined();
    expect(c.kinds.length).toBeGreaterThan(0);
    expect(c.upstream).toMatch(/^pkg\/(apis|controller)\/\S+\.go \S+/);
    expect(c.path.length).toBeGreaterThan(0);
    expect(c.constraint.length).toBeGreaterThan(10);
  }
});

test("every rule of the table's constraints is exercised both ways by the rows", () => {
  const rules = new Set(CROSS_FIELD_CONSTRAINTS.map((c) => c.rule));
  for (const rule of rules) {
    expect({ rule, valid: ROWS.some((r) => r.rule === rule && r.valid) }).toEqual({ rule, valid: true });
    expect({ rule, invalid: ROWS.some((r) => r.rule === rule && !r.valid) }).toEqual({ rule, invalid: true });
  }
});
