import { defineRule } from "../types.js";
import { capabilityRequests } from "./permissions.js";
import { grantingRules, matchedVerbs, roleScope } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-pod-exec",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects exec into or attach to pods (pods/exec, pods/attach).",
  explanation: `kubectl exec and kubectl attach are requests on the pods/exec and pods/attach
subresources: a POST over SPDY, authorized as create, or a WebSocket upgrade, a GET authorized
as get. Up to 1.34 either verb lets a subject exec. From 1.35 the API server also requires create
for the WebSocket upgrade (the AuthorizePodWebsocketUpgradeCreatePermission feature gate, on by
default; kubernetes PR 134577), so get alone no longer does, and only create is reported at
--kubernetes-version 1.35 and later. A subject that may exec runs any command inside any pod of the namespace, as
that pod's user, with its mounted Secrets, its ServiceAccount token and its network access: it
holds the rights of every workload it can reach, whatever RBAC gives it directly. Polaris
(clusterrolePodExecAttach, rolePodExecAttach) reports it. A rule limited by resourceNames and a
rule of "*" on everything (rbac-wildcard) are not reported here.`,
  fix: "Remove pods/exec and pods/attach from the rule; give humans exec through a separate role bound only for debugging, not to workloads.",
  preventsStatus: [],
  check(ctx) {
    const verbs = capabilityRequests("exec", ctx.settings.kubernetesVersion)[0].verbs;
    for (const { rule, at, resource } of grantingRules(ctx, "exec")) {
      ctx.report({
        path: at,
        message: `rule allows ${matchedVerbs(rule, verbs).map((v) => `"${v}"`).join(", ")} on "${resource}": exec into pods ${roleScope(ctx)}`,
        hint: "remove pods/exec and pods/attach from the rule",
      });
    }
  },
});
