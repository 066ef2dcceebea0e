import { templateByRef } from "../argo-rollouts/rollouts.js";
import { defineRule } from "../types.js";
import { serviceAccountOf } from "./permissions.js";

export const rule = defineRule({
  id: "default-serviceaccount",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: "workloads",
  summary: "Pods run as their namespace's default ServiceAccount with its token mounted.",
  explanation: `Every namespace has a ServiceAccount named "default", and pods that name no account run as
it. All those pods then share one identity: a permission granted to "default" for one
application (often by a chart or a quick fix) is granted to every other pod of the namespace,
and audit logs cannot tell them apart. A dedicated ServiceAccount per workload keeps grants
scoped and visible. kube-linter (default-service-account) and the CIS Kubernetes Benchmark
(5.1.5, "ensure that default service accounts are not actively used") report it. Pods that do
not mount a token (automountServiceAccountToken: false on the pod, or on a "default"
ServiceAccount of the input) are not reported: they hold no credential. A base that kustomize
overlays build into several namespaces is named with each of them.`,
  fix: "Create a ServiceAccount for the workload and set spec.serviceAccountName; or set automountServiceAccountToken: false if it never calls the API.",
  preventsStatus: [],
  check({ resource, index, report }) {
    // A Rollout with workloadRef runs the referenced workload's template, judged there.
    if (templateByRef(resource)) return;
    const tpl = resource.podTemplate!;
    const account = serviceAccountOf(resource);
    if (account.name !== "default" || tpl.spec.automountServiceAccountToken === false) return;
    // A base that overlays build into several namespaces runs in each, not in the one it names or defaults to.
    const namespaces = resource.appliedNamespaces.filter((namespace) => {
      const sa = index.find("ServiceAccount", namespace, "default", resource);
      return !(tpl.spec.automountServiceAccountToken === undefined && sa?.get(["automountServiceAccountToken"]) === false);
    });
    if (!namespaces.length) return;
    report({
      path: account.path ?? tpl.specPath,
      ...(account.path ? {} : { target: "key" as const }),
      message: `pods run as the "default" ServiceAccount of namespace${namespaces.length > 1 ? "s" : ""} ${namespaces.map((n) => `"${n}"`).join(" and ")}, shared by every pod that names none`,
      hint: "create a ServiceAccount for this workload and set serviceAccountName",
    });
  },
});
