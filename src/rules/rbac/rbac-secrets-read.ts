import { defineRule } from "../types.js";
import { grantingRules, matchedVerbs, roleScope } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-secrets-read",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects get, list or watch Secrets.",
  explanation: `Secrets hold database passwords, API keys, TLS private keys and the tokens of other
ServiceAccounts. list and watch return the data of every Secret of the namespace (there is no
"list names only"), so a subject allowed to list Secrets in kube-system, or anywhere through a
ClusterRoleBinding, can read the tokens of controllers with far more rights and act as them. A
compromised pod whose ServiceAccount can read Secrets leaks every credential they hold. This is
why Kubernetes' "view" role leaves Secrets out (bootstrappolicy/policy.go), and kube-linter
(access-to-secrets) and the CIS Kubernetes Benchmark (5.1.2, "minimize access to secrets")
report it. A rule limited by resourceNames reaches only the Secrets it names and is not
reported; a rule of "*" on everything is rbac-wildcard's.`,
  fix: "Remove get/list/watch on secrets, or limit the rule to the Secrets the subject needs with resourceNames (get only); mount Secrets into pods instead of reading them through the API.",
  preventsStatus: [],
  check(ctx) {
    for (const { rule, at } of grantingRules(ctx, "read-secrets")) {
      ctx.report({
        path: at,
        message: `rule allows ${matchedVerbs(rule, ["get", "list", "watch"]).map((v) => `"${v}"`).join(", ")} on Secrets ${roleScope(ctx)}`,
        hint: "remove the Secrets access or name the Secrets with resourceNames",
      });
    }
  },
});
