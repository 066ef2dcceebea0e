import { runtimeCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "CreateContainerError",
  summary: "The container runtime failed to create the container.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The kubelet had a valid configuration and asked the runtime to create the container, and the runtime refused. The waiting message holds the runtime's error. Unlike CreateContainerConfigError the problem is in how the container is assembled: the image has no command to run, a mount cannot be set up, or a container of that name already exists on the node.",
  causes: [
    "no command: the image has no ENTRYPOINT/CMD and the pod sets no `command` (\"no command specified\")",
    "a volumeMount subPath that cannot be created or points outside the volume",
    "a leftover container with the same name on the node (\"name is reserved\"), typically after a runtime restart",
    "the node's runtime is out of disk or otherwise unhealthy",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].state.waiting.message}'",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl describe node <node>",
  ],
  seeAlso: ["CreateContainerConfigError", "RunContainerError"],
  detect(pod) {
    const c = waitingWith(pod, ["CreateContainerError"]);
    return c && runtimeCause(pod, c);
  },
};
