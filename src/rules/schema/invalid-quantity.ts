import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "invalid-quantity",
  severity: "error",
  summary: "A resource quantity that does not follow the Kubernetes quantity grammar (e.g. 500mi, 1GB).",
  explanation: `Quantities (cpu, memory, storage, ephemeral-storage) are a number with an optional
suffix: decimal SI (n, u, m, k, M, G, T, P, E), binary (Ki, Mi, Gi, Ti, Pi, Ei) or an exponent
(1e3), as k8s.io/apimachinery/pkg/api/resource/quantity.go parses them (\`250000u\` cpu is a
quarter core; the metrics API reports cpu in \`n\`).
Suffixes are case-sensitive and have no "B": \`500mi\`, \`1GB\` or \`2 Gi\` are rejected by the
API server ("quantities must match the regular expression"), so the Pod, its controller or
the claim is never created. Beware that \`500m\` memory is half a byte, not 500 MiB.`,
  fix: 'Write the quantity with a valid suffix, e.g. "512Mi", "1Gi", "250m", "0.5".',
  preventsStatus: [],
  fixable: true,
  hasSuggestions: true,
});
