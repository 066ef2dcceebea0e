import { initRunningCause, preparingCause } from "../causes.js";
import { culpritState } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Init:N/M",
  summary: "N of the pod's M init containers have completed; the next one is running or waiting to start.",
  phase: "Pending",
  source: "computed by kubectl from status.initContainerStatuses",
  meaning:
    "Init containers run one after another, each to completion, before any app container starts. Init:1/3 means the first succeeded and the second is running (or being created). The pod stays here as long as that init container runs: a script that waits for a dependency (`until nslookup db; do sleep 2; done`) keeps the pod at Init:N/M until the dependency appears. A sidecar (an init container with restartPolicy Always) counts as done once it has started.",
  causes: [
    "an init container is waiting for a dependency that is not there: a Service without ready endpoints, a database, a DNS name, a migration lock",
    "an init container doing real work that takes long (schema migration, data download, cache warm-up)",
    "its image is still being pulled",
    "a sidecar init container whose startup probe never succeeds, so the next init container never starts",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{range .status.initContainerStatuses[*]}{.name}{\"\\t\"}{.state}{\"\\n\"}{end}'",
    "kubectl logs <pod> -n <ns> -c <container>",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get endpoints -n <ns>",
  ],
  seeAlso: ["Init:Error", "Init:CrashLoopBackOff", "PodInitializing"],
  detect(pod) {
    const c = culpritState(pod);
    if (c && pod.columns.status.startsWith("Init:") && !c.waiting && !c.terminated) return initRunningCause(pod, c.view);
    return /^Init:\d+\/\d+$/.test(pod.columns.status) ? preparingCause(pod) : undefined;
  },
};
