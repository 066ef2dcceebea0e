import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { ARGO_GROUP, workloadRef } from "./rollouts.js";

/** Whether the input manages workloads (or PodTemplates) in the namespace, the Rollout itself aside. */
function managesWorkloads(rollout: Resource): (index: ResourceIndex, type: string, namespace: string) => boolean {
  return (index, type, namespace) => index.podOwnersIn(namespace).some((o) => o !== rollout) || index.ofKind(type, namespace).length > 0;
}

export const rule = defineRule({
  id: "rollout-workload-ref-missing",
  category: "argo-rollouts",
  severity: "error",
  crossResource: true,
  appliesTo: ["Rollout"],
  reportsAbsentObjects: true,
  summary: "An Argo Rollout's workloadRef names a Deployment, ReplicaSet or PodTemplate the manifests do not define.",
  explanation: `A Rollout with spec.workloadRef takes its selector and pod template from the referenced
Deployment, ReplicaSet or PodTemplate of its namespace instead of its own spec.template
(pkg/apis/rollouts/v1alpha1/types.go ObjectRef). When the referenced object does not exist,
the controller cannot resolve the template: the Rollout reports InvalidSpec and runs no pods,
while the Deployment it was meant to replace may already be scaled down. The reference's kind
defaults to nothing: kind and name must both be written. Reported when the input defines
other workloads in that namespace (under \`references: partial\`).`,
  fix: "Point workloadRef at the Deployment (apiVersion apps/v1, kind Deployment) whose template the Rollout should run, with its exact name.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== ARGO_GROUP) return;
    const ref = workloadRef(resource);
    if (!ref || index.find(ref.type, resource.namespace, ref.name)) return;
    if (!reportsAbsent(ctx, ref.type, resource.namespace, managesWorkloads(resource))) return;
    const elsewhere = inOtherNamespace(ctx, { type: ref.type, kind: ref.kind, namespace: resource.namespace, name: ref.name });
    if (elsewhere) {
      report({ path: ["spec", "workloadRef", "name"], message: `${ref.kind} "${ref.name}" is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = similarlyNamed(index, ref.type, resource.namespace, ref.name);
    report({
      path: ["spec", "workloadRef", "name"],
      message: `${ref.kind} "${ref.name}" is not defined in namespace "${resource.namespace}"`,
      hint: similar ? `rename the reference to "${similar.name}" if that is the one meant` : `add the ${ref.kind} or fix the name`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
