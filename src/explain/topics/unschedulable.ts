import { str } from "../kubectl-status.js";
import { cmd, condition, EVENTS, latestWarning, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Unschedulable",
  aliases: ["FailedScheduling"],
  summary: "The scheduler found no node that can run the pod; kubectl shows it as Pending.",
  phase: "Pending",
  source: "the reason of the PodScheduled condition (status False), with the scheduler's message; events FailedScheduling",
  meaning:
    "The scheduler filters nodes by resources, node selectors and affinity, taints and tolerations, volume topology and spread constraints. When none passes, it sets PodScheduled=False with reason Unschedulable and a message that counts the nodes rejected by each filter, for example `0/5 nodes are available: 2 Insufficient memory, 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`. The STATUS column still says Pending. The scheduler retries when the cluster changes, and a cluster autoscaler may add a node.",
  causes: [
    "\"Insufficient cpu/memory\": the requests exceed what any node has free (or what any node has at all)",
    "\"didn't match Pod's node affinity/selector\": a nodeSelector label no node carries",
    "\"had untolerated taint\": every suitable node is tainted",
    "\"unbound immediate PersistentVolumeClaims\" or \"volume node affinity conflict\": storage that cannot be bound or lives in another zone",
    "\"didn't match pod anti-affinity rules\" or topology spread constraints with more replicas than nodes/zones",
    "\"node(s) didn't have free ports\": a hostPort already used on every node",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.conditions[?(@.type==\"PodScheduled\")].message}'",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=FailedScheduling",
    "kubectl describe nodes | grep -A 8 'Allocated resources'",
    "kubectl get nodes --show-labels",
    "kubectl get pvc -n <ns>",
  ],
  seeAlso: ["Pending", "SchedulingGated"],
  detect(pod) {
    const scheduled = condition(pod.pod, "PodScheduled");
    if (scheduled?.status !== "False") return undefined;
    const msg = str(scheduled.message) || latestWarning(pod, ["FailedScheduling"])?.message || "";
    let next = cmd(pod, EVENTS);
    if (/Insufficient/i.test(msg)) next = "kubectl describe nodes | grep -A 8 'Allocated resources'";
    else if (/PersistentVolumeClaim|volume node affinity/i.test(msg)) next = cmd(pod, "kubectl get pvc -n <ns>");
    else if (/taint/i.test(msg)) next = "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints";
    else if (/affinity|selector/i.test(msg)) next = "kubectl get nodes --show-labels";
    return { cause: `the scheduler cannot place the pod: ${msg ? quote(msg) : "no node fits (no message recorded)"}`, next };
  },
};
