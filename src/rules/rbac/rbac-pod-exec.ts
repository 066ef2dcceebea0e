import { defineRule } from "../types.js";
import { grantingRules, matchedVerbs, roleScope } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-pod-exec",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects exec into or attach to pods (pods/exec, pods/attach).",
  explanation: `kubectl exec and kubectl attach are requests on the pods/exec and pods/attach
subresources (create over SPDY or WebSockets, get for WebSocket clients: both verbs are checked
by the API server). A subject that may exec runs any command inside any pod of the namespace, as
that pod's user, with its mounted Secrets, its ServiceAccount token and its network access: it
holds the rights of every workload it can reach, whatever RBAC gives it directly. Polaris
(clusterrolePodExecAttach, rolePodExecAttach) reports it. A rule limited by resourceNames and a
rule of "*" on everything (rbac-wildcard) are not reported here.`,
  fix: "Remove pods/exec and pods/attach from the rule; give humans exec through a separate role bound only for debugging, not to workloads.",
  preventsStatus: [],
  check(ctx) {
    for (const { rule, at, resource } of grantingRules(ctx, "exec")) {
      ctx.report({
        path: at,
        message: `rule allows ${matchedVerbs(rule, ["create", "get"]).map((v) => `"${v}"`).join(", ")} on "${resource}": exec into pods ${roleScope(ctx)}`,
        hint: "remove pods/exec and pods/attach from the rule",
      });
    }
  },
});
