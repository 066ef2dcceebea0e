import { defineRule } from "../types.js";
import { isLiveObject } from "./live.js";

export const rule = defineRule({
  id: "node-name-pinned",
  category: "workloads",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  summary: "A pod template pins its pods to one node with spec.nodeName.",
  explanation: `spec.nodeName bypasses the scheduler: the pod is bound to that node directly. If the node
is missing, drained, renamed or full, the pod is not rescheduled elsewhere; it fails with
reasons such as OutOfcpu, OutOfmemory or NodeLost, or sits Pending for a node that no longer
exists. Node names also differ between clusters and change when nodes are replaced.`,
  fix: "Remove nodeName and use a nodeSelector or node affinity on a node label (e.g. kubernetes.io/hostname) instead.",
  preventsStatus: ["Pending", "OutOfcpu", "OutOfmemory", "NodeLost"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    // A live Pod (kubectl get -o yaml) carries the nodeName the scheduler chose: not a pin.
    if (resource.kind === "Pod" && isLiveObject(resource)) return;
    const nodeName = tpl.spec.nodeName;
    if (typeof nodeName !== "string" || nodeName === "") return;
    report({
      path: [...tpl.specPath, "nodeName"],
      message: `pods are pinned to node "${nodeName}" and bypass the scheduler`,
      hint: `use nodeSelector with kubernetes.io/hostname: "${nodeName}" instead`,
    });
  },
});
