import { isLiveObject } from "../workloads/live.js";
import { defineRule } from "../types.js";
import { autoscalersByTarget, SCALABLE_KINDS } from "./target.js";
import { appliedApart } from "../../models/placement.js";

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
    const hpa = autoscalersByTarget(index, memo)
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
