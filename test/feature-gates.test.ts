/**
 * The feature-gate table (src/rules/schema/feature-gates.ts) against upstream's record of each
 * gate, release by release: the releases where the gate exists but is off by default, as the
 * versioned specs of pkg/features/kube_features.go give them (the 1.33 file, whose
 * defaultVersionedKubernetesFeatureGates lists every stage of a gate still present) or, for a
 * gate removed before that, the gate's page of the reference (kubernetes/website
 * content/en/docs/reference/command-line-tools-reference/feature-gates/<Gate>.md, `stages`); for
 * gates of 1.33 and later, the specs of main during the 1.36 cycle, with the pull requests that
 * changed a default since.
 * Written down here from those sources, never from the table. Each fact is one row per release
 * from the oldest to `checkedUntil` (the last release the source covers).
 */
import { knownReleases } from "../src/models/catalogue/history.js";
import { compareVersions } from "../src/models/catalogue/releases.js";
import { gateStageAt, GATED_FIELDS, POD_HOST_IPS_FIELD_PATH, type GateStage } from "../src/rules/schema/feature-gates.js";
import { SIDECARS_ON_BY_DEFAULT } from "../src/models/pods.js";

interface GateFact {
  gate: string;
  /** The first and last release where the gate is off by default (inclusive). */
  off: [string, string];
  /** The last release the source covers. */
  checkedUntil: string;
  source: string;
}

const KF = "kube_features.go (1.33) versioned specs";
/** main during the 1.36 cycle (its specs already lock VolumeAttributesClass in 1.36). */
const KF36 = "kube_features.go (1.36 development) versioned specs";
const NEWEST = knownReleases()[knownReleases().length - 1];
const FACTS: GateFact[] = [
  { gate: "SidecarContainers", off: ["1.28", "1.28"], checkedUntil: NEWEST, source: `${KF}: 1.28 alpha false, 1.29 beta true, 1.33 GA` },
  { gate: "NetworkPolicyEndPort", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "NetworkPolicyEndPort.md: alpha false 1.21, beta true 1.22-1.24, stable 1.25-1.26, removed" },
  { gate: "ServiceInternalTrafficPolicy", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "ServiceInternalTrafficPolicy.md: alpha false 1.21, beta true 1.22-1.25, stable 1.26-1.27, removed" },
  { gate: "PDBUnhealthyPodEvictionPolicy", off: ["1.26", "1.26"], checkedUntil: NEWEST, source: "kube_features.go (1.30) versioned specs: 1.26 alpha false, 1.27 beta true, 1.31 GA (remove in 1.33)" },
  { gate: "StatefulSetStartOrdinal", off: ["1.26", "1.26"], checkedUntil: NEWEST, source: `${KF}: 1.26 alpha false, 1.27 beta true, 1.31 GA` },
  { gate: "JobSuccessPolicy", off: ["1.30", "1.30"], checkedUntil: NEWEST, source: `${KF}: 1.30 alpha false, 1.31 beta true, 1.33 GA` },
  { gate: "JobManagedBy", off: ["1.30", "1.31"], checkedUntil: NEWEST, source: `${KF}: 1.30 alpha false, 1.32 beta true` },
  { gate: "JobPodReplacementPolicy", off: ["1.28", "1.28"], checkedUntil: NEWEST, source: `${KF}: 1.28 alpha false, 1.29 beta true` },
  { gate: "JobBackoffLimitPerIndex", off: ["1.28", "1.28"], checkedUntil: NEWEST, source: `${KF}: 1.28 alpha false, 1.29 beta true, 1.33 GA` },
  { gate: "ImageVolume", off: ["1.31", "1.34"], checkedUntil: NEWEST, source: `${KF}: 1.31 alpha false, 1.33 beta false; kubernetes/website PR 52733: beta, on by default from 1.35; kubernetes PR 136711: GA in 1.36` },
  { gate: "SupplementalGroupsPolicy", off: ["1.31", "1.32"], checkedUntil: NEWEST, source: `${KF}: 1.31 alpha false, 1.33 beta true` },
  { gate: "SELinuxChangePolicy", off: ["1.32", "1.32"], checkedUntil: NEWEST, source: `${KF}: 1.32 alpha false, 1.33 beta true` },
  { gate: "RecursiveReadOnlyMounts", off: ["1.30", "1.30"], checkedUntil: NEWEST, source: `${KF}: 1.30 alpha false, 1.31 beta true, 1.33 GA` },
  { gate: "ProcMountType", off: ["1.19", "1.32"], checkedUntil: NEWEST, source: `${KF}: 1.12 alpha false, 1.31 beta false, 1.33 beta true` },
  { gate: "InPlacePodVerticalScaling", off: ["1.27", "1.32"], checkedUntil: NEWEST, source: `${KF}: 1.27 alpha false, 1.33 beta true` },
  { gate: "UserNamespacesSupport", off: ["1.25", "1.32"], checkedUntil: NEWEST, source: `${KF}: 1.25 alpha false, 1.30 beta false, 1.33 beta true` },
  { gate: "MatchLabelKeysInPodTopologySpread", off: ["1.25", "1.26"], checkedUntil: NEWEST, source: `${KF}: 1.25 alpha false, 1.27 beta true` },
  { gate: "MatchLabelKeysInPodAffinity", off: ["1.29", "1.30"], checkedUntil: NEWEST, source: `${KF}: 1.29 alpha false, 1.31 beta true, 1.33 GA` },
  { gate: "NodeInclusionPolicyInPodTopologySpread", off: ["1.25", "1.25"], checkedUntil: NEWEST, source: `${KF}: 1.25 alpha false, 1.26 beta true, 1.33 GA` },
  { gate: "PodLifecycleSleepAction", off: ["1.29", "1.29"], checkedUntil: NEWEST, source: `${KF}: 1.29 alpha false, 1.30 beta true` },
  { gate: "PodSchedulingReadiness", off: ["1.26", "1.26"], checkedUntil: NEWEST, source: `${KF}: 1.26 alpha false, 1.27 beta true, 1.30 GA` },
  { gate: "ServiceTrafficDistribution", off: ["1.30", "1.30"], checkedUntil: NEWEST, source: `${KF}: 1.30 alpha false, 1.31 beta true, 1.33 GA` },
  { gate: "StatefulSetAutoDeletePVC", off: ["1.23", "1.26"], checkedUntil: NEWEST, source: `${KF}: 1.23 alpha false, 1.27 beta true, 1.32 GA` },
  { gate: "ClusterTrustBundleProjection", off: ["1.29", "1.33"], checkedUntil: "1.33", source: `${KF}: 1.29 alpha false, 1.33 beta false` },
  { gate: "DynamicResourceAllocation", off: ["1.26", "1.33"], checkedUntil: "1.33", source: `${KF}: 1.26 alpha false, 1.32 beta false` },
  { gate: "PodLevelResources", off: ["1.32", "1.33"], checkedUntil: NEWEST, source: "kube_features.go (1.35) versioned specs: 1.32 alpha false, 1.34 beta true" },
  { gate: "VolumeAttributesClass", off: ["1.29", "1.33"], checkedUntil: NEWEST, source: "kube_features.go (1.35) versioned specs: 1.29 alpha false, 1.31 beta false, 1.34 GA true" },
  { gate: "IndexedJob", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "IndexedJob.md: alpha false 1.21, beta true 1.22-1.23, stable 1.24-1.25, removed" },
  { gate: "SuspendJob", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "SuspendJob.md: alpha false 1.21, beta true 1.22-1.23, stable 1.24-1.25, removed" },
  { gate: "TTLAfterFinished", off: ["1.19", "1.20"], checkedUntil: NEWEST, source: "TTLAfterFinished.md: alpha false 1.12-1.20, beta true 1.21-1.22, stable 1.23-1.24, removed" },
  { gate: "ServiceTopology", off: ["1.19", "1.21"], checkedUntil: NEWEST, source: "ServiceTopology.md: alpha false 1.17-1.22; Service spec.topologyKeys left the API in 1.22 (CHANGELOG-1.22), so nothing is gated from 1.22" },
  { gate: "ProbeTerminationGracePeriod", off: ["1.21", "1.24"], checkedUntil: NEWEST, source: "ProbeTerminationGracePeriod.md: alpha false 1.21, beta false 1.22-1.24, beta true 1.25-1.27, stable 1.28, removed (the field stays)" },
  { gate: "MaxUnavailableStatefulSet", off: ["1.24", NEWEST], checkedUntil: NEWEST, source: `${KF36}: 1.24 alpha false, 1.35 beta true; MaxUnavailableStatefulSet.md: alpha false 1.24-1.34, beta true 1.35.0-1.35.3, beta false 1.35.4-1.36 (kubernetes PR 137904, cherry-pick 137926), beta true 1.37` },
  { gate: "HPAConfigurableTolerance", off: ["1.33", "1.34"], checkedUntil: NEWEST, source: `${KF36}: 1.33 alpha false, 1.35 beta true (kubernetes PR 133128)` },
  { gate: "ContainerStopSignals", off: ["1.33", NEWEST], checkedUntil: NEWEST, source: `${KF36}: 1.33 alpha false; ContainerStopSignals.md: alpha false from 1.33; enhancements issue 4960: a second alpha in 1.36` },
  { gate: "ContainerRestartRules", off: ["1.34", "1.34"], checkedUntil: NEWEST, source: `${KF36}: 1.34 alpha false, 1.35 beta true` },
  { gate: "EnvFiles", off: ["1.34", "1.34"], checkedUntil: NEWEST, source: `${KF36}: 1.34 alpha false, 1.35 beta true` },
  { gate: "HostnameOverride", off: ["1.34", "1.34"], checkedUntil: NEWEST, source: `${KF36}: 1.34 alpha false, 1.35 beta true` },
  { gate: "PodCertificateRequest", off: ["1.34", NEWEST], checkedUntil: NEWEST, source: `${KF36}: 1.34 alpha false, 1.35 beta false; PodCertificateRequest.md: alpha false 1.34, beta false from 1.35; kubernetes PR 139579: GA in 1.37` },
  { gate: "CustomResourceValidationExpressions", off: ["1.23", "1.24"], checkedUntil: NEWEST, source: "k8s.io/apiserver kube_features.go at v0.23.0-v0.30.0: alpha false 1.23-1.24, beta true 1.25-1.28, GA 1.29-1.30 (remove in 1.31)" },
  { gate: "CRDValidationRatcheting", off: ["1.28", "1.29"], checkedUntil: NEWEST, source: "apiextensions-apiserver kube_features.go (1.33) versioned specs: 1.28 alpha false, 1.30 beta true, 1.33 GA" },
  { gate: "CustomResourceFieldSelectors", off: ["1.30", "1.30"], checkedUntil: NEWEST, source: "apiextensions-apiserver kube_features.go (1.32) versioned specs: 1.30 alpha false, 1.31 beta true, 1.32 GA" },
  { gate: "GenericEphemeralVolume", off: ["1.19", "1.20"], checkedUntil: NEWEST, source: "GenericEphemeralVolume.md: alpha false 1.19-1.20, beta true 1.21-1.22, stable 1.23-1.24, removed" },
  { gate: "AdmissionWebhookMatchConditions", off: ["1.27", "1.27"], checkedUntil: NEWEST, source: "AdmissionWebhookMatchConditions.md: alpha false 1.27, beta true 1.28-1.29, stable 1.30-1.32, removed" },
  { gate: "ServiceLoadBalancerClass", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "ServiceLoadBalancerClass.md: alpha false 1.21, beta true 1.22-1.23, stable 1.24-1.25, removed" },
  { gate: "ServiceLBNodePortControl", off: ["1.20", "1.21"], checkedUntil: NEWEST, source: "ServiceLBNodePortControl.md: alpha false 1.20-1.21, beta true 1.22-1.23, stable 1.24-1.25, removed" },
  { gate: "IPv6DualStack", off: ["1.19", "1.20"], checkedUntil: NEWEST, source: "IPv6DualStack.md: alpha false 1.15-1.20, beta true 1.21-1.22, stable 1.23-1.24, removed" },
  { gate: "CSIStorageCapacity", off: ["1.19", "1.20"], checkedUntil: NEWEST, source: "CSIStorageCapacity.md: alpha false 1.19-1.20, beta true 1.21-1.23, stable 1.24-1.27, removed" },
  { gate: "CSIVolumeFSGroupPolicy", off: ["1.19", "1.19"], checkedUntil: NEWEST, source: "CSIVolumeFSGroupPolicy.md: alpha false 1.19, beta true 1.20-1.22, stable 1.23-1.25, removed" },
  { gate: "CSIServiceAccountToken", off: ["1.20", "1.20"], checkedUntil: NEWEST, source: "CSIServiceAccountToken.md: alpha false 1.20, beta true 1.21, stable 1.22-1.24, removed" },
  { gate: "SELinuxMountReadWriteOncePod", off: ["1.25", "1.27"], checkedUntil: NEWEST, source: "SELinuxMountReadWriteOncePod.md: alpha false 1.25-1.26, beta false 1.27, beta true 1.28-1.35, stable from 1.36" },
  { gate: "MutableCSINodeAllocatableCount", off: ["1.33", "1.34"], checkedUntil: NEWEST, source: "MutableCSINodeAllocatableCount.md: alpha false 1.33, beta false 1.34, beta true from 1.35" },
  { gate: "CSINodeExpandSecret", off: ["1.25", "1.26"], checkedUntil: NEWEST, source: "CSINodeExpandSecret.md: alpha false 1.25-1.26, beta true 1.27-1.28, stable 1.29-1.30, removed" },
  { gate: "AnyVolumeDataSource", off: ["1.19", "1.23"], checkedUntil: NEWEST, source: "AnyVolumeDataSource.md: alpha false 1.18-1.23, beta true 1.24-1.32, stable from 1.33" },
  { gate: "CrossNamespaceVolumeDataSource", off: ["1.26", NEWEST], checkedUntil: NEWEST, source: "CrossNamespaceVolumeDataSource.md: alpha false from 1.26" },
  { gate: "HPAContainerMetrics", off: ["1.20", "1.26"], checkedUntil: NEWEST, source: "HPAContainerMetrics.md: alpha false 1.20-1.26, beta true 1.27-1.29, stable 1.30-1.31, removed" },
  { gate: "DaemonSetUpdateSurge", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "DaemonSetUpdateSurge.md: alpha false 1.21, beta true 1.22-1.24, stable 1.25-1.26, removed" },
  { gate: "IngressClassNamespacedParams", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "IngressClassNamespacedParams.md: alpha false 1.21, beta true 1.22, stable 1.23-1.24, removed" },
  { gate: "EndpointSliceTerminatingCondition", off: ["1.20", "1.21"], checkedUntil: NEWEST, source: "EndpointSliceTerminatingCondition.md: alpha false 1.20-1.21, beta true 1.22-1.25, stable 1.26-1.27, removed" },
  { gate: "SetHostnameAsFQDN", off: ["1.19", "1.19"], checkedUntil: NEWEST, source: "SetHostnameAsFQDN.md: alpha false 1.19, beta true 1.20-1.21, stable 1.22-1.24, removed" },
  { gate: "ConfigurableFSGroupPolicy", off: ["1.19", "1.19"], checkedUntil: NEWEST, source: "ConfigurableFSGroupPolicy.md: alpha false 1.18-1.19, beta true 1.20-1.22, stable 1.23-1.25, removed" },
  { gate: "PodAffinityNamespaceSelector", off: ["1.21", "1.21"], checkedUntil: NEWEST, source: "PodAffinityNamespaceSelector.md: alpha false 1.21, beta true 1.22-1.23, stable 1.24-1.25, removed" },
  { gate: "WindowsHostProcessContainers", off: ["1.22", "1.22"], checkedUntil: NEWEST, source: "WindowsHostProcessContainers.md: alpha false 1.22, beta true 1.23-1.25, stable 1.26-1.27, removed" },
  { gate: "GRPCContainerProbe", off: ["1.23", "1.23"], checkedUntil: NEWEST, source: "GRPCContainerProbe.md: alpha false 1.23, beta true 1.24-1.26, stable 1.27-1.28, removed" },
  { gate: "TopologyAwareHints", off: ["1.21", "1.23"], checkedUntil: NEWEST, source: "TopologyAwareHints.md: alpha false 1.21-1.22, beta false 1.23, beta true 1.24-1.32, stable from 1.33" },
  { gate: "PreferSameTrafficDistribution", off: ["1.33", "1.33"], checkedUntil: NEWEST, source: "PreferSameTrafficDistribution.md: alpha false 1.33, beta true 1.34, stable from 1.35" },
  { gate: "GenericWorkload", off: ["1.35", NEWEST], checkedUntil: NEWEST, source: "GenericWorkload.md: alpha false from 1.35; pkg/features (1.37 development) versioned specs: 1.35 alpha false, 1.37 beta false" },
  { gate: "DRADeviceTaints", off: ["1.33", "1.35"], checkedUntil: NEWEST, source: "pkg/features (1.37 development) versioned specs: 1.33 alpha false, 1.36 beta true (DRADeviceTaints.md lists the alpha from 1.34)" },
  { gate: "DRAConsumableCapacity", off: ["1.34", "1.35"], checkedUntil: NEWEST, source: "DRAConsumableCapacity.md: alpha false from 1.34; pkg/features (1.37 development) versioned specs: 1.36 beta true" },
  { gate: "DRAExtendedResource", off: ["1.34", "1.35"], checkedUntil: NEWEST, source: "DRAExtendedResource.md: alpha false from 1.34; pkg/features (1.37 development) versioned specs: 1.36 beta true" },
];

const releases = knownReleases();
const inRange = (r: string, [a, b]: [string, string]) => compareVersions(r, a) >= 0 && compareVersions(r, b) <= 0;
/** Off by default: the gate exists, is not removed, and its stage is off by default. */
const offAt = (stages: readonly GateStage[], release: string) => {
  const stage = gateStageAt(stages, release);
  return stage !== undefined && stage.stage !== "removed" && !stage.enabledByDefault;
};
/** The stages of a gate in the table: every row of the gate has the same. */
function stagesOf(gate: string): readonly GateStage[] {
  if (gate === POD_HOST_IPS_FIELD_PATH.gate) return POD_HOST_IPS_FIELD_PATH.stages;
  const rows = GATED_FIELDS.filter((g) => g.gate === gate);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.stages).toEqual(rows[0].stages);
  return rows[0].stages;
}

const rows = [...FACTS, { gate: "PodHostIPs", off: ["1.28", "1.28"] as [string, string], checkedUntil: NEWEST, source: "kube_features.go (1.30) versioned specs: 1.28 alpha false, 1.29 beta true, 1.30 GA (remove in 1.32)" }].flatMap((f) =>
  releases
    .filter((r) => compareVersions(r, f.checkedUntil) <= 0)
    .map((release) => [`${f.gate} is ${inRange(release, f.off) ? "off" : "not off"} by default at ${release} (${f.source})`, f, release] as const),
);

test.each(rows)("%s", (_name, fact, release) => {
  expect(offAt(stagesOf(fact.gate), release)).toBe(inRange(release, fact.off));
});

test("every gate of the table has a fact here, but for gates removed before 1.33 whose stages the table took from the reference pages alone", () => {
  const removedBefore133 = ["IdentifyPodOS", "JobPodFailurePolicy", "StatefulSetMinReadySeconds", "CronJobTimeZone", "MinDomainsInPodTopologySpread"];
  expect([...new Set(GATED_FIELDS.map((g) => g.gate))].filter((g) => !FACTS.some((f) => f.gate === g))).toEqual(removedBefore133);
});

test("sidecars run by default (models/pods.ts SIDECARS_ON_BY_DEFAULT) from the release the table turns SidecarContainers on", () => {
  expect(stagesOf("SidecarContainers").find((s) => s.enabledByDefault)?.from).toBe(SIDECARS_ON_BY_DEFAULT);
});
