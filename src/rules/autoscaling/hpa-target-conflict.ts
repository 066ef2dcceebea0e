import { appliedApart } from "../../models/placement.js";
import type { Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { autoscalersByTarget, hpaTarget } from "./target.js";

/** Whether two HPAs are applied in one namespace (Resource.appliedNamespaces): an HPA scales the target of its own namespace only. */
function sharesNamespace(a: Resource, b: Resource): boolean {
  return a.appliedNamespaces.some((n) => b.appliedNamespaces.includes(n));
}

export const rule = defineRule({
  id: "hpa-target-conflict",
  category: "autoscaling",
  severity: "warning",
  crossResource: true,
  appliesTo: ["HorizontalPodAutoscaler"],
  summary: "Two HorizontalPodAutoscalers scale the same workload.",
  explanation: `Each HPA sets its target's replica count from its own metrics. The HPA controller therefore
refuses to act when the pods of an HPA's target are also controlled by another HPA: it records
the event AmbiguousSelector ("pods by selector ... are controlled by multiple HPAs"), sets the
condition ScalingActive to False on each of them and scales with neither
(pkg/controller/podautoscaler/horizontal.go, validateAndParseSelector). Releases before that
check let the two fight, each resetting the count every 15 seconds. The usual cause is a copied
HPA whose scaleTargetRef was not changed, or a second HPA added for another metric: one HPA
takes several metrics, and scales to the highest count any of them asks for. The target is
resolved as the HPA controller resolves it (API group, kind and name in the HPA's namespace).
HPAs of two namespaces (the overlays of one base, each building into its own) scale two
objects. HPAs of sibling folders (samples of one repository) scale copies of their own when neither names
a namespace of its own (none written, or \`default\`); an HPA defined twice is
duplicate-resource's finding.`,
  fix: "Keep one HPA per workload: move the metrics of one into the other's spec.metrics and delete it, or point its scaleTargetRef at the workload it was meant for.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const target = hpaTarget(resource, index)?.resource;
    if (!target) return;
    const hpas = autoscalersByTarget(index, memo).get(target) ?? [];
    // Reported on the later one, against the first that is applied with it and is another object.
    for (const other of hpas) {
      if (other === resource) return;
      if (other.sameObject(resource) || appliedApart(other, resource) || !sharesNamespace(other, resource)) continue;
      report({
        path: ["spec", "scaleTargetRef"],
        message: `${target.kind} "${target.name}" is already scaled by HorizontalPodAutoscaler "${other.name}": with two HPAs on its pods the HPA controller scales it with neither (AmbiguousSelector)`,
        hint: `move this HPA's metrics into HorizontalPodAutoscaler "${other.name}" and remove this one, or point scaleTargetRef at the workload it was meant for`,
        related: { resource: other, path: ["spec", "scaleTargetRef"], message: `HorizontalPodAutoscaler "${other.name}"` },
      });
      return;
    }
  },
});
