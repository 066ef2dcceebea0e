import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ImageInspectError",
  summary: "The image is on the node but the container runtime could not read its metadata.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "Before creating a container the kubelet asks the runtime to inspect the image (its config, entrypoint, user). ImageInspectError means that call failed: the image in the node's store is damaged or unreadable, or the runtime is unhealthy. It is a node problem, not a manifest problem.",
  causes: [
    "a corrupted or partially pulled image in the node's image store (disk full during a pull, an interrupted pull)",
    "the container runtime (containerd, CRI-O) is unhealthy or out of disk",
    "an image format the runtime does not support",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl describe node <node>",
    "kubectl debug node/<node> -it --image=busybox -- df -h /host/var/lib",
  ],
  seeAlso: ["ErrImagePull", "CreateContainerError"],
  detect(pod) {
    const c = waitingWith(pod, ["ImageInspectError"]);
    return c && pullCause(pod, c);
  },
};
