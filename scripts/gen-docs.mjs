// Writes docs/rules/*.md from the built rule registry and docs/operators.md from the operator table, docs/presets.md from the rules' presets (run after `npm run build`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { allRules } from "../dist/rules/index.js";
import { renderRuleDoc, renderRuleIndex, ruleDocPath } from "../dist/docs/rule-docs.js";
import { OPERATORS_DOC_PATH, renderOperatorsDoc } from "../dist/docs/operator-docs.js";
import { PRESETS_DOC_PATH, renderPresetsDoc } from "../dist/docs/preset-docs.js";
import { API_VALIDATION_DOC_PATH, CONSTRAINT_TABLES, renderApiValidationDoc } from "../dist/rules/api-validation/constraint-tables.js";

mkdirSync("docs/rules", { recursive: true });
const wanted = new Set(allRules.map((r) => `${r.meta.id}.md`).concat("README.md"));
for (const f of readdirSync("docs/rules")) if (!wanted.has(f)) rmSync(`docs/rules/${f}`);
for (const rule of allRules) writeFileSync(ruleDocPath(rule.meta.id), renderRuleDoc(rule));
writeFileSync("docs/rules/README.md", renderRuleIndex(allRules));
console.log(`wrote ${allRules.length} rule pages`);

writeFileSync(OPERATORS_DOC_PATH, renderOperatorsDoc());
console.log(`wrote ${OPERATORS_DOC_PATH}`);

writeFileSync(PRESETS_DOC_PATH, renderPresetsDoc());
console.log(`wrote ${PRESETS_DOC_PATH}`);

writeFileSync(API_VALIDATION_DOC_PATH, renderApiValidationDoc(CONSTRAINT_TABLES));
console.log(`wrote ${API_VALIDATION_DOC_PATH}`);

const { POLICY_EXAMPLES_DOC_PATH, renderPolicyExamples } = await import("../dist/docs/policy-examples.js");
const { format: stylish } = await import("../dist/formatters/stylish.js");
writeFileSync(POLICY_EXAMPLES_DOC_PATH, await renderPolicyExamples(process.cwd(), stylish));
console.log(`wrote ${POLICY_EXAMPLES_DOC_PATH}`);
