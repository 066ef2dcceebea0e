import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ImagePullBackOff",
  summary: "Pulling the container image failed and the kubelet waits before trying again.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The kubelet tried to pull the image, failed (ErrImagePull), and now backs off before the next attempt, up to 5 minutes between attempts. The message says why the last pull failed: \"not found\" or \"manifest unknown\" (wrong name or tag), \"unauthorized\" or \"pull access denied\" (credentials), a timeout or DNS error (the node cannot reach the registry).",
  causes: [
    "the image name or tag does not exist: a typo, a tag that was never pushed, or a private registry prefix left out",
    "the registry needs credentials: no imagePullSecrets on the pod or its ServiceAccount, or an expired token",
    "the node cannot reach the registry: egress firewall, proxy, private endpoint, DNS",
    "the registry rate-limits anonymous pulls (Docker Hub: \"toomanyrequests\")",
    "the image exists but not for the node's architecture or OS (\"no matching manifest\")",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.containers[*].image}'",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=Failed",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.imagePullSecrets}'",
  ],
  seeAlso: ["ErrImagePull", "InvalidImageName", "RegistryUnavailable"],
  detect(pod) {
    const c = waitingWith(pod, ["ImagePullBackOff"]);
    return c && pullCause(pod, c);
  },
};
