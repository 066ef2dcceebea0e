import { defineRule } from "../types.js";
import { capabilityRequests, portForwardRequests } from "./permissions.js";
import { allowingResources, grantingRules, matchedVerbs, removeResourcesHint, roleScope, rulesAllowing } from "./role-rules.js";

const quoted = (verbs: readonly string[]) => verbs.map((v) => `"${v}"`).join(", ");

export const rule = defineRule({
  id: "rbac-pod-exec",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects exec into, attach to or port-forward to pods (pods/exec, pods/attach, pods/portforward).",
  explanation: `kubectl exec, kubectl attach and kubectl port-forward are requests on the pods/exec,
pods/attach and pods/portforward subresources: a POST over SPDY, authorized as create, or a
WebSocket upgrade, a GET authorized as get. Up to 1.34 either verb does. From 1.35 the API server
also requires create for the WebSocket upgrade of all three (the
AuthorizePodWebsocketUpgradeCreatePermission feature gate, on by default; kubernetes PR 134577),
so get alone no longer does, and only create is reported at --kubernetes-version 1.35 and later.
A subject that may exec runs any command inside any pod of the namespace, as that pod's user,
with its mounted Secrets, its ServiceAccount token and its network access: it holds the rights
of every workload it can reach, whatever RBAC gives it directly. A subject that may port-forward
reaches every port a pod of the namespace listens on: the container runtime dials it from inside
the pod's network namespace on Linux nodes, so ports bound to localhost and admin or debug ports
no Service exposes answer too, and no NetworkPolicy applies, since the connection comes through
the API server and the kubelet rather than over the pod network.
A rule that allows both is reported once, for exec. Polaris (clusterrolePodExecAttach,
rolePodExecAttach) reports exec and attach. A rule limited by resourceNames and a rule of "*" on
everything (rbac-wildcard) are not reported here.`,
  fix: "Remove pods/exec, pods/attach and pods/portforward from the rule; give humans exec and port-forward through a separate role bound only for debugging, not to workloads.",
  preventsStatus: [],
  check(ctx) {
    const exec = capabilityRequests("exec", ctx.settings.kubernetesVersion);
    const forward = portForwardRequests(ctx.settings.kubernetesVersion);
    const execs = new Set<string>();
    for (const { rule, at, resource } of grantingRules(ctx, "exec")) {
      execs.add(rule.path.join("."));
      ctx.report({
        path: at,
        message: `rule allows ${quoted(matchedVerbs(rule, exec[0].verbs))} on "${resource}": exec into pods ${roleScope(ctx)}`,
        // Every entry that grants exec, attach or port-forward: what the hint leaves would be reported next.
        hint: removeResourcesHint([...new Set([...allowingResources(rule, exec), ...allowingResources(rule, forward)])]),
      });
    }
    for (const { rule, at, resource } of rulesAllowing(ctx, forward)) {
      // A subject that may exec reaches the pod's ports from inside it: one finding, about exec.
      if (execs.has(rule.path.join("."))) continue;
      ctx.report({
        path: at,
        message: `rule allows ${quoted(matchedVerbs(rule, forward[0].verbs))} on "${resource}": port-forward to any port of pods ${roleScope(ctx)}`,
        hint: removeResourcesHint(allowingResources(rule, forward)),
      });
    }
  },
});
