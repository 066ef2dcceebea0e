import type { ResourceIndex } from "../../models/resource-index.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { KEDA_GROUP, scaledObjectTarget } from "./targets.js";

const SCALABLE = ["Deployment", "StatefulSet"];

/** Built-in workloads: the input manages workloads in the namespace; other kinds: it has some of that kind there. */
function managesTargets(index: ResourceIndex, type: string, namespace: string): boolean {
  return SCALABLE.some((k) => type === `${k}.apps`) ? index.podOwnersIn(namespace).length > 0 : index.ofKind(type, namespace).length > 0;
}

export const rule = defineRule({
  id: "scaledobject-target-missing",
  category: "keda",
  severity: "warning",
  crossResource: true,
  appliesTo: ["ScaledObject"],
  reportsAbsentObjects: true,
  summary: "A KEDA ScaledObject's scaleTargetRef names a workload the manifests do not define.",
  explanation: `KEDA scales the object that spec.scaleTargetRef names in the ScaledObject's namespace: kind
Deployment and apiVersion apps/v1 unless written (apis/keda/v1alpha1/scaledobject_types.go).
When it does not exist, the ScaledObject never becomes Ready ("ScaledObjectCheckFailed": the
target is not found), KEDA creates no HPA, and the workload it was meant for never scales on
its events: its queue grows while its pods stay at their fixed count. A renamed Deployment, or a
StatefulSet or Argo Rollout named without its kind and apiVersion, are the usual causes.
Reported when the input defines workloads in that namespace (under \`references: partial\`)
applied with the ScaledObject: a workload of a sibling sample folder, neither naming a namespace
of its own, does not arm it.`,
  fix: "Point scaleTargetRef at the workload's exact name, and write kind and apiVersion when it is not an apps/v1 Deployment.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== KEDA_GROUP) return;
    const target = scaledObjectTarget(resource);
    if (!target || index.find(target.type, resource.namespace, target.name)) return;
    if (!reportsAbsent(ctx, target.type, resource.namespace, managesTargets, SCALABLE.some((k) => target.type === `${k}.apps`) ? SCALABLE.map((k) => `${k}.apps`) : [target.type])) return;
    const written = resource.get(["spec", "scaleTargetRef", "kind"]) !== undefined;
    // The same name under another kind: the kind (or its default) is what is wrong.
    const otherKind = ["Deployment", "StatefulSet", "Rollout.argoproj.io"].map((k) => index.find(k, resource.namespace, target.name)).find((r) => r && r.groupKind !== target.type);
    const elsewhere = otherKind ? undefined : inOtherNamespace(ctx, { type: target.type, kind: target.kind, namespace: resource.namespace, name: target.name });
    if (elsewhere) {
      report({ path: ["spec", "scaleTargetRef", "name"], message: `${target.kind} "${target.name}"${written ? "" : " (the default kind)"} is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = otherKind ? undefined : similarlyNamed(index, target.type, resource.namespace, target.name);
    report({
      path: ["spec", "scaleTargetRef", "name"],
      message: `${target.kind} "${target.name}"${written ? "" : " (the default kind)"} is not defined in namespace "${resource.namespace}"`,
      hint: otherKind
        ? `set kind: ${otherKind.kind} and apiVersion: ${otherKind.apiVersion}: "${target.name}" is a ${otherKind.kind}`
        : similar
          ? `rename the reference to "${similar.name}" if that is the one meant`
          : "fix the name or add the workload",
      ...(otherKind ? { related: { resource: otherKind, path: ["metadata", "name"], message: `${otherKind.kind} "${target.name}"` } } : {}),
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
