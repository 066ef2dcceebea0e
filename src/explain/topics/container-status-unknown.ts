import { str } from "../kubectl-status.js";
import { cmd, culpritState, label } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ContainerStatusUnknown",
  summary: "The kubelet lost track of a container that used to run; it is recorded as terminated with exit code 137.",
  phase: "Failed or Running",
  source: "a container's state.terminated.reason (or lastState), with exit code 137",
  meaning:
    "The kubelet could not find a container it had started (\"The container could not be located when the pod was deleted\" or \"...was terminated\"). It records the container as terminated with reason ContainerStatusUnknown and exit code 137 because it cannot know how it ended. It typically follows a node that was rebooted, a runtime that lost its state, or a pod evicted while the node was under pressure.",
  causes: [
    "the node rebooted or the container runtime restarted and lost the container",
    "the pod was evicted or deleted while the node was under heavy memory or disk pressure",
    "the container runtime is unhealthy on that node",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].state.terminated.message}'",
    "kubectl describe node <node>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>",
  ],
  seeAlso: ["Evicted", "137"],
  detect(pod) {
    const c = culpritState(pod);
    if (!c?.terminated || str(c.terminated.reason) !== "ContainerStatusUnknown") return undefined;
    return { cause: `the kubelet lost track of ${label(c.view)} (node restart or runtime failure) and recorded exit code 137`, next: cmd(pod, "kubectl describe node <node>") };
  },
};
