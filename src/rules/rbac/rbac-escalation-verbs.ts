import { defineRule } from "../types.js";
import { grantingRules, matchedVerbs, roleScope } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-escalation-verbs",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole grants escalate or bind on roles, or impersonate on users, groups or ServiceAccounts.",
  explanation: `RBAC prevents privilege escalation: nobody can create or update a role granting more than
they hold, or bind a role they do not hold (pkg/registry/rbac/escalation_check.go). Three verbs
switch that protection off. escalate on roles/clusterroles lets the subject edit a role to grant
anything; bind lets it bind any role, cluster-admin included, to itself; impersonate on users,
groups or serviceaccounts lets it send requests as anyone (kubectl --as=system:admin). Each is
equivalent to cluster-admin. The Kubernetes RBAC good-practices page lists them as escalation
paths, and kube-linter and Polaris report them. A rule of "*" on everything is rbac-wildcard's.`,
  fix: "Remove the escalate, bind and impersonate verbs; give the subject the specific permissions instead.",
  preventsStatus: [],
  check(ctx) {
    for (const { rule, at, resource } of grantingRules(ctx, "escalate")) {
      ctx.report({
        path: at,
        message: `rule allows ${matchedVerbs(rule, ["escalate", "bind", "impersonate"]).map((v) => `"${v}"`).join(", ")} on "${resource}" ${roleScope(ctx)}, which bypasses RBAC's escalation checks`,
        hint: "remove escalate, bind and impersonate",
      });
    }
  },
});
