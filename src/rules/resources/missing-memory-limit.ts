import { defineRule } from "../types.js";
import { ignoredPodLevelResourcesNote } from "../../models/pod-level-resources.js";
import { admittedContainers, bestEffortPods, containerKind, memoryLimited, resourcesPath, sidecarsAt, unrequested } from "../../models/pods.js";

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
trade-off and are deliberately not required here.) A memory limit set at pod level (from
Kubernetes 1.34, where the PodLevelResources feature gate is on by default: an older release does
not keep it), or a LimitRange default in the namespace, also bounds the container. This rule reports containers
that size their memory (a request) but do not bound it; a container that sets no memory at
all is reported once by missing-resource-requests, whose hint includes the limit, and pods
where no container sets anything once by qos-besteffort.`,
  fix: `Set resources.limits.memory on the container, a little above its observed peak usage; keep
resources.requests.memory at its usual working set.`,
  preventsStatus: ["OOMKilled", "Evicted", "Init:CrashLoopBackOff", "CrashLoopBackOff"],
  check({ resource, index, settings, report }) {
    const tpl = resource.podTemplate!;
    const release = settings.kubernetesVersion;
    if (bestEffortPods(resource, index, release)) return;
    // Before sidecars run (SidecarContainers off by default until 1.29) a restartable init container is an ordinary one: not judged, as every init container.
    const sidecars = sidecarsAt(release);
    for (const admitted of admittedContainers(resource, index)) {
      if (admitted.init && !(admitted.sidecar && sidecars)) continue;
      const { container, path } = admitted;
      if (memoryLimited(tpl, admitted, release)) continue;
      // A container that requests no memory either is reported once, by missing-resource-requests.
      if (unrequested(tpl, admitted, release).includes("memory")) continue;
      report({
        path: resourcesPath(container, path, "limits"),
        message: `${containerKind(admitted, release)} "${container.name ?? ""}" has no memory limit${ignoredPodLevelResourcesNote(tpl, release)}`,
        hint: "set resources.limits.memory",
      });
    }
  },
});
