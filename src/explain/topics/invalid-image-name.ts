import { pullCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "InvalidImageName",
  summary: "The image reference cannot be parsed, so the kubelet does not even try to pull it.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "The kubelet parses the image reference (registry/repository:tag@digest) before pulling it. When that fails the container waits with InvalidImageName and nothing is retried: the pod stays stuck until the spec is fixed. Upper-case letters in the repository, spaces, a leading slash, a doubled colon or an unrendered `{{ .Values.image }}` are typical.",
  causes: [
    "an unrendered template or an empty variable substitution (`image: :1.2`, `image: registry.example.com/:latest`)",
    "upper-case characters in the repository path (tags may contain them, repositories may not)",
    "a stray space, quote or trailing colon, or a digest that is not sha256:<64 hex>",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.containers[*].image}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["ErrImagePull"],
  detect(pod) {
    const c = waitingWith(pod, ["InvalidImageName"]);
    return c && pullCause(pod, c);
  },
};
