import { defineRule } from "../types.js";
import { isFullWildcard, isRbac, policyRules } from "./permissions.js";

const FIELDS = ["apiGroups", "resources", "verbs"] as const;

export const rule = defineRule({
  id: "rbac-wildcard",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: 'A Role or ClusterRole rule grants "*" verbs, resources or API groups.',
  explanation: `In an RBAC rule "*" matches every value, now and in the future (VerbMatches,
ResourceMatches and APIGroupMatches in kubernetes pkg/apis/rbac/v1/evaluation_helpers.go).
verbs: ["*"] includes delete, deletecollection, escalate, bind and impersonate; resources: ["*"]
includes Secrets, pods/exec and every custom resource a later CRD adds; apiGroups: ["*"]
includes groups installed after the role was written. A role that looked harmless when it was
reviewed silently grows: a ServiceAccount given get on "*" can read every Secret, and one given
"*" on "*" in "*" is cluster-admin. kube-linter (wildcard-in-rules) and the CIS Kubernetes
Benchmark (5.1.3, "minimize wildcard use in Roles and ClusterRoles") report it. Kubernetes' own
bootstrap roles (named "system:...") are not judged.`,
  fix: "List the verbs, resources and API groups the subject needs, e.g. verbs: [get, list, watch] on resources: [configmaps].",
  preventsStatus: [],
  check({ resource, report }) {
    if (!isRbac(resource) || resource.name.startsWith("system:")) return;
    for (const rule of policyRules(resource)) {
      const wild = FIELDS.filter((f) => rule[f].includes("*"));
      if (!wild.length) continue;
      const first = wild[0];
      const names = wild.length === 1 ? first : `${wild.slice(0, -1).join(", ")} and ${wild[wild.length - 1]}`;
      report({
        path: [...rule.path, first, rule[first].indexOf("*")],
        message: isFullWildcard(rule)
          ? `rule grants every verb on every resource of every API group, as cluster-admin does`
          : `rule grants "*" in ${names}, which includes whatever is added later`,
        hint: `list the ${names} the subject needs instead of "*"`,
      });
    }
  },
});
