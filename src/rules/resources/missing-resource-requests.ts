import { defineRule } from "../types.js";
import { limitRangeDefault, longRunningContainers, resourcesPath } from "../../models/pods.js";

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
fine, and so is a LimitRange default of the namespace or a pod-level request.`,
  fix: "Set resources.requests.cpu and resources.requests.memory on the container, sized from observed usage.",
  preventsStatus: ["Evicted", "OOMKilled", "OutOfcpu", "OutOfmemory"],
  check({ resource, index, report }) {
    const tpl = resource.podTemplate!;
    const podRequests = { ...tpl.spec.resources?.limits, ...tpl.spec.resources?.requests };
    const covered = (name: "cpu" | "memory") =>
      podRequests[name] !== undefined || limitRangeDefault(index, resource.namespace, "defaultRequest", name) !== undefined;
    for (const { container, path, sidecar } of longRunningContainers(tpl)) {
      const r = container.resources;
      const missing = (["cpu", "memory"] as const).filter(
        (name) => r?.requests?.[name] === undefined && r?.limits?.[name] === undefined && !covered(name),
      );
      if (!missing.length) continue;
      report({
        path: resourcesPath(container, path, "requests"),
        message: `${sidecar ? "sidecar container" : "container"} "${container.name ?? ""}" requests no ${missing.join(" or ")}`,
        hint: `set resources.requests.${missing[0]}${missing.length > 1 ? ` and resources.requests.${missing[1]}` : ""}`,
      });
    }
  },
});
