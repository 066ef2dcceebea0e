import { compareVersions } from "../../models/catalogue/releases.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "pdb-unhealthy-eviction-policy",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["PodDisruptionBudget"],
  summary: "A PodDisruptionBudget keeps the default unhealthyPodEvictionPolicy, so one crash-looping pod blocks node drains.",
  explanation: `With the default unhealthyPodEvictionPolicy IfHealthyBudget, a pod that is running but not
ready (crash-looping, failing its readiness probe) may be evicted only while the budget still
allows a disruption. When one pod of the budget is unhealthy the healthy count is already at
the minimum, so no pod may be evicted, the broken one included: kubectl drain waits forever
for a pod that was never serving, and the cluster upgrade stalls. With AlwaysAllow the
Eviction API evicts running pods that are not ready regardless of the budget (KEP-3017; the
field is beta and on by default from Kubernetes 1.27, GA in 1.31), which is what the upstream
documentation recommends for most applications. kube-linter reports it
(pdb-unhealthy-pod-eviction-policy). Not reported when the target release is older than 1.27.`,
  fix: "Set spec.unhealthyPodEvictionPolicy: AlwaysAllow.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (resource.apiVersion !== "policy/v1" || compareVersions(settings.kubernetesVersion, "1.27") < 0) return;
    if (resource.get(["spec", "unhealthyPodEvictionPolicy"]) !== undefined) return;
    report({
      path: ["spec"],
      target: "key",
      message: `PodDisruptionBudget "${resource.name}" lets an unready pod block evictions (unhealthyPodEvictionPolicy defaults to IfHealthyBudget)`,
      hint: "set spec.unhealthyPodEvictionPolicy: AlwaysAllow",
    });
  },
});
