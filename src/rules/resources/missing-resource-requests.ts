import { defineRule } from "../types.js";
import { ignoredPodLevelResourcesNote } from "../../models/pod-level-resources.js";
import { admittedContainers, bestEffortPods, containerKind, memoryLimited, resourcesPath, sidecarsAt, unrequested } from "../../models/pods.js";

export const rule = defineRule({
  id: "missing-resource-requests",
  category: "resources",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A container requests no cpu or no memory, so the scheduler reserves nothing for it.",
  explanation: `The scheduler places pods by their requests, not by what they actually use. A container
without a cpu or memory request counts as zero: the node it lands on may already be full, so
it is starved of CPU and, when memory runs short, it is among the first to be evicted.
HorizontalPodAutoscaler utilization targets are percentages of the request and cannot work
without one. A request that is unset but has a limit defaults to the limit, so that case is
fine, and so is a LimitRange default of the namespace or a pod-level request
(\`spec.resources\`, which the pods keep from Kubernetes 1.34, where the PodLevelResources
feature gate is on by default; at an older --kubernetes-version the API server does not keep it,
and the message says so).
A container with no memory request and no memory limit has one cause (no memory sizing at
all): it is reported once, here, with the limit in the hint, and not by missing-memory-limit
as well. Pods where no container sets anything are reported once for the pod, by
qos-besteffort.`,
  fix: "Set resources.requests.cpu and resources.requests.memory on the container, sized from observed usage.",
  preventsStatus: ["Evicted", "OOMKilled", "OutOfcpu", "OutOfmemory"],
  check({ resource, index, settings, report }) {
    const tpl = resource.podTemplate!;
    const release = settings.kubernetesVersion;
    if (bestEffortPods(resource, index, release)) return;
    // Before sidecars run (SidecarContainers off by default until 1.29) a restartable init container is an ordinary one: not judged, as every init container.
    const sidecars = sidecarsAt(release);
    for (const admitted of admittedContainers(resource, index)) {
      if (admitted.init && !(admitted.sidecar && sidecars)) continue;
      const { container, path } = admitted;
      const missing = unrequested(tpl, admitted, release);
      if (!missing.length) continue;
      // No memory request and no memory limit is one cause: reported here, with the limit folded in.
      const noLimit = missing.includes("memory") && !memoryLimited(tpl, admitted, release);
      const fields = [...missing.map((name) => `resources.requests.${name}`), ...(noLimit ? ["resources.limits.memory"] : [])];
      report({
        path: resourcesPath(container, path, "requests"),
        message: `${containerKind(admitted, release)} "${container.name ?? ""}" requests no ${missing.join(" or ")}${noLimit ? " and has no memory limit" : ""}${ignoredPodLevelResourcesNote(tpl, release)}`,
        hint: `set ${fields.length > 1 ? `${fields.slice(0, -1).join(", ")} and ${fields[fields.length - 1]}` : fields[0]}`,
      });
    }
  },
});
