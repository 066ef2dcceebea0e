import { nodeSilentCause } from "../causes.js";
import { podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Unknown",
  summary: "The pod's state cannot be obtained: its node stopped reporting.",
  phase: "Unknown",
  source: "status.phase, or computed by kubectl for a deleted pod whose reason is NodeLost",
  meaning:
    "The control plane has not heard from the kubelet of the pod's node, so nobody knows whether the containers still run. The node controller marks the Node NotReady/Unknown and, after the eviction timeout (5 minutes by default, through the node.kubernetes.io/unreachable taint), deletes the pods; they then stay Terminating (or Unknown) until the node comes back or the Node object is removed. StatefulSet pods are deliberately not replaced until then, to avoid two copies of the same identity.",
  causes: [
    "the node is down, powered off or partitioned from the API server",
    "the kubelet on the node crashed or cannot reach the API server (expired certificates, full disk)",
    "the node was removed from the cloud provider without draining",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o wide",
    "kubectl get node <node>",
    "kubectl describe node <node>",
  ],
  seeAlso: ["NodeLost", "Terminating"],
  detect: (pod) => (podStatus(pod.pod).phase === "Unknown" ? nodeSilentCause(pod) : undefined),
};
