import { defaultedValue } from "../../models/defaults.js";
import { longRunningContainers, sidecarsAt } from "../../models/pods.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "missing-liveness-probe",
  category: "probes",
  severity: "info",
  appliesTo: ["Pod", "Deployment", "ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet"],
  summary: "A long-running container has no liveness probe.",
  explanation: `Without a liveness probe the kubelet restarts a container only when its process exits. A
process that deadlocks, hangs on a lost connection or spins in a loop stays "Running" forever
while doing nothing, and no controller replaces it. A liveness probe lets the kubelet notice
and restart it. This is advice, not a requirement: a wrong liveness probe is worse than none
(it restarts healthy containers), and some servers exit cleanly on failure anyway. Pods of
Jobs and CronJobs, and Pods with restartPolicy Never or OnFailure, run to completion and are
not reported.`,
  fix: `Add a livenessProbe that checks only the process itself (an HTTP /healthz or a TCP connect to
its port), with a generous failureThreshold, and a startupProbe if it starts slowly.`,
  preventsStatus: [],
  check({ resource, memo, settings, report }) {
    const tpl = resource.podTemplate!;
    // restartPolicy as the API server defaults it: absent or "" is Always.
    if (resource.kind === "Pod" && defaultedValue(resource, memo, ["spec", "restartPolicy"]) !== "Always") return;
    // Before 1.29 SidecarContainers is off by default: an init container's restartPolicy is dropped and it runs once.
    const sidecars = sidecarsAt(settings.kubernetesVersion);
    for (const { container, path, sidecar } of longRunningContainers(tpl)) {
      if (container.livenessProbe !== undefined || (sidecar && !sidecars)) continue;
      report({
        path: container.name !== undefined ? [...path, "name"] : path,
        absent: [...path, "livenessProbe"],
        message: `${sidecar ? "sidecar container" : "container"} "${container.name ?? ""}" has no liveness probe`,
        hint: "add a livenessProbe that checks only the process itself",
      });
    }
  },
});
