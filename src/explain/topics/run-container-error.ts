import { runtimeCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "RunContainerError",
  summary: "The container was created but its process could not be started.",
  phase: "Pending or Running",
  source: "a container's state.waiting.reason (the failed attempt itself ends as terminated reason StartError or ContainerCannotRun)",
  meaning:
    "The runtime created the container, then failed to start its process: the executable is missing or not executable, the working directory does not exist, or a mount failed at start. The waiting message carries the OCI runtime error (`exec: \"app\": executable file not found in $PATH`). The kubelet retries with a back-off, so this often turns into CrashLoopBackOff.",
  causes: [
    "`command` names a binary that is not in the image, or not on PATH",
    "the entrypoint file is not executable, or is a script with Windows line endings or a missing interpreter",
    "an image for another CPU architecture (\"exec format error\")",
    "a mount that fails at start: a hostPath that is not a directory, a file mounted over a directory",
    "a security setting the node cannot apply (an AppArmor/seccomp profile that is not loaded)",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated.message}'",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.containers[*].command}'",
  ],
  seeAlso: ["StartError", "CrashLoopBackOff", "127", "126"],
  detect(pod) {
    const c = waitingWith(pod, ["RunContainerError"]);
    return c && runtimeCause(pod, c);
  },
};
