import { crashCause } from "../causes.js";
import { failedRun } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Init:Error",
  aliases: ["Init:ExitCode", "Init:Signal"],
  summary: "An init container exited with a non-zero code; app containers will not start until it succeeds.",
  phase: "Pending (Failed when restartPolicy is Never)",
  source: "kubectl: `Init:` + the terminated reason of the first init container that failed (Init:ExitCode:N or Init:Signal:N when the runtime gives no reason)",
  meaning:
    "An init container ran and failed. With restartPolicy Always or OnFailure the kubelet retries it with a growing back-off, so the pod alternates between Init:Error and Init:CrashLoopBackOff; with restartPolicy Never the pod fails for good. The exit code and the init container's logs say why; `k8s-lint explain <exit-code>` decodes the code.",
  causes: [
    "the init script failed: a migration error, a download that returned 404, a permission denied on a mounted volume",
    "a dependency it needs answered with an error (database refused the credentials, API returned 5xx)",
    "wrong command or arguments for its image (exit 127: command not found, 126: not executable)",
    "killed for exceeding its memory limit (Init:OOMKilled)",
  ],
  commands: [
    "kubectl logs <pod> -n <ns> -c <container>",
    "kubectl logs <pod> -n <ns> -c <container> --previous",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.initContainerStatuses[*].state.terminated}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["Init:CrashLoopBackOff", "Error", "Init:N/M"],
  detect(pod) {
    const c = failedRun(pod);
    return c && c.view.init ? crashCause(pod, c.view, c.terminated) : undefined;
  },
};
