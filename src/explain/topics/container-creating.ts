import { preparingCause } from "../causes.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ContainerCreating",
  aliases: ["FailedMount", "FailedAttachVolume"],
  summary: "The pod is on a node and the kubelet is preparing it: pulling images, mounting volumes, setting up the network.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The scheduler has bound the pod to a node and the kubelet is working on it: it creates the pod sandbox (network namespace, IP from the CNI plugin), attaches and mounts volumes, and pulls images. It normally lasts seconds; large images can take minutes. When it lasts longer, the events say what the kubelet is waiting for: FailedMount, FailedAttachVolume or FailedCreatePodSandBox.",
  causes: [
    "a volume cannot be mounted: a ConfigMap or Secret volume that does not exist (FailedMount ... not found), a PVC whose disk is still attached to another node (Multi-Attach error), an NFS/CSI server that does not answer",
    "a large image is still being pulled (look for a Pulling event without Pulled)",
    "the CNI plugin cannot give the pod an IP (FailedCreatePodSandBox; the node's IP range is exhausted or the CNI daemon is down)",
    "the node is under disk or PID pressure, or its container runtime is slow or stuck",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod> --sort-by=.lastTimestamp",
    "kubectl get pvc -n <ns>",
    "kubectl get configmap,secret -n <ns>",
    "kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=<node>",
  ],
  seeAlso: ["CreatePodSandboxError", "Pending", "ImagePullBackOff"],
  detect: (pod) => (pod.columns.status === "ContainerCreating" ? preparingCause(pod) : undefined),
};
