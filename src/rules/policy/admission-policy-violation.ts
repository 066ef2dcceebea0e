import { loadCel } from "../../models/cel/load.js";
import { defineRule } from "../types.js";
import { hasPolicies, policyFindings } from "./admission-policy.js";

export const rule = defineRule({
  id: "admission-policy-violation",
  category: "policy",
  severity: "error",
  crossResource: true,
  summary: "A resource fails a ValidatingAdmissionPolicy of the input that a ValidatingAdmissionPolicyBinding applies to it.",
  explanation: `A ValidatingAdmissionPolicy holds CEL validations ("every Deployment has a team label",
"replicas stay under the limit its params set"); a ValidatingAdmissionPolicyBinding applies it to
the objects its match rules select, with validationActions that decide what a failure does:
Deny refuses the request, Warn returns a warning to the client, Audit writes an audit event.
When policies and bindings are part of the input (or of --context, or of the \`policies:\`
folders of the config), every other resource is checked as the API server would check its create
request: resource rules, namespace selector (against the Namespace objects of the input, or the
kubernetes.io/metadata.name label every namespace has), object selector, matchConditions,
params (paramKind + the binding's paramRef, looked up in the input), variables and validations.
The finding is named after the policy, carries its message (or what messageExpression returns)
and its reason, sits at the resource (a policy's validation names no field: it has expression,
message, messageExpression and reason, unlike a CRD rule's fieldPath), and has the severity of
the binding's action: Deny error, Warn warning, Audit info. A validation or matchCondition that
fails to evaluate, or is stopped by the cost limits below, follows the policy's \`failurePolicy\`:
Fail (the default) enforces it like a failed validation, with the binding's action; Ignore admits
the object, reported as info.
A policy or binding in a file that a Kyverno CLI Test (\`kyverno-test.yaml\`) lists under
\`policies\` is what that test checks against its own resources, and is not applied to the rest
of the input. Expressions that read \`authorizer\` need the live
cluster and are skipped; evaluation is bounded like the API server's (1,000,000 per expression,
10,000,000 per binding and object).`,
  fix: "Change the resource so that the policy's validation holds, or exclude it from the binding (matchResources, an objectSelector or namespaceSelector).",
  preventsStatus: [],
  async prepare({ index }) {
    if (hasPolicies(index)) await loadCel();
  },
  check({ resource, index, report }) {
    for (const finding of policyFindings(resource, index)) report(finding);
  },
});
