import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "naked-pod",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["Pod"],
  summary: "A Pod is created directly, with no controller to replace it.",
  explanation: `A Pod created on its own is never recreated: when its node fails, is drained for an upgrade
or is scaled away by the cluster autoscaler, or when the kubelet evicts it under memory
pressure, it is gone for good. PodDisruptionBudgets do not protect it in any useful way and
a rollout of a new image means deleting it by hand. The Kubernetes configuration best
practices say "don't use naked Pods"; a Deployment (or a Job for run-to-completion work) keeps
the wanted number running. Pods with ownerReferences and Helm test hooks (annotation
helm.sh/hook) are not reported.`,
  fix: "Wrap the pod in a Deployment (long-running) or a Job (run to completion).",
  preventsStatus: [],
  check({ resource, report }) {
    if (resource.get(["metadata", "ownerReferences"]) !== undefined || resource.annotations["helm.sh/hook"] !== undefined) return;
    report({
      path: ["kind"],
      message: `Pod "${resource.name}" has no controller: it is not recreated after its node fails or is drained`,
      hint: "use a Deployment or a Job with this pod as its template",
    });
  },
});
