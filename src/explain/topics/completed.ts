import { podStatus } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Completed",
  aliases: ["Succeeded"],
  summary: "The containers exited with code 0: the pod's work is done.",
  phase: "Succeeded (Running when a container of a restarting pod just completed)",
  source: "a container's state.terminated.reason",
  meaning:
    "Every container finished successfully. For Jobs, CronJobs and one-off pods this is the goal, and the pod stays until the Job's ttlSecondsAfterFinished or history limit removes it. For a Deployment, StatefulSet or DaemonSet it is a problem: those pods use restartPolicy Always, so a container that completes is restarted and soon shows CrashLoopBackOff. A completed sidecar beside a running container leaves the pod Running (or NotReady).",
  causes: [
    "a Job or one-off task finished: nothing to do",
    "in a long-running workload: the main process returned (a server started in the background, a shell script that ends, a misconfigured command)",
  ],
  commands: [
    "kubectl logs <pod> -n <ns> -c <container>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.metadata.ownerReferences[*].kind}'",
  ],
  seeAlso: ["CrashLoopBackOff", "0"],
  // Finished work is not trouble: no cause.
  detect: (pod) => (podStatus(pod.pod).phase === "Succeeded" || pod.columns.status === "Completed" ? null : undefined),
};
