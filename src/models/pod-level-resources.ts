/**
 * Pod-level resources (`spec.resources` of a pod spec, KEP-2837) as the API server keeps them at
 * a target release. The PodLevelResources gate is alpha (off) in 1.32, the first release that
 * serves the field, and beta, on by default, from 1.34. Before 1.32 the server prunes the field on
 * decode as unknown; in 1.32 and 1.33 it clears it on create (pkg/api/pod/util.go
 * dropDisabledPodLevelResources). Either way the pods are created without it, and their QoS class
 * (pkg/apis/core/helper/qos ComputePodQOS reads the field only with the gate on), requests and
 * limits are their containers' alone.
 */
import { gateStageAt, type GateStage } from "./gate-stages.js";
import type { PodSpec } from "./k8s.js";
import { podLevelDecidesQos } from "./qos.js";
import type { PodTemplate } from "./resource.js";

/** The stages of the PodLevelResources gate (pkg/features/kube_features.go; the gate's page of the feature gate reference). */
export const POD_LEVEL_RESOURCES_STAGES: readonly GateStage[] = [
  { from: "1.32", stage: "alpha", enabledByDefault: false },
  { from: "1.34", stage: "beta", enabledByDefault: true },
];

/** The first release whose pods keep their pod-level resources. */
export const POD_LEVEL_RESOURCES_KEPT_FROM = POD_LEVEL_RESOURCES_STAGES.find((s) => s.enabledByDefault)!.from;

/** Whether pods created at the release keep their pod-level resources (the gate on by default; before the gate, the field is not served). */
export function podLevelResourcesKept(release: string): boolean {
  return gateStageAt(POD_LEVEL_RESOURCES_STAGES, release)?.enabledByDefault === true;
}

/** The pod-level resources of a template's pods once created at the release: undefined where the release does not keep them. */
export function podLevelResources(tpl: PodTemplate, release: string): PodSpec["resources"] {
  return podLevelResourcesKept(release) ? tpl.spec.resources : undefined;
}

/**
 * What a finding about the class of a template's pods adds when the pod-level resources written
 * would decide it but the release does not keep them (empty otherwise): the manifest reads
 * otherwise than the pods will be.
 */
export function ignoredPodLevelResourcesNote(tpl: PodTemplate, release: string): string {
  if (podLevelResourcesKept(release) || !podLevelDecidesQos(tpl.spec)) return "";
  return ` (Kubernetes ${release} does not keep the pod-level resources in spec.resources: they count from ${POD_LEVEL_RESOURCES_KEPT_FROM}, where the PodLevelResources feature gate is on by default)`;
}
