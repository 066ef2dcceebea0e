import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ErrImagePull",
  aliases: ["ErrImagePullBackOff"],
  summary: "The last attempt to pull the container image failed.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The kubelet asked the container runtime to pull the image and the pull failed. The pod alternates between ErrImagePull (right after a failed attempt) and ImagePullBackOff (while waiting to retry). The waiting message carries the runtime's error: read it first.",
  causes: [
    "the repository or tag does not exist (\"not found\", \"manifest unknown\")",
    "missing or wrong registry credentials (\"unauthorized\", \"pull access denied\", \"403 Forbidden\")",
    "the registry is unreachable from the node (\"i/o timeout\", \"no such host\", TLS errors with a private CA)",
    "registry rate limits (\"toomanyrequests\")",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].state.waiting.message}'",
    "kubectl get secret -n <ns> --field-selector type=kubernetes.io/dockerconfigjson",
  ],
  seeAlso: ["ImagePullBackOff", "RegistryUnavailable"],
  detect(pod) {
    const c = waitingWith(pod, ["ErrImagePull"]);
    return c && pullCause(pod, c);
  },
};
