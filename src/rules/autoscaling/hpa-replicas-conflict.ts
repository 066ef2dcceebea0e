import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { isLiveObject } from "../workloads/live.js";
import { defineRule } from "../types.js";
import { hpaTarget, SCALABLE_KINDS } from "./target.js";
import { appliedApart } from "../../models/placement.js";

const AUTOSCALERS_BY_TARGET = memoKey<Map<Resource, Resource[]>>("HPAs by target");

/**
 * Every HPA of the input by the workload its scaleTargetRef resolves to (hpaTarget: group and
 * kind together, the definition nearest the HPA), so a custom resource that shares a built-in
 * kind's name is never taken for the HPA's target.
 */
function autoscalersByTarget(index: ResourceIndex): Map<Resource, Resource[]> {
  const map = new Map<Resource, Resource[]>();
  for (const h of index.ofKind("HorizontalPodAutoscaler")) {
    const target = hpaTarget(h, index)?.resource;
    if (!target) continue;
    const list = map.get(target);
    if (list) list.push(h);
    else map.set(target, [h]);
  }
  return map;
}

export const rule = defineRule({
  id: "hpa-replicas-conflict",
  category: "autoscaling",
  severity: "info",
  crossResource: true,
  appliesTo: [...SCALABLE_KINDS],
  summary: "A workload sets spec.replicas although an HPA manages its replica count.",
  explanation: `Once an HPA scales a workload, spec.replicas belongs to the HPA. If the manifest also sets
replicas, every \`kubectl apply\` (or GitOps sync) writes that number back: a workload scaled out
to 8 under load drops to the manifest's 2 on the next deploy, and the HPA scales it up again
minutes later. Leaving replicas out of the manifest lets the HPA keep its value (for a new
workload the default of 1 is raised to minReplicas at once).
An HPA of a sibling folder (another sample of one repository) scales its own copy of the workload
when neither names a namespace of its own (none written, or \`default\`).`,
  fix: "Remove spec.replicas from the workload's manifest and let minReplicas of the HPA set the floor.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    if (typeof resource.get(["spec", "replicas"]) !== "number") return;
    // Objects read back from a cluster always carry replicas (defaulted or set by the HPA).
    if (isLiveObject(resource)) return;
    // An HPA of another sample scales another copy of the workload (models/placement.ts).
    const hpa = memo(AUTOSCALERS_BY_TARGET, () => autoscalersByTarget(index))
      .get(resource)
      ?.find((h) => !appliedApart(h, resource));
    if (!hpa) return;
    report({
      path: ["spec", "replicas"],
      message: `replicas ${String(resource.get(["spec", "replicas"]))} is reset on every apply while HorizontalPodAutoscaler "${hpa.name}" scales this ${resource.kind}`,
      hint: "remove spec.replicas and let the HPA's minReplicas set the floor",
      related: { resource: hpa, path: ["spec", "scaleTargetRef"], message: `HorizontalPodAutoscaler "${hpa.name}"` },
    });
  },
});
