/** Generated docs must match the code: regenerate with `npm run gen:docs`. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { OPERATORS_DOC_PATH, renderOperatorsDoc } from "../src/docs/operator-docs.js";
import { PRESETS_DOC_PATH, renderPresetsDoc } from "../src/docs/preset-docs.js";
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from "../src/docs/rule-docs.js";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

test.each(allRules.map((r) => [r.meta.id, r] as const))("docs/rules/%s.md is current", (_id, rule) => {
  const file = join(ROOT, ruleDocPath(rule.meta.id));
  expect(existsSync(file) ? readFileSync(file, "utf8") : "(missing)").toBe(renderRuleDoc(rule));
});

test("docs/rules/README.md is current and lists only existing rules", () => {
  expect(readFileSync(join(ROOT, "docs/rules/README.md"), "utf8")).toBe(renderRuleIndex(allRules));
  const pages = readdirSync(join(ROOT, "docs/rules")).filter((f) => f !== "README.md");
  expect(pages.sort()).toEqual(allRules.map((r) => `${r.meta.id}.md`).sort());
});

test("docs/operators.md is current", () => {
  const file = join(ROOT, OPERATORS_DOC_PATH);
  expect(existsSync(file) ? readFileSync(file, "utf8") : "(missing)").toBe(renderOperatorsDoc());
});

test("docs/presets.md is current", () => {
  const file = join(ROOT, PRESETS_DOC_PATH);
  expect(existsSync(file) ? readFileSync(file, "utf8") : "(missing)").toBe(renderPresetsDoc());
});
