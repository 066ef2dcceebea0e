import { defineRule } from "../types.js";
import { ARGO_GROUP, ROLLOUT_HASH_LABEL, rolloutPods, steeredServices } from "./rollouts.js";

export const rule = defineRule({
  id: "rollout-service-selector-mismatch",
  category: "argo-rollouts",
  severity: "error",
  crossResource: true,
  appliesTo: ["Rollout"],
  summary: "A Service an Argo Rollout steers selects a label that the Rollout's pods do not carry.",
  explanation: `The controller steers a Rollout's Services (stable and canary, active and preview, ping and
pong) by adding rollouts-pod-template-hash to their selectors; every other label of the
selector must be a label of the Rollout's pod template with the same value. Otherwise the
Rollout is invalid ("Service ... has unmatch label ... in rollout": ValidateService in
pkg/apis/rollouts/validation/validation_references.go), it stays Degraded and promotes
nothing, and the Service would select no pod of the Rollout anyway. Labels that kustomize's
commonLabels adds to Service selectors but not to the Rollout (a custom resource it does not
know unless the kustomization lists the Argo Rollouts rollout-transform.yaml under
configurations) are the usual cause. With workloadRef, the referenced workload's template labels count.`,
  fix: "Add the label to the Rollout's pod template (spec.template.metadata.labels), or remove it from the Service's selector.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (resource.group !== ARGO_GROUP) return;
    const services = steeredServices(resource);
    if (!services.length) return;
    const pods = rolloutPods(resource, index);
    if (!pods) return;
    const labels = pods.template.labels;
    for (const ref of services) {
      const svc = index.findInSet("Service", resource.namespace, ref.name, resource);
      const selector = svc?.spec("Service")?.selector;
      if (!svc || !selector) continue;
      for (const [key, value] of Object.entries(selector)) {
        if (key === ROLLOUT_HASH_LABEL) continue;
        const has = Object.prototype.hasOwnProperty.call(labels, key);
        if (has && labels[key] === String(value)) continue;
        report({
          path: ref.path,
          message: `Service "${svc.name}" (${ref.field}) selects "${key}=${String(value)}" but the Rollout's pods ${has ? `have "${key}=${labels[key]}"` : `have no label "${key}"`}`,
          hint: `${has ? "set" : "add"} "${key}: ${String(value)}" ${has ? "in" : "to"} the pod template labels${pods.owner === resource ? "" : ` of ${pods.owner.kind} "${pods.owner.name}"`}, or remove it from the Service's selector`,
          related: { resource: svc, path: ["spec", "selector", key], message: `selector of Service "${svc.name}"` },
        });
        break;
      }
    }
  },
});
