/**
 * CEL expressions that do not compile, where the input declares them: the rules of a
 * CustomResourceDefinition (the API server refuses the CRD: apiextensions validation compiles
 * every rule, k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation) and the
 * expressions of a ValidatingAdmissionPolicy (refused likewise, or, when typed checking is
 * deferred, failing on every request: k8s.io/apiserver/pkg/admission/plugin/policy/validating).
 */
import { loadCel, celEngine } from "../../models/cel/load.js";
import { groupKind } from "../../models/api-groups.js";
import { customResourceSchema } from "../../models/crd.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { crdRuleFindings, hasValidationRules, rulesOf } from "./crd-rules.js";
import { policyExpressions, policyFindings, type DeclaredExpression } from "./admission-policy.js";
import { wrongTypesOf } from "./wrong-types.js";
import { validFieldPath } from "./field-path.js";

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Whether a schema node is the root of a resource for CEL: the schema root, or an embedded resource (NewValidator's isResourceRoot). */
const embeddedResource = (schema: unknown) => isMap(schema) && schema["x-kubernetes-embedded-resource"] === true;

interface SchemaNode {
  schema: Record<string, unknown>;
  at: Path;
  /** The root of a resource for CEL: `self.metadata` has only name and generateName. */
  resourceRoot: boolean;
}

/** A schema and its sub-schemas of every keyword that may hold x-kubernetes-validations. */
function* schemaNodes(schema: unknown, at: Path, resourceRoot: boolean): Generator<SchemaNode> {
  if (!isMap(schema)) return;
  yield { schema, at, resourceRoot };
  if (isMap(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) yield* schemaNodes(v, [...at, "properties", k], embeddedResource(v));
  for (const key of ["items", "additionalProperties"]) yield* schemaNodes(schema[key], [...at, key], embeddedResource(schema[key]));
  yield* schemaNodes(schema.not, [...at, "not"], resourceRoot);
  for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[key])) for (const [i, s] of (schema[key] as unknown[]).entries()) yield* schemaNodes(s, [...at, key, i], resourceRoot);
}

/** The schema nodes of every version of a CRD that declares rules. */
function crdSchemaNodes(crd: Resource): SchemaNode[] {
  if (!hasValidationRules(crd)) return [];
  const spec = isMap(crd.raw.spec) ? crd.raw.spec : {};
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  return versions.flatMap((v, i) => (isMap(v) && isMap(v.schema) ? [...schemaNodes(v.schema.openAPIV3Schema, ["spec", "versions", i, "schema", "openAPIV3Schema"], true)] : []));
}

/** Every rule and messageExpression of a CRD, with its path. */
function crdExpressions(nodes: SchemaNode[]): DeclaredExpression[] {
  return nodes.flatMap(({ schema, at, resourceRoot }) =>
    rulesOf(schema, at).flatMap((r) => {
      const root = resourceRoot ? { resourceRoot } : {};
      const rule: DeclaredExpression = { path: [...r.at, "rule"], expression: r.rule, variables: ["self", "oldSelf"], wanted: "bool", ...root };
      return r.messageExpression === undefined ? [rule] : [rule, { path: [...r.at, "messageExpression"], expression: r.messageExpression, variables: ["self"], wanted: "string" as const, ...root }];
    }),
  );
}

/** Rules whose fieldPath the schema of their node does not have: the API server refuses the CRD ("fieldPath must be a valid path"). */
function invalidFieldPaths(nodes: SchemaNode[]): Array<{ path: Path; fieldPath: string; error: string }> {
  return nodes.flatMap(({ schema, at }) =>
    rulesOf(schema, at).flatMap((r) => {
      if (!r.fieldPath) return [];
      const valid = validFieldPath(r.fieldPath, schema);
      return "error" in valid ? [{ path: [...r.at, "fieldPath"], fieldPath: r.fieldPath, error: valid.error }] : [];
    }),
  );
}

/**
 * Runs the expressions of a CRD or policy on the objects of the input they apply to (once per
 * object: crd-validation-rule and admission-policy-violation read the same results), so that a
 * value of the wrong type is recorded before it is read.
 */
function runOnObjects(declaring: Resource, index: ResourceIndex, release: string): void {
  if (declaring.kind === "ValidatingAdmissionPolicy") {
    for (const object of index.all) policyFindings(object, index);
    return;
  }
  const spec = isMap(declaring.raw.spec) ? declaring.raw.spec : {};
  const kind = isMap(spec.names) ? spec.names.kind : undefined;
  if (typeof kind !== "string" || typeof spec.group !== "string") return;
  for (const object of index.ofKind(groupKind(`${spec.group}/v1`, kind))) if (customResourceSchema(object, index)?.definition.crd === declaring) crdRuleFindings(object, index, release);
}

export const rule = defineRule({
  id: "cel-expression-invalid",
  category: "policy",
  severity: "error",
  crossResource: true,
  appliesTo: ["CustomResourceDefinition", "ValidatingAdmissionPolicy"],
  summary: "A CEL expression of a CustomResourceDefinition rule or a ValidatingAdmissionPolicy does not compile, or does not give the type its place asks for.",
  explanation: `The API server compiles every \`x-kubernetes-validations\` rule of a
CustomResourceDefinition and every expression of a ValidatingAdmissionPolicy (validations,
messageExpression, matchConditions, variables, auditAnnotations) when the object is created: a
syntax error, an unknown variable or function, or an operator applied to the wrong types makes it
refuse the CRD, or leaves the policy failing on every request it matches. So does an expression
of the wrong type: a rule, a validation or a match condition must evaluate to bool (true or
false), a messageExpression to string. The expression is compiled with the variables Kubernetes
declares there (\`self\` and \`oldSelf\` in a CRD rule; \`object\`, \`oldObject\`, \`request\`,
\`params\`, \`namespaceObject\`, \`variables\` and \`authorizer\` in a policy) and the Kubernetes
CEL libraries; the finding points at the character where compilation fails. Kubernetes types
\`self\` from the CRD's schema, k8s-lint reads it untyped: a rule such as \`self.name\` (a
string field) shows its type when it runs on a custom resource of the input, and is reported then,
naming that object. Such an expression judges no object. A rule at the root of a resource reads
only \`metadata.name\` and \`metadata.generateName\` (the API server declares no other metadata
field there), and a rule's \`fieldPath\` must name a property of the schema node that declares the
rule (\`.spec.replicas\`, \`['x.y']\`; list items cannot be named): otherwise the CRD is refused too.`,
  fix: "Fix the expression at the character the finding points at (a missing operand or bracket, a misspelt variable or function); make a rule a condition by comparing the value it reads.",
  preventsStatus: [],
  async prepare({ index }) {
    if (index.ofKind("ValidatingAdmissionPolicy").length || index.ofKind("CustomResourceDefinition").some(hasValidationRules)) await loadCel();
  },
  check({ resource, index, settings, report }) {
    const nodes = resource.kind === "CustomResourceDefinition" ? crdSchemaNodes(resource) : [];
    for (const { path, fieldPath, error } of invalidFieldPaths(nodes)) {
      report({ path, message: `fieldPath ${JSON.stringify(fieldPath)} is not a field of the schema that declares the rule (${error}): the API server refuses the CustomResourceDefinition`, hint: "write the path of a property of this schema node, starting with a dot (.spec.replicas, ['x.y']); list items cannot be named" });
    }
    const expressions = resource.kind === "CustomResourceDefinition" ? crdExpressions(nodes) : policyExpressions(resource);
    if (!expressions.length) return;
    const cel = celEngine();
    const reported = new Set<string>();
    for (const { path, expression, variables, wanted, resourceRoot } of expressions) {
      const compiled = cel.compile(expression, variables);
      const metadataField = !cel.isCompileError(compiled) && resourceRoot ? cel.undeclaredObjectMetaField(expression) : undefined;
      if (metadataField) {
        report({ path, message: `CEL expression does not compile: ${metadataField.message}: a rule of a CustomResourceDefinition reads only metadata.name and metadata.generateName`, hint: "check labels, annotations and the rest of metadata with a ValidatingAdmissionPolicy, or read spec fields instead", within: { start: metadataField.start, end: metadataField.end } });
        reported.add(JSON.stringify(path));
        continue;
      }
      if (cel.isCompileError(compiled)) {
        report({ path, message: `CEL expression does not compile: ${compiled.message}`, hint: "fix the expression where it fails to compile", within: { start: compiled.start, end: Math.max(compiled.end, compiled.start + 1) } });
        reported.add(JSON.stringify(path));
        continue;
      }
      const problem = wanted && cel.typeProblem(compiled.type, wanted);
      if (!problem) continue;
      report({ path, message: `CEL expression ${problem}`, hint: cel.resultTypeHint(wanted) });
      reported.add(JSON.stringify(path));
    }
    runOnObjects(resource, index, settings.kubernetesVersion);
    for (const wrong of wrongTypesOf(index, resource)) {
      if (reported.has(JSON.stringify(wrong.path))) continue;
      report({ path: wrong.path, message: `CEL expression ${wrong.problem}`, hint: wrong.hint, related: { resource: wrong.object, path: ["kind"], message: "the object it ran on" } });
    }
  },
});
