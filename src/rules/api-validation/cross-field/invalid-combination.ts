import { defineRule } from "../../types.js";
import { kindsOfRule, reportCrossFieldFindings } from "./constraints.js";

export const rule = defineRule({
  id: "invalid-combination",
  category: "api-validation",
  severity: "error",
  appliesTo: kindsOfRule("invalid-combination"),
  summary: "Two fields contradict each other, so the API server rejects the object (value and valueFrom, privileged without privilege escalation...).",
  explanation: `The API server judges some fields against each other and rejects a contradiction ("Invalid
value"): an env var with both value and valueFrom, or with two sources; envFrom naming a
ConfigMap and a Secret at once; subPath with subPathExpr; allowPrivilegeEscalation: false with
privileged: true; shareProcessNamespace with hostPID; a hostPort that differs from containerPort
under hostNetwork; tolerations whose operator, value and effect disagree; minDomains without
DoNotSchedule; a request below the limit of a resource that cannot be overcommitted (extended
resources, hugepages), fractions of an extended resource, hugepages that are not a multiple of
their page size; a claim of zero bytes; progressDeadlineSeconds not above minReadySeconds; Job
options that need completionMode Indexed or restartPolicy Never; Ingress backends with a service
and a resource; NetworkPolicy peers mixing ipBlock with selectors; a policy rule naming apiGroups,
resources or resourceNames with nonResourceURLs; a PodDisruptionBudget with
both minAvailable and maxUnavailable; a DaemonSet rolling update with both maxSurge and
maxUnavailable above zero (maxUnavailable defaults to 1); an Ingress whose
kubernetes.io/ingress.class annotation differs from its ingressClassName (refused on create; before
1.27 even the same value is); a
ValidatingAdmissionPolicyBinding with both Deny and Warn; a localhostProfile on a seccomp or
AppArmor profile whose type is not Localhost; a seccomp or AppArmor annotation that names another profile
than the securityContext field of the same pod or container (AppArmor from 1.30); a LimitRange whose min, defaultRequest, default and
max are out of order for a resource, whose maxLimitRequestRatio exceeds max / min, or whose
default and defaultRequest differ for a resource that cannot be overcommitted. Values the API server defaults are judged after defaulting
(progressDeadlineSeconds is 600 when absent). Each finding names the upstream function that
decides it (pkg/apis/*/validation/validation.go).`,
  fix: "Keep one of the contradicting fields, or change one so that they agree, as the hint says.",
  preventsStatus: ["Pending", "CreateContainerConfigError"],
  check({ resource, settings, memo, report }) {
    reportCrossFieldFindings(resource, "invalid-combination", memo, settings.kubernetesVersion, report);
  },
});
