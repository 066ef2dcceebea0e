import { defineRule } from "../types.js";
import { describePods, links, minimumPods, REPLICATED_KINDS } from "./replicas.js";

export const rule = defineRule({
  id: "pdb-missing",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: REPLICATED_KINDS,
  summary: "A workload with several replicas has no PodDisruptionBudget selecting its pods.",
  explanation: `Node drains (cluster upgrades, node pool rotations, the cluster autoscaler removing a
node) evict pods through the Eviction API, which consults PodDisruptionBudgets and nothing else.
Without a budget nothing stops a drain of two nodes, or an autoscaler scale-down, from evicting
every replica at once: the application is down although it runs several replicas for exactly
this reason. kube-score (deployment-has-poddisruptionbudget,
statefulset-has-poddisruptionbudget) and Polaris (missingPodDisruptionBudget) report it. Only
workloads running at least 2 pods (spec.replicas, or the minReplicas of the HPA that scales
them) are judged: a budget for a single pod can only block drains. PodDisruptionBudgets of the
input count when their selector matches the pod template's labels.`,
  fix: "Add a PodDisruptionBudget (policy/v1) with maxUnavailable: 1 whose selector matches the pod template's labels.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const pods = minimumPods(resource, index, memo);
    if (!pods || pods.count < 2 || links(index, memo).pdbsOf.has(resource)) return;
    const written = resource.get(["spec", "replicas"]) !== undefined && !pods.hpa;
    report({
      path: written ? ["spec", "replicas"] : ["spec"],
      ...(written ? {} : { target: "key" as const }),
      message: `${resource.kind} "${resource.name}" runs ${describePods(pods)} but no PodDisruptionBudget selects its pods`,
      hint: "add a PodDisruptionBudget with maxUnavailable: 1 that selects its pods",
    });
  },
});
