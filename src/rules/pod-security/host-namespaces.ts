/** Pod Security Standards, baseline: policy/check_hostNamespaces.go (hostNamespaces_1_0). */
import { defineRule } from "../types.js";
import { podSpec } from "./policy.js";

const NAMESPACES = { hostNetwork: "network", hostPID: "process", hostIPC: "IPC" } as const;

export const rule = defineRule({
  id: "pss-host-namespaces",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "hostNamespaces", level: "baseline" },
  supersedes: ["host-namespace"],
  summary: "Pod Security Standards (baseline): a pod shares the node's network, process or IPC namespace.",
  explanation: `The baseline Pod Security Standard forbids hostNetwork, hostPID and hostIPC set to true, in every
policy version: a namespace labelled pod-security.kubernetes.io/enforce: baseline (or restricted)
rejects such a pod, and its Deployment, StatefulSet or Job shows FailedCreate instead of pods.
Sharing the node's namespaces lets a container see and reach the node's own network services,
every process on the node, or its shared memory: one compromised container is a compromised
node. While this rule runs (the security preset, or podSecurity set), it stands in for
host-namespace, which reports the same fields without the policy's terms.`,
  fix: "Remove hostNetwork, hostPID and hostIPC (or set them to false); reach the pod through a Service. A node agent that truly needs them belongs in a namespace labelled pod-security.kubernetes.io/enforce: privileged.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const spec = podSpec(tpl);
    for (const [field, what] of Object.entries(NAMESPACES)) {
      if (spec[field] !== true) continue;
      report({
        path: [...tpl.specPath, field],
        message: `${field} is true: the pod shares the node's ${what} namespace`,
        hint: `remove ${field}, or run the pod in a namespace whose Pod Security level is privileged`,
      });
    }
  },
});
