import { admittedContainers } from "../../models/pods.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "ephemeral-storage-missing",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: "workloads",
  summary: "A container sets no ephemeral-storage request or limit.",
  explanation: `Container logs, the writable layer and emptyDir volumes live on the node's disk. A container
without an ephemeral-storage limit can fill it (a debug log level, a runaway temp file): the
kubelet then reports DiskPressure, taints the node, and evicts pods, starting with those whose
usage exceeds their request (a missing request is 0, so all of them), often taking well-behaved
neighbours with it. With a limit the kubelet evicts only the offending pod when it exceeds it,
and a request lets the scheduler avoid nodes without room. kube-score reports it
(container-ephemeral-storage-request-and-limit). A default of a LimitRange of the namespace
counts as set: LimitRanger admission writes it into every container.`,
  fix: "Set resources.requests.ephemeral-storage and resources.limits.ephemeral-storage (e.g. 1Gi and 2Gi) on each container.",
  preventsStatus: ["Evicted"],
  check({ resource, index, report }) {
    for (const { container, path, init, defaultedBy } of admittedContainers(resource, index)) {
      if (init) continue;
      // Written, or written in by LimitRanger admission (a request that only defaults to the limit is still reported).
      const req = container.resources?.requests?.["ephemeral-storage"] ?? defaultedBy.get("requests.ephemeral-storage");
      const lim = container.resources?.limits?.["ephemeral-storage"] ?? defaultedBy.get("limits.ephemeral-storage");
      if (req !== undefined && lim !== undefined) continue;
      const missing = req === undefined && lim === undefined ? "request or limit" : req === undefined ? "request" : "limit";
      report({
        path: container.name !== undefined ? [...path, "name"] : path,
        message: `container "${container.name ?? ""}" sets no ephemeral-storage ${missing}`,
        hint: "set resources.requests and resources.limits for ephemeral-storage",
      });
    }
  },
});
