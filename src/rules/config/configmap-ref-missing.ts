import { defineRule } from "../types.js";
import { checkMissingReferences } from "./ref-missing.js";

export const rule = defineRule({
  id: "configmap-ref-missing",
  category: "config",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  reportsAbsentObjects: true,
  summary: "A pod refers to a ConfigMap that the manifests do not define.",
  explanation: `The kubelet resolves ConfigMap references when it starts a pod. A container whose env or
envFrom names a ConfigMap that does not exist stays in CreateContainerConfigError; a pod with a
configMap volume of a missing ConfigMap stays in ContainerCreating with a FailedMount event.
k8s-lint reports a reference only when the input defines ConfigMaps in that namespace (so it
manages them) and none has this name: then it is most likely a typo or a forgotten file.
kube-root-ca.crt, which the control plane publishes into every namespace, always exists, as does
OpenShift's openshift-service-ca.crt.
Objects that operators make from custom resources of the input count as present (a
CloudNativePG Cluster's <name>-app Secret, a SealedSecret's Secret...: docs/operators.md lists
them); a missing name that starts with the name of a custom resource of an operator k8s-lint
does not know is reported as info, unless it is a near miss of an object of the input. So is a
missing name in a namespace where a workload's ServiceAccount may create ConfigMaps (a Role or
ClusterRole of the input bound to it grants \`create\`): the application may make it at run time.`,
  fix: `Fix the name, add the ConfigMap to the manifests, or mark the reference \`optional: true\`
if the pod can run without it.`,
  hasSuggestions: true,
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating"],
  check(ctx) {
    checkMissingReferences("ConfigMap", ctx);
  },
});
