import { defineRule } from "../types.js";
import { limitRangeDefault, longRunningContainers, resourcesPath } from "../../models/pods.js";

export const rule = defineRule({
  id: "missing-memory-limit",
  category: "resources",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A container sets no memory limit, so a leak can take the whole node's memory.",
  explanation: `Memory is not compressible: a container without a memory limit can grow until the node runs
out, and then the kernel OOM killer and the kubelet's eviction pick victims among all pods on
the node, not only the leaking one. With a limit, only the offending container is
OOMKilled and restarted, and its pod keeps its QoS guarantees. (CPU limits are a different
trade-off and are deliberately not required here.) A memory limit set at pod level, or a
LimitRange default in the namespace, also bounds the container.`,
  fix: `Set resources.limits.memory on the container, a little above its observed peak usage; keep
resources.requests.memory at its usual working set.`,
  preventsStatus: ["OOMKilled", "Evicted", "Init:CrashLoopBackOff", "CrashLoopBackOff"],
  check({ resource, index, report }) {
    const tpl = resource.podTemplate!;
    if (tpl.spec.resources?.limits?.memory !== undefined) return;
    if (limitRangeDefault(index, resource.namespace, "default", "memory")) return;
    for (const { container, path, sidecar } of longRunningContainers(tpl)) {
      if (container.resources?.limits?.memory !== undefined) continue;
      report({
        path: resourcesPath(container, path, "limits"),
        message: `${sidecar ? "sidecar container" : "container"} "${container.name ?? ""}" has no memory limit`,
        hint: "set resources.limits.memory",
      });
    }
  },
});
