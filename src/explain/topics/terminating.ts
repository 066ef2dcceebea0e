import { at, int, str } from "../kubectl-status.js";
import { cmd, condition, podStatus, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Terminating",
  summary: "The pod has been deleted and is shutting down (or is stuck doing so).",
  phase: "any non-final phase (kubectl shows Terminating while metadata.deletionTimestamp is set)",
  source: "computed by kubectl from metadata.deletionTimestamp",
  meaning:
    "Deleting a pod sets its deletionTimestamp to when the deletion is due: the time of the request plus the grace period (terminationGracePeriodSeconds, 30 s by default, unless the delete request gives its own). The kubelet runs preStop hooks, sends SIGTERM, waits until then, sends SIGKILL to what still runs and reports the pod gone; the API server removes it once its finalizers are cleared. A pod still Terminating well after its deletionTimestamp is waiting for one of those steps, most often a kubelet that does not report. kubectl keeps showing Completed or Error for deleted pods that had already finished.",
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
  // The API server sets deletionTimestamp to the request time plus the grace period
  // (k8s.io/apiserver pkg/registry/rest/delete.go, BeforeDelete), so past it the kubelet is late.
  detect(pod) {
    const { reason, phase } = podStatus(pod.pod);
    const deleted = str(at(pod.pod, "metadata", "deletionTimestamp"));
    if (!deleted || pod.columns.status === "Completed" || phase === "Succeeded" || phase === "Failed") return undefined;
    const finalizers = Array.isArray(at(pod.pod, "metadata", "finalizers")) ? (at(pod.pod, "metadata", "finalizers") as unknown[]).map(String) : [];
    if (reason === "NodeLost" || condition(pod.pod, "Ready")?.status === "Unknown") {
      return {
        cause: `node ${quote(pod.node)} stopped reporting, so nobody can confirm the deletion; the pod goes once the node returns or its Node object is removed`,
        next: cmd(pod, "kubectl get node <node>"),
      };
    }
    const grace = int(at(pod.pod, "metadata", "deletionGracePeriodSeconds")) || int(at(pod.pod, "spec", "terminationGracePeriodSeconds")) || 30;
    const due = `${deleted} (the delete request plus its ${grace}s grace period)`;
    if (finalizers.length) {
      return {
        cause: `the pod's deletion is due at ${due} and waits for finalizer${finalizers.length > 1 ? "s" : ""} ${finalizers.map(quote).join(", ")} to be removed by ${finalizers.length > 1 ? "their controllers" : "its controller"}`,
        next: cmd(pod, "kubectl get pod <pod> -n <ns> -o jsonpath='{.metadata.finalizers}'"),
      };
    }
    const kubelet = pod.node ? `the kubelet on node ${quote(pod.node)}` : "the kubelet";
    // Only a time in the dump later than the deadline proves it passed; earlier ones bound nothing.
    const dueAt = Date.parse(deleted);
    if (pod.observedSince !== undefined && Number.isFinite(dueAt) && pod.observedSince > dueAt) {
      return {
        cause: `the deletion is overdue: it was due at ${due}, and the dump still shows the pod at ${new Date(pod.observedSince).toISOString().replace(".000Z", "Z")} or later, ${span(pod.observedSince - dueAt)} after; ${kubelet} has not confirmed the shutdown (the node may be unreachable, or the kubelet stuck on a container or volume)`,
        next: cmd(pod, "kubectl get node <node>"),
      };
    }
    return {
      cause: `the pod is shutting down: its deletion is due at ${due}, when the kubelet sends SIGKILL to what still runs; the dump holds no later time to compare with: if that time has passed, the deletion is overdue and ${kubelet} has not confirmed it, so check the node and its kubelet`,
      next: cmd(pod, "kubectl get node <node>"),
    };
  },
};

/** A duration for a sentence: seconds up to two minutes, then minutes, hours, days. */
function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}
