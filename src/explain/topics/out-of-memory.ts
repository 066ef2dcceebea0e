import { outOfResourceCause } from "../causes.js";
import { podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "OutOfmemory",
  aliases: ["OutOfMemory"],
  summary: "The kubelet refused the pod at admission: the node does not have the memory it requests.",
  phase: "Failed",
  source: "status.reason (\"OutOf\" + the resource name), set by the kubelet's admission check",
  meaning:
    "Like OutOfcpu, for memory: the kubelet's admission check found that the node's allocatable memory does not cover this pod's requests plus those of the pods already there, and rejected it with phase Failed. It is not an OOM kill: no container ran. It happens when the scheduler is bypassed (spec.nodeName) or raced. Other resources give the same form: OutOfpods, OutOfephemeral-storage, OutOfnvidia.com/gpu.",
  causes: [
    "spec.nodeName is set, so the scheduler's fit check never ran",
    "a race with static pods or pods placed by another scheduler",
    "node allocatable memory reduced after scheduling (kubelet reservation change, hugepages)",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.message}'",
    "kubectl describe node <node>",
  ],
  seeAlso: ["OutOfcpu", "OOMKilled", "Evicted"],
  // Every other OutOf<resource> too (OutOfpods, OutOfnvidia.com/gpu): the topic explain gives them.
  detect: (pod) => (/^OutOf/.test(podStatus(pod.pod).reason) ? outOfResourceCause(pod) : undefined),
};
