import { crashCause } from "../causes.js";
import { failedRun } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Error",
  summary: "A container exited with a non-zero exit code and is not being restarted right now.",
  phase: "Failed (restartPolicy Never or OnFailure exhausted), or Running between restarts",
  source: "a container's state.terminated.reason",
  meaning:
    "The runtime reports Error for a process that exited with a non-zero code for a reason of its own (not OOMKilled). For a Job's pod with restartPolicy Never the pod stays in Error and the Job creates a new pod until backoffLimit is reached. For a Deployment's pod the STATUS shows Error briefly before the restart and CrashLoopBackOff later. The exit code says how it ended: `k8s-lint explain <code>`.",
  causes: [
    "the application failed (exit code 1): read its logs",
    "it was killed by a signal (exit codes above 128: 137 SIGKILL, 143 SIGTERM, 139 SIGSEGV)",
    "the command is wrong (127 not found, 126 not executable)",
    "a Job's task failed on its input: a missing file, a bad record, an API error",
  ],
  commands: [
    "kubectl logs <pod> -n <ns> -c <container>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].state.terminated}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["CrashLoopBackOff", "Completed", "1", "137"],
  detect(pod) {
    const c = failedRun(pod);
    return c && crashCause(pod, c.view, c.terminated);
  },
};
