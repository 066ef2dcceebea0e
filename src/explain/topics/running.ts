import { crashCause } from "../causes.js";
import { at, int, obj } from "../kubectl-status.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "Running",
  summary: "The pod is bound to a node and its containers have started; it may still not be ready.",
  phase: "Running",
  source: "status.phase",
  meaning:
    "At least one container is running (or starting or restarting) and none reports a waiting or terminated reason. Running does not mean healthy: the READY column says how many containers pass their readiness probe, and only ready pods receive Service traffic. A pod that is Running with READY 0/1 is failing its readiness probe; one whose RESTARTS keeps growing is crashing between two looks.",
  causes: [
    "normal operation",
    "READY below total: a readiness probe that fails (wrong port or path, a dependency down, a slow start)",
    "RESTARTS growing: crashes or liveness probe failures between restarts (check lastState)",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o wide",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=Unhealthy",
  ],
  seeAlso: ["NotReady", "CrashLoopBackOff"],
  // Running now, but restarting between two looks: the last run says why.
  detect(pod) {
    const restarted = pod.views.find((x) => x.status && int(x.status.restartCount) > 0 && obj(at(x.status, "lastState", "terminated")));
    if (!restarted || pod.columns.restarts <= 0) return undefined;
    const last = obj(at(restarted.status, "lastState", "terminated"))!;
    const c = crashCause(pod, restarted, last);
    const restarts = int(restarted.status!.restartCount);
    return { cause: `running now, but ${c.cause} (${restarts} restart${restarts === 1 ? "" : "s"})`, next: c.next };
  },
};
