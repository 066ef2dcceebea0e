import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "secret-invalid-base64",
  severity: "error",
  summary: "A Secret's data value that is not valid base64.",
  explanation: `Values under a Secret's \`data\` are base64-encoded bytes; the API server decodes them
and rejects the Secret ("illegal base64 data") when a value is plain text, has spaces, or lacks
its "=" padding. Pods that mount or reference the missing Secret then stay in
ContainerCreating or fail with CreateContainerConfigError. Plain text belongs in
\`stringData\`, which the API server encodes for you.`,
  fix: "Encode the value (echo -n 'value' | base64) or move the plain text to stringData.",
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating"],
});
