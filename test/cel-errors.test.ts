/**
 * Evaluation errors of CEL written by users: a field the object does not have ("no such key")
 * is reported with the has() test that guards it, and the related location points at the
 * failing part of the expression (fixtures/rules/{crd-validation-rule,admission-policy-violation}/missing-field.yaml).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "../src/engine/lint.js";
import { loadCel } from "../src/models/cel/load.js";
import { ROOT } from "./harness.js";

/** 1-based line and column of `needle` inside the first line that holds `lineText`. */
function positionOf(file: string, lineText: string, needle: string): { line: number; column: number } {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(lineText));
  return { line: i + 1, column: lines[i].indexOf(lineText) + lineText.indexOf(needle) + 1 };
}

test.each([
  ["fixtures/rules/crd-validation-rule/missing-field.yaml", "crd-validation-rule", "self.workers <= self.limits.maxWorkers", "limits", "has(self.limits)"],
  ["fixtures/rules/admission-policy-violation/missing-field.yaml", "admission-policy-violation", "object.spec.template.spec.securityContext.runAsNonRoot == true", "runAsNonRoot", "has(object.spec.template.spec.securityContext.runAsNonRoot)"],
])("%s: the missing field is named, guarded with has(), and pointed at in the expression", async (file, ruleId, expression, key, guard) => {
  const result = await lint([join(ROOT, file)], { cwd: ROOT, config: {} });
  const [finding] = result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === ruleId);
  expect(finding.message).toContain(`no such key: ${key}`);
  expect(finding.hint).toContain(guard);
  const at = positionOf(file, expression, key);
  expect({ line: finding.related?.line, column: finding.related?.column }).toEqual(at);
});

test("the guard follows the shape of the failing access: a field, a field of a list item, a map key", async () => {
  const cel = await loadCel();
  const guardOf = (expression: string, self: unknown) => {
    const p = cel.compile(expression, ["self"]);
    if (cel.isCompileError(p)) throw new Error(p.message);
    const out = p.run({ self });
    return "error" in out ? out.guard : undefined;
  };
  expect(guardOf("self.a.b.c > 1", { a: {} })).toBe("has(self.a.b)");
  expect(guardOf("self.items[0].name == 'x'", { items: [{}] })).toBe("has(self.items[0].name)");
  expect(guardOf("self.labels['team'] == 'x'", { labels: {} })).toBe("'team' in self.labels");
  expect(guardOf("self.all(k, k.y > 1)", [{}])).toBe("has(k.y)");
  // Other evaluation errors get no guard.
  expect(guardOf("self.a + 1 > 0", { a: "x" })).toBeUndefined();
});

test.each([
  // apiextensions validation.go: an evaluation error is a field.Invalid, the object is rejected.
  ["fixtures/rules/crd-validation-rule/missing-field.yaml", "crd-validation-rule", "Queue", "error"],
  // validator.go: failurePolicy Fail -> ActionDeny, enforced by validationActions (Deny: error, Warn: warning).
  ["fixtures/rules/admission-policy-violation/missing-field.yaml", "admission-policy-violation", "Deployment", "error"],
  ["fixtures/rules/admission-policy-violation/evaluation-errors.yaml", "admission-policy-violation", "ConfigMap", "warning"],
  // failurePolicy Ignore -> ActionAdmit: not a denial.
  ["fixtures/rules/admission-policy-violation/evaluation-errors.yaml", "admission-policy-violation", "Secret", "info"],
])("%s: an evaluation error on a %s has the severity of what the API server does with it", async (file, ruleId, kind, severity) => {
  const result = await lint([join(ROOT, file)], { cwd: ROOT, config: {} });
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const findings = result.files.flatMap((f) => f.diagnostics).filter((d) => d.ruleId === ruleId && /cannot be evaluated|fails to evaluate/.test(d.message));
  const onKind = findings.filter((d) => lines.slice(0, d.line).reverse().find((l) => l.startsWith("kind:"))?.includes(kind));
  expect(onKind.map((d) => d.severity)).toEqual([severity]);
  if (severity === "info") expect(onKind[0].message).toMatch(/failurePolicy Ignore admits the request/);
});
