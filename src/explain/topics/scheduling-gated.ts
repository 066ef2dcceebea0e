import { arr, at, str } from "../kubectl-status.js";
import { cmd, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "SchedulingGated",
  summary: "The pod has scheduling gates, so the scheduler does not consider it yet.",
  phase: "Pending",
  source: "the reason of the PodScheduled condition, shown by kubectl in the STATUS column",
  meaning:
    "spec.schedulingGates holds names that some controller (a queueing system such as Kueue, a quota manager) removes when the pod may be scheduled. Until every gate is removed the scheduler skips the pod. Gates can only be removed, never added after creation.",
  causes: [
    "a queueing or admission controller has not admitted the workload yet (quota full, queue order)",
    "the controller that owns the gate is not installed or not running",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.schedulingGates}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["Pending", "Unschedulable"],
  detect(pod) {
    if (pod.columns.status !== "SchedulingGated") return undefined;
    const gates = arr(at(pod.pod, "spec", "schedulingGates")).map((g) => str(g.name)).filter(Boolean);
    return {
      cause: `scheduling gate${gates.length === 1 ? "" : "s"} ${gates.map(quote).join(", ") || "(unnamed)"} still set: the controller that owns ${gates.length === 1 ? "it" : "them"} has not released the pod`,
      next: cmd(pod, "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.schedulingGates}'"),
    };
  },
};
