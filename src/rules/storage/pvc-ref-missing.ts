import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "pvc-ref-missing",
  category: "storage",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  reportsAbsentObjects: true,
  summary: "A pod volume refers to a PersistentVolumeClaim that does not exist in its namespace.",
  explanation: `A persistentVolumeClaim volume names a claim in the pod's own namespace. If no claim of that
name exists, the scheduler cannot place the pod: it stays Pending with
'persistentvolumeclaim "data" not found', and a Deployment rollout never completes. Claims
are namespaced, so a claim created in another namespace does not help. StatefulSets should
use volumeClaimTemplates instead of naming claims directly. The name is checked when the
input defines claims in that namespace (or a claim of that name in another one); a workload
linted without any claim of its namespace is assumed to use claims created elsewhere.`,
  fix: "Create the PersistentVolumeClaim in the workload's namespace, or correct claimName.",
  preventsStatus: ["Pending", "Unschedulable", "ContainerCreating"],
  check(ctx) {
    const { resource, index, report } = ctx;
    const tpl = resource.podTemplate!;
    (tpl.spec.volumes ?? []).forEach((v, i) => {
      const claimName = v?.persistentVolumeClaim?.claimName;
      if (!claimName) return;
      if (index.find("PersistentVolumeClaim", resource.namespace, claimName)) return;
      const elsewhere = inOtherNamespace(ctx, { type: "PersistentVolumeClaim", kind: "PersistentVolumeClaim", namespace: resource.namespace, name: claimName });
      // Claims are usually created once, apart from the workloads that mount them: in a partial input an
      // absent claim is a mistake only when the input manages claims here (or has one of that name elsewhere).
      if (!elsewhere && !reportsAbsent(ctx, "PersistentVolumeClaim", resource.namespace)) return;
      const similar = elsewhere ? undefined : similarlyNamed(index, "PersistentVolumeClaim", resource.namespace, claimName);
      report({
        path: [...tpl.specPath, "volumes", i, "persistentVolumeClaim", "claimName"],
        message: `PersistentVolumeClaim "${claimName}" does not exist in namespace "${resource.namespace}"${elsewhere?.clause ?? ""}`,
        hint:
          elsewhere?.hint ??
          (similar ? `rename the claimName to "${similar.name}" if that is the one meant` : `create PersistentVolumeClaim "${claimName}" in namespace "${resource.namespace}" or correct claimName`),
        ...(elsewhere ? { related: elsewhere.related } : {}),
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    });
  },
});
