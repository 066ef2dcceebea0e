import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "invalid-type",
  severity: "error",
  summary: "A value of the wrong type: a list for a map, a number for a string, an enum value that does not exist.",
  explanation: `The API server decodes every field into a typed Go struct: a list where a map is
expected, the number \`1.0\` where a string is expected (quote it: "1.0"), \`maxUnavailable: O\`
where an integer or a percentage is expected, or \`imagePullPolicy: Allways\` outside the
allowed values make \`kubectl apply\` fail with "cannot unmarshal" or "Unsupported value", and
the whole object is rejected. Int-or-string fields are checked like the API server does:
rollout fields take an integer or a percentage, port fields a number or a port name. Custom
resources whose CustomResourceDefinition is part of the input are checked against its
openAPIV3Schema: \`type\` (an integer is not a number with a fraction), \`enum\`, and
\`x-kubernetes-int-or-string\`; null is accepted (the API server prunes it). The bundled schemas
of common custom resources (docs/bundled-schemas.md) are used when the CRD is not in the input:
they do not tell an integer from a number, an enum value they do not list is a warning (the
cluster may run a newer release that accepts it) unless it misspells a listed one (\`ecdsa\` for
\`ECDSA\`), which is an error, and a wrong type stays an error. In a file a kustomization lists,
kustomize reads an unquoted \`yes\`, \`on\`, \`no\` or \`off\` as the string written (YAML 1.2, where
only true and false are booleans), so \`hostNetwork: yes\` there reaches the API server as the
string "yes" and is refused; the finding says so and the fix writes true or false.`,
  fix: "Give the field the type the message names; quote values that must be strings; pick one of the listed enum values.",
  preventsStatus: [],
  fixable: true,
  hasSuggestions: true,
});
