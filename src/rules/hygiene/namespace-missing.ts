import { isBuiltinApiVersion } from "../../models/api-groups.js";
import { CLUSTER_SCOPED_KINDS } from "../../models/k8s.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "namespace-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["workloads", "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "Ingress", "PersistentVolumeClaim", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy"],
  summary: "A namespaced object has no metadata.namespace, so it lands in whatever namespace the kubectl context says.",
  explanation: `kubectl apply puts an object without metadata.namespace into the namespace of the current
context (or of -n), usually "default". The same manifest then lands in a different place
depending on who applies it: a Deployment ends up in "default" beside unrelated workloads, its
ConfigMap in the team namespace where the pods cannot see it (CreateContainerConfigError), a
RoleBinding grants in the wrong namespace. kube-linter reports it (use-namespace). Objects
built by a kustomization that sets namespace, or in a Fleet bundle whose fleet.yaml sets
namespace or defaultNamespace, get it from there and are not reported, nor is a
base whose every overlay sets one (even different ones); Helm
charts that rely on helm install -n may turn this rule off or set namespace: {{ .Release.Namespace }}.`,
  fix: "Set metadata.namespace explicitly (or the namespace field of the kustomization).",
  preventsStatus: ["CreateContainerConfigError"],
  check({ resource, settings, report }) {
    if (!isBuiltinApiVersion(resource.apiVersion) || CLUSTER_SCOPED_KINDS.has(resource.kind)) return;
    // Every kustomize build that emits it gives it a namespace, even when overlays give different ones.
    if (resource.metadata.namespace !== undefined || resource.namespace !== settings.defaultNamespace || resource.namespaceSetByBuilds) return;
    report({
      path: ["metadata"],
      target: "key",
      message: `${resource.kind} "${resource.name}" has no metadata.namespace, so it is created in the namespace of whoever applies it`,
      hint: "set metadata.namespace",
    });
  },
});
