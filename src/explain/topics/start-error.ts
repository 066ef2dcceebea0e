import { crashCause } from "../causes.js";
import { str } from "../kubectl-status.js";
import { failedRun } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "StartError",
  summary: "The runtime could not start the container's process; the attempt is recorded as terminated with StartError.",
  phase: "Running or Failed",
  source: "a container's state.terminated.reason (or lastState), set by containerd",
  meaning:
    "containerd reports StartError when starting the container's process failed: the exec of the entrypoint did not happen, so the application never ran. Its exit code is usually 128 and the message holds the OCI runtime error. With a restarting pod the container then waits in RunContainerError or CrashLoopBackOff.",
  causes: [
    "the entrypoint or `command` does not exist in the image (\"executable file not found in $PATH\")",
    "the file exists but is not executable, or is built for another architecture (\"exec format error\")",
    "the workingDir cannot be created or entered",
    "a mount or device that fails when the process starts",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated.message}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["RunContainerError", "ContainerCannotRun", "CrashLoopBackOff"],
  detect(pod) {
    const c = failedRun(pod);
    return c && str(c.terminated.reason) === "StartError" ? crashCause(pod, c.view, c.terminated) : undefined;
  },
};
