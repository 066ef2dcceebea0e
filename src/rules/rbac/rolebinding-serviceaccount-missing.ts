import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { renameReference, suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";
import { isRbac } from "./permissions.js";

/**
 * The ServiceAccounts kube-controller-manager's controllers run as in kube-system when it runs
 * with --use-service-account-credentials (kubeadm's default): each gets the account named after
 * its ClusterRole system:controller:<name>, which the bootstrap policy binds to kube-system/<name>
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go addControllerRole), and the
 * controller manager creates the account on start (its service account client builder).
 */
const CONTROLLER_SERVICE_ACCOUNTS: ReadonlySet<string> = new Set([
  "attachdetach-controller", "certificate-controller", "clusterrole-aggregation-controller", "cronjob-controller", "daemon-set-controller",
  "deployment-controller", "disruption-controller", "endpoint-controller", "endpointslice-controller", "endpointslicemirroring-controller",
  "ephemeral-volume-controller", "expand-controller", "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller",
  "legacy-service-account-token-cleaner", "namespace-controller", "node-controller", "persistent-volume-binder", "pod-garbage-collector",
  "pv-protection-controller", "pvc-protection-controller", "replicaset-controller", "replication-controller", "resource-claim-controller",
  "resourcequota-controller", "root-ca-cert-publisher", "route-controller", "service-account-controller", "service-cidrs-controller",
  "service-controller", "statefulset-controller", "storage-version-garbage-collector", "storage-version-migrator-controller",
  "ttl-after-finished-controller", "ttl-controller", "validatingadmissionpolicy-status-controller", "volumeattributesclass-protection-controller",
]);

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
pkg/apis/rbac/validation/validation.go), which required-value reports. When the binding's own
namespace has a ServiceAccount of that name, the subject's namespace is suggested as the slip.
Every namespace has a
"default" ServiceAccount, and kube-system has one for each controller of kube-controller-manager
(horizontal-pod-autoscaler, generic-garbage-collector...: the subjects of the system:controller:
ClusterRoleBindings), which it creates when it runs with --use-service-account-credentials, as
kubeadm sets it. k8s-lint reports a name only when the input defines ServiceAccounts
in that namespace and none has this name (or under references: complete, the default with a
--context of objects).`,
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
      if (!ns || (ns === "kube-system" && CONTROLLER_SERVICE_ACCOUNTS.has(name)) || !reportsAbsent(ctx, "ServiceAccount", ns)) return;
      if (index.find("ServiceAccount", ns, name, resource)) return;
      const path = ["subjects", i, "name"];
      const message = `ServiceAccount "${name}" is not defined in namespace "${ns}": the binding grants nothing until it exists, then to whoever creates it`;
      // The account of that name in the binding's own namespace: the subject's namespace is the slip.
      const inOwnNamespace = resource.kind === "RoleBinding" && ns !== resource.namespace ? index.find("ServiceAccount", resource.namespace, name, resource) : undefined;
      if (inOwnNamespace) {
        report({
          path,
          message,
          // Neither writes a namespace: most often both are applied with kubectl apply -n <the subject's namespace>.
          hint:
            resource.namespaceCertain || inOwnNamespace.namespaceCertain
              ? `set the subject's namespace to "${resource.namespace}" if the ServiceAccount of the binding's namespace is the one meant`
              : `use --default-namespace ${ns} if the manifests are applied with kubectl apply -n ${ns}; else set the subject's namespace to "${resource.namespace}"`,
          related: { resource: inOwnNamespace, path: ["metadata", "name"], message: "ServiceAccount of this name in the binding's namespace" },
          suggestions: [suggestSet(resource, ["subjects", i, "namespace"], resource.namespace)],
        });
        return;
      }
      const from = { field: "namespace", written: typeof namespace === "string" && namespace !== "" };
      const elsewhere = inOtherNamespace(ctx, { type: "ServiceAccount", kind: "ServiceAccount", namespace: ns, name, from });
      if (elsewhere) {
        report({ path: from.written ? ["subjects", i, "namespace"] : path, message: `${message}${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        return;
      }
      const similar = similarlyNamed(index, "ServiceAccount", ns, name);
      report({
        path,
        message,
        hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the ServiceAccount to the manifests or fix the name",
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(path, similar.name)] } : {}),
      });
    });
  },
});
