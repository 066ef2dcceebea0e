import { crashLoopCause } from "../causes.js";
import { waitingWith } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Init:CrashLoopBackOff",
  summary: "An init container keeps failing and the kubelet waits longer before each retry.",
  phase: "Pending",
  source: "kubectl: `Init:` + the waiting reason CrashLoopBackOff of an init container",
  meaning:
    "An init container failed several times; the kubelet restarts it with an exponential back-off (10s, 20s, 40s... capped at 5 minutes). The app containers never start while an init container fails, so the whole pod is stuck. The cause is in the failing init container's previous logs and its last exit code, not in the app.",
  causes: [
    "the init step fails every time: a migration that errors, a missing file or setting, bad credentials",
    "it waits for a dependency with a timeout and gives up (a Service in another namespace, a database not yet ready)",
    "it is OOM-killed (its own memory limit counts, and it is often copied from a tiny template)",
    "wrong command for the image (exit code 127/126)",
  ],
  commands: [
    "kubectl logs <pod> -n <ns> -c <container> --previous",
    "kubectl get pod <pod> -n <ns> -o jsonpath='{.status.initContainerStatuses[*].lastState.terminated}'",
    "kubectl describe pod <pod> -n <ns>",
  ],
  seeAlso: ["Init:Error", "CrashLoopBackOff"],
  detect(pod) {
    const c = waitingWith(pod, ["CrashLoopBackOff"]);
    return c?.view.init ? crashLoopCause(pod, c) : undefined;
  },
};
