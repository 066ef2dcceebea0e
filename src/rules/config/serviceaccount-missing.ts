import { renameReference } from "../fixes.js";
import { defineRule } from "../types.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "./references.js";

export const rule = defineRule({
  id: "serviceaccount-missing",
  category: "config",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  reportsAbsentObjects: true,
  summary: "A pod runs as a ServiceAccount that the manifests do not define.",
  explanation: `The ServiceAccount admission plugin rejects a pod whose serviceAccountName does not exist
in its namespace. For a Deployment, StatefulSet, DaemonSet or Job the controller's pod creation
fails over and over (FailedCreate events) and no pod ever appears, so nothing shows up in
\`kubectl get pods\` at all. Every namespace has a "default" ServiceAccount. k8s-lint reports a
name only when the input defines ServiceAccounts in that namespace and none has this name.`,
  fix: "Fix serviceAccountName, or add the ServiceAccount to the manifests.",
  hasSuggestions: true,
  preventsStatus: ["ImagePullBackOff"],
  check(ctx) {
    const { resource, index, report } = ctx;
    const tpl = resource.podTemplate!;
    const field = tpl.spec.serviceAccountName ? "serviceAccountName" : "serviceAccount";
    const name = tpl.spec[field];
    if (!name || name === "default") return;
    if (!reportsAbsent(ctx, "ServiceAccount", resource.namespace)) return;
    if (index.find("ServiceAccount", resource.namespace, name)) return;
    const path = [...tpl.specPath, field];
    const elsewhere = inOtherNamespace(ctx, { type: "ServiceAccount", kind: "ServiceAccount", namespace: resource.namespace, name });
    if (elsewhere) {
      report({ path, message: `ServiceAccount "${name}" is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = similarlyNamed(index, "ServiceAccount", resource.namespace, name);
    report({
      path,
      message: `ServiceAccount "${name}" is not defined in namespace "${resource.namespace}"`,
      hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the ServiceAccount to the manifests or fix the name",
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(path, similar.name)] } : {}),
    });
  },
});
