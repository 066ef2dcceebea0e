/** Builds the rules that report one share of the schema validation (validate.ts, crd-validate.ts). */
import { defineRule, type Rule, type RuleMeta } from "../types.js";
import { crdSchemaFindings } from "./crd-validate.js";
import { schemaFindings, type SchemaRuleId } from "./validate.js";

export function schemaRule(meta: Omit<RuleMeta, "id" | "category"> & { id: SchemaRuleId }): Rule {
  return defineRule({
    ...meta,
    category: "schema",
    check({ resource, index, report }) {
      for (const finding of schemaFindings(resource, meta.id)) report(finding);
      for (const finding of crdSchemaFindings(resource, meta.id, index)) report(finding);
    },
  });
}
