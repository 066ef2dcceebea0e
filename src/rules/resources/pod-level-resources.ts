/** Pod-level resources (KEP-2837) as the resource admission plugins read them. */
import { podLevelResources, supportedAtPodLevel } from "../../models/pod-level-resources.js";
import { quantities } from "../../models/pods.js";
import type { PodTemplate } from "../../models/resource.js";

/**
 * Whether the pods' pod-level resources (spec.resources) count at admission: the target release
 * keeps them (models/pod-level-resources.ts: PodLevelResources on by default, otherwise the API
 * server drops the field, pkg/api/pod/util.go dropDisabledPodLevelResources) and they set one of
 * the supported resources (component-helpers resource.IsPodLevelResourcesSet: cpu, memory,
 * hugepages-*).
 */
export function podLevelResourcesSet(tpl: PodTemplate, kubernetesVersion: string): boolean {
  const pod = podLevelResources(tpl, kubernetesVersion);
  const supported = (list: unknown) => Object.keys(quantities(list)).some(supportedAtPodLevel);
  return supported(pod?.requests) || supported(pod?.limits);
}
