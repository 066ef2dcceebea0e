/** Builds the rules that report one share of the catalogue validation (validate.ts). */
import { defineRule, type Rule, type RuleMeta } from "../types.js";
import { schemaFindings, type SchemaRuleId } from "./validate.js";

export function schemaRule(meta: Omit<RuleMeta, "id" | "category"> & { id: SchemaRuleId }): Rule {
  return defineRule({
    ...meta,
    category: "schema",
    check({ resource, report }) {
      for (const finding of schemaFindings(resource, meta.id)) report(finding);
    },
  });
}
