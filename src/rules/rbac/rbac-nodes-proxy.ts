import { defineRule } from "../types.js";
import { grantingRules, matchedVerbs } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-nodes-proxy",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A ClusterRole grants access to nodes/proxy, the kubelet API of every node.",
  explanation: `The nodes/proxy subresource forwards requests to a node's kubelet API, which can list
every pod of the node and run commands in their containers (/exec, /run). Requests through it
are not seen by admission control and are logged by the audit log as requests to the proxy,
not as the exec they carry, so get on nodes/proxy amounts to exec into every pod of the
cluster. Monitoring agents that need kubelet metrics should use nodes/metrics and nodes/stats,
which the kubelet authorizes separately. The Kubernetes RBAC good-practices page names
nodes/proxy as an escalation path. A rule of "*" on everything is rbac-wildcard's. A Role's
nodes/proxy grants nothing: a Role applies within its namespace, and nodes are in none (so does
a ClusterRole bound by a RoleBinding, which serviceaccount-privileged takes into account).`,
  fix: "Grant nodes/metrics or nodes/stats instead of nodes/proxy.",
  preventsStatus: [],
  check(ctx) {
    for (const { rule, at, resource } of grantingRules(ctx, "nodes-proxy")) {
      ctx.report({
        path: at,
        message: `rule allows ${matchedVerbs(rule, ["get", "create"]).map((v) => `"${v}"`).join(", ")} on "${resource}": commands in any pod of every node, past admission control`,
        hint: "grant nodes/metrics or nodes/stats instead",
      });
    }
  },
});
