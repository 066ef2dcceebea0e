import { configCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "CreateContainerConfigError",
  summary: "The kubelet cannot build the container's configuration: a referenced ConfigMap, Secret or key is missing.",
  phase: "Pending",
  source: "a container's state.waiting.reason",
  meaning:
    "Before creating a container the kubelet resolves its environment: env valueFrom (configMapKeyRef, secretKeyRef, fieldRef), envFrom, and security settings. If a referenced object or key does not exist and the reference is not optional, the container is not created and waits with CreateContainerConfigError. The waiting message names the missing object (`secret \"db-credentials\" not found`, `couldn't find key password in Secret shop/db`). The kubelet retries, so creating the object fixes the pod without a restart.",
  causes: [
    "a Secret or ConfigMap referenced by env/envFrom does not exist in the pod's namespace (created in another namespace, renamed, or created after the pod by a later pipeline step)",
    "the object exists but lacks the referenced key",
    "runAsNonRoot: true with an image whose user is root or non-numeric (\"container has runAsNonRoot and image will run as root\")",
    "a subPath or volume reference the kubelet cannot resolve",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.containerStatuses[*].state.waiting.message}'",
    "kubectl get configmap,secret -n <ns>",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["CreateContainerError", "ContainerCreating"],
  detect(pod) {
    const c = waitingWith(pod, ["CreateContainerConfigError"]);
    return c && configCause(pod, c.view, c.waitingMessage);
  },
};
