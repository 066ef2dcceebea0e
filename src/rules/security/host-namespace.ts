import { runsNodeAgent } from "../../models/node-agent.js";
import { defineRule } from "../types.js";

const FIELDS = {
  hostNetwork: "the node's network stack (it can bind node ports and reach node-local services)",
  hostPID: "the node's process table (it can see and signal every process on the node)",
  hostIPC: "the node's IPC namespace (shared memory of other processes)",
} as const;

export const rule = defineRule({
  id: "host-namespace",
  category: "security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  summary: "A pod shares the node's network, PID or IPC namespace.",
  explanation: `hostNetwork, hostPID and hostIPC put the pod's containers into the node's own namespaces
instead of the pod's. A compromised or buggy container then reaches everything on the node:
node-local ports and services, other pods' processes, shared memory. hostNetwork also makes
container ports host ports, so two such pods cannot share a node (Pending, or a crash when the
port is taken), and the "restricted" and "baseline" Pod Security Standards reject these pods.
Only node agents normally need them, so there this is reported as info: a DaemonSet (CNI, node
exporters, log shippers), or a CSI node plugin of any workload kind (a hostPath under
/var/lib/kubelet/plugins_registry or /var/lib/kubelet/plugins, or a node-driver-registrar
container).`,
  fix: "Remove hostNetwork/hostPID/hostIPC, or set them to false; expose the pod through a Service instead.",
  preventsStatus: ["Pending", "CrashLoopBackOff", "CreatePodSandboxError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const nodeAgent = runsNodeAgent(resource.kind, tpl);
    for (const [field, what] of Object.entries(FIELDS) as Array<[keyof typeof FIELDS, string]>) {
      if (tpl.spec[field] !== true) continue;
      report({
        path: [...tpl.specPath, field],
        message: `${field} is true: the pod shares ${what}`,
        hint: `remove ${field} unless this is a node agent`,
        ...(nodeAgent ? { severity: "info" as const } : {}),
      });
    }
  },
});
