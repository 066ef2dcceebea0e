import { nodeSilentCause } from "../causes.js";
import { podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "NodeLost",
  aliases: ["NodeUnreachable"],
  summary: "The pod's node became unreachable; kubectl shows such a pod as Unknown once it is deleted.",
  phase: "Running or Unknown (status.reason NodeLost)",
  source: "status.reason set by the control plane when the node stopped responding",
  meaning:
    "NodeLost is the reason recorded on a pod whose node became unresponsive. kubectl prints it as the STATUS while the pod is not deleted, and prints Unknown instead once the pod has a deletionTimestamp (its deletion cannot be confirmed by the missing kubelet). The containers may still be running on the isolated node.",
  causes: [
    "the node crashed, lost power or its network",
    "the kubelet stopped or cannot authenticate to the API server",
  ],
  commands: [
    "kubectl get node <node>",
    "kubectl describe node <node>",
    "kubectl get pods -A -o wide --field-selector spec.nodeName=<node>",
  ],
  seeAlso: ["Unknown", "Terminating"],
  detect: (pod) => (podStatus(pod.pod).reason === "NodeLost" ? nodeSilentCause(pod) : undefined),
};
