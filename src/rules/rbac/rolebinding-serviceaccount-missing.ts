import { reportsAbsent, similarlyNamed } from "../config/references.js";
import { renameReference } from "../fixes.js";
import { defineRule } from "../types.js";
import { isRbac } from "./permissions.js";

export const rule = defineRule({
  id: "rolebinding-serviceaccount-missing",
  category: "rbac",
  severity: "warning",
  crossResource: true,
  appliesTo: ["RoleBinding", "ClusterRoleBinding"],
  reportsAbsentObjects: true,
  hasSuggestions: true,
  summary: "A RoleBinding or ClusterRoleBinding names a ServiceAccount that the manifests do not define.",
  explanation: `The API server accepts a binding whose subject is a ServiceAccount that does not exist:
a subject is only a name (system:serviceaccount:<namespace>:<name>) that the authorizer compares
with the name of each request (appliesToUser in pkg/registry/rbac/validation/rule.go). Until a
ServiceAccount of that name exists in that namespace the binding grants its role to nobody, so
the pods meant to use it get "forbidden" errors from the API. And the grant waits: whoever later
creates a ServiceAccount of that name there (a typo fixed the wrong way, another team, anyone
allowed to create ServiceAccounts in the namespace) receives the role at once, a known way to
gain privileges. The namespace is the subject's namespace; in a RoleBinding a subject without
one means the binding's own namespace (appliesToUser). A ClusterRoleBinding subject without a
namespace is rejected by the API server (ValidateRoleBindingSubject in
pkg/apis/rbac/validation/validation.go), which required-value reports. Every namespace has a
"default" ServiceAccount. k8s-lint reports a name only when the input defines ServiceAccounts
in that namespace and none has this name (or with --context / references: complete).`,
  fix: "Fix the subject's name or namespace, or add the ServiceAccount to the manifests.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isRbac(resource)) return;
    const subjects = resource.get(["subjects"]);
    if (!Array.isArray(subjects)) return;
    subjects.forEach((s, i) => {
      if (!s || typeof s !== "object") return;
      const { kind, name, namespace } = s as Record<string, unknown>;
      if (kind !== "ServiceAccount" || typeof name !== "string" || !name || name === "default") return;
      // A ClusterRoleBinding has no namespace to lend: required-value reports the subject.
      const ns = typeof namespace === "string" && namespace ? namespace : resource.kind === "RoleBinding" ? resource.namespace : "";
      if (!ns || !reportsAbsent(ctx, "ServiceAccount", ns)) return;
      if (index.find("ServiceAccount", ns, name, resource)) return;
      const path = ["subjects", i, "name"];
      const similar = similarlyNamed(index, "ServiceAccount", ns, name);
      report({
        path,
        message: `ServiceAccount "${name}" is not defined in namespace "${ns}": the binding grants nothing until it exists, then to whoever creates it`,
        hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the ServiceAccount to the manifests or fix the name",
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(path, similar.name)] } : {}),
      });
    });
  },
});
