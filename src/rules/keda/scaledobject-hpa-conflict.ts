import { defineRule } from "../types.js";
import { KEDA_GROUP, autoscalersByTarget, ownedByScaledObject, scaledObjectTarget } from "./targets.js";
import { appliedApart } from "../../models/placement.js";

export const rule = defineRule({
  id: "scaledobject-hpa-conflict",
  category: "keda",
  severity: "error",
  crossResource: true,
  appliesTo: ["ScaledObject"],
  summary: "A KEDA ScaledObject targets a workload that an HorizontalPodAutoscaler or another ScaledObject already scales.",
  explanation: `KEDA scales a workload by creating its own HorizontalPodAutoscaler (keda-hpa-<name>) for the
ScaledObject. Two autoscalers on one workload fight: each sets the replica count from its own
metrics every 15 seconds, so the count flaps and neither policy holds. KEDA's admission webhook
refuses such a ScaledObject ("the workload ... is already managed by the hpa ..." or "... by the
ScaledObject ...": apis/keda/v1alpha1/scaledobject_webhook.go verifyHpas, verifyScaledObjects),
so the apply fails where the webhook runs and the autoscalers fight where it does not. Targets
are compared as KEDA compares them: API group, kind and name, with the ScaledObject's defaults
(apps/v1 Deployment). The HPA KEDA makes for this ScaledObject (owned by it) does not count.
Moving from an HPA to KEDA is the usual cause: the old HPA stays in the manifests.
Autoscalers of sibling folders (samples of one repository) scale copies of their own when neither
names a namespace of its own (none written, or \`default\`).`,
  fix: "Keep one autoscaler per workload: remove the HorizontalPodAutoscaler (move its CPU or memory target into the ScaledObject as a cpu or memory trigger), or remove one of the two ScaledObjects.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (resource.group !== KEDA_GROUP) return;
    const target = scaledObjectTarget(resource);
    if (!target) return;
    const { hpas, scaledObjects } = autoscalersByTarget(index);
    const rivals = scaledObjects.get(target.key) ?? [];
    // An HPA that KEDA made for a ScaledObject stands for that ScaledObject (compared below).
    const hpa = (hpas.get(target.key) ?? []).find((h) => !ownedByScaledObject(h, [resource, ...rivals]) && !appliedApart(resource, h));
    if (hpa) {
      report({
        path: ["spec", "scaleTargetRef"],
        message: `${target.kind} "${target.name}" is already scaled by HorizontalPodAutoscaler "${hpa.name}"; KEDA adds an HPA of its own and the two fight over the replica count`,
        hint: `remove HorizontalPodAutoscaler "${hpa.name}" and move its metrics into the ScaledObject's triggers`,
        related: { resource: hpa, path: ["spec", "scaleTargetRef"], message: `HorizontalPodAutoscaler "${hpa.name}"` },
      });
      return;
    }
    // Two ScaledObjects on one target: reported on the later one.
    // Of those applied with this one (models/placement.ts): another sample's ScaledObject scales another copy.
    const first = rivals.find((r) => !appliedApart(resource, r));
    if (first && !first.sameObject(resource)) {
      report({
        path: ["spec", "scaleTargetRef"],
        message: `${target.kind} "${target.name}" is already scaled by ScaledObject "${first.name}"`,
        hint: `move the triggers into ScaledObject "${first.name}" and remove this one`,
        related: { resource: first, path: ["spec", "scaleTargetRef"], message: `ScaledObject "${first.name}"` },
      });
    }
  },
});
