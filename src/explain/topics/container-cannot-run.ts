import { crashCause } from "../causes.js";
import { str } from "../kubectl-status.js";
import { failedRun } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ContainerCannotRun",
  summary: "The container's process could not be started (reported by Docker-based runtimes).",
  phase: "Running or Failed",
  source: "a container's state.terminated.reason",
  meaning:
    "The Docker/cri-dockerd equivalent of StartError: the container was created but starting its process failed, so the application never ran. The terminated message holds the runtime error.",
  causes: [
    "the entrypoint or `command` does not exist or is not executable",
    "an image built for another CPU architecture",
    "a mount that cannot be set up when the process starts",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].lastState.terminated.message}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["StartError", "RunContainerError"],
  detect(pod) {
    const c = failedRun(pod);
    return c && str(c.terminated.reason) === "ContainerCannotRun" ? crashCause(pod, c.view, c.terminated) : undefined;
  },
};
