import type { ResourceIndex } from "../../models/resource-index.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { SCALABLE_KINDS, hpaTarget } from "./target.js";

/** Built-in workloads: the input manages workloads in the namespace; custom kinds: it has some of that kind there. */
function managesTargets(index: ResourceIndex, kind: string, namespace: string): boolean {
  return SCALABLE_KINDS.has(kind) ? index.podOwnersIn(namespace).length > 0 : index.ofKind(kind, namespace).length > 0;
}

export const rule = defineRule({
  id: "hpa-target-missing",
  category: "autoscaling",
  severity: "warning",
  crossResource: true,
  appliesTo: ["HorizontalPodAutoscaler"],
  reportsAbsentObjects: true,
  summary: "A HorizontalPodAutoscaler targets a workload that the manifests do not define.",
  explanation: `An HPA scales the object named by scaleTargetRef (kind and name, in its own namespace).
When no such object exists the HPA reports FailedGetScale and AbleToScale=False, and the
workload it was meant for never scales: under load its pods stay at their fixed replica count.
The usual causes are a renamed Deployment or the wrong kind (a StatefulSet referred to as a
Deployment). Reported when the input defines scalable workloads in that namespace applied with
the HPA: those of a sibling sample folder, neither naming a namespace of its own, do not arm it.`,
  fix: "Point scaleTargetRef at the workload's exact kind, apiVersion and name.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    const target = hpaTarget(resource, index);
    if (!target || index.find(target.type, resource.namespace, target.name)) return;
    // Workloads that can be scaled arm it (a bare Pod cannot be a target), where they are applied with the HPA.
    if (!reportsAbsent(ctx, target.kind, resource.namespace, managesTargets, SCALABLE_KINDS.has(target.kind) ? [...SCALABLE_KINDS] : [target.kind])) return;
    const otherKind = [...SCALABLE_KINDS].map((k) => index.find(k, resource.namespace, target.name)).find(Boolean);
    const elsewhere = otherKind ? undefined : inOtherNamespace(ctx, { type: target.type, kind: target.kind, namespace: resource.namespace, name: target.name });
    if (elsewhere) {
      report({ path: ["spec", "scaleTargetRef", "name"], message: `${target.kind} "${target.name}" is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = otherKind ? undefined : similarlyNamed(index, target.type, resource.namespace, target.name);
    report({
      path: ["spec", "scaleTargetRef", "name"],
      message: `${target.kind} "${target.name}" is not defined in namespace "${resource.namespace}"`,
      hint: otherKind
        ? `set kind: ${otherKind.kind}: "${target.name}" is a ${otherKind.kind}`
        : similar
          ? `rename the reference to "${similar.name}" if that is the one meant`
          : "fix the name or add the workload",
      ...(otherKind ? { related: { resource: otherKind, path: ["metadata", "name"], message: `${otherKind.kind} "${target.name}"` } } : {}),
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
