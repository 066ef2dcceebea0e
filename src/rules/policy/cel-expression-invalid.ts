/**
 * CEL expressions that do not compile, where the input declares them: the rules of a
 * CustomResourceDefinition (the API server refuses the CRD: apiextensions validation compiles
 * every rule, k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation) and the
 * expressions of a ValidatingAdmissionPolicy (refused likewise, or, when typed checking is
 * deferred, failing on every request: k8s.io/apiserver/pkg/admission/plugin/policy/validating).
 */
import { loadCel, celEngine } from "../../models/cel/load.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { hasValidationRules, rulesOf } from "./crd-rules.js";
import { policyExpressions } from "./admission-policy.js";

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Every x-kubernetes-validations entry of a schema, with its path; sub-schemas of every keyword that holds one. */
function* schemaRules(schema: unknown, at: Path): Generator<{ path: Path; expression: string; variables: string[] }> {
  if (!isMap(schema)) return;
  for (const r of rulesOf(schema, at)) {
    yield { path: [...r.at, "rule"], expression: r.rule, variables: ["self", "oldSelf"] };
    if (r.messageExpression !== undefined) yield { path: [...r.at, "messageExpression"], expression: r.messageExpression, variables: ["self"] };
  }
  if (isMap(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) yield* schemaRules(v, [...at, "properties", k]);
  for (const key of ["items", "additionalProperties", "not"]) yield* schemaRules(schema[key], [...at, key]);
  for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[key])) for (const [i, s] of (schema[key] as unknown[]).entries()) yield* schemaRules(s, [...at, key, i]);
}

export const rule = defineRule({
  id: "cel-expression-invalid",
  category: "policy",
  severity: "error",
  appliesTo: ["CustomResourceDefinition", "ValidatingAdmissionPolicy"],
  summary: "A CEL expression of a CustomResourceDefinition rule or a ValidatingAdmissionPolicy does not compile.",
  explanation: `The API server compiles every \`x-kubernetes-validations\` rule of a
CustomResourceDefinition and every expression of a ValidatingAdmissionPolicy (validations,
messageExpression, matchConditions, variables, auditAnnotations) when the object is created: a
syntax error, an unknown variable or function, or an operator applied to the wrong types makes it
refuse the CRD, or leaves the policy failing on every request it matches. The expression is
compiled with the variables Kubernetes declares there (\`self\` and \`oldSelf\` in a CRD rule;
\`object\`, \`oldObject\`, \`request\`, \`params\`, \`namespaceObject\`, \`variables\` and
\`authorizer\` in a policy) and the Kubernetes CEL libraries; the finding points at the character
where compilation fails.`,
  fix: "Fix the expression at the character the finding points at (a missing operand or bracket, a misspelt variable or function).",
  preventsStatus: [],
  async prepare({ index }) {
    if (index.ofKind("ValidatingAdmissionPolicy").length || index.ofKind("CustomResourceDefinition").some(hasValidationRules)) await loadCel();
  },
  check({ resource, report }) {
    const expressions =
      resource.kind === "CustomResourceDefinition"
        ? hasValidationRules(resource)
          ? [...(Array.isArray(resource.raw.spec && (resource.raw.spec as Record<string, unknown>).versions) ? ((resource.raw.spec as Record<string, unknown>).versions as unknown[]) : [])].flatMap((v, i) =>
              isMap(v) && isMap(v.schema) ? [...schemaRules(v.schema.openAPIV3Schema, ["spec", "versions", i, "schema", "openAPIV3Schema"])] : [],
            )
          : []
        : policyExpressions(resource);
    if (!expressions.length) return;
    const cel = celEngine();
    for (const { path, expression, variables } of expressions) {
      const compiled = cel.compile(expression, variables);
      if (!cel.isCompileError(compiled)) continue;
      report({ path, message: `CEL expression does not compile: ${compiled.message}`, hint: "fix the expression where it fails to compile", within: { start: compiled.start, end: Math.max(compiled.end, compiled.start + 1) } });
    }
  },
});
