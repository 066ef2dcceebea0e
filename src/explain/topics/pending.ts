import { cmd, EVENTS, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Pending",
  summary: "The pod is accepted but not running yet: not scheduled, or its containers are not created.",
  phase: "Pending",
  source: "status.phase, shown in the STATUS column when no container reports a more specific reason",
  meaning:
    "The API server stored the pod, but at least one container has not started. Either the scheduler has not found a node for it (the PodScheduled condition is False, usually with reason Unschedulable), or it is bound to a node where the kubelet has not reported container states yet. A pod that stays Pending for more than a few seconds is almost always unschedulable: read the PodScheduled condition and the FailedScheduling events.",
  causes: [
    "no node has enough free cpu or memory for the pod's requests (\"Insufficient cpu\"), or the requests are larger than any node",
    "nodeSelector, node affinity or topology spread constraints that no node satisfies",
    "taints on every suitable node that the pod does not tolerate",
    "a PersistentVolumeClaim that is unbound (no matching PersistentVolume, no provisioner, wrong storageClassName)",
    "a scheduling gate still set (shown as SchedulingGated), or a ResourceQuota/LimitRange admission that blocked the ReplicaSet instead (then there is no pod at all)",
    "the scheduler itself is not running (a custom schedulerName that no scheduler serves)",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.conditions[?(@.type==\"PodScheduled\")].message}'",
    "kubectl describe nodes | grep -A 8 'Allocated resources'",
    "kubectl get pvc -n <ns>",
  ],
  seeAlso: ["Unschedulable", "SchedulingGated", "ContainerCreating"],
  detect(pod) {
    if (pod.columns.status !== "Pending") return undefined;
    if (!pod.node) return { cause: "the pod is not scheduled yet and no scheduler message is recorded", next: cmd(pod, EVENTS) };
    return { cause: `the pod is bound to node ${quote(pod.node)} but its containers have not been created yet`, next: cmd(pod, EVENTS) };
  },
};
