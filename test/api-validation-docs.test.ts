/** docs/api-validation.md lists every API-server constraint of the tables: regenerate with `npm run gen:docs`. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { API_VALIDATION_DOC_PATH, CONSTRAINT_TABLES, renderApiValidationDoc } from "../src/rules/api-validation/constraint-tables.js";
import { allRules } from "../src/rules/index.js";
import { ROOT } from "./harness.js";

test("docs/api-validation.md is current", () => {
  const file = join(ROOT, API_VALIDATION_DOC_PATH);
  expect(existsSync(file) ? readFileSync(file, "utf8") : "(missing)").toBe(renderApiValidationDoc(CONSTRAINT_TABLES));
});

test("every constraint names its field, its kinds, an existing rule and an upstream source file", () => {
  const ids = new Set(allRules.map((r) => r.meta.id));
  const incomplete = CONSTRAINT_TABLES.flat().filter((c) => !c.path || c.kinds.length === 0 || !c.constraint || !ids.has(c.rule) || !/\.go\b/.test(c.upstream));
  expect(incomplete.map((c) => c.path)).toEqual([]);
});

test("no two constraints of a table share a field path and kinds", () => {
  const keys = CONSTRAINT_TABLES.flat().map((c) => `${c.path} ${c.kinds.join(",")} ${c.constraint}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
});
