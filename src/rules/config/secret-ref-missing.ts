import { defineRule } from "../types.js";
import { checkMissingReferences } from "./ref-missing.js";

export const rule = defineRule({
  id: "secret-ref-missing",
  category: "config",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  reportsAbsentObjects: true,
  summary: "A pod refers to a Secret that the manifests do not define.",
  explanation: `The kubelet resolves Secret references when it starts a pod. A container whose env or
envFrom names a Secret that does not exist stays in CreateContainerConfigError; a secret volume
of a missing Secret keeps the pod in ContainerCreating (FailedMount); a missing imagePullSecret
makes the kubelet pull anonymously, which fails for private images (ErrImagePull).
Secrets are often created by other tooling, so k8s-lint reports a reference only when the input
manages Secrets in that namespace (it defines a Secret, SealedSecret, ExternalSecret or
Certificate there) and nothing defines or produces this name. Objects that operators make from
custom resources of the input count as present (a SealedSecret's Secret, a Certificate's
spec.secretName, a CloudNativePG Cluster's <name>-app...: docs/operators.md lists them); a
missing name that starts with the name of a custom resource of an operator k8s-lint does not
know is reported as info, unless it is a near miss of a Secret of the input. So is a missing
name in a namespace where a workload's ServiceAccount may create Secrets (a Role or ClusterRole
of the input bound to it grants \`create\`): the application may make it at run time, as
metallb's controller makes the "memberlist" Secret its speakers read. imagePullSecrets
are usually provisioned per namespace by the platform, so they are only checked where the
input defines a pull secret (type kubernetes.io/dockerconfigjson).`,
  fix: `Fix the name, add the Secret (or the SealedSecret/ExternalSecret producing it), or mark
the reference \`optional: true\` if the pod can run without it.`,
  hasSuggestions: true,
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating", "ErrImagePull", "ImagePullBackOff"],
  check(ctx) {
    checkMissingReferences("Secret", ctx);
  },
});
