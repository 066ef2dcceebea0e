import { cmd, podStatus, quote } from "../pod-dump.js";
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
  detect(pod) {
    const { reason, message } = podStatus(pod.pod);
    if (reason !== "Evicted") return undefined;
    const resource = /low on resource:\s*([\w./-]+?)\.?(?:\s|$)/i.exec(message)?.[1];
    const user = /Container (\S+) was using ([^,\s]+), request is ([^,\s]+)/i.exec(message);
    // Quantities end the kubelet's sentences ("... limit of containers 1Gi. "): the period is not part of them.
    const podLimit = /ephemeral local storage usage exceeds the total limit of containers (\S+?)\.?(?:\s|$)/i.exec(message);
    const emptyDir = /EmptyDir volume "([^"]+)" exceeds the limit "([^"]+)"/i.exec(message);
    const containerLimit = /Container (\S+) exceeded its local ephemeral storage limit "([^"]+)"/i.exec(message);
    let cause: string;
    if (resource) {
      cause = `node ${quote(pod.node)} was low on ${resource}, so the kubelet evicted the pod`;
      if (user) cause += `; container ${quote(user[1])} was using ${user[2]} of ${resource} against a request of ${user[3]}`;
      cause += `; set ${resource} requests (and limits) that cover its real use`;
    } else if (emptyDir) cause = `emptyDir volume ${quote(emptyDir[1])} grew past its sizeLimit ${emptyDir[2]}, so the kubelet evicted the pod (ephemeral-storage)`;
    else if (containerLimit) cause = `container ${quote(containerLimit[1])} exceeded its ephemeral-storage limit ${containerLimit[2]}, so the kubelet evicted the pod`;
    else if (podLimit) cause = `the pod's ephemeral-storage use exceeded ${podLimit[1]}, the total limit of its containers, so the kubelet evicted it`;
    else cause = `the kubelet evicted the pod${message ? `: ${message}` : ""}`;
    return { cause, next: cmd(pod, "kubectl describe node <node>") };
  },
};
