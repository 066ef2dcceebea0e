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
manages Secrets in that namespace (it defines a Secret, SealedSecret or ExternalSecret there)
and nothing defines or produces this name (SealedSecrets, ExternalSecrets and cert-manager
Certificates count as producing their Secret). imagePullSecrets are usually provisioned per
namespace by the platform, so they are only checked where the input defines a pull secret
(type kubernetes.io/dockerconfigjson).`,
  fix: `Fix the name, add the Secret (or the SealedSecret/ExternalSecret producing it), or mark
the reference \`optional: true\` if the pod can run without it.`,
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating", "ErrImagePull", "ImagePullBackOff"],
  check(ctx) {
    checkMissingReferences("Secret", ctx);
  },
});
