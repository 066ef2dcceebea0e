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
};
