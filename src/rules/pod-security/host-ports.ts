/** Pod Security Standards, baseline: policy/check_hostPorts.go (hostPorts_1_0). */
import { defineRule } from "../types.js";
import { asMap, visitContainers } from "./policy.js";

export const rule = defineRule({
  id: "pss-host-ports",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "hostPorts", level: "baseline" },
  summary: "Pod Security Standards (baseline): a container port is bound on the node (hostPort).",
  explanation: `The baseline Pod Security Standard forbids every hostPort other than 0 (unset), in every
policy version. A host port opens the container on the node's own address, outside Services and
NetworkPolicies, and two pods with the same host port cannot run on one node. A namespace
enforcing baseline rejects the pod.`,
  fix: "Remove hostPort and reach the pod through a Service (NodePort or LoadBalancer when it must be reachable from outside).",
  preventsStatus: [],
  check({ resource, report }) {
    for (const c of visitContainers(resource.podTemplate!)) {
      const ports = c.raw.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p, i) => {
        const hostPort = asMap(p)?.hostPort;
        if (hostPort === undefined || hostPort === null || hostPort === 0) return;
        report({
          path: [...c.path, "ports", i, "hostPort"],
          message: `container "${c.name}" binds hostPort ${typeof hostPort === "number" ? hostPort : JSON.stringify(hostPort)} on the node`,
          hint: "remove hostPort and expose the port through a Service",
        });
      });
    }
  },
});
