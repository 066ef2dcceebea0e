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
import { podTotal, quantities } from "./pod-totals.js";
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

/** The resources a pod may set at pod level (component-helpers resource.IsSupportedPodLevelResource). */
export function supportedAtPodLevel(name: string): boolean {
  return name === "cpu" || name === "memory" || name.startsWith("hugepages-");
}

/** Pod-level requests and limits once defaulted, and which requests the API server filled in from the containers. */
export interface PodLevelRequirements {
  requests: Readonly<Record<string, string>>;
  limits: Readonly<Record<string, string>>;
  /** The requests (cpu, memory) set to the containers' requests summed, since none was written. */
  summedFromContainers: ReadonlySet<string>;
}

/**
 * The pod-level resources of a pod spec as the API server stores them where it keeps them
 * (pkg/apis/core/v1/defaults.go SetDefaults_Pod, after the containers' requests default to their
 * limits; kubernetes PR 128407). Only where the pod-level resources set something:
 * defaultHugePagePodLimits gives an unset hugepages-* limit the containers' limits summed (unless
 * a pod-level request for it is written); then, only where pod-level limits are set,
 * defaultPodRequests gives an unset cpu or memory request the containers' requests summed
 * (AggregateContainerRequests: app containers, sidecars and init containers, models/pod-totals.ts)
 * when any container requests it, and otherwise, for cpu, memory and hugepages-*, the pod-level
 * limit. The field is kept only from 1.34, where sidecars run too: a restartable init container
 * adds up as a sidecar.
 */
export function defaultedPodLevelResources(spec: PodSpec): PodLevelRequirements | undefined {
  const pod = spec.resources;
  if (!pod) return undefined;
  const requests = quantities(pod.requests);
  const limits = quantities(pod.limits);
  const summedFromContainers = new Set<string>();
  if (!Object.keys(requests).length && !Object.keys(limits).length) return { requests, limits, summedFromContainers };
  const containers = [
    ...(spec.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(spec.containers ?? []).map((c) => ({ c, init: false })),
  ];
  const total = (section: "requests" | "limits") =>
    podTotal(
      containers.map(({ c, init }) => {
        const own = quantities(c?.resources?.limits);
        return { init, sidecar: init && c?.restartPolicy === "Always", values: section === "limits" ? own : { ...own, ...quantities(c?.resources?.requests) } };
      }),
    );
  for (const [name, v] of Object.entries(total("limits"))) {
    if (name.startsWith("hugepages-") && requests[name] === undefined && limits[name] === undefined) limits[name] = v;
  }
  if (!Object.keys(limits).length) return { requests, limits, summedFromContainers };
  for (const [name, v] of Object.entries(total("requests"))) {
    if ((name === "cpu" || name === "memory") && requests[name] === undefined) {
      requests[name] = v;
      summedFromContainers.add(name);
    }
  }
  for (const [name, v] of Object.entries(limits)) if (supportedAtPodLevel(name) && requests[name] === undefined) requests[name] = v;
  return { requests, limits, summedFromContainers };
}

/** The pod-level resources of a template's pods once created at the release, defaulted: undefined where the release does not keep them. */
export function podLevelRequirements(tpl: PodTemplate, release: string): PodLevelRequirements | undefined {
  return podLevelResourcesKept(release) ? defaultedPodLevelResources(tpl.spec) : undefined;
}

/** Whether the pod-level resources, once defaulted, decide the QoS class instead of the containers: they set cpu or memory. */
export function podLevelDecidesQos(spec: PodSpec): boolean {
  const pod = defaultedPodLevelResources(spec);
  return !!pod && (hasQosResource(pod.requests) || hasQosResource(pod.limits));
}

function hasQosResource(values: Readonly<Record<string, string>>): boolean {
  return values.cpu !== undefined || values.memory !== undefined;
}
