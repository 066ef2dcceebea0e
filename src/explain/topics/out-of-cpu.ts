import { outOfResourceCause } from "../causes.js";
import { podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "OutOfcpu",
  aliases: ["OutOfCPU"],
  summary: "The kubelet refused the pod at admission: the node does not have the cpu it requests.",
  phase: "Failed",
  source: "status.reason (\"OutOf\" + the resource name), set by the kubelet's admission check",
  meaning:
    "Before it starts a pod the kubelet checks again that the node's allocatable cpu covers the requests of all its pods. When it does not, the pod is rejected for good: phase Failed, reason OutOfcpu, and a message such as `Node didn't have enough resource: cpu, requested: 2000, used: 3500, capacity: 4000`. The scheduler normally prevents this, so it happens when the scheduler is bypassed or raced: a pod with spec.nodeName set, a static pod, or a node whose capacity shrank. Controllers replace the pod, which can repeat the failure in a loop.",
  causes: [
    "spec.nodeName is set, so the pod skips the scheduler and lands on a full node",
    "a race between the scheduler and the kubelet (static or mirror pods, pods started by another scheduler)",
    "the node's allocatable cpu changed (kubelet reserved resources, a device plugin restart)",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.message}'",
    "kubectl describe node <node>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.nodeName}'",
  ],
  seeAlso: ["OutOfmemory", "Unschedulable"],
  detect: (pod) => (podStatus(pod.pod).reason === "OutOfcpu" ? outOfResourceCause(pod) : undefined),
};
