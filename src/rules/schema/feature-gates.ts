/**
 * Fields that exist in the API of a release but take effect only behind a feature gate that is
 * off by default there. Sources: the feature gate table of each release
 * (pkg/features/kube_features.go, "Feature Gates" reference page) and, for what the API server
 * does with the field while the gate is off, dropDisabledFields in pkg/api/pod/util.go (the
 * field is cleared on create unless the object already used it) or the controller that reads it.
 * Every stage below was checked against the gate's page of the reference
 * (kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/<gate>.md,
 * whose `stages` list each stage with its default and releases, removed gates included); each
 * row's `source` names what the server or controller does with the field while the gate is off.
 */

import { gateStageAt, HPA_CONTAINER_METRICS, JOB_BACKOFF_LIMIT_PER_INDEX, PREFER_SAME_TRAFFIC_DISTRIBUTION, type GateStage } from "../../models/gate-stages.js";
import { POD_LEVEL_RESOURCES_STAGES } from "../../models/pod-level-resources.js";

export { gateStageAt, type GateStage };

export interface GatedField {
  gate: string;
  /**
   * Where the field is: a path pattern relative to the pod spec (`pod`) or to the object of the
   * kinds named; "*" stands for every item of a list, and `SCHEMA_TREE` for a JSON schema and
   * each schema nested in it.
   */
  where: { pod: readonly (string | "*")[] } | { kinds: readonly string[]; path: readonly (string | "*" | typeof SCHEMA_TREE)[] };
  /** What the API server does with the field while the gate is off. */
  effect: "dropped" | "ignored";
  stages: readonly GateStage[];
  /** What the user loses, in cluster terms, when the field does not take effect. */
  consequence: string;
  /** Where upstream drops or ignores the field while the gate is off. */
  source: string;
  /**
   * Fields of the same object that the API server refuses once the gated field is dropped: with
   * any of them set, the object is rejected while the gate is off, not silently changed.
   */
  refusedWithout?: { fields: readonly string[]; source: string };
  /**
   * A value that does what the gate off does (procMount: Default, a StatefulSet's maxUnavailable
   * 1, a CRD validation rule's optionalOldSelf: false) or that the gate leaves alone: not reported.
   */
  sameAsGateOff?: string | number | boolean;
  /**
   * What validation says once the field is dropped, when that leaves the object invalid: the
   * object is rejected while the gate is off (an error), not silently changed.
   */
  rejectedOnceDropped?: { error: string; source: string };
  /**
   * The values validation accepts once the gate is on: any other is rejected then, so the
   * finding's hint asks for a valid value, not for the gate.
   */
  validOnceOn?: readonly string[];
  /**
   * The release whose API first has the field, when that is not the gate's first: a field older
   * than the gate that served another purpose before it (a Container's restartPolicy came with
   * sidecars in 1.28; ContainerRestartRules gates it on app containers from 1.34), or one that
   * came after the gate (a CRD validation rule's optionalOldSelf, 1.29, under CRDValidationRatcheting,
   * alpha since 1.28). Before it the field is unknown-field's, not reported here.
   */
  fieldSince?: string;
  /**
   * The last release whose API has the field, when the field left the API while its gate stayed
   * (a Service's ipFamily, 1.19, replaced by ipFamilies in 1.20; a pod's workloadRef, 1.35 only).
   * After it the field is unknown-field's, not reported here.
   */
  fieldUntil?: string;
}

/**
 * In a `where` path: a JSON schema of a CustomResourceDefinition and each schema nested in it
 * through properties, additionalProperties and items, the nodes that dropDisabledFields of
 * apiextensions-apiserver (pkg/registry/customresourcedefinition/strategy.go, dropXValidationsField,
 * dropOptionalOldSelfField) walks (the first also walks dependencies, which validation refuses:
 * "dependencies is not supported").
 */
export const SCHEMA_TREE = "**";

const sidecar: GateStage[] = [
  { from: "1.28", stage: "alpha", enabledByDefault: false },
  { from: "1.29", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
const inPlaceResize: GateStage[] = [
  { from: "1.27", stage: "alpha", enabledByDefault: false },
  { from: "1.33", stage: "beta", enabledByDefault: true },
];
const dra: GateStage[] = [
  { from: "1.26", stage: "alpha", enabledByDefault: false },
  { from: "1.32", stage: "beta", enabledByDefault: false },
  { from: "1.34", stage: "GA", enabledByDefault: true },
];
const sleepAction: GateStage[] = [
  { from: "1.29", stage: "alpha", enabledByDefault: false },
  { from: "1.30", stage: "beta", enabledByDefault: true },
  { from: "1.34", stage: "GA", enabledByDefault: true },
];
const jobPodFailurePolicy: GateStage[] = [
  { from: "1.25", stage: "alpha", enabledByDefault: false },
  { from: "1.26", stage: "beta", enabledByDefault: true },
  { from: "1.31", stage: "GA", enabledByDefault: true },
];
const JOB_STRATEGY = "pkg/registry/batch/job/strategy.go PrepareForCreate, PrepareForUpdate";

/** A field of a Job's spec, in a Job and in a CronJob's job template. */
function jobFields(gate: string, field: string, stages: readonly GateStage[], consequence: string): GatedField[] {
  return [
    { gate, where: { kinds: ["Job"], path: ["spec", field] }, effect: "dropped", stages, consequence, source: JOB_STRATEGY },
    { gate, where: { kinds: ["CronJob"], path: ["spec", "jobTemplate", "spec", field] }, effect: "dropped", stages, consequence, source: JOB_STRATEGY },
  ];
}
const nodeInclusion: GateStage[] = [
  { from: "1.25", stage: "alpha", enabledByDefault: false },
  { from: "1.26", stage: "beta", enabledByDefault: true },
];
const affinityMatchLabelKeys: GateStage[] = [
  { from: "1.29", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: true },
];
const jobSuccessPolicy: GateStage[] = [
  { from: "1.30", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
const jobManagedBy: GateStage[] = [
  { from: "1.30", stage: "alpha", enabledByDefault: false },
  { from: "1.32", stage: "beta", enabledByDefault: true },
];
const jobPodReplacementPolicy: GateStage[] = [
  { from: "1.28", stage: "alpha", enabledByDefault: false },
  { from: "1.29", stage: "beta", enabledByDefault: true },
];
const recursiveReadOnly: GateStage[] = [
  { from: "1.30", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
const procMountType: GateStage[] = [
  // Alpha since 1.12, older than the oldest release k8s-lint knows.
  { from: "1.12", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: false },
  { from: "1.33", stage: "beta", enabledByDefault: true },
];
const volumeAttributesClass: GateStage[] = [
  { from: "1.29", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: false },
  { from: "1.34", stage: "GA", enabledByDefault: true },
];
// Gates removed before kube_features.go had versioned specs: stages from the reference page of
// removed gates (kubernetes/website feature-gates-removed, `stages`).
const indexedJob: GateStage[] = [
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: true },
  { from: "1.24", stage: "GA", enabledByDefault: true },
];
const suspendJob: GateStage[] = [
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: true },
  { from: "1.24", stage: "GA", enabledByDefault: true },
];
const ttlAfterFinished: GateStage[] = [
  // Alpha since 1.12, older than the oldest release k8s-lint knows.
  { from: "1.12", stage: "alpha", enabledByDefault: false },
  { from: "1.21", stage: "beta", enabledByDefault: true },
  { from: "1.23", stage: "GA", enabledByDefault: true },
];
const probeTerminationGracePeriod: GateStage[] = [
  // Removed from 1.29 with the field kept: the stages below are from the reference page of
  // removed gates (kubernetes/website feature-gates/ProbeTerminationGracePeriod.md, `stages`).
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: false },
  { from: "1.25", stage: "beta", enabledByDefault: true },
  { from: "1.28", stage: "GA", enabledByDefault: true },
];
const maxUnavailableStatefulSet: GateStage[] = [
  { from: "1.24", stage: "alpha", enabledByDefault: false },
  // Beta and on by default in 1.35.0-1.35.3 only: kubernetes PR 137904 (cherry-picked to 1.35.4 as
  // PR 137926) turned it off again after it broke Parallel pod management (issue 137409); the
  // target is a release without its patch level, judged by its current patches.
  { from: "1.35", stage: "beta", enabledByDefault: false, offByDefault: "off by default from 1.35.4 (on in 1.35.0-1.35.3)" },
  { from: "1.36", stage: "beta", enabledByDefault: false },
  // kubernetes PR 139466 (milestone 1.37): on by default again.
  { from: "1.37", stage: "beta", enabledByDefault: true },
];
const hpaConfigurableTolerance: GateStage[] = [
  { from: "1.33", stage: "alpha", enabledByDefault: false },
  { from: "1.35", stage: "beta", enabledByDefault: true },
];
const containerStopSignals: GateStage[] = [
  // Still alpha in 1.36 (enhancements issue 4960: "Alpha2 - v1.36").
  { from: "1.33", stage: "alpha", enabledByDefault: false },
];
/** What a container's restartPolicy may be once ContainerRestartRules is on (validation.go supportedContainerRestartPolicies). */
export const CONTAINER_RESTART_POLICIES: readonly string[] = ["Always", "Never", "OnFailure"];
const containerRestartRules: GateStage[] = [
  { from: "1.34", stage: "alpha", enabledByDefault: false },
  { from: "1.35", stage: "beta", enabledByDefault: true },
];
const envFiles: GateStage[] = [
  { from: "1.34", stage: "alpha", enabledByDefault: false },
  { from: "1.35", stage: "beta", enabledByDefault: true },
];
const podCertificateRequest: GateStage[] = [
  { from: "1.34", stage: "alpha", enabledByDefault: false },
  { from: "1.35", stage: "beta", enabledByDefault: false },
  // kubernetes PR 139579 (merged for 1.37): GA.
  { from: "1.37", stage: "GA", enabledByDefault: true },
];
const customResourceValidationExpressions: GateStage[] = [
  // The gate of k8s.io/apiserver (pkg/features/kube_features.go); removed in 1.31 with the field kept.
  { from: "1.23", stage: "alpha", enabledByDefault: false },
  { from: "1.25", stage: "beta", enabledByDefault: true },
  { from: "1.29", stage: "GA", enabledByDefault: true },
];
const crdValidationRatcheting: GateStage[] = [
  // apiextensions-apiserver pkg/features/kube_features.go; optionalOldSelf came in 1.29 (fieldSince).
  { from: "1.28", stage: "alpha", enabledByDefault: false },
  { from: "1.30", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
const customResourceFieldSelectors: GateStage[] = [
  { from: "1.30", stage: "alpha", enabledByDefault: false },
  { from: "1.31", stage: "beta", enabledByDefault: true },
  { from: "1.32", stage: "GA", enabledByDefault: true },
];
// Gates of fields outside the pod spec, most removed since: stages from each gate's page of the
// reference (kubernetes/website feature-gates/<Gate>.md, `stages`).
const admissionWebhookMatchConditions: GateStage[] = [
  { from: "1.27", stage: "alpha", enabledByDefault: false },
  { from: "1.28", stage: "beta", enabledByDefault: true },
  { from: "1.30", stage: "GA", enabledByDefault: true },
];
const ipv6DualStack: GateStage[] = [
  // Alpha since 1.15, older than the oldest release k8s-lint knows.
  { from: "1.15", stage: "alpha", enabledByDefault: false },
  { from: "1.21", stage: "beta", enabledByDefault: true },
  { from: "1.23", stage: "GA", enabledByDefault: true },
];
const csiServiceAccountToken: GateStage[] = [
  { from: "1.20", stage: "alpha", enabledByDefault: false },
  { from: "1.21", stage: "beta", enabledByDefault: true },
  { from: "1.22", stage: "GA", enabledByDefault: true },
];
const windowsHostProcessContainers: GateStage[] = [
  { from: "1.22", stage: "alpha", enabledByDefault: false },
  { from: "1.23", stage: "beta", enabledByDefault: true },
  { from: "1.26", stage: "GA", enabledByDefault: true },
];
const podAffinityNamespaceSelector: GateStage[] = [
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: true },
  { from: "1.24", stage: "GA", enabledByDefault: true },
];
const grpcContainerProbe: GateStage[] = [
  { from: "1.23", stage: "alpha", enabledByDefault: false },
  { from: "1.24", stage: "beta", enabledByDefault: true },
  { from: "1.27", stage: "GA", enabledByDefault: true },
];
const ingressClassNamespacedParams: GateStage[] = [
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: true },
  { from: "1.23", stage: "GA", enabledByDefault: true },
];
const endpointSliceTerminatingCondition: GateStage[] = [
  { from: "1.20", stage: "alpha", enabledByDefault: false },
  { from: "1.22", stage: "beta", enabledByDefault: true },
  { from: "1.26", stage: "GA", enabledByDefault: true },
];
const anyVolumeDataSource: GateStage[] = [
  // Alpha since 1.18; dataSourceRef came in 1.22 (fieldSince).
  { from: "1.18", stage: "alpha", enabledByDefault: false },
  { from: "1.24", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
const crossNamespaceVolumeDataSource: GateStage[] = [
  // Still alpha in 1.36.
  { from: "1.26", stage: "alpha", enabledByDefault: false },
];
const WEBHOOK_UTIL = "pkg/apis/admissionregistration/util.go";
const CSI_DRIVER_STRATEGY = "pkg/registry/storage/csidriver/strategy.go PrepareForCreate";
const SERVICE_STRATEGY = "pkg/registry/core/service/strategy.go dropServiceDisabledFields";
const ENDPOINT_SLICE_STRATEGY = "pkg/registry/discovery/endpointslice/strategy.go";
const topologyAwareHints: GateStage[] = [
  { from: "1.21", stage: "alpha", enabledByDefault: false },
  { from: "1.23", stage: "beta", enabledByDefault: false },
  { from: "1.24", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];
// DRA gates of fields of the resource.k8s.io API, served by default from 1.34 (v1): the reference
// pages list the alpha stage; the beta of 1.36, on by default, is from pkg/features (1.37
// development) versioned specs.
const draDeviceTaints: GateStage[] = [
  { from: "1.33", stage: "alpha", enabledByDefault: false },
  { from: "1.36", stage: "beta", enabledByDefault: true },
];
const draConsumableCapacity: GateStage[] = [
  { from: "1.34", stage: "alpha", enabledByDefault: false },
  { from: "1.36", stage: "beta", enabledByDefault: true },
];
const draExtendedResource: GateStage[] = [
  { from: "1.34", stage: "alpha", enabledByDefault: false },
  { from: "1.36", stage: "beta", enabledByDefault: true },
];
const RESOURCE_CLAIM_SPEC = "pkg/api/resourceclaimspec/util.go DropDisabledFields";
/** A ResourceClaim's spec, and the claim spec of a ResourceClaimTemplate. */
const CLAIM_SPECS = [
  { kind: "ResourceClaim", spec: ["spec"] },
  { kind: "ResourceClaimTemplate", spec: ["spec", "spec"] },
] as const;
/**
 * The schema of each version of a CRD. A v1beta1 CRD's spec.validation is dropped from too, but
 * v1beta1 left the API in 1.22, before any of these gates.
 */
const CRD_SCHEMA = ["spec", "versions", "*", "schema", "openAPIV3Schema", SCHEMA_TREE] as const;
const CRD_STRATEGY = "apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go dropDisabledFields";
const CONTAINER_LISTS = ["containers", "initContainers"] as const;
const AFFINITY_TERMS = [
  ["podAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "*"],
  ["podAffinity", "preferredDuringSchedulingIgnoredDuringExecution", "*", "podAffinityTerm"],
  ["podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "*"],
  ["podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution", "*", "podAffinityTerm"],
] as const;

export const GATED_FIELDS: readonly GatedField[] = [
  {
    gate: "IdentifyPodOS",
    where: { pod: ["os"] },
    effect: "dropped",
    stages: [
      { from: "1.23", stage: "alpha", enabledByDefault: false },
      { from: "1.24", stage: "beta", enabledByDefault: true },
      { from: "1.25", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the pod's operating system is not checked at admission, so Linux-only security settings are not rejected for Windows pods",
    source: "pkg/api/pod/util.go dropDisabledFields (podSpec.OS cleared unless the old pod used it)",
  },
  ...jobFields("JobPodFailurePolicy", "podFailurePolicy", jobPodFailurePolicy, "every failed pod counts towards backoffLimit: the policy's rules neither fail the Job early nor ignore disruptions"),
  ...jobFields("JobBackoffLimitPerIndex", "backoffLimitPerIndex", JOB_BACKOFF_LIMIT_PER_INDEX, "failures count towards the Job's backoffLimit, not per index"),
  ...jobFields("JobBackoffLimitPerIndex", "maxFailedIndexes", JOB_BACKOFF_LIMIT_PER_INDEX, "the Job does not stop at this many failed indexes"),
  {
    gate: "StatefulSetMinReadySeconds",
    where: { kinds: ["StatefulSet"], path: ["spec", "minReadySeconds"] },
    // The StatefulSet controller counts a ready pod as available at once while the gate is off.
    effect: "ignored",
    stages: [
      { from: "1.22", stage: "alpha", enabledByDefault: false },
      { from: "1.23", stage: "beta", enabledByDefault: true },
      { from: "1.25", stage: "GA", enabledByDefault: true },
    ],
    consequence: "a pod counts as available as soon as it is ready, and a rolling update does not wait",
    source: "pkg/controller/statefulset/stateful_set_control.go updateStatefulSet, stateful_set.go updatePod (minReadySeconds read only with the gate on)",
  },
  {
    gate: "StatefulSetAutoDeletePVC",
    where: { kinds: ["StatefulSet"], path: ["spec", "persistentVolumeClaimRetentionPolicy"] },
    // The controller applies the policy only with the gate on; otherwise claims are retained.
    effect: "ignored",
    stages: [
      { from: "1.23", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.32", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the claims are kept when the StatefulSet is deleted or scaled down",
    source: "pkg/controller/statefulset/stateful_pod_control.go (retention policy used only with the gate on; Retain otherwise)",
  },
  {
    gate: "ServiceTrafficDistribution",
    where: { kinds: ["Service"], path: ["spec", "trafficDistribution"] },
    effect: "dropped",
    stages: [
      { from: "1.30", stage: "alpha", enabledByDefault: false },
      { from: "1.31", stage: "beta", enabledByDefault: true },
      { from: "1.33", stage: "GA", enabledByDefault: true },
    ],
    consequence: "traffic is spread over every endpoint, not kept close to the client",
    source: "pkg/registry/core/service/strategy.go dropServiceDisabledFields",
  },
  {
    gate: "SidecarContainers",
    where: { pod: ["initContainers", "*", "restartPolicy"] },
    effect: "dropped",
    stages: sidecar,
    consequence: "the init container becomes an ordinary one: the pod's other containers wait for it to exit, and a sidecar that keeps running blocks the pod for ever",
    source: "pkg/api/pod/util.go dropDisabledFields (an init container's restartPolicy is cleared unless the old pod used it)",
    refusedWithout: {
      fields: ["startupProbe", "readinessProbe", "livenessProbe", "lifecycle"],
      source: 'pkg/apis/core/validation/validation.go validateInitContainers (Forbidden "may not be set for init containers without restartPolicy=Always"), run after dropDisabledFields',
    },
  },
  {
    gate: "CronJobTimeZone",
    where: { kinds: ["CronJob"], path: ["spec", "timeZone"] },
    // The CronJob controller reads the field only with the gate on (syncCronJob in pkg/controller/cronjob/cronjob_controllerv2.go).
    effect: "ignored",
    stages: [
      { from: "1.24", stage: "alpha", enabledByDefault: false },
      { from: "1.25", stage: "beta", enabledByDefault: true },
      { from: "1.27", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the schedule runs in the time zone of kube-controller-manager instead",
    source: "pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob (reads timeZone only with the gate on)",
  },
  {
    gate: "PodSchedulingReadiness",
    where: { pod: ["schedulingGates"] },
    effect: "dropped",
    stages: [
      { from: "1.26", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.30", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the pods are scheduled at once, without waiting for their gates to be removed",
    source: "pkg/api/pod/util.go dropDisabledFields (schedulingGates)",
  },
  {
    gate: "UserNamespacesSupport",
    where: { pod: ["hostUsers"] },
    effect: "dropped",
    stages: [
      { from: "1.25", stage: "alpha", enabledByDefault: false, gate: "UserNamespacesStatelessPodsSupport" },
      { from: "1.28", stage: "alpha", enabledByDefault: false },
      { from: "1.30", stage: "beta", enabledByDefault: false },
      { from: "1.33", stage: "beta", enabledByDefault: true },
    ],
    consequence: "the pods run in the host's user namespace: root in the container is root on the node",
    source: "pkg/api/pod/util.go dropDisabledFields (hostUsers: SecurityContext.HostUsers cleared)",
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "InPlacePodVerticalScaling",
      where: { pod: [list, "*", "resizePolicy"] },
      effect: "dropped",
      stages: inPlaceResize,
      consequence: "a change of the resources is not applied in place",
      source: "pkg/api/pod/util.go dropDisabledFields (resizePolicy of every container)",
    }),
  ),
  {
    gate: "DynamicResourceAllocation",
    where: { pod: ["resourceClaims"] },
    effect: "dropped",
    stages: dra,
    consequence: "the pods get none of the devices they claim",
    source: "pkg/api/pod/util.go dropDisabledDynamicResourceAllocationFields",
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "DynamicResourceAllocation",
      where: { pod: [list, "*", "resources", "claims"] },
      effect: "dropped",
      stages: dra,
      consequence: "the container gets none of the devices it claims",
      source: "pkg/api/pod/util.go dropDisabledDynamicResourceAllocationFields",
    }),
  ),
  {
    gate: "MinDomainsInPodTopologySpread",
    where: { pod: ["topologySpreadConstraints", "*", "minDomains"] },
    effect: "dropped",
    stages: [
      { from: "1.24", stage: "alpha", enabledByDefault: false },
      { from: "1.25", stage: "beta", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.30", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the spread counts only the domains that already have matching pods",
    source: "pkg/api/pod/util.go dropDisabledTopologySpreadConstraintsFields (minDomains)",
  },
  ...(["nodeAffinityPolicy", "nodeTaintsPolicy"] as const).map(
    (field): GatedField => ({
      gate: "NodeInclusionPolicyInPodTopologySpread",
      where: { pod: ["topologySpreadConstraints", "*", field] },
      effect: "dropped",
      stages: nodeInclusion,
      consequence: "the spread uses the default node inclusion policy",
      source: "pkg/api/pod/util.go dropDisabledNodeInclusionPolicyFields",
    }),
  ),
  {
    gate: "MatchLabelKeysInPodTopologySpread",
    where: { pod: ["topologySpreadConstraints", "*", "matchLabelKeys"] },
    effect: "dropped",
    stages: [
      { from: "1.25", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
    ],
    consequence: "the spread counts the pods of every revision together",
    source: "pkg/api/pod/util.go dropDisabledMatchLabelKeysFieldInTopologySpread",
  },
  ...AFFINITY_TERMS.flatMap((term) =>
    (["matchLabelKeys", "mismatchLabelKeys"] as const).map(
      (field): GatedField => ({
        gate: "MatchLabelKeysInPodAffinity",
        where: { pod: ["affinity", ...term, field] },
        effect: "dropped",
        stages: affinityMatchLabelKeys,
        consequence: "the affinity term selects pods by its labelSelector alone",
        source: "pkg/api/pod/util.go dropDisabledMatchLabelKeysFieldInPodAffinity",
      }),
    ),
  ),
  ...CONTAINER_LISTS.flatMap((list) =>
    (["preStop", "postStart"] as const).map(
      (hook): GatedField => ({
        gate: "PodLifecycleSleepAction",
        where: { pod: [list, "*", "lifecycle", hook, "sleep"] },
        effect: "dropped",
        stages: sleepAction,
        consequence: "the hook does not sleep",
        source: "pkg/api/pod/util.go dropDisabledFields (lifecycle sleep handlers)",
      }),
    ),
  ),
  {
    gate: "ClusterTrustBundleProjection",
    where: { pod: ["volumes", "*", "projected", "sources", "*", "clusterTrustBundle"] },
    effect: "dropped",
    stages: [
      { from: "1.29", stage: "alpha", enabledByDefault: false },
      { from: "1.33", stage: "beta", enabledByDefault: false },
    ],
    consequence: "the volume does not get the trust bundle",
    source: "pkg/api/pod/util.go dropDisabledClusterTrustBundleProjection",
  },
  ...(["ingress", "egress"] as const).map(
    (direction): GatedField => ({
      gate: "NetworkPolicyEndPort",
      where: { kinds: ["NetworkPolicy"], path: ["spec", direction, "*", "ports", "*", "endPort"] },
      effect: "dropped",
      stages: [
        { from: "1.21", stage: "alpha", enabledByDefault: false },
        { from: "1.22", stage: "beta", enabledByDefault: true },
        { from: "1.25", stage: "GA", enabledByDefault: true },
      ],
      consequence: "the rule allows the single port, not the range up to endPort",
      source: "pkg/api/networkpolicy/util.go DropDisabledFields (endPort cleared unless the old policy used it), from pkg/registry/networking/networkpolicy/strategy.go",
    }),
  ),
  {
    gate: "ServiceInternalTrafficPolicy",
    where: { kinds: ["Service"], path: ["spec", "internalTrafficPolicy"] },
    effect: "dropped",
    stages: [
      { from: "1.21", stage: "alpha", enabledByDefault: false },
      { from: "1.22", stage: "beta", enabledByDefault: true },
      { from: "1.26", stage: "GA", enabledByDefault: true },
    ],
    consequence: "traffic from inside the cluster goes to every endpoint, not only to those on the client's node",
    source: "pkg/registry/core/service/strategy.go dropServiceDisabledFields (internalTrafficPolicy)",
  },
  {
    gate: "PDBUnhealthyPodEvictionPolicy",
    where: { kinds: ["PodDisruptionBudget"], path: ["spec", "unhealthyPodEvictionPolicy"] },
    effect: "dropped",
    stages: [
      { from: "1.26", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.31", stage: "GA", enabledByDefault: true },
    ],
    consequence: "running but unready pods are evicted only while the budget allows, so a node drain can stall on them",
    source: "pkg/registry/policy/poddisruptionbudget/strategy.go dropDisabledFields (unhealthyPodEvictionPolicy)",
  },
  {
    gate: "StatefulSetStartOrdinal",
    where: { kinds: ["StatefulSet"], path: ["spec", "ordinals"] },
    effect: "dropped",
    stages: [
      { from: "1.26", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.31", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the pods are numbered from 0, not from ordinals.start",
    source: "pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields (ordinals)",
  },
  ...jobFields("JobSuccessPolicy", "successPolicy", jobSuccessPolicy, "the Job succeeds only when every pod (or completions pods) succeeds"),
  ...jobFields("JobManagedBy", "managedBy", jobManagedBy, "the built-in Job controller runs the Job, beside the controller named"),
  ...jobFields("JobPodReplacementPolicy", "podReplacementPolicy", jobPodReplacementPolicy, "a replacement pod starts while the failed one is still terminating"),
  {
    gate: "ImageVolume",
    where: { pod: ["volumes", "*", "image"] },
    effect: "dropped",
    stages: [
      { from: "1.31", stage: "alpha", enabledByDefault: false },
      { from: "1.33", stage: "beta", enabledByDefault: false },
      { from: "1.35", stage: "beta", enabledByDefault: true },
      { from: "1.36", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the image volume and every mount of it are removed from the pod",
    source: "pkg/api/pod/util.go dropImageVolumes (the volume and its volumeMounts dropped unless the old pod used one)",
  },
  {
    gate: "SupplementalGroupsPolicy",
    where: { pod: ["securityContext", "supplementalGroupsPolicy"] },
    effect: "dropped",
    stages: [
      { from: "1.31", stage: "alpha", enabledByDefault: false },
      { from: "1.33", stage: "beta", enabledByDefault: true },
    ],
    consequence: "the groups of the image's /etc/group are merged in, as with the Merge policy",
    source: "pkg/api/pod/util.go dropDisabledFields (securityContext.supplementalGroupsPolicy)",
  },
  {
    gate: "SELinuxChangePolicy",
    where: { pod: ["securityContext", "seLinuxChangePolicy"] },
    effect: "dropped",
    stages: [
      { from: "1.32", stage: "alpha", enabledByDefault: false },
      { from: "1.33", stage: "beta", enabledByDefault: true },
    ],
    consequence: "volumes are relabelled as with the Recursive policy",
    source: "pkg/api/pod/util.go dropSELinuxChangePolicy",
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "RecursiveReadOnlyMounts",
      where: { pod: [list, "*", "volumeMounts", "*", "recursiveReadOnly"] },
      effect: "dropped",
      stages: recursiveReadOnly,
      consequence: "submounts of a read-only mount stay writable",
      source: "pkg/api/pod/util.go dropDisabledFields (volumeMounts[].recursiveReadOnly)",
    }),
  ),
  {
    gate: "PodLevelResources",
    where: { pod: ["resources"] },
    effect: "dropped",
    stages: POD_LEVEL_RESOURCES_STAGES,
    consequence: "the pod gets no pod-level requests and limits: only its containers' resources count for scheduling and cgroups",
    source: "pkg/api/pod/util.go dropDisabledPodLevelResources (podSpec.Resources cleared unless the old pod used it)",
  },
  ...(["PersistentVolumeClaim", "PersistentVolume"] as const).map(
    (kind): GatedField => ({
      gate: "VolumeAttributesClass",
      where: { kinds: [kind], path: ["spec", "volumeAttributesClassName"] },
      effect: "dropped",
      stages: volumeAttributesClass,
      consequence: "the volume is provisioned and kept without the attributes of the VolumeAttributesClass (IOPS, throughput)",
      source:
        kind === "PersistentVolumeClaim"
          ? "pkg/api/persistentvolumeclaim/util.go DropDisabledFieldsFromSpec (volumeAttributesClassName cleared unless the old claim used it)"
          : "pkg/api/persistentvolume/util.go DropDisabledSpecFields (volumeAttributesClassName cleared unless the old volume used it)",
    }),
  ),
  ...jobFields("IndexedJob", "completionMode", indexedJob, "the Job runs as NonIndexed: its pods get no completion index, and completions count any successful pod"),
  ...jobFields("SuspendJob", "suspend", suspendJob, "the Job starts its pods at once instead of waiting to be resumed"),
  ...jobFields("TTLAfterFinished", "ttlSecondsAfterFinished", ttlAfterFinished, "the finished Job and its pods are never deleted automatically"),
  {
    gate: "ServiceTopology",
    where: { kinds: ["Service"], path: ["spec", "topologyKeys"] },
    effect: "dropped",
    stages: [
      // Alpha since 1.17; the field left the API with the gate in 1.22.
      { from: "1.17", stage: "alpha", enabledByDefault: false },
      { from: "1.22", stage: "removed", enabledByDefault: false },
    ],
    consequence: "traffic goes to any endpoint, not by the topology keys",
    source: `${SERVICE_STRATEGY} (topologyKeys cleared unless the old Service used it)`,
  },
  {
    gate: "GenericEphemeralVolume",
    where: { pod: ["volumes", "*", "ephemeral"] },
    effect: "dropped",
    stages: [
      { from: "1.19", stage: "alpha", enabledByDefault: false },
      { from: "1.21", stage: "beta", enabledByDefault: true },
      { from: "1.23", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the volume has no source",
    source: "pkg/api/pod/util.go dropDisabledFields (volumes[].ephemeral cleared unless the old pod used one)",
    rejectedOnceDropped: {
      error: "must specify a volume type",
      source: 'pkg/apis/core/validation/validation.go validateVolumeSource (Required "must specify a volume type" for a volume without a source), run after dropDisabledFields',
    },
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "ProcMountType",
      where: { pod: [list, "*", "securityContext", "procMount"] },
      // Not cleared: forced to Default (the field was wrongly non-nil in 1.12).
      effect: "ignored",
      stages: procMountType,
      sameAsGateOff: "Default",
      consequence: "the container gets the Default /proc mount (masked and read-only paths), not Unmasked",
      source: "pkg/api/pod/util.go dropDisabledProcMountField (procMount forced to Default unless the old pod used it)",
    }),
  ),
  ...(["livenessProbe", "startupProbe"] as const).map(
    (probe): GatedField => ({
      gate: "ProbeTerminationGracePeriod",
      // Containers only: before 1.28 an init container may not have these probes at all
      // (validateInitContainers, forbidden-value's), so the field would be the lesser problem.
      where: { pod: ["containers", "*", probe, "terminationGracePeriodSeconds"] },
      effect: "dropped",
      stages: probeTerminationGracePeriod,
      consequence: `a container killed for failing its ${probe} gets the pod's terminationGracePeriodSeconds (30 seconds unless set), not this one`,
      source: "pkg/api/pod/util.go dropDisabledFields (liveness and startup probes' terminationGracePeriodSeconds cleared unless the old pod used one)",
    }),
  ),
  {
    gate: "MaxUnavailableStatefulSet",
    where: { kinds: ["StatefulSet"], path: ["spec", "updateStrategy", "rollingUpdate", "maxUnavailable"] },
    effect: "dropped",
    stages: maxUnavailableStatefulSet,
    sameAsGateOff: 1,
    consequence: "a rolling update replaces one pod at a time, as with maxUnavailable 1",
    source: "pkg/registry/apps/statefulset/strategy.go dropStatefulSetDisabledFields (rollingUpdate.maxUnavailable cleared unless the old StatefulSet used it)",
  },
  ...(["scaleUp", "scaleDown"] as const).map(
    (direction): GatedField => ({
      gate: "HPAConfigurableTolerance",
      where: { kinds: ["HorizontalPodAutoscaler"], path: ["spec", "behavior", direction, "tolerance"] },
      effect: "dropped",
      stages: hpaConfigurableTolerance,
      consequence: `the autoscaler ${direction === "scaleUp" ? "scales up" : "scales down"} with the cluster-wide tolerance (kube-controller-manager's --horizontal-pod-autoscaler-tolerance, 10% unless set)`,
      source: "pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go dropDisabledFields (scaleUp and scaleDown tolerance cleared unless the old HPA used one)",
    }),
  ),
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "ContainerStopSignals",
      where: { pod: [list, "*", "lifecycle", "stopSignal"] },
      effect: "dropped",
      stages: containerStopSignals,
      consequence: "the container is stopped with its image's stop signal (SIGTERM unless the image sets STOPSIGNAL), not this one",
      source: "pkg/api/pod/util.go dropContainerStopSignals (lifecycle.stopSignal cleared unless the old pod used one)",
    }),
  ),
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "ContainerRestartRules",
      where: { pod: [list, "*", "restartPolicyRules"] },
      effect: "dropped",
      stages: containerRestartRules,
      consequence: "the container restarts as its restartPolicy (or the pod's) says, whatever its exit code",
      source: "pkg/api/pod/util.go dropContainerRestartRules (restartPolicyRules of every container cleared unless the old pod used container restart rules)",
    }),
  ),
  {
    gate: "ContainerRestartRules",
    where: { pod: ["containers", "*", "restartPolicy"] },
    effect: "dropped",
    stages: containerRestartRules,
    consequence: "the container restarts as the pod's restartPolicy says",
    validOnceOn: CONTAINER_RESTART_POLICIES,
    fieldSince: "1.28",
    source: "pkg/api/pod/util.go dropContainerRestartRules (restartPolicy of every app container cleared unless the old pod used container restart rules)",
  },
  {
    gate: "ContainerRestartRules",
    where: { pod: ["initContainers", "*", "restartPolicy"] },
    effect: "dropped",
    stages: containerRestartRules,
    consequence: "the init container is an ordinary one again: when it fails it is retried or fails the pod as the pod's restartPolicy says, whatever its own restartPolicy",
    // Always (a sidecar) is not a restart rule: the gate leaves it alone.
    sameAsGateOff: "Always",
    validOnceOn: CONTAINER_RESTART_POLICIES,
    fieldSince: "1.28",
    // Probes and hooks beside it are refused with the gate on too (validateInitContainers allows them on sidecars only): forbidden-value's, not a consequence of the gate.
    source: "pkg/api/pod/util.go dropContainerRestartRules (an init container's restartPolicy other than Always cleared unless the old pod used container restart rules)",
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "EnvFiles",
      where: { pod: [list, "*", "env", "*", "valueFrom", "fileKeyRef"] },
      effect: "dropped",
      stages: envFiles,
      consequence: "the variable's valueFrom has no source left",
      source: "pkg/api/pod/util.go dropFileKeyRefInUse (env[].valueFrom.fileKeyRef cleared unless the old pod used one)",
      rejectedOnceDropped: {
        // The text validation has without the gate (the EnvFiles validation option off).
        error: "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
        source: "pkg/apis/core/validation/validation.go validateEnvVarValueFrom (Invalid when valueFrom has no source), run after dropDisabledFields",
      },
    }),
  ),
  {
    gate: "HostnameOverride",
    where: { pod: ["hostnameOverride"] },
    effect: "dropped",
    stages: [
      { from: "1.34", stage: "alpha", enabledByDefault: false },
      { from: "1.35", stage: "beta", enabledByDefault: true },
    ],
    consequence: "the pod's hostname is its hostname field or its name, not this override",
    source: "pkg/api/pod/util.go dropDisabledFields (hostnameOverride cleared unless the old pod used it)",
  },
  {
    gate: "PodCertificateRequest",
    where: { pod: ["volumes", "*", "projected", "sources", "*", "podCertificate"] },
    effect: "dropped",
    stages: podCertificateRequest,
    consequence: "the volume gets no key and certificate for the pod",
    source: "pkg/api/pod/util.go dropDisabledPodCertificateProjection (podCertificate sources cleared unless the old pod used one)",
  },
  {
    gate: "CustomResourceValidationExpressions",
    where: { kinds: ["CustomResourceDefinition"], path: [...CRD_SCHEMA, "x-kubernetes-validations"] },
    effect: "dropped",
    stages: customResourceValidationExpressions,
    consequence: "the CRD keeps none of these validation rules, so the API server accepts custom resources that break them",
    source: `${CRD_STRATEGY} (x-kubernetes-validations cleared at every level of the schema unless the old CRD used them; dropXValidationsField)`,
  },
  {
    gate: "CRDValidationRatcheting",
    where: { kinds: ["CustomResourceDefinition"], path: [...CRD_SCHEMA, "x-kubernetes-validations", "*", "optionalOldSelf"] },
    effect: "dropped",
    stages: crdValidationRatcheting,
    fieldSince: "1.29",
    // false is the default: the rule sees oldSelf as a plain value and runs on updates only.
    sameAsGateOff: false,
    consequence:
      "the rule runs only when an existing value is updated, and oldSelf is a plain value there, not an optional one (a rule that calls oldSelf.hasValue(), oldSelf.value() or oldSelf.orValue() then fails to compile, and the API server refuses the CRD)",
    source: `${CRD_STRATEGY} (optionalOldSelf of every validation rule cleared unless the old CRD used it; dropOptionalOldSelfField)`,
  },
  {
    gate: "CustomResourceFieldSelectors",
    where: { kinds: ["CustomResourceDefinition"], path: ["spec", "versions", "*", "selectableFields"] },
    effect: "dropped",
    stages: customResourceFieldSelectors,
    consequence: "the custom resources cannot be listed or watched with a field selector on these fields (the API server refuses the selector)",
    source: `${CRD_STRATEGY} (selectableFields of every version cleared unless the old CRD used them; dropSelectableFields)`,
  },
  ...(["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"] as const).map(
    (kind): GatedField => ({
      gate: "AdmissionWebhookMatchConditions",
      where: { kinds: [kind], path: ["webhooks", "*", "matchConditions"] },
      effect: "dropped",
      stages: admissionWebhookMatchConditions,
      consequence: "the webhook is called for every request its rules match, not only for those its match conditions accept",
      source: `${WEBHOOK_UTIL} DropDisabled${kind === "ValidatingWebhookConfiguration" ? "Validating" : "Mutating"}WebhookConfigurationFields (matchConditions of every webhook cleared unless the old configuration used them), from PrepareForCreate and PrepareForUpdate`,
    }),
  ),
  {
    gate: "ServiceLoadBalancerClass",
    where: { kinds: ["Service"], path: ["spec", "loadBalancerClass"] },
    effect: "dropped",
    stages: [
      { from: "1.21", stage: "alpha", enabledByDefault: false },
      { from: "1.22", stage: "beta", enabledByDefault: true },
      { from: "1.24", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the cloud provider's default load balancer implementation takes the Service, not the one of this class",
    source: `${SERVICE_STRATEGY} (loadBalancerClass cleared unless the old Service used it)`,
  },
  {
    gate: "ServiceLBNodePortControl",
    where: { kinds: ["Service"], path: ["spec", "allocateLoadBalancerNodePorts"] },
    effect: "dropped",
    stages: [
      { from: "1.20", stage: "alpha", enabledByDefault: false },
      { from: "1.22", stage: "beta", enabledByDefault: true },
      { from: "1.24", stage: "GA", enabledByDefault: true },
    ],
    // true is what the gate off does: node ports are allocated.
    sameAsGateOff: true,
    consequence: "node ports are allocated for the load balancer all the same",
    source: `${SERVICE_STRATEGY} (allocateLoadBalancerNodePorts cleared unless the old Service used it)`,
  },
  ...(["ipFamilies", "ipFamilyPolicy"] as const).map(
    (field): GatedField => ({
      gate: "IPv6DualStack",
      where: { kinds: ["Service"], path: ["spec", field] },
      effect: "dropped",
      stages: ipv6DualStack,
      // The dual-stack API of 1.20; 1.19 had a single ipFamily field instead.
      fieldSince: "1.20",
      ...(field === "ipFamilyPolicy" ? { sameAsGateOff: "SingleStack" } : {}),
      consequence: "the Service gets a single cluster IP of the cluster's default family, whatever families it asks for",
      source: `${SERVICE_STRATEGY} (ipFamilies and ipFamilyPolicy cleared, and clusterIPs cut to the first, unless the old Service used dual-stack fields)`,
    }),
  ),
  {
    gate: "CSIStorageCapacity",
    where: { kinds: ["CSIDriver"], path: ["spec", "storageCapacity"] },
    effect: "dropped",
    stages: [
      { from: "1.19", stage: "alpha", enabledByDefault: false },
      { from: "1.21", stage: "beta", enabledByDefault: true },
      { from: "1.24", stage: "GA", enabledByDefault: true },
    ],
    sameAsGateOff: false,
    consequence: "the scheduler does not check the storage capacity the driver publishes, so a pod may land on a node whose storage cannot hold its volume",
    source: `${CSI_DRIVER_STRATEGY} (storageCapacity cleared), PrepareForUpdate (unless the old driver set it)`,
  },
  {
    gate: "CSIVolumeFSGroupPolicy",
    where: { kinds: ["CSIDriver"], path: ["spec", "fsGroupPolicy"] },
    effect: "dropped",
    stages: [
      { from: "1.19", stage: "alpha", enabledByDefault: false },
      { from: "1.20", stage: "beta", enabledByDefault: true },
      { from: "1.23", stage: "GA", enabledByDefault: true },
    ],
    // The kubelet's behaviour without the field.
    sameAsGateOff: "ReadWriteOnceWithFSType",
    consequence: "the kubelet changes a volume's ownership to the pod's fsGroup only for a ReadWriteOnce volume with an fsType, as with ReadWriteOnceWithFSType",
    source: `${CSI_DRIVER_STRATEGY} (fsGroupPolicy cleared), PrepareForUpdate (unless the old driver set it)`,
  },
  ...(["tokenRequests", "requiresRepublish"] as const).map(
    (field): GatedField => ({
      gate: "CSIServiceAccountToken",
      where: { kinds: ["CSIDriver"], path: ["spec", field] },
      effect: "dropped",
      stages: csiServiceAccountToken,
      ...(field === "requiresRepublish" ? { sameAsGateOff: false } : {}),
      consequence:
        field === "tokenRequests"
          ? "the driver gets no service account token of the pod when it mounts a volume"
          : "the kubelet does not call NodePublishVolume again to refresh the volume's contents",
      source: `${CSI_DRIVER_STRATEGY} (tokenRequests and requiresRepublish cleared while CSIServiceAccountToken is off)`,
    }),
  ),
  {
    gate: "SELinuxMountReadWriteOncePod",
    where: { kinds: ["CSIDriver"], path: ["spec", "seLinuxMount"] },
    effect: "dropped",
    stages: [
      { from: "1.25", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: false },
      { from: "1.28", stage: "beta", enabledByDefault: true },
      { from: "1.36", stage: "GA", enabledByDefault: true },
    ],
    sameAsGateOff: false,
    consequence: "the kubelet relabels every file of the driver's volumes for SELinux instead of mounting them with the pod's label",
    source: `${CSI_DRIVER_STRATEGY} (seLinuxMount cleared), PrepareForUpdate (unless the old driver set it)`,
  },
  {
    gate: "MutableCSINodeAllocatableCount",
    where: { kinds: ["CSIDriver"], path: ["spec", "nodeAllocatableUpdatePeriodSeconds"] },
    effect: "dropped",
    stages: [
      { from: "1.33", stage: "alpha", enabledByDefault: false },
      { from: "1.34", stage: "beta", enabledByDefault: false },
      { from: "1.35", stage: "beta", enabledByDefault: true },
    ],
    consequence: "the kubelet never updates the node's count of attachable volumes for the driver, so the scheduler may place pods on a node that cannot attach their volumes",
    source: `${CSI_DRIVER_STRATEGY}, PrepareForUpdate (nodeAllocatableUpdatePeriodSeconds cleared unless the old driver set it)`,
  },
  {
    gate: "CSINodeExpandSecret",
    where: { kinds: ["PersistentVolume"], path: ["spec", "csi", "nodeExpandSecretRef"] },
    effect: "dropped",
    stages: [
      { from: "1.25", stage: "alpha", enabledByDefault: false },
      { from: "1.27", stage: "beta", enabledByDefault: true },
      { from: "1.29", stage: "GA", enabledByDefault: true },
    ],
    consequence: "the driver gets no secret when it expands the volume on the node, so a driver that needs one fails to expand it",
    source: "pkg/api/persistentvolume/util.go DropDisabledFields (csi.nodeExpandSecretRef cleared unless the old volume used it)",
  },
  {
    gate: "AnyVolumeDataSource",
    where: { kinds: ["PersistentVolumeClaim"], path: ["spec", "dataSourceRef"] },
    effect: "dropped",
    stages: anyVolumeDataSource,
    fieldSince: "1.22",
    consequence: "the claim is populated from its dataSource alone (a PersistentVolumeClaim or a VolumeSnapshot), or provisioned empty",
    source: "pkg/api/persistentvolumeclaim/util.go DropDisabledFields (dataSourceRef cleared unless the old claim used it)",
  },
  {
    gate: "CrossNamespaceVolumeDataSource",
    where: { kinds: ["PersistentVolumeClaim"], path: ["spec", "dataSourceRef", "namespace"] },
    effect: "dropped",
    stages: crossNamespaceVolumeDataSource,
    // An empty namespace does not trigger the drop.
    sameAsGateOff: "",
    // The API server clears the whole dataSourceRef, not only its namespace.
    consequence: "the API server clears the whole dataSourceRef with it, so the claim is provisioned empty, not from the data source",
    source: "pkg/api/persistentvolumeclaim/util.go DropDisabledFields (the whole dataSourceRef cleared when its namespace is set, unless the old claim used a dataSourceRef)",
  },
  {
    gate: "HPAContainerMetrics",
    where: { kinds: ["HorizontalPodAutoscaler"], path: ["spec", "metrics", "*", "containerResource"] },
    effect: "dropped",
    stages: HPA_CONTAINER_METRICS,
    consequence: "the metric of type ContainerResource has no source left",
    source: "pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go PrepareForCreate (containerResource of every metric cleared while the gate is off)",
    rejectedOnceDropped: {
      error: "must populate information for the given metric source (only allowed when HPAContainerMetrics feature is enabled)",
      source: 'pkg/apis/autoscaling/validation/validation.go validateMetricSpec (Required for a ContainerResource metric without containerResource), run after PrepareForCreate',
    },
  },
  {
    gate: "DaemonSetUpdateSurge",
    where: { kinds: ["DaemonSet"], path: ["spec", "updateStrategy", "rollingUpdate", "maxSurge"] },
    effect: "dropped",
    stages: [
      { from: "1.21", stage: "alpha", enabledByDefault: false },
      { from: "1.22", stage: "beta", enabledByDefault: true },
      { from: "1.25", stage: "GA", enabledByDefault: true },
    ],
    sameAsGateOff: 0,
    consequence: "a rolling update deletes a node's old pod before it starts the new one, as with maxSurge 0",
    source: "pkg/registry/apps/daemonset/strategy.go dropDaemonSetDisabledFields (rollingUpdate.maxSurge cleared unless the old DaemonSet used it)",
  },
  ...(["scope", "namespace"] as const).map(
    (field): GatedField => ({
      gate: "IngressClassNamespacedParams",
      where: { kinds: ["IngressClass"], path: ["spec", "parameters", field] },
      effect: "dropped",
      stages: ingressClassNamespacedParams,
      ...(field === "scope" ? { sameAsGateOff: "Cluster" } : {}),
      consequence: "the parameters are looked up as a cluster-scoped resource",
      source: "pkg/registry/networking/ingressclass/strategy.go PrepareForCreate, PrepareForUpdate (parameters.scope and parameters.namespace cleared unless the old IngressClass set a scope)",
    }),
  ),
  ...(["serving", "terminating"] as const).map(
    (field): GatedField => ({
      gate: "EndpointSliceTerminatingCondition",
      where: { kinds: ["EndpointSlice"], path: ["endpoints", "*", "conditions", field] },
      effect: "dropped",
      stages: endpointSliceTerminatingCondition,
      consequence: "consumers of the slice cannot tell a terminating endpoint from a gone one",
      source: `${ENDPOINT_SLICE_STRATEGY} dropDisabledConditionsOnCreate (dropDisabledFieldsOnCreate from 1.21: conditions.serving and conditions.terminating of every endpoint cleared), dropDisabledConditionsOnUpdate`,
    }),
  ),
  {
    gate: "SetHostnameAsFQDN",
    where: { pod: ["setHostnameAsFQDN"] },
    effect: "dropped",
    stages: [
      { from: "1.19", stage: "alpha", enabledByDefault: false },
      { from: "1.20", stage: "beta", enabledByDefault: true },
      { from: "1.22", stage: "GA", enabledByDefault: true },
    ],
    sameAsGateOff: false,
    consequence: "the pod's hostname is its short name, not its fully qualified domain name",
    source: "pkg/api/pod/util.go dropDisabledFields (setHostnameAsFQDN cleared unless the old pod used it)",
  },
  {
    gate: "ConfigurableFSGroupPolicy",
    where: { pod: ["securityContext", "fsGroupChangePolicy"] },
    effect: "dropped",
    stages: [
      // Alpha since 1.18, older than the oldest release k8s-lint knows.
      { from: "1.18", stage: "alpha", enabledByDefault: false },
      { from: "1.20", stage: "beta", enabledByDefault: true },
      { from: "1.23", stage: "GA", enabledByDefault: true },
    ],
    sameAsGateOff: "Always",
    consequence: "the ownership and permissions of every volume are changed at each mount, as with the Always policy",
    source: "pkg/api/pod/util.go dropDisabledFields (securityContext.fsGroupChangePolicy cleared unless the old pod used it)",
  },
  ...AFFINITY_TERMS.map(
    (term): GatedField => ({
      gate: "PodAffinityNamespaceSelector",
      where: { pod: ["affinity", ...term, "namespaceSelector"] },
      effect: "dropped",
      stages: podAffinityNamespaceSelector,
      consequence: "the affinity term selects pods of its namespaces list alone (the pod's own namespace when the list is empty)",
      source: "pkg/api/pod/util.go dropDisabledFields (namespaceSelector of every pod affinity and anti-affinity term cleared unless the old pod used one)",
    }),
  ),
  {
    gate: "WindowsHostProcessContainers",
    where: { pod: ["securityContext", "windowsOptions", "hostProcess"] },
    effect: "dropped",
    stages: windowsHostProcessContainers,
    sameAsGateOff: false,
    consequence: "the pod's containers run as ordinary Windows containers, not as processes on the host",
    source: "pkg/api/pod/util.go dropDisabledFields (windowsOptions.hostProcess of the pod and of every container cleared unless the old pod used it)",
  },
  ...CONTAINER_LISTS.map(
    (list): GatedField => ({
      gate: "WindowsHostProcessContainers",
      where: { pod: [list, "*", "securityContext", "windowsOptions", "hostProcess"] },
      effect: "dropped",
      stages: windowsHostProcessContainers,
      sameAsGateOff: false,
      consequence: "the container runs as an ordinary Windows container, not as a process on the host",
      source: "pkg/api/pod/util.go dropDisabledFields (windowsOptions.hostProcess of the pod and of every container cleared unless the old pod used it)",
    }),
  ),
  ...(["livenessProbe", "readinessProbe", "startupProbe"] as const).map(
    (probe): GatedField => ({
      gate: "GRPCContainerProbe",
      // Containers only: before 1.28 an init container may not have these probes at all (forbidden-value's).
      where: { pod: ["containers", "*", probe, "grpc"] },
      effect: "dropped",
      stages: grpcContainerProbe,
      consequence: `the ${probe} has no handler left`,
      source: "pkg/api/pod/util.go dropDisabledFields (the grpc handler of every probe cleared unless the old pod used one)",
      rejectedOnceDropped: {
        error: "must specify a handler type",
        source: "pkg/apis/core/validation/validation.go validateHandler (Required for a probe without a handler), run after dropDisabledFields",
      },
    }),
  ),
  {
    gate: "IPv6DualStack",
    where: { kinds: ["Service"], path: ["spec", "ipFamily"] },
    effect: "dropped",
    stages: ipv6DualStack,
    fieldUntil: "1.19",
    consequence: "the Service gets a cluster IP of the cluster's default family, whatever family it asks for",
    source: `${SERVICE_STRATEGY} (1.19: ipFamily cleared unless the old Service used it)`,
  },
  {
    gate: "GenericWorkload",
    where: { pod: ["workloadRef"] },
    effect: "dropped",
    stages: [{ from: "1.35", stage: "alpha", enabledByDefault: false }],
    // 1.36 has no workloadRef in the pod spec.
    fieldUntil: "1.35",
    consequence: "the pod belongs to no pod group of the Workload, and is scheduled on its own",
    source: "pkg/api/pod/util.go dropDisabledWorkloadRef (workloadRef cleared unless the old pod used it)",
  },
  {
    gate: "TopologyAwareHints",
    where: { kinds: ["EndpointSlice"], path: ["endpoints", "*", "hints"] },
    effect: "dropped",
    stages: topologyAwareHints,
    consequence: "kube-proxy routes to every endpoint, not by the zones the hints name",
    source: `${ENDPOINT_SLICE_STRATEGY} dropDisabledFieldsOnCreate, dropDisabledFieldsOnUpdate (hints of every endpoint cleared unless the old slice used them)`,
  },
  {
    gate: "PreferSameTrafficDistribution",
    where: { kinds: ["EndpointSlice"], path: ["endpoints", "*", "hints", "forNodes"] },
    effect: "dropped",
    stages: PREFER_SAME_TRAFFIC_DISTRIBUTION,
    consequence: "kube-proxy does not prefer the endpoints on the client's node",
    source: `${ENDPOINT_SLICE_STRATEGY} dropDisabledFieldsOnCreate, dropDisabledFieldsOnUpdate (hints.forNodes of every endpoint cleared unless the old slice used them)`,
  },
  ...CLAIM_SPECS.flatMap(({ kind, spec }): GatedField[] => [
    ...([["exactly"], ["firstAvailable", "*"]] as const).flatMap((request): GatedField[] => [
      {
        gate: "DRADeviceTaints",
        where: { kinds: [kind], path: [...spec, "devices", "requests", "*", ...request, "tolerations"] },
        effect: "dropped",
        stages: draDeviceTaints,
        consequence: "the request tolerates no device taint, so tainted devices are not allocated to it",
        source: `${RESOURCE_CLAIM_SPEC} (dropDisabledDRADeviceTaintsFields: tolerations of every request and subrequest cleared unless the old claim used them)`,
      },
      {
        gate: "DRAConsumableCapacity",
        where: { kinds: [kind], path: [...spec, "devices", "requests", "*", ...request, "capacity"] },
        effect: "dropped",
        stages: draConsumableCapacity,
        consequence: "the request claims a device whole, not the share of its capacity asked for",
        source: `${RESOURCE_CLAIM_SPEC} (dropDisabledDRAResourceClaimConsumableCapacityFields: capacity of every request and subrequest cleared unless the old claim used it)`,
      },
    ]),
    {
      gate: "DRAConsumableCapacity",
      where: { kinds: [kind], path: [...spec, "devices", "constraints", "*", "distinctAttribute"] },
      effect: "dropped",
      stages: draConsumableCapacity,
      consequence: "the constraint no longer keeps the requests on devices that differ in this attribute",
      source: `${RESOURCE_CLAIM_SPEC} (dropDisabledDRAResourceClaimConsumableCapacityFields: distinctAttribute of every constraint cleared unless the old claim used one)`,
    },
  ]),
  {
    gate: "DRAExtendedResource",
    where: { kinds: ["DeviceClass"], path: ["spec", "extendedResourceName"] },
    effect: "dropped",
    stages: draExtendedResource,
    consequence: "pods that request this extended resource get none of the class's devices for it",
    source: "pkg/registry/resource/deviceclass/strategy.go dropDisabledDRAExtendedResourceFields (extendedResourceName cleared unless the old class used it)",
  },
];

/** A value of a field that the API server accepts only with a feature gate on. */
export interface GatedValue {
  gate: string;
  /** What the value is, as messages name it. */
  value: string;
  stages: readonly GateStage[];
  /** Where upstream accepts the value only with the gate on (or the old object using it). */
  source: string;
}

/**
 * An env var's `fieldRef.fieldPath: status.hostIPs`: validEnvDownwardAPIFieldPathExpressions
 * lacks it before 1.28; from 1.28 it is added only with PodHostIPs on (opts.AllowHostIPsField,
 * set from the gate in pkg/api/pod/util.go GetValidationOptionsFromPodSpecAndMeta), until 1.30
 * makes it unconditional; anything outside the set is "Unsupported value".
 */
export const POD_HOST_IPS_FIELD_PATH: GatedValue = {
  gate: "PodHostIPs",
  value: "status.hostIPs",
  stages: [
    { from: "1.28", stage: "alpha", enabledByDefault: false },
    { from: "1.29", stage: "beta", enabledByDefault: true },
    { from: "1.30", stage: "GA", enabledByDefault: true },
  ],
  source: "pkg/apis/core/validation/validation.go validateDownwardAPIFieldRef with validEnvDownwardAPIFieldPathExpressions (status.hostIPs only when opts.AllowHostIPsField)",
};

/**
 * A toleration's `operator: Gt` or `Lt` (numeric comparison with the taint's value, KEP-5471).
 * Before 1.35 ValidateTolerations supports Equal and Exists only; from 1.35 it accepts Gt and Lt
 * only with opts.AllowTaintTolerationComparisonOperators, which pkg/api/pod/util.go
 * (allowTaintTolerationComparisonOperators) sets from the gate or an old pod that used them; the
 * gate is alpha and off by default from 1.35 (pkg/features/kube_features.go). Anything else is
 * "Unsupported value".
 */
export const TOLERATION_COMPARISON_OPERATORS: GatedValue & { operators: readonly string[] } = {
  gate: "TaintTolerationComparisonOperators",
  value: "Gt, Lt",
  operators: ["Gt", "Lt"],
  stages: [{ from: "1.35", stage: "alpha", enabledByDefault: false }],
  source: "pkg/apis/core/validation/validation.go ValidateTolerations (Gt and Lt only with opts.AllowTaintTolerationComparisonOperators, else NotSupported: Equal, Exists)",
};

/** The toleration operators a pod spec may use at the release: Gt and Lt only where their gate is on by default. */
export function tolerationOperatorsAt(release: string): { supported: readonly string[]; refused: readonly string[] } {
  const on = gateStageAt(TOLERATION_COMPARISON_OPERATORS.stages, release)?.enabledByDefault === true;
  return on ? { supported: ["Equal", "Exists", ...TOLERATION_COMPARISON_OPERATORS.operators], refused: [] } : { supported: ["Equal", "Exists"], refused: TOLERATION_COMPARISON_OPERATORS.operators };
}
