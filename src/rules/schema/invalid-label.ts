import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "invalid-label",
  severity: "error",
  summary: "A label key or value (or an annotation key) that the API server rejects.",
  explanation: `Label keys are an optional DNS subdomain prefix and "/", then a name of at most 63
alphanumeric, '-', '_' or '.' characters that starts and ends alphanumeric; label values follow
the same rule for the name part and may be empty. Annotation keys follow the key rule too.
A space, a second "/", a value of 64 characters or one ending with "-" makes the API server
reject the whole object with "Invalid value", so nothing is created.`,
  fix: "Rename the key or shorten/clean the value; keep long or free-form text in annotations.",
  preventsStatus: [],
});
