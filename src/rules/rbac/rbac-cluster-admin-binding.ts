import { defineRule } from "../types.js";
import { isFullWildcard, isRbac, policyRules, roleRef } from "./permissions.js";

export const rule = defineRule({
  id: "rbac-cluster-admin-binding",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: ["RoleBinding", "ClusterRoleBinding"],
  summary: "A binding grants cluster-admin (or a role of the input as powerful), or binds the system:masters group.",
  explanation: `cluster-admin allows every verb on every resource: a ServiceAccount bound to it by a
ClusterRoleBinding owns the cluster, and so does whoever compromises a pod running as it. Bound
by a RoleBinding it owns the namespace (Secrets, RBAC, workloads). A Role or ClusterRole of the
input whose rule is "*" on "*" in "*" is the same thing under another name. The group system:masters
is worse still: the API server lets its members through before RBAC is consulted
(pkg/registry/rbac/validation.ConfirmNoEscalation and the superuser short-cut of the
authorizer), so no binding can be revoked for them. kube-linter (cluster-admin-role-binding)
and Polaris (clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole,
rolebindingClusterAdminRole) report it, and
the CIS Kubernetes Benchmark (5.1.1) asks to use cluster-admin only where required. Kubernetes'
own bindings (named "system:...") are not judged.`,
  fix: "Bind a role with the permissions the subject needs; for humans use a group bound to cluster-admin only where break-glass access is intended.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!isRbac(resource) || resource.name.startsWith("system:")) return;
    const ref = roleRef(resource);
    const scope = resource.kind === "ClusterRoleBinding" ? "the whole cluster" : `namespace "${resource.namespace}"`;
    if (ref?.kind === "ClusterRole" || (ref?.kind === "Role" && resource.kind === "RoleBinding")) {
      const role = ref.kind === "Role" ? index.findInSet("Role", resource.namespace, ref.name, resource) : index.findInSet("ClusterRole", "", ref.name, resource);
      if (ref.kind === "ClusterRole" && ref.name === "cluster-admin" && !role) {
        report({ path: ["roleRef", "name"], message: `binding grants cluster-admin over ${scope}`, hint: "bind a role with only the permissions the subjects need" });
      } else if (role && isRbac(role) && !role.name.startsWith("system:")) {
        const wild = policyRules(role).find(isFullWildcard);
        if (wild) {
          report({
            path: ["roleRef", "name"],
            message: `binding grants ${ref.kind} "${ref.name}", which allows everything as cluster-admin does, over ${scope}`,
            hint: "bind a role with only the permissions the subjects need",
            related: { resource: role, path: wild.path, message: "allows every verb on every resource" },
          });
        }
      }
    }
    const subjects = resource.get(["subjects"]);
    if (!Array.isArray(subjects)) return;
    subjects.forEach((s, i) => {
      if (s && typeof s === "object" && (s as Record<string, unknown>).kind === "Group" && (s as Record<string, unknown>).name === "system:masters") {
        report({ path: ["subjects", i, "name"], message: `binding names group "system:masters", whose members bypass RBAC entirely`, hint: "bind a group of your own instead of system:masters" });
      }
    });
  },
});
