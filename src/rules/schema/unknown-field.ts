import { schemaRule } from "./schema-rule.js";

export const rule = schemaRule({
  id: "unknown-field",
  severity: "error",
  reportsUnservedFields: true,
  summary: "A field that the kind's API schema does not define (a typo or a wrong indentation).",
  explanation: `kubectl and the API server validate fields strictly: \`kubectl apply\` fails with
\`unknown field "ClusterIP" in io.k8s.api.core.v1.ServiceSpec\` and nothing is applied. With
validation turned off the field is silently dropped instead, which is worse: a misspelled
\`clusterIP: None\` leaves the Service with a cluster IP, a \`type: RollingUpdate\` one level too
high never configures the rollout. Field names are case-sensitive. When the key is a valid
field one level up or down, it is reported as misplaced with the path where it belongs; when
several fields one level down take it, the one written beside it is its place (a volume's
\`defaultMode\` beside its \`configMap\`), and a field of a list's items written beside a list
of one item belongs in that item (a guess all the same, so that move is a suggestion, not a
\`--fix\`). A key is never moved into an object that sets another member
of its one-of group already (a probe runs one of exec, httpGet, tcpSocket and grpc; a volume has
one source; a PodDisruptionBudget sets minAvailable or maxUnavailable; an env var has a value or
a valueFrom): the API server would refuse the object after the move, so the key is reported as
unknown, with the member in the way; when two members are written beside their object, which
one to keep is the user's choice, and neither move is a \`--fix\`. Fields
written in the shape of another API version get one finding with the rewrite, because removing
them would leave the object incomplete: a networking.k8s.io/v1 Ingress backend with the
v1beta1 \`serviceName\`/\`servicePort\` needs \`service.name\` and \`service.port.number\`,
\`backend\` became \`defaultBackend\`, an autoscaling/v2 HPA writes
\`targetCPUUtilizationPercentage\` (v1) and \`targetAverageUtilization\` (v2beta1) as metric
targets, and a label selector written as a plain map needs its labels under \`matchLabels\`.
Custom resources are checked the same way against the openAPIV3Schema of their
CustomResourceDefinition when it is part of the input: the API server prunes (or, with strict
validation, rejects) every field the schema does not declare, except under
\`x-kubernetes-preserve-unknown-fields: true\` or \`additionalProperties\`; metadata is always
ObjectMeta. Without their CRD in the input, the resources of Gateway API, prometheus-operator,
cert-manager, KEDA, Argo Rollouts, Argo CD, External Secrets, Kyverno and Flux are checked against bundled schemas
(docs/bundled-schemas.md); as the cluster may run a newer release, a field the bundled schema
does not know is reported as info, and so are a key it places elsewhere and a near miss that is a
known name with a word added (External Secrets added \`onepasswordSDK\` beside \`onepassword\`);
a misspelling of a known name (\`dnsName\` for \`dnsNames\`) is an error in every release. The
message names the bundled release, and passing the operator's CustomResourceDefinition with
\`--context\` gives an exact check.`,
  fix: "Rename the field to the name the hint suggests, or move it to the path where it belongs.",
  preventsStatus: [],
  fixable: true,
  hasSuggestions: true,
});
