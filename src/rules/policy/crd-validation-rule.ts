import { hasValidationRules, crdRuleFindings } from "./crd-rules.js";
import { loadCel } from "../../models/cel/load.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "crd-validation-rule",
  category: "policy",
  severity: "error",
  crossResource: true,
  summary: "A custom resource breaks an x-kubernetes-validations (CEL) rule of its CustomResourceDefinition in the input.",
  explanation: `A CustomResourceDefinition can carry validation rules written in CEL
(\`x-kubernetes-validations\`): "minReplicas must not exceed maxReplicas", "a listener of
protocol HTTPS needs a certificate", "exactly one of acme or ca". The API server evaluates them on
every create and update and refuses the object when one is false, with the rule's \`message\`
(or what its \`messageExpression\` returns) at the field its \`fieldPath\` names. When the CRD is
part of the input (or of --context), each custom resource is checked against its rules with the
same CEL libraries Kubernetes provides (lists, regex, URLs, quantities, IP addresses and CIDRs,
named formats, strings and sets); the finding sits at the field the rule names and points back to
the rule in the CRD. Transition rules (those that read \`oldSelf\`) only run when an object is
updated and are not evaluated offline. Before 1.23 the API server does not serve
\`x-kubernetes-validations\` and prunes it from the CRD (unknown-field reports it), and before 1.25
it drops the rules unless the CustomResourceValidationExpressions feature gate is on
(feature-gated-field reports them): at such a target they are not evaluated either. A rule's
\`messageExpression\` (before 1.27), \`fieldPath\` and \`reason\` (before 1.28) are pruned the same
way: the finding then says the rule's \`message\` and sits at the field that declares the rule. A rule that fails to evaluate on an object (it reads a field
the object leaves out without \`has()\`, an int overflows) rejects the object too, and is reported
as an error with the test that guards the field. Like the API server, evaluation is bounded: a rule whose
cost exceeds the per-expression limit (1,000,000) is stopped and reported, and the rules of one
object share a budget of 10,000,000.`,
  fix: "Change the custom resource so that the rule holds; the hint quotes the rule and the related location shows it in the CustomResourceDefinition.",
  preventsStatus: [],
  async prepare({ index }) {
    if (index.ofKind("CustomResourceDefinition").some(hasValidationRules)) await loadCel();
  },
  check({ resource, index, settings, report }) {
    for (const finding of crdRuleFindings(resource, index, settings.kubernetesVersion)) report(finding);
  },
});
