import { defineRule } from "../types.js";
import { crdConstraintFindings, refusedSchemaPatterns } from "./crd-constraints.js";

export const rule = defineRule({
  id: "crd-value-invalid",
  category: "policy",
  severity: "error",
  crossResource: true,
  checksPatches: true,
  summary: "A custom resource's value breaks a constraint of its CustomResourceDefinition's schema: pattern, length, range, item count, format, uniqueness, oneOf/anyOf.",
  explanation: `Besides types and enums, a CustomResourceDefinition's openAPIV3Schema constrains values:
\`pattern\` (a regular expression, RE2), \`minLength\`/\`maxLength\` (characters),
\`minimum\`/\`maximum\` (exclusive with \`exclusiveMinimum\`/\`exclusiveMaximum\`), \`multipleOf\`,
\`minItems\`/\`maxItems\`, \`minProperties\`/\`maxProperties\`, \`format\` (the formats CRDs support,
read as the API server reads them: date-time, duration, hostname, byte, uuid, ipv4, cidr, mac, uri,
email...), \`x-kubernetes-list-type: set\` or \`map\` (no two items
alike, or with the same map keys) and \`uniqueItems\`, and \`allOf\`/\`anyOf\`/\`oneOf\`/\`not\` over
those and the enums written inside them (a branch sees the defaults the schema gives the value's
own fields, as the API server defaults before it validates). The API server checks them on every create and update and refuses the object with
"Invalid value" or "Duplicate value". When the CRD is part of the input (or of --context), each
custom resource is checked against them; the finding names the constraint and the CRD. A
\`pattern\` that Go's regexp (RE2) refuses, such as a lookahead, is reported on the CRD itself: the
API server refuses such a CustomResourceDefinition.`,
  fix: "Change the value to satisfy the constraint the message names.",
  preventsStatus: [],
  check({ resource, index, report }) {
    for (const finding of crdConstraintFindings(resource, index)) report(finding);
    for (const finding of refusedSchemaPatterns(resource)) report(finding);
  },
});
