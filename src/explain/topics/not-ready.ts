import { at, int, obj, str } from "../kubectl-status.js";
import { cmd, EVENTS, label, quote } from "../pod-dump.js";
import type { StatusTopic } from "../types.js";

export const topic: StatusTopic = {
  name: "NotReady",
  aliases: ["Unhealthy", "ContainersNotReady"],
  summary: "A container completed while others still run, and the pod's Ready condition is false.",
  phase: "Running",
  source: "computed by kubectl: a Completed container beside a running one, without the Ready condition",
  meaning:
    "kubectl prints NotReady when one container has completed and another is still running but the pod is not Ready (Running when it is). It usually involves sidecars: a container that is supposed to run forever exited with 0, or a helper finished while the main container failed its readiness probe. A not-ready pod is removed from its Services' endpoints.",
  causes: [
    "a readiness probe that fails on the container that still runs",
    "a long-running container that exited successfully when it should keep running",
    "a sidecar that finished while the main container is not ready yet",
  ],
  commands: [
    "kubectl get pod <pod> -n <ns> -o jsonpath='{range .status.containerStatuses[*]}{.name} ready={.ready} {.state}{\"\\n\"}{end}'",
    "kubectl describe pod <pod> -n <ns>",
    "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>,reason=Unhealthy",
  ],
  seeAlso: ["Running", "Completed"],
  detect(pod) {
    if (pod.columns.status === "NotReady") {
      const done = pod.views.find((x) => !x.init && int(at(x.status, "state", "terminated", "exitCode")) === 0 && obj(at(x.status, "state", "terminated")));
      const policy = str(at(pod.pod, "spec", "restartPolicy")) || "Always";
      if (done) {
        return {
          cause: `${label(done)} completed while the others still run; with restartPolicy ${policy} ${policy === "Always" ? "it is restarted, and the pod is not ready meanwhile" : "it is not restarted, so the pod stays not ready"}`,
          next: cmd(pod, "kubectl logs <pod> -n <ns> -c <container>", str(done.spec.name)),
        };
      }
    }
    // Any status that reaches this topic: a running container that is not ready.
    const notReady = pod.views.find((x) => !x.init && x.status && obj(at(x.status, "state", "running")) && x.status.ready !== true);
    if (!notReady) return undefined;
    const n = str(notReady.spec.name);
    const probe = pod.events.find((e) => e.reason === "Unhealthy" && /readiness/i.test(e.message));
    return {
      cause: probe
        ? `container ${quote(n)} runs but its readiness probe fails: ${probe.message}; the pod gets no Service traffic`
        : `container ${quote(n)} runs but is not ready${obj(notReady.spec.readinessProbe) ? ": its readiness probe does not pass" : ""}; the pod gets no Service traffic`,
      next: cmd(pod, `${EVENTS},reason=Unhealthy`),
    };
  },
};
