/**
 * Which resources run pods, and which carry a pod spec: the one definition the rules use, through
 * `appliesTo` (rules/scope.ts), the index and the commands.
 *
 * A Pod runs itself; Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job
 * and CronJob create pods from their template, and so does an Argo Rollout (argoproj.io), whose
 * controller makes ReplicaSets from spec.template as a Deployment's does (with spec.workloadRef
 * the template is the referenced workload's, and the Rollout's own is empty). A bare PodTemplate (core/v1) runs nothing: no
 * built-in controller instantiates one, so no Service selects its pods, no reference of it is
 * resolved and no probe of it runs. The API server still validates its template as it validates
 * a Deployment's (ValidatePodTemplate -> ValidatePodTemplateSpec -> ValidatePodSpec in
 * pkg/apis/core/validation/validation.go), so a rule that reports what the API server rejects in
 * a pod spec applies to it too.
 */
import { POD_TEMPLATE_PATHS, type PodTemplate, type Resource } from "./resource.js";

/** Kinds whose objects run pods: the Pod and the controllers that create pods from a template. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(["Pod", ...[...POD_TEMPLATE_PATHS.keys()].filter((k) => k !== "PodTemplate")]);

/** Kinds whose objects carry a pod spec: the workloads and the bare PodTemplate. */
export const POD_SPEC_KINDS: ReadonlySet<string> = new Set(["Pod", ...POD_TEMPLATE_PATHS.keys()]);

/** The pods a resource runs; undefined for a bare PodTemplate and for kinds that run no pods. */
export function runningPods(resource: Resource): PodTemplate | undefined {
  return WORKLOAD_KINDS.has(resource.ruleKind) ? resource.podTemplate : undefined;
}

/**
 * Named groups of kinds a rule can apply to (`appliesTo` in rule meta).
 * - `workloads`: resources that run pods; for rules about running pods (probes, resources,
 *   scheduling, the objects they reference, what selects them).
 * - `pod-templates`: every pod spec the API server validates, the bare PodTemplate's included;
 *   for rules that report what the API server rejects in a pod spec.
 */
export const KIND_GROUPS = {
  workloads: WORKLOAD_KINDS,
  "pod-templates": POD_SPEC_KINDS,
} as const satisfies Record<string, ReadonlySet<string>>;

export type KindGroup = keyof typeof KIND_GROUPS;
