import { cmd, podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "DeadlineExceeded",
  summary: "The pod (or its Job) ran longer than its activeDeadlineSeconds and was stopped.",
  phase: "Failed",
  source: "status.reason",
  meaning:
    "spec.activeDeadlineSeconds on a pod, or on a Job (which then stops all its pods), bounds how long it may be active. When the time passes the kubelet kills the containers and the pod fails with reason DeadlineExceeded; the Job gets a Failed condition with the same reason.",
  causes: [
    "the task is slower than the deadline allows (more data, a slower dependency)",
    "the pod spent most of the deadline Pending or pulling images: the clock starts when the pod starts",
    "a task that hangs (waiting on a lock or a network call without timeout)",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.activeDeadlineSeconds} {.status.message}'",
    "kubectl logs <pod> -n <ns>",
    "kubectl describe job -n <ns>",
  ],
  seeAlso: ["Error", "Completed"],
  detect(pod) {
    const { reason, message } = podStatus(pod.pod);
    if (reason !== "DeadlineExceeded") return undefined;
    return { cause: `the pod ran past its activeDeadlineSeconds and was stopped${message ? `: ${message}` : ""}`, next: cmd(pod, "kubectl logs <pod> -n <ns>") };
  },
};
