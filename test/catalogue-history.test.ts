/**
 * The catalogue's release history against upstream's own record of each change, release by
 * release: every fact below is taken from kubernetes/kubernetes CHANGELOG/CHANGELOG-1.xx.md
 * ("API Change" and feature graduation notes) or the Deprecated API Migration Guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide/), never from the generated
 * catalogue. Each fact becomes one row per release from 1.19 to the newest: served (or present)
 * from `first` to `last`, absent elsewhere.
 */
import { fieldServedAt, inRange, knownReleases, servedRange } from "../src/models/catalogue/history.js";
import { lookupKind } from "../src/models/catalogue/index.js";
import { CATALOGUE_KUBERNETES_VERSION, OLDEST_KUBERNETES_VERSION } from "../src/models/kubernetes-version.js";
import { GATED_FIELDS, SCHEMA_TREE } from "../src/rules/schema/feature-gates.js";
import { compareVersions } from "../src/models/catalogue/releases.js";

interface Fact {
  apiVersion: string;
  kind: string;
  /** A field path of the kind; absent: the kind itself. */
  field?: string;
  /** The first release that serves it; the oldest known when it is older. */
  first: string;
  /** The last release that serves it; absent: still served by the newest. */
  last?: string;
  source: string;
}

const GUIDE = "Deprecated API Migration Guide";
const POD = "spec";
const FACTS: Fact[] = [
  // Kinds and group versions.
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", first: "1.19", source: "CHANGELOG-1.19.md: Ingress graduates to GA in networking.k8s.io/v1" },
  { apiVersion: "certificates.k8s.io/v1", kind: "CertificateSigningRequest", first: "1.19", source: "CHANGELOG-1.19.md: the certificates.k8s.io/v1 CertificateSigningRequest API is GA" },
  { apiVersion: "events.k8s.io/v1", kind: "Event", first: "1.19", source: "CHANGELOG-1.19.md: the events.k8s.io/v1 Event API is GA" },
  { apiVersion: "apps/v1", kind: "Deployment", first: "1.19", source: "CHANGELOG-1.9.md: the apps/v1 workloads API is GA (served ever since)" },
  { apiVersion: "node.k8s.io/v1", kind: "RuntimeClass", first: "1.20", source: "CHANGELOG-1.20.md: RuntimeClass graduates to GA, node.k8s.io/v1" },
  { apiVersion: "batch/v1", kind: "CronJob", first: "1.21", source: "CHANGELOG-1.21.md: CronJob graduates to GA, batch/v1" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", first: "1.21", source: "CHANGELOG-1.21.md: PodDisruptionBudget graduates to GA, policy/v1" },
  { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", first: "1.21", source: "CHANGELOG-1.21.md: the EndpointSlice API graduates to GA, discovery.k8s.io/v1" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", first: "1.23", source: "CHANGELOG-1.23.md: the autoscaling/v2 HorizontalPodAutoscaler API is GA" },
  { apiVersion: "storage.k8s.io/v1", kind: "CSIStorageCapacity", first: "1.24", source: "CHANGELOG-1.24.md: CSIStorageCapacity graduates to GA, storage.k8s.io/v1" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1", kind: "FlowSchema", first: "1.29", source: "CHANGELOG-1.29.md: API Priority and Fairness graduates to GA, flowcontrol.apiserver.k8s.io/v1" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", first: "1.30", source: "CHANGELOG-1.30.md: ValidatingAdmissionPolicy graduates to GA, admissionregistration.k8s.io/v1" },
  { apiVersion: "networking.k8s.io/v1", kind: "ServiceCIDR", first: "1.33", source: "CHANGELOG-1.33.md: MultiCIDRServiceAllocator graduates to GA, networking.k8s.io/v1 ServiceCIDR and IPAddress" },
  { apiVersion: "resource.k8s.io/v1", kind: "ResourceClaim", first: "1.34", source: "CHANGELOG-1.34.md: Dynamic Resource Allocation graduates to GA, resource.k8s.io/v1" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kind: "FlowSchema", first: "1.23", last: "1.28", source: `CHANGELOG-1.23.md: flowcontrol.apiserver.k8s.io/v1beta2 added; ${GUIDE}: removed in v1.29` },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kind: "FlowSchema", first: "1.26", last: "1.31", source: `CHANGELOG-1.26.md: flowcontrol.apiserver.k8s.io/v1beta3 added; ${GUIDE}: removed in v1.32` },
  { apiVersion: "storage.k8s.io/v1beta1", kind: "CSIStorageCapacity", first: "1.21", last: "1.26", source: `CHANGELOG-1.21.md: CSIStorageCapacity graduates to beta, storage.k8s.io/v1beta1; ${GUIDE}: removed in v1.27` },
  { apiVersion: "extensions/v1beta1", kind: "Ingress", first: "1.19", last: "1.21", source: `${GUIDE}: extensions/v1beta1 Ingress removed in v1.22` },
  { apiVersion: "networking.k8s.io/v1beta1", kind: "Ingress", first: "1.19", last: "1.21", source: `${GUIDE}: networking.k8s.io/v1beta1 Ingress removed in v1.22` },
  { apiVersion: "apiextensions.k8s.io/v1beta1", kind: "CustomResourceDefinition", first: "1.19", last: "1.21", source: `${GUIDE}: apiextensions.k8s.io/v1beta1 removed in v1.22` },
  { apiVersion: "rbac.authorization.k8s.io/v1beta1", kind: "ClusterRole", first: "1.19", last: "1.21", source: `${GUIDE}: rbac.authorization.k8s.io/v1beta1 removed in v1.22` },
  { apiVersion: "batch/v1beta1", kind: "CronJob", first: "1.19", last: "1.24", source: `${GUIDE}: batch/v1beta1 CronJob removed in v1.25` },
  { apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", first: "1.19", last: "1.24", source: `${GUIDE}: policy/v1beta1 PodDisruptionBudget removed in v1.25` },
  { apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", first: "1.19", last: "1.24", source: `${GUIDE}: PodSecurityPolicy removed in v1.25` },
  { apiVersion: "autoscaling/v2beta1", kind: "HorizontalPodAutoscaler", first: "1.19", last: "1.24", source: `${GUIDE}: autoscaling/v2beta1 removed in v1.25` },
  { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", first: "1.19", last: "1.25", source: `${GUIDE}: autoscaling/v2beta2 removed in v1.26` },
  // Fields.
  { apiVersion: "v1", kind: "Pod", field: `${POD}.setHostnameAsFQDN`, first: "1.19", source: "CHANGELOG-1.19.md: pod spec setHostnameAsFQDN added (alpha)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.suspend", first: "1.21", source: "CHANGELOG-1.21.md: Job spec.suspend added (alpha, SuspendJob)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.completionMode", first: "1.21", source: "CHANGELOG-1.21.md: Indexed Job, spec.completionMode added (alpha)" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", field: "spec.egress[].ports[].endPort", first: "1.21", source: "CHANGELOG-1.21.md: NetworkPolicy port ranges, endPort added (alpha)" },
  { apiVersion: "apps/v1", kind: "StatefulSet", field: "spec.minReadySeconds", first: "1.22", source: "CHANGELOG-1.22.md: StatefulSet spec.minReadySeconds added (alpha)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.os`, first: "1.23", source: "CHANGELOG-1.23.md: pod spec.os added (alpha, IdentifyPodOS)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.containers[].livenessProbe.grpc`, first: "1.23", source: "CHANGELOG-1.23.md: gRPC container probes added (alpha, GRPCContainerProbe)" },
  { apiVersion: "apps/v1", kind: "StatefulSet", field: "spec.persistentVolumeClaimRetentionPolicy", first: "1.23", source: "CHANGELOG-1.23.md: StatefulSet persistentVolumeClaimRetentionPolicy added (alpha, StatefulSetAutoDeletePVC)" },
  { apiVersion: "batch/v1", kind: "CronJob", field: "spec.timeZone", first: "1.24", source: "CHANGELOG-1.24.md: CronJob spec.timeZone added (alpha, CronJobTimeZone)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.topologySpreadConstraints[].minDomains`, first: "1.24", source: "CHANGELOG-1.24.md: topologySpreadConstraints minDomains added (alpha)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.hostUsers`, first: "1.25", source: "CHANGELOG-1.25.md: pod spec.hostUsers added (alpha, user namespaces)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.podFailurePolicy", first: "1.25", source: "CHANGELOG-1.25.md: Job spec.podFailurePolicy added (alpha, JobPodFailurePolicy)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.topologySpreadConstraints[].matchLabelKeys`, first: "1.25", source: "CHANGELOG-1.25.md: topologySpreadConstraints matchLabelKeys added (alpha)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.schedulingGates`, first: "1.26", source: "CHANGELOG-1.26.md: pod spec.schedulingGates added (alpha, PodSchedulingReadiness)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.resourceClaims`, first: "1.26", source: "CHANGELOG-1.26.md: Dynamic Resource Allocation, pod spec.resourceClaims added (alpha)" },
  { apiVersion: "apps/v1", kind: "StatefulSet", field: "spec.ordinals", first: "1.26", source: "CHANGELOG-1.26.md: StatefulSet spec.ordinals added (alpha, StatefulSetStartOrdinal)" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", field: "spec.unhealthyPodEvictionPolicy", first: "1.26", source: "CHANGELOG-1.26.md: PodDisruptionBudget unhealthyPodEvictionPolicy added (alpha)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.containers[].resizePolicy`, first: "1.27", source: "CHANGELOG-1.27.md: container resizePolicy added (alpha, InPlacePodVerticalScaling)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.initContainers[].restartPolicy`, first: "1.28", source: "CHANGELOG-1.28.md: restartPolicy added to init containers (alpha, SidecarContainers)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.backoffLimitPerIndex", first: "1.28", source: "CHANGELOG-1.28.md: Job spec.backoffLimitPerIndex added (alpha, JobBackoffLimitPerIndex)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.podReplacementPolicy", first: "1.28", source: "CHANGELOG-1.28.md: Job spec.podReplacementPolicy added (alpha, JobPodReplacementPolicy)" },
  { apiVersion: "v1", kind: "PersistentVolumeClaim", field: "spec.volumeAttributesClassName", first: "1.29", source: "CHANGELOG-1.29.md: PersistentVolumeClaim volumeAttributesClassName added (alpha, VolumeAttributesClass)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.containers[].lifecycle.preStop.sleep`, first: "1.29", source: "CHANGELOG-1.29.md: the sleep lifecycle action added (alpha, PodLifecycleSleepAction)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.managedBy", first: "1.30", source: "CHANGELOG-1.30.md: Job spec.managedBy added (alpha, JobManagedBy)" },
  { apiVersion: "batch/v1", kind: "Job", field: "spec.successPolicy", first: "1.30", source: "CHANGELOG-1.30.md: Job spec.successPolicy added (alpha, JobSuccessPolicy)" },
  { apiVersion: "v1", kind: "Service", field: "spec.trafficDistribution", first: "1.30", source: "CHANGELOG-1.30.md: Service spec.trafficDistribution added (alpha, ServiceTrafficDistribution)" },
  { apiVersion: "v1", kind: "Pod", field: `${POD}.resources`, first: "1.32", source: "CHANGELOG-1.32.md: pod-level resources, pod spec.resources added (alpha, PodLevelResources)" },
  { apiVersion: "batch/v1", kind: "CronJob", field: "spec.jobTemplate.spec.template.spec.initContainers[].restartPolicy", first: "1.28", source: "CHANGELOG-1.28.md: restartPolicy added to init containers (alpha, SidecarContainers)" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", field: "spec.behavior", first: "1.23", source: "CHANGELOG-1.23.md: the autoscaling/v2 HorizontalPodAutoscaler API is GA" },
];

const releases = knownReleases();

/** One row per (release, fact). */
const rows = FACTS.flatMap((f) =>
  releases.map((release) => {
    const served = compareVersions(release, f.first) >= 0 && (f.last === undefined || compareVersions(release, f.last) <= 0);
    const what = f.field ? `field ${f.field} of ${f.apiVersion} ${f.kind}` : `kind ${f.kind} in ${f.apiVersion}`;
    return [`${what} ${served ? "is" : "is not"} served at ${release} (${f.source})`, f, release, served] as const;
  }),
);

test("the history covers every release from the oldest to the catalogue's", () => {
  expect(releases[0]).toBe(OLDEST_KUBERNETES_VERSION);
  expect(releases[releases.length - 1]).toBe(CATALOGUE_KUBERNETES_VERSION);
  const minors = releases.map((r) => Number(r.split(".")[1]));
  expect(minors).toEqual(minors.map((_, i) => minors[0] + i));
});

test("the table holds at least 200 (release, fact) rows", () => {
  expect(rows.length).toBeGreaterThanOrEqual(200);
});

test.each(rows)("%s", (_name, fact, release, served) => {
  if (fact.field) {
    expect(fieldServedAt(fact.apiVersion, fact.kind, fact.field, release)).toBe(served);
  } else {
    const range = servedRange(fact.apiVersion, fact.kind, lookupKind(fact.apiVersion, fact.kind) !== undefined);
    expect(range !== undefined && inRange(range, release)).toBe(served);
  }
});

test("a gated field appears in the catalogue in the release its gate's first stage names", () => {
  const API_VERSIONS: Record<string, string> = { Job: "batch/v1", CronJob: "batch/v1", StatefulSet: "apps/v1", Service: "v1", NetworkPolicy: "networking.k8s.io/v1", PodDisruptionBudget: "policy/v1", PersistentVolumeClaim: "v1", PersistentVolume: "v1", HorizontalPodAutoscaler: "autoscaling/v2", CustomResourceDefinition: "apiextensions.k8s.io/v1", ValidatingWebhookConfiguration: "admissionregistration.k8s.io/v1", MutatingWebhookConfiguration: "admissionregistration.k8s.io/v1", CSIDriver: "storage.k8s.io/v1", DaemonSet: "apps/v1", IngressClass: "networking.k8s.io/v1", EndpointSlice: "discovery.k8s.io/v1", ResourceClaim: "resource.k8s.io/v1", ResourceClaimTemplate: "resource.k8s.io/v1", DeviceClass: "resource.k8s.io/v1" };
  // A field at any depth of a CRD's schema (SCHEMA_TREE) is looked up at the schema's root.
  const kindOf = (g: (typeof GATED_FIELDS)[number]) => ("pod" in g.where ? { apiVersion: "v1", kind: "Pod", path: ["spec", ...g.where.pod] } : { apiVersion: API_VERSIONS[g.where.kinds[0]], kind: g.where.kinds[0], path: g.where.path.filter((seg) => seg !== SCHEMA_TREE) });
  // A field that left the API, with its gate (ServiceTopology's topologyKeys) or before it (fieldUntil: a Service's ipFamily, a
  // pod's workloadRef), is not in the newest catalogue (fixtures/rules/unknown-field/removed-fields.yaml and the gated-field
  // fixtures check their ranges).
  const present = GATED_FIELDS.filter((g) => !g.stages.some((s) => s.stage === "removed") && !g.fieldUntil);
  const firsts = present.map((g) => {
    const { apiVersion, kind, path } = kindOf(g);
    const field = path.join(".").replace(/\.\*/g, "[]");
    const first = releases.find((r) => fieldServedAt(apiVersion, kind, field, r));
    return `${g.gate} ${field}: ${first}`;
  });
  // A gate older than the history (ProcMountType, alpha since 1.12), or than the kind's version (a CronJob's
  // ttlSecondsAfterFinished: batch/v1 serves CronJobs from 1.21): the field comes with the oldest release that has the kind.
  const firstKnown = (g: (typeof GATED_FIELDS)[number]) => {
    const { apiVersion, kind } = kindOf(g);
    const kindFirst = servedRange(apiVersion, kind, lookupKind(apiVersion, kind) !== undefined)!.first;
    return [g.fieldSince ?? g.stages[0].from, OLDEST_KUBERNETES_VERSION, kindFirst].sort(compareVersions)[2];
  };
  expect(firsts).toEqual(present.map((g) => `${g.gate} ${kindOf(g).path.join(".").replace(/\.\*/g, "[]")}: ${firstKnown(g)}`));
});

test("every object type and field the history names is one of the catalogue's (regenerate both together)", async () => {
  const { HISTORY_JSON } = await import("../src/models/catalogue/history.generated.js");
  const { objectType, lookupKind: kindOf } = await import("../src/models/catalogue/index.js");
  const raw = JSON.parse(HISTORY_JSON) as { fields: Record<string, Record<string, number>>; kinds: Record<string, Record<string, number>> };
  const strays = Object.entries(raw.fields).flatMap(([idx, fields]) => Object.keys(fields).filter((f) => !objectType(`#${idx}`).fields.has(f)).map((f) => `#${idx} ${f}`));
  const kinds = Object.entries(raw.kinds).flatMap(([apiVersion, byKind]) => Object.keys(byKind).filter((k) => !kindOf(apiVersion, k)).map((k) => `${apiVersion} ${k}`));
  expect({ strays, kinds }).toEqual({ strays: [], kinds: [] });
});
