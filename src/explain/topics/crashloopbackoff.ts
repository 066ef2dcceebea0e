import { crashLoopCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "CrashLoopBackOff",
  aliases: ["BackOff", "CrashLoop"],
  summary: "A container keeps exiting and the kubelet waits longer and longer before restarting it.",
  phase: "Running (Pending if it never started once)",
  source: "a container's state.waiting.reason",
  meaning:
    "The container started, exited, and was restarted several times. After each exit the kubelet waits before the next start: 10 seconds, doubling up to 5 minutes, reset after 10 minutes of running without a crash. CrashLoopBackOff is not a cause: it says the container keeps ending. The cause is in its last termination (lastState.terminated: reason, exit code) and in the logs of the previous run.",
  causes: [
    "the application fails at start: a missing setting, an unreachable database, a bad config file (exit code 1, read the previous logs)",
    "it is killed for using more memory than its limit (last state OOMKilled, exit code 137)",
    "the liveness probe fails, so the kubelet kills it (Unhealthy events; exit code 137 or 143): wrong port or path, or too short initialDelaySeconds for a slow start",
    "the main process exits successfully (exit code 0) because the command is a one-shot script or starts the server in the background",
    "wrong command or arguments (exit code 127: not found, 126: not executable)",
    "a file it needs is not mounted, or is mounted read-only",
  ],
  commands: [
    "kubectl logs <pod> -n <ns> -c <container> --previous",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated}'",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=Unhealthy",
  ],
  seeAlso: ["OOMKilled", "Error", "Completed", "137"],
  detect(pod) {
    const c = waitingWith(pod, ["CrashLoopBackOff"]);
    return c && crashLoopCause(pod, c);
  },
};
