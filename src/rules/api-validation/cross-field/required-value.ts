import { defineRule } from "../../types.js";
import { kindsOfRule, reportCrossFieldFindings } from "./constraints.js";

export const rule = defineRule({
  id: "required-value",
  category: "api-validation",
  severity: "error",
  appliesTo: kindsOfRule("required-value"),
  summary: "A value the API server requires in this context is missing or empty (a claim without storage, dnsPolicy None without nameservers...).",
  explanation: `Besides the fields its schema marks required, the API server requires values that depend on
the context: a claim must request storage and name an access mode, dnsPolicy None needs a
dnsConfig with nameservers, completionMode Indexed needs completions, a ServiceAccount subject of a
ClusterRoleBinding needs its namespace, a request for an extended resource or hugepages needs a
limit, a Secret of a built-in type needs the keys of that type (tls.crt and tls.key for
kubernetes.io/tls, .dockerconfigjson, username or password for basic-auth...; stringData counts)
and a service-account-token Secret the kubernetes.io/service-account.name annotation, a
ValidatingAdmissionPolicyBinding at least one validation action, an exec handler of a probe or
hook its command, a lifecycle hook a handler, a Localhost seccomp or AppArmor profile its
localhostProfile, a LimitRange's PersistentVolumeClaim limit a storage bound, a container's
restartPolicyRules (from 1.35) the container's own restartPolicy and, in each rule, exitCodes. It rejects the object with "Required value" (kubectl apply fails), or, for a workload's pod
template, the workload's pods can never be created. Each finding names the upstream function that
decides it: pkg/apis/core/validation/validation.go (ValidatePersistentVolumeClaimSpec,
validatePodDNSConfig, validateResourceRequirements, validateEnvFrom...), pkg/apis/batch/validation
(validateJobSpec), pkg/apis/networking/validation (ValidateIngressSpec, validateIngressBackend),
pkg/apis/rbac/validation (ValidatePolicyRule, ValidateRoleBindingSubject), ValidateSecret,
pkg/apis/admissionregistration/validation (validateValidationActions). Values the API server
fills in by default (a ReplicationController's selector from its template's labels) count as set.`,
  fix: "Add the value the hint names, or remove the field that makes it required.",
  preventsStatus: ["Pending"],
  check({ resource, settings, memo, report }) {
    reportCrossFieldFindings(resource, "required-value", memo, settings.kubernetesVersion, report);
  },
});
