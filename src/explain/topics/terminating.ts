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
};
