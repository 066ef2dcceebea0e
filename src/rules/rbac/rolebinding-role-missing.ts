import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { renameReference, suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";
import { isRbac, roleRef } from "./permissions.js";

/**
 * The ClusterRoles every cluster has whose names do not start with "system:" (clusterRoles() in
 * plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go); every other default ClusterRole
 * there and in controller_policy.go ("system:controller:...") is a "system:" name.
 */
const DEFAULT_CLUSTER_ROLES = new Set(["cluster-admin", "admin", "edit", "view"]);

/**
 * The default Roles whose names do not start with "system:", by namespace (init() in
 * bootstrappolicy/namespace_policy.go): aggregated API servers bind this one in kube-system.
 */
const DEFAULT_ROLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([["kube-system", new Set(["extension-apiserver-authentication-reader"])]]);

/**
 * The ClusterRoles every OpenShift cluster adds: its bootstrap policy's (the role name constants of
 * openshift/origin pkg/cmd/server/bootstrappolicy, later openshift-apiserver) and its monitoring
 * stack's (openshift/cluster-monitoring-operator: cluster-monitoring-view and the user workload
 * monitoring roles).
 */
const OPENSHIFT_CLUSTER_ROLES = new Set([
  "sudoer", "cluster-reader", "storage-admin", "self-provisioner", "basic-user", "cluster-status", "self-access-reviewer",
  "registry-admin", "registry-viewer", "registry-editor",
  "cluster-monitoring-view", "monitoring-edit", "monitoring-rules-edit", "monitoring-rules-view", "alert-routing-edit",
]);

/** Whether the input is written for OpenShift: it holds an object of an openshift.io API group (a Route, a SecurityContextConstraints, ...). */
const FOR_OPENSHIFT = memoKey<boolean>("the input holds OpenShift objects");
const forOpenShift = (index: ResourceIndex): boolean => index.memo.get(FOR_OPENSHIFT, () => index.all.some((r) => r.group === "openshift.io" || r.group.endsWith(".openshift.io")));

/** Whether the API server creates the role itself: the defaults above and every "system:" name, which Kubernetes reserves for its own objects; on OpenShift, its own defaults too. */
function isDefaultRole(kind: string, namespace: string, name: string, index: ResourceIndex): boolean {
  if (name.startsWith("system:")) return true;
  if (kind !== "ClusterRole") return DEFAULT_ROLES.get(namespace)?.has(name) ?? false;
  return DEFAULT_CLUSTER_ROLES.has(name) || (OPENSHIFT_CLUSTER_ROLES.has(name) && forOpenShift(index));
}

export const rule = defineRule({
  id: "rolebinding-role-missing",
  category: "rbac",
  severity: "warning",
  crossResource: true,
  appliesTo: ["RoleBinding", "ClusterRoleBinding"],
  reportsAbsentObjects: true,
  hasSuggestions: true,
  summary: "A RoleBinding or ClusterRoleBinding grants a Role or ClusterRole that the manifests do not define.",
  explanation: `roleRef names the Role (in the binding's namespace) or ClusterRole whose permissions the
binding grants. The API server accepts a binding to a role that does not exist from whoever
may bind any role (the bind or escalate verb, as cluster-admin and most GitOps controllers have;
Create in pkg/registry/rbac/rolebinding/policybased/storage.go; anyone else gets NotFound), and
the authorizer then finds no rules to grant (GetRoleReferenceRules in
pkg/registry/rbac/validation/rule.go): the subjects get "forbidden" errors until a role of that
name is created, and then get whatever that role allows. roleRef cannot be changed on an
existing binding (ValidateRoleBindingUpdate: "cannot change roleRef"), so fixing the kind or
name means deleting and recreating the binding. Aggregated ClusterRoles of the input count as
defined. The roles every cluster has are never reported: the ClusterRoles cluster-admin, admin,
edit and view, the Role extension-apiserver-authentication-reader of kube-system, and every
"system:" name (plugin/pkg/auth/authorizer/rbac/bootstrappolicy: policy.go, controller_policy.go,
namespace_policy.go); and, in an input written for OpenShift (one holding an object of an
openshift.io API group, such as a Route), the ClusterRoles OpenShift adds: cluster-reader,
self-provisioner, basic-user, cluster-monitoring-view and the other roles of its bootstrap policy
and monitoring stack. A ClusterRoleBinding to a Role is rejected by the API server, which
invalid-value reports. k8s-lint reports a name only when the input defines roles of that kind
(Roles in that namespace, or any ClusterRole) or one of the other kind with this name (or with
references: complete, the default with a --context of objects).`,
  fix: "Fix roleRef's name or kind (delete and recreate the binding: roleRef cannot change), or add the role to the manifests.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isRbac(resource)) return;
    const ref = roleRef(resource);
    if (!ref || !ref.name) return;
    // A ClusterRoleBinding may only name a ClusterRole: invalid-value reports any other kind.
    if (ref.kind !== "ClusterRole" && !(ref.kind === "Role" && resource.kind === "RoleBinding")) return;
    const ns = ref.kind === "Role" ? resource.namespace : "";
    if (isDefaultRole(ref.kind, ns, ref.name, index) || index.find(ref.kind, ns, ref.name, resource)) return;
    // The same name as the other kind: the kind is the mistake (a RoleBinding may name either).
    const otherKind: Resource | undefined =
      resource.kind !== "RoleBinding" ? undefined : ref.kind === "Role" ? index.find("ClusterRole", "", ref.name, resource) : index.find("Role", resource.namespace, ref.name, resource);
    if (!otherKind && !reportsAbsent(ctx, ref.kind, ns)) return;
    const path = ["roleRef", "name"];
    const where = ns ? ` in namespace "${ns}"` : "";
    const message = `${ref.kind} "${ref.name}" is not defined${where}: the binding grants nothing until it exists`;
    if (otherKind) {
      report({
        path,
        message,
        hint: `set roleRef.kind to "${otherKind.kind}" if ${otherKind.kind} "${ref.name}" is the one meant`,
        related: { resource: otherKind, path: ["metadata", "name"], message: `${otherKind.kind} of this name` },
        suggestions: [suggestSet(resource, ["roleRef", "kind"], otherKind.kind)],
      });
      return;
    }
    const elsewhere = inOtherNamespace(ctx, { type: ref.kind, kind: ref.kind, namespace: ns, name: ref.name });
    if (elsewhere) {
      report({ path, message: `${message}${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = similarlyNamed(index, ref.kind, ns, ref.name);
    report({
      path,
      message,
      hint: similar ? `rename it to "${similar.name}" if that is the one meant` : `add the ${ref.kind} to the manifests or fix the name`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(path, similar.name)] } : {}),
    });
  },
});
