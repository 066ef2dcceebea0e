import { at, int, str } from "../kubectl-status.js";
import { cmd, condition, podStatus, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Terminating",
  summary: "The pod has been deleted and is shutting down (or is stuck doing so).",
  phase: "any non-final phase (kubectl shows Terminating while metadata.deletionTimestamp is set)",
  source: "computed by kubectl from metadata.deletionTimestamp",
  meaning:
    "Deleting a pod sets its deletionTimestamp. The kubelet runs preStop hooks, sends SIGTERM, waits up to terminationGracePeriodSeconds (30 s by default), then sends SIGKILL and reports the pod gone; the API server removes it once its finalizers are cleared. A pod that stays Terminating for minutes is waiting for one of those steps. kubectl keeps showing Completed or Error for deleted pods that had already finished.",
  causes: [
    "the node is unreachable, so no kubelet confirms the shutdown (the pod stays until the node returns or the Node object is deleted)",
    "a finalizer on the pod that its controller never removes",
    "a long terminationGracePeriodSeconds or a preStop hook that sleeps, with a process that ignores SIGTERM (for example a shell as PID 1)",
    "a volume that cannot be unmounted or detached",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.metadata.deletionTimestamp} {.metadata.finalizers}'",
    "kubectl get node <node>",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl delete pod <pod> -n <ns> --grace-period=0 --force   # only once the node is known to be gone",
  ],
  seeAlso: ["Unknown", "NodeLost", "143"],
  // kubectl shows Terminating for a deleted pod still on its node (printers.go: DeletionTimestamp set).
  detect(pod) {
    const { reason, phase } = podStatus(pod.pod);
    const deleted = at(pod.pod, "metadata", "deletionTimestamp");
    if (!deleted || pod.columns.status === "Completed" || phase === "Succeeded" || phase === "Failed") return undefined;
    const finalizers = Array.isArray(at(pod.pod, "metadata", "finalizers")) ? (at(pod.pod, "metadata", "finalizers") as unknown[]).map(String) : [];
    if (reason === "NodeLost" || condition(pod.pod, "Ready")?.status === "Unknown") {
      return {
        cause: `node ${quote(pod.node)} stopped reporting, so nobody can confirm the deletion; the pod goes once the node returns or its Node object is removed`,
        next: cmd(pod, "kubectl get node <node>"),
      };
    }
    if (finalizers.length) {
      return {
        cause: `the pod was deleted at ${str(deleted)} and waits for finalizer${finalizers.length > 1 ? "s" : ""} ${finalizers.map(quote).join(", ")} to be removed by ${finalizers.length > 1 ? "their controllers" : "its controller"}`,
        next: cmd(pod, "kubectl get pod <pod> -n <ns> -o jsonpath='{.metadata.finalizers}'"),
      };
    }
    const grace = int(at(pod.pod, "metadata", "deletionGracePeriodSeconds")) || int(at(pod.pod, "spec", "terminationGracePeriodSeconds")) || 30;
    return {
      cause: `the pod was deleted and is shutting down; the kubelet sends SIGKILL after the ${grace}s grace period if the process ignores SIGTERM`,
      next: cmd(pod, "kubectl describe pod <pod> -n <ns>"),
    };
  },
};
