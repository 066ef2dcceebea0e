/** Pod-level resources (KEP-2837) as the resource admission plugins read them. */
import { quantities } from "../../models/pods.js";
import type { PodTemplate } from "../../models/resource.js";
import { GATED_FIELDS, gateStageAt } from "../schema/feature-gates.js";

const POD_LEVEL_RESOURCES_STAGES = GATED_FIELDS.find((f) => f.gate === "PodLevelResources")!.stages;

/**
 * Whether the pods' pod-level resources (spec.resources) count at admission: the pod sets one of
 * the supported resources (component-helpers resource.IsPodLevelResourcesSet: cpu, memory,
 * hugepages-*) and PodLevelResources is on by default at the target release (otherwise the API
 * server drops the field, pkg/api/pod/util.go dropDisabledPodLevelResources).
 */
export function podLevelResourcesSet(tpl: PodTemplate, kubernetesVersion: string): boolean {
  if (!gateStageAt(POD_LEVEL_RESOURCES_STAGES, kubernetesVersion)?.enabledByDefault) return false;
  const supported = (list: unknown) => Object.keys(quantities(list)).some((k) => k === "cpu" || k === "memory" || k.startsWith("hugepages-"));
  return supported(tpl.spec.resources?.requests) || supported(tpl.spec.resources?.limits);
}
