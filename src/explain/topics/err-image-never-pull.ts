import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "ErrImageNeverPull",
  summary: "imagePullPolicy is Never and the image is not present on the node.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "With imagePullPolicy: Never the kubelet only uses images already in the node's image store and never contacts a registry. If the image is missing on the node the pod picked, the container cannot start. This is common with local clusters (kind, minikube) where an image was built or loaded on one node, or loaded under another tag.",
  causes: [
    "the image was built locally but not loaded into the cluster's nodes (`kind load docker-image`, `minikube image load`)",
    "the pod landed on a node other than the one where the image was loaded",
    "the tag in the manifest differs from the tag that was loaded (`:latest` vs a version)",
    "imagePullPolicy: Never copied from a development manifest into a real cluster",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.containers[*].imagePullPolicy}'",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.nodeName}'",
    "kubectl get node <node> -o jsonpath='{.status.images[*].names}'",
  ],
  seeAlso: ["ErrImagePull"],
  detect(pod) {
    const c = waitingWith(pod, ["ErrImageNeverPull"]);
    return c && pullCause(pod, c);
  },
};
