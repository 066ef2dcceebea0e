import { templateByRef } from "../argo-rollouts/rollouts.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "priority-class-missing",
  category: "availability",
  severity: "info",
  presets: ["production"],
  appliesTo: ["Deployment", "StatefulSet", "DaemonSet", "Rollout"],
  summary: "A long-running workload sets no priorityClassName.",
  explanation: `A pod without priorityClassName gets the cluster's globalDefault PriorityClass, or priority
0 when there is none. When the cluster is full, the scheduler preempts (evicts) pods of lower
priority to place pending pods of higher priority, and the kubelet evicts lower-priority pods
first under node memory or disk pressure. Whether your service or someone's batch job is
evicted is then decided by defaults nobody chose. A DaemonSet (log shipper, CNI agent) left at
priority 0 may find no room on a full node at all. Polaris reports it (priorityClassNotSet).
Reported as info: many clusters set a sensible globalDefault.`,
  fix: "Set spec.template.spec.priorityClassName to a PriorityClass of the cluster that matches the workload's importance.",
  preventsStatus: ["Pending", "Evicted"],
  check({ resource, report }) {
    // A Rollout with workloadRef runs the referenced workload's template, judged there.
    if (templateByRef(resource)) return;
    const tpl = resource.podTemplate!;
    if (tpl.spec.priorityClassName) return;
    report({
      path: tpl.specPath,
      target: "key",
      message: `${resource.kind} "${resource.name}" sets no priorityClassName, so the cluster's default priority decides what is preempted first`,
      hint: "set priorityClassName to a PriorityClass of the cluster",
    });
  },
});
