import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Evicted",
  summary: "The kubelet stopped the pod to reclaim a resource the node was running out of.",
  phase: "Failed",
  source: "status.reason, with the resource under pressure in status.message",
  meaning:
    "When a node runs low on memory, disk (nodefs/imagefs), or PIDs and crosses an eviction threshold, the kubelet picks pods to stop: first those using more than their requests, by priority, then by how far over their requests they are. The evicted pod is marked Failed with reason Evicted, stays in the list as a record, and its controller creates a replacement elsewhere. The message names the resource (`The node was low on resource: memory`) and the container that used the most. A pod is also evicted alone when it exceeds its own ephemeral-storage limit or an emptyDir sizeLimit.",
  causes: [
    "memory pressure: pods without memory requests, or using far more than they request, on an overcommitted node",
    "disk pressure: container logs, writable layers or emptyDir volumes filling the node's disk (ephemeral-storage)",
    "the pod exceeded its own ephemeral-storage limit or an emptyDir sizeLimit",
    "PID pressure: a process that forks without bound",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.message}'",
    "kubectl describe node <node>",
    "kubectl top pods -n <ns> --sort-by=memory",
    "kubectl get pods -A --field-selector status.phase=Failed",
  ],
  seeAlso: ["OOMKilled", "OutOfmemory"],
};
