import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "RegistryUnavailable",
  summary: "The image registry could not be reached or answered with an error.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The kubelet could not talk to the registry that hosts the image (an HTTP-level failure rather than an image that does not exist). The problem is between the node and the registry: network, DNS, proxy, certificates, or the registry itself being down. The kubelet retries with a back-off, so it resolves on its own once the registry is reachable.",
  causes: [
    "the registry is down or overloaded",
    "the node has no route to it: egress rules, a private registry endpoint not peered to the node network, a missing proxy setting in the runtime",
    "DNS on the node cannot resolve the registry host",
    "TLS failures with a registry that uses a private certificate authority the node does not trust",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>",
    "kubectl debug node/<node> -it --image=busybox -- nslookup <registry-host>",
  ],
  seeAlso: ["ErrImagePull", "ImagePullBackOff"],
  detect(pod) {
    const c = waitingWith(pod, ["RegistryUnavailable"]);
    return c && pullCause(pod, c);
  },
};
