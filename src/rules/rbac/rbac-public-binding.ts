import { defineRule } from "../types.js";
import { isRbac, roleRef } from "./permissions.js";

const PUBLIC: Record<string, string> = {
  "Group/system:anonymous": "every unauthenticated request",
  "User/system:anonymous": "every unauthenticated request",
  "Group/system:unauthenticated": "every unauthenticated request",
  "Group/system:authenticated": "every authenticated user and ServiceAccount of the cluster",
};

export const rule = defineRule({
  id: "rbac-public-binding",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["RoleBinding", "ClusterRoleBinding"],
  summary: "A binding grants a role to system:anonymous, system:unauthenticated or system:authenticated.",
  explanation: `The API server puts every request without credentials into the user system:anonymous
and the group system:unauthenticated (when anonymous auth is on, the default), and every
request with any valid credential into system:authenticated: every ServiceAccount of every
namespace, every node, every user of the identity provider. A role bound to these groups is
granted to everybody who can reach the API endpoint, or to every pod of the cluster. Real
incidents follow this pattern (clusters exposing Secrets to anonymous requests after a
"temporary" binding). Kubernetes binds them only to discovery and public-info roles
(system:discovery, system:public-info-viewer, in bootstrappolicy/cluster_roles.go); such
bindings and roles named "system:..." are not judged.`,
  fix: "Bind the role to the specific users, groups or ServiceAccounts that need it.",
  preventsStatus: [],
  check({ resource, report }) {
    if (!isRbac(resource) || resource.name.startsWith("system:") || roleRef(resource)?.name.startsWith("system:")) return;
    const subjects = resource.get(["subjects"]);
    if (!Array.isArray(subjects)) return;
    subjects.forEach((s, i) => {
      if (!s || typeof s !== "object") return;
      const { kind, name } = s as Record<string, unknown>;
      const who = PUBLIC[`${String(kind)}/${String(name)}`];
      if (!who) return;
      report({
        path: ["subjects", i, "name"],
        message: `binding grants ${roleRef(resource)?.kind ?? "its role"} "${roleRef(resource)?.name ?? ""}" to "${String(name)}": ${who}`,
        hint: "bind the role to the subjects that need it",
      });
    });
  },
});
