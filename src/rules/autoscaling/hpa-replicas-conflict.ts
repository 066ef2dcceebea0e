import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { isLiveObject } from "../workloads/live.js";
import { defineRule } from "../types.js";
import { SCALABLE_KINDS } from "./target.js";

const targetsByIndex = new WeakMap<ResourceIndex, Map<string, Resource>>();

/** Every HPA of the input by its target "kind/namespace/name", built once per run. */
function autoscalersByTarget(index: ResourceIndex): Map<string, Resource> {
  let map = targetsByIndex.get(index);
  if (map) return map;
  map = new Map();
  for (const h of index.ofKind("HorizontalPodAutoscaler")) {
    const ref = h.spec("HorizontalPodAutoscaler")?.scaleTargetRef;
    const key = `${ref?.kind}/${h.namespace}/${ref?.name}`;
    if (ref?.kind && ref.name && !map.has(key)) map.set(key, h);
  }
  targetsByIndex.set(index, map);
  return map;
}

export const rule = defineRule({
  id: "hpa-replicas-conflict",
  category: "autoscaling",
  severity: "info",
  crossResource: true,
  summary: "A workload sets spec.replicas although an HPA manages its replica count.",
  explanation: `Once an HPA scales a workload, spec.replicas belongs to the HPA. If the manifest also sets
replicas, every \`kubectl apply\` (or GitOps sync) writes that number back: a workload scaled out
to 8 under load drops to the manifest's 2 on the next deploy, and the HPA scales it up again
minutes later. Leaving replicas out of the manifest lets the HPA keep its value (for a new
workload the default of 1 is raised to minReplicas at once).`,
  fix: "Remove spec.replicas from the workload's manifest and let minReplicas of the HPA set the floor.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!SCALABLE_KINDS.has(resource.kind) || typeof resource.get(["spec", "replicas"]) !== "number") return;
    // Objects read back from a cluster always carry replicas (defaulted or set by the HPA).
    if (isLiveObject(resource)) return;
    const hpa = autoscalersByTarget(index).get(`${resource.kind}/${resource.namespace}/${resource.name}`);
    if (!hpa) return;
    report({
      path: ["spec", "replicas"],
      message: `replicas ${String(resource.get(["spec", "replicas"]))} is reset on every apply while HorizontalPodAutoscaler "${hpa.name}" scales this ${resource.kind}`,
      hint: "remove spec.replicas and let the HPA's minReplicas set the floor",
      related: { resource: hpa, path: ["spec", "scaleTargetRef"], message: `HorizontalPodAutoscaler "${hpa.name}"` },
    });
  },
});
