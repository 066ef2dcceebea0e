/**
 * Which group versions the API server serves without --runtime-config, release by release,
 * against upstream's DefaultAPIResourceConfigSource (pkg/controlplane/instance.go): written down
 * here from its lists, never from src/models/catalogue/enabled-by-default.ts. Each fact is one
 * row per release that serves the kind under that apiVersion (the catalogue history says which).
 */
import { inRange, knownReleases, servedRange } from "../src/models/catalogue/history.js";
import { lookupKind } from "../src/models/catalogue/index.js";
import { disabledByDefault } from "../src/models/catalogue/enabled-by-default.js";

interface DefaultFact {
  apiVersion: string;
  kinds: string[];
  /** Served only with --runtime-config at every release that serves it. */
  disabled: boolean;
  source: string;
}

const PRE124 = "instance.go 1.19-1.23 DefaultAPIResourceConfigSource: EnableVersions lists every beta group version";
const LEGACY124 = "instance.go 1.24 legacyBetaEnabledByDefaultResources";
const BETA_OFF = "instance.go betaAPIGroupVersionsDisabledByDefault (KEP-3136: every beta group version from 1.24)";
const ALPHA_OFF = "instance.go alphaAPIGroupVersionsDisabledByDefault (1.19-1.23: DisableVersions of the alpha versions), 'always disabled by default'";
const FACTS: DefaultFact[] = [
  { apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"], disabled: true, source: `${BETA_OFF}: admissionregistrationv1beta1` },
  { apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding"], disabled: true, source: `${BETA_OFF}: admissionregistrationv1beta1` },
  { apiVersion: "admissionregistration.k8s.io/v1beta1", kinds: ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"], disabled: false, source: PRE124 },
  { apiVersion: "admissionregistration.k8s.io/v1alpha1", kinds: ["ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicy"], disabled: true, source: `${ALPHA_OFF}: admissionregistrationv1alpha1` },
  { apiVersion: "authentication.k8s.io/v1beta1", kinds: ["SelfSubjectReview"], disabled: true, source: `${BETA_OFF}: authenticationv1beta1 (not in legacyBetaEnabledByDefaultResources)` },
  { apiVersion: "authentication.k8s.io/v1beta1", kinds: ["TokenReview"], disabled: false, source: PRE124 },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["VolumeAttributesClass"], disabled: true, source: `${BETA_OFF}: storageapiv1beta1` },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["CSIStorageCapacity"], disabled: false, source: `${PRE124}; ${LEGACY124}: storageapiv1beta1 csistoragecapacities, remove in 1.27` },
  { apiVersion: "storage.k8s.io/v1beta1", kinds: ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment"], disabled: false, source: PRE124 },
  { apiVersion: "storage.k8s.io/v1alpha1", kinds: ["VolumeAttachment", "CSIStorageCapacity", "VolumeAttributesClass"], disabled: true, source: `${ALPHA_OFF}: storageapiv1alpha1` },
  { apiVersion: "networking.k8s.io/v1beta1", kinds: ["ServiceCIDR", "IPAddress"], disabled: true, source: `${BETA_OFF}: networkingapiv1beta1` },
  { apiVersion: "networking.k8s.io/v1beta1", kinds: ["Ingress", "IngressClass"], disabled: false, source: PRE124 },
  { apiVersion: "networking.k8s.io/v1alpha1", kinds: ["ClusterCIDR", "IPAddress", "ServiceCIDR"], disabled: true, source: `${ALPHA_OFF}: networkingapiv1alpha1` },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: ["FlowSchema", "PriorityLevelConfiguration"], disabled: false, source: "instance.go 1.26-1.31 legacyBetaEnabledByDefaultResources: flowcontrolv1beta3, deprecate in 1.29, remove in 1.32" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2", kinds: ["FlowSchema", "PriorityLevelConfiguration"], disabled: false, source: `${PRE124}; ${LEGACY124}: flowcontrolv1beta2, remove in 1.29` },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kinds: ["FlowSchema", "PriorityLevelConfiguration"], disabled: false, source: `${PRE124}; ${LEGACY124}: flowcontrolv1beta1, remove in 1.26` },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1alpha1", kinds: ["FlowSchema", "PriorityLevelConfiguration"], disabled: true, source: `${ALPHA_OFF}: flowcontrolv1alpha1` },
  { apiVersion: "autoscaling/v2beta1", kinds: ["HorizontalPodAutoscaler"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "autoscaling/v2beta2", kinds: ["HorizontalPodAutoscaler"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.26` },
  { apiVersion: "batch/v1beta1", kinds: ["CronJob"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "batch/v2alpha1", kinds: ["CronJob"], disabled: true, source: `${ALPHA_OFF}: batchapiv2alpha1` },
  { apiVersion: "discovery.k8s.io/v1beta1", kinds: ["EndpointSlice"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "events.k8s.io/v1beta1", kinds: ["Event"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "node.k8s.io/v1beta1", kinds: ["RuntimeClass"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "node.k8s.io/v1alpha1", kinds: ["RuntimeClass"], disabled: true, source: `${ALPHA_OFF}: nodev1alpha1` },
  { apiVersion: "policy/v1beta1", kinds: ["PodDisruptionBudget", "PodSecurityPolicy"], disabled: false, source: `${PRE124}; ${LEGACY124}: remove in 1.25` },
  { apiVersion: "rbac.authorization.k8s.io/v1beta1", kinds: ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], disabled: false, source: PRE124 },
  { apiVersion: "rbac.authorization.k8s.io/v1alpha1", kinds: ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], disabled: true, source: `${ALPHA_OFF}: rbacv1alpha1` },
  { apiVersion: "scheduling.k8s.io/v1alpha1", kinds: ["PriorityClass"], disabled: true, source: `${ALPHA_OFF}: schedulingv1alpha1` },
  { apiVersion: "settings.k8s.io/v1alpha1", kinds: ["PodPreset"], disabled: true, source: `${ALPHA_OFF}: settingsv1alpha1` },
  { apiVersion: "internal.apiserver.k8s.io/v1alpha1", kinds: ["StorageVersion"], disabled: true, source: `${ALPHA_OFF}: apiserverinternalv1alpha1` },
  { apiVersion: "resource.k8s.io/v1beta1", kinds: ["ResourceClaim", "ResourceClaimTemplate", "DeviceClass", "ResourceSlice"], disabled: true, source: `${BETA_OFF}: resourcev1beta1` },
  { apiVersion: "resource.k8s.io/v1beta2", kinds: ["ResourceClaim", "ResourceClaimTemplate", "DeviceClass", "ResourceSlice"], disabled: true, source: `${BETA_OFF}: resourcev1beta2` },
  { apiVersion: "resource.k8s.io/v1alpha2", kinds: ["ResourceClaim", "ResourceClass"], disabled: true, source: `${ALPHA_OFF}: resourcev1alpha2` },
  { apiVersion: "certificates.k8s.io/v1beta1", kinds: ["ClusterTrustBundle"], disabled: true, source: `${BETA_OFF}: certificatesv1beta1` },
  { apiVersion: "certificates.k8s.io/v1beta1", kinds: ["CertificateSigningRequest"], disabled: false, source: PRE124 },
  { apiVersion: "certificates.k8s.io/v1alpha1", kinds: ["ClusterTrustBundle"], disabled: true, source: `${ALPHA_OFF}: certificatesv1alpha1` },
  { apiVersion: "coordination.k8s.io/v1beta1", kinds: ["LeaseCandidate"], disabled: true, source: `${BETA_OFF}: coordinationv1beta1` },
  { apiVersion: "coordination.k8s.io/v1beta1", kinds: ["Lease"], disabled: false, source: PRE124 },
  { apiVersion: "storagemigration.k8s.io/v1alpha1", kinds: ["StorageVersionMigration"], disabled: true, source: `${ALPHA_OFF}: svmv1alpha1` },
  // GA versions are in stableAPIGroupVersionsEnabledByDefault.
  { apiVersion: "networking.k8s.io/v1", kinds: ["ServiceCIDR", "IPAddress"], disabled: false, source: "instance.go stableAPIGroupVersionsEnabledByDefault: networkingapiv1" },
  { apiVersion: "storage.k8s.io/v1", kinds: ["VolumeAttributesClass"], disabled: false, source: "instance.go stableAPIGroupVersionsEnabledByDefault: storageapiv1" },
];

const rows = FACTS.flatMap((f) =>
  f.kinds.flatMap((kind) => {
    const range = servedRange(f.apiVersion, kind, lookupKind(f.apiVersion, kind) !== undefined);
    expect(range).toBeDefined();
    return knownReleases()
      .filter((r) => inRange(range!, r))
      .map((release) => [`${f.apiVersion} ${kind} is ${f.disabled ? "served only with --runtime-config" : "served by default"} at ${release} (${f.source})`, f, kind, release] as const);
  }),
);

test.each(rows)("%s", (_name, fact, kind, release) => {
  expect(disabledByDefault(fact.apiVersion, kind, release) !== undefined).toBe(fact.disabled);
});

test("the facts cover at least 250 (release, kind) rows", () => {
  expect(rows.length).toBeGreaterThanOrEqual(250);
});
