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
Only node agents normally need them, so in a DaemonSet (CNI, node exporters, log shippers) this
is reported as info.`,
  fix: "Remove hostNetwork/hostPID/hostIPC, or set them to false; expose the pod through a Service instead.",
  preventsStatus: ["Pending", "CrashLoopBackOff", "CreatePodSandboxError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    for (const [field, what] of Object.entries(FIELDS) as Array<[keyof typeof FIELDS, string]>) {
      if (tpl.spec[field] !== true) continue;
      report({
        path: [...tpl.specPath, field],
        message: `${field} is true: the pod shares ${what}`,
        hint: `remove ${field} unless this is a node agent`,
        ...(resource.kind === "DaemonSet" ? { severity: "info" as const } : {}),
      });
    }
  },
});
