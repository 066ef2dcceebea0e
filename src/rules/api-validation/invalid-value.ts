import { isBuiltinApiVersion } from "../../models/api-groups.js";
import { defineRule } from "../types.js";
import { fieldConstraintFindings } from "./field-walk.js";
import { misplacedSubtrees } from "../schema/validate.js";

export const rule = defineRule({
  id: "invalid-value",
  category: "api-validation",
  severity: "error",
  checksPatches: true,
  summary: "A field value the API server rejects: out of range, in the wrong format, or not one of the values it accepts.",
  explanation: `Much of what the API server rejects is decided in Go, not in the OpenAPI schema that
kubeconform and the schema rules read: ports between 1 and 65535, port names that are IANA service
names (at most 15 characters, lower case: container ports, and the named ports a Service
targetPort, a probe, a NetworkPolicy or an Ingress backend refers to), file modes between 0 and 0777 (octal:
\`defaultMode: 644\` without the leading zero is the decimal number 644, above 0777), non-negative
replica counts and probe timings, DNS names (an Ingress backend's Service name as a Service name), IP addresses and CIDRs (a
NetworkPolicy's except ranges inside its cidr), a docker config Secret's JSON, env var names, ConfigMap
keys, percentages up to 100%, a Localhost seccomp profile's relative path, the deprecated seccomp
and AppArmor annotations of a pod or pod template (a profile the API server knows, an AppArmor
annotation naming a container of the pod), a LimitRange's type
and maxLimitRequestRatio (at least 1), a ResourceQuota's hard resource names and quantities (not
negative, whole numbers for object counts and extended resources) and the scopes a release
knows, and value sets the schema does not list (a Service's trafficDistribution and a pod's
seLinuxChangePolicy, listed as the target release supports them). A manifest that breaks
one of them is refused with "Invalid value" and nothing is created; in a workload's template the
controller never gets a pod. Every constraint, its field path and the upstream function that
enforces it (pkg/apis/<group>/validation/validation.go, k8s.io/apimachinery/pkg/util/validation)
are listed in docs/api-validation.md. Values the API server defaults first (a probe's
periodSeconds: 0 becomes 10, a Service targetPort 0 becomes its port, a binding's roleRef
\`apiGroup: ""\` becomes rbac.authorization.k8s.io) are not reported. Rules
that depend on the target version follow --kubernetes-version: env var names may use any
printable ASCII character but '=' from 1.32 (RelaxedEnvironmentVariableValidation); a pod's DNS config may
list 6 search domains of 256 characters before 1.26 and 32 of 2048 from 1.26 (ExpandedDNSConfig).`,
  fix: "Set the value in the form the message names; the hint gives the valid form.",
  preventsStatus: [],
  check({ resource, settings, memo, report }) {
    if (!isBuiltinApiVersion(resource.apiVersion)) return;
    // Misplaced subtrees (unknown-field says where they belong) are judged as the type there.
    const misplaced = misplacedSubtrees(resource, memo, settings.kubernetesVersion);
    const findings = fieldConstraintFindings(resource, settings.kubernetesVersion, misplaced);
    for (let i = 0; i < findings.length; i++) report(findings[i]);
  },
});
