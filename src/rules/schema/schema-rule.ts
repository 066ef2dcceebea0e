/** Builds the rules that report one share of the schema validation (validate.ts, crd-validate.ts). */
import { isReviewKind } from "../../models/api-groups.js";
import { filled } from "../../models/values.js";
import { defineRule, type Rule, type RuleMeta } from "../types.js";
import { crdSchemaFindings } from "./crd-validate.js";
import { nameTooDeep, schemaFindings, type SchemaRuleId } from "./validate.js";

export function schemaRule(meta: Omit<RuleMeta, "id" | "category" | "crossResource"> & { id: SchemaRuleId }): Rule {
  return defineRule({
    ...meta,
    category: "schema",
    // A patch leaves out what it does not change, so only a required field can be wrongly absent.
    checksPatches: meta.id !== "missing-required-field",
    // Custom resources are validated against the CRDs of the input.
    crossResource: true,
    check({ resource, index, memo, settings, report }) {
      for (const finding of schemaFindings(resource, meta.id, memo, settings.kubernetesVersion)) report(finding);
      for (const finding of crdSchemaFindings(resource, meta.id, index)) report(finding);
      // ObjectMeta declares no required field, but every stored object needs a name (or generateName for `kubectl create`).
      // A name of the wrong type (`name: y`, the boolean true) is there: invalid-type reports it.
      const written = typeof resource.raw.metadata === "object" && resource.raw.metadata !== null ? (resource.raw.metadata as Record<string, unknown>) : {};
      if (meta.id === "missing-required-field" && !filled(written.name) && !filled(written.generateName) && !isReviewKind(resource.group, resource.kind)) {
        const hasMetadata = resource.raw.metadata !== undefined && resource.raw.metadata !== null;
        const deep = nameTooDeep(written);
        // `name: ""` is written, and empty: the API server refuses it as it refuses none (Required value: name or generateName is required).
        const empty = written.name === "";
        report({
          path: empty ? ["metadata", "name"] : hasMetadata ? ["metadata"] : ["kind"],
          target: empty ? "value" : "key",
          message: `${resource.kind} has ${empty ? 'an empty "metadata.name"' : 'no "metadata.name"'}: the API server needs a name for every object${deep ? `; "${deep.key}" is written under metadata.${deep.under}, one level too deep` : ""}`,
          hint: deep ? `move ${deep.key} out of metadata.${deep.under} to metadata (one indentation level less)` : empty ? "write the name in metadata.name" : "add metadata.name",
        });
      }
    },
  });
}
