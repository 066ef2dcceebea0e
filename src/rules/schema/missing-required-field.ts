import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "missing-required-field",
  severity: "error",
  summary: "A field that the API schema requires is absent.",
  explanation: `Some fields have no default: a container needs a name, a Service port needs a port,
a Deployment needs a selector and a template, an env var needs a name. The API server rejects
the object with "Required value" and \`kubectl apply\` applies nothing from it. This usually
means a key was misspelled or indented under the wrong parent; when the field is written one
level off in a single place (a probe's \`port\` beside its \`httpGet\`, a \`containerPort\` beside a
\`ports\` list of one item), the finding says where it is written and to move it (unknown-field
reports the misplaced key too). For custom resources whose
CustomResourceDefinition is part of the input, the \`required\` lists of its openAPIV3Schema
apply; a required field with a \`default\` is never missing (defaulting runs first), nor is
Config Connector's \`spec.projectRef\` on a resource that writes no parent reference (its mutating
webhook sets it from the project annotation or the namespace before validation), and null
counts as absent unless the field is \`nullable\`; without the CRD in the input, the bundled
schemas of common custom resources apply (docs/bundled-schemas.md), and as they carry no defaults
and may be older than the release the cluster runs, a field they require is a warning when missing. Every object also needs \`metadata.name\` (only
\`kubectl create\` accepts \`generateName\` instead), although the schema cannot say so; the
review kinds (TokenReview, SubjectAccessReview and the like) are the exception, since the API
server answers them without storing anything.`,
  fix: "Add the field the message names at the path it gives.",
  preventsStatus: [],
});
