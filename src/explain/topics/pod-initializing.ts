import { preparingCause } from "../causes.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "PodInitializing",
  summary: "Init containers have finished (or are running) and the regular containers are not started yet.",
  phase: "Pending",
  source: "the waiting reason of regular containers while init containers run; the STATUS column once all init containers succeeded",
  meaning:
    "Regular containers wait with reason PodInitializing until every init container has completed. kubectl shows Init:N/M while init containers run; it shows PodInitializing when initialisation is done and the kubelet is creating the app containers (pulling their images, starting them). Like ContainerCreating it should be brief.",
  causes: [
    "the app containers' images are still being pulled (large image, slow registry)",
    "the kubelet is slow to start containers on a busy node",
    "a later step fails and the pod will move on to ImagePullBackOff, CreateContainerConfigError or CrashLoopBackOff: wait and look again",
  ],
  commands: [
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>",
    "kubectl logs <pod> -n <ns> -c <container>",
  ],
  seeAlso: ["Init:N/M", "ContainerCreating"],
  detect: (pod) => (pod.columns.status === "PodInitializing" ? preparingCause(pod) : undefined),
};
