/**
 * One-of groups: fields of an object of which the API server accepts at most one set (a volume's
 * source, a probe's handler). The cross-field constraints count them; unknown-field's search for
 * a misplaced key's home does not move a key into an object that has another member of its group
 * set. A group is known by its members: an object type whose fields include every member has it
 * (and the `marker` field too, where other types have the same members without the constraint).
 */
import { objectType, type TypeCode } from "./catalogue/index.js";

/** The fields of a volume that name its source (k8s.io/api core/v1 VolumeSource). */
export const VOLUME_SOURCES: ReadonlySet<string> = new Set(["awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "image", "iscsi", "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "secret", "storageos", "vsphereVolume"]);
/** The fields of a projected volume's source (VolumeProjection). */
export const PROJECTION_SOURCES: ReadonlySet<string> = new Set(["clusterTrustBundle", "configMap", "downwardAPI", "podCertificate", "secret", "serviceAccountToken"]);
/** The fields of an env var's valueFrom (EnvVarSource). */
export const ENV_SOURCES: ReadonlySet<string> = new Set(["configMapKeyRef", "fieldRef", "fileKeyRef", "resourceFieldRef", "secretKeyRef"]);
/** The fields of a PersistentVolume's spec that name its source (PersistentVolumeSource). */
export const PV_SOURCES: readonly string[] = ["awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "csi", "fc", "flexVolume", "flocker", "gcePersistentDisk", "glusterfs", "hostPath", "iscsi", "local", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"];
/** The handlers of a probe (ProbeHandler), in the order validateHandler counts them. */
export const PROBE_HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"] as const;
/** The handlers of a lifecycle hook (LifecycleHandler, handlerFromLifecycle), in the order validateHandler counts them. */
export const HOOK_HANDLERS: readonly string[] = ["exec", "httpGet", "tcpSocket", "sleep"];

export interface OneOfGroup {
  members: readonly string[];
  /** What the object is, for messages ("a volume"). */
  of: string;
  /** A field only the types with this constraint have beside the members. */
  marker?: string;
  /**
   * A field whose value names the one member the object may set (an autoscaling metric's `type:
   * Pods` takes `pods`): another member is refused even when none is set yet.
   */
  discriminator?: { field: string; members: Readonly<Record<string, string>> };
  /** Upstream file and function. */
  upstream: string;
}

const CORE = "pkg/apis/core/validation/validation.go";

/** Every one-of group the API server enforces on an object a misplaced key can be moved into. */
export const ONE_OF_GROUPS: readonly OneOfGroup[] = [
  { members: [...VOLUME_SOURCES], of: "a volume", upstream: `${CORE} validateVolumeSource ("may not specify more than 1 volume type")` },
  { members: PV_SOURCES, of: "a PersistentVolume", upstream: `${CORE} ValidatePersistentVolumeSpec ("may not specify more than 1 volume type")` },
  { members: [...PROJECTION_SOURCES], of: "a projected volume source", upstream: `${CORE} validateProjectionSources ("may not specify more than 1 volume type per source")` },
  { members: [...ENV_SOURCES], of: "valueFrom", upstream: `${CORE} validateEnvVarValueFrom ("may not have more than one field specified at a time")` },
  { members: ["value", "valueFrom"], of: "an env var", upstream: `${CORE} validateEnvVarValueFrom ("may not be specified when \`value\` is not empty")` },
  { members: ["configMapRef", "secretRef"], of: "an envFrom entry", upstream: `${CORE} validateEnvFrom ("may not have more than one field specified at a time")` },
  { members: ["fieldRef", "resourceFieldRef"], of: "a downward API file", marker: "path", upstream: `${CORE} validateDownwardAPIVolumeFile ("fieldRef and resourceFieldRef can not be specified simultaneously")` },
  { members: PROBE_HANDLERS, of: "a probe", upstream: `${CORE} validateProbe, validateHandler ("may not specify more than 1 handler type")` },
  { members: HOOK_HANDLERS, of: "a lifecycle hook", upstream: `${CORE} validateLifecycle, validateHandler ("may not specify more than 1 handler type")` },
  { members: ["subPath", "subPathExpr"], of: "a volume mount", upstream: `${CORE} ValidateVolumeMounts ("subPathExpr and subPath are mutually exclusive")` },
  { members: ["resourceClaimName", "resourceClaimTemplateName"], of: "a pod's resource claim", upstream: `${CORE} validatePodResourceClaim ("at most one of \`resourceClaimName\` or \`resourceClaimTemplateName\` may be specified")` },
  { members: ["ipBlock", "podSelector"], of: "a NetworkPolicy peer", upstream: 'pkg/apis/networking/validation/validation.go ValidateNetworkPolicyPeer ("may not specify both ipBlock and another peer")' },
  { members: ["ipBlock", "namespaceSelector"], of: "a NetworkPolicy peer", upstream: 'pkg/apis/networking/validation/validation.go ValidateNetworkPolicyPeer ("may not specify both ipBlock and another peer")' },
  { members: ["service", "resource"], of: "an Ingress backend", upstream: 'pkg/apis/networking/validation/validation.go validateIngressBackend ("cannot set both resource and service backends")' },
  { members: ["name", "number"], of: "a Service port of an Ingress backend", upstream: 'pkg/apis/networking/validation/validation.go validateIngressBackend ("cannot set both port name & port number")' },
  { members: ["minAvailable", "maxUnavailable"], of: "a PodDisruptionBudget", upstream: 'pkg/apis/policy/validation/validation.go ValidatePodDisruptionBudgetSpec ("minAvailable and maxUnavailable cannot be both set")' },
  ...["apiGroups", "resources", "resourceNames"].map((field) => ({ members: ["nonResourceURLs", field], of: "a policy rule", upstream: 'pkg/apis/rbac/validation/validation.go ValidatePolicyRule ("rules cannot apply to both regular resources and non-resource URLs")' })),
  { members: ["onExitCodes", "onPodConditions"], of: "a pod failure policy rule", upstream: 'pkg/apis/batch/validation/validation.go validatePodFailurePolicyRule ("specifying both OnExitCodes and OnPodConditions is not supported")' },
  { members: ["url", "service"], of: "a webhook's clientConfig", upstream: 'pkg/apis/admissionregistration/validation/validation.go validateWebhookClientConfig ("exactly one of url or service is required")' },
  { members: ["name", "selector"], of: "a paramRef", marker: "parameterNotFoundAction", upstream: 'pkg/apis/admissionregistration/validation/validation.go validateParamRef ("name and selector are mutually exclusive")' },
  { members: ["object", "pods", "resource", "containerResource", "external"], of: "an autoscaling metric", discriminator: { field: "type", members: { Object: "object", Pods: "pods", Resource: "resource", ContainerResource: "containerResource", External: "external" } }, upstream: 'pkg/apis/autoscaling/validation/validation.go validateMetricSpec ("must populate the given metric source only")' },
  { members: ["inlineVolumeSpec", "persistentVolumeName"], of: "a VolumeAttachment source", upstream: 'pkg/apis/storage/validation/validation.go validateVolumeAttachmentSource ("must specify exactly one of inlineVolumeSpec and persistentVolumeName")' },
  // resource.k8s.io/v1beta1 writes the request's own fields beside firstAvailable, not under `exactly`.
  { members: ["deviceClassName", "firstAvailable"], of: "a device request", upstream: 'pkg/apis/resource/validation/validation.go validateDeviceRequest (v1beta1 deviceClassName converts to the internal `exactly`: "exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set")' },
  { members: ["exactly", "firstAvailable"], of: "a device request", upstream: 'pkg/apis/resource/validation/validation.go validateDeviceRequest ("exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set")' },
  { members: ["user", "group", "serviceAccount"], of: "a FlowSchema subject", discriminator: { field: "kind", members: { User: "user", Group: "group", ServiceAccount: "serviceAccount" } }, upstream: 'pkg/apis/flowcontrol/validation/validation.go ValidateFlowSchemaSubject ("user is forbidden when subject kind is not \'User\'")' },
  { members: ["limited", "exempt"], of: "a priority level", upstream: 'pkg/apis/flowcontrol/validation/validation.go ValidatePriorityLevelConfigurationSpec ("must be nil if the type is Limited")' },
];

function has(fields: ReadonlyMap<string, TypeCode>, group: OneOfGroup): boolean {
  return group.members.every((m) => fields.has(m)) && (group.marker === undefined || fields.has(group.marker));
}

/** The groups of an object type, found once per type (a function of the catalogue alone). */
const GROUPS_OF = new Map<TypeCode, readonly OneOfGroup[]>();
function groupsOf(code: TypeCode): readonly OneOfGroup[] {
  let groups = GROUPS_OF.get(code);
  if (groups === undefined) {
    const type = objectType(code);
    GROUPS_OF.set(code, (groups = type.free ? [] : ONE_OF_GROUPS.filter((g) => has(type.fields, g))));
  }
  return groups;
}

/** Set as the API server counts a one-of member: present, not null, not an empty list or string. */
function isSetMember(v: unknown): boolean {
  return v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
}

/** Why `key` cannot be added to `object` (of type `code`): another member of one of its groups is set there, or its discriminator names another. */
export interface OneOfConflict {
  group: OneOfGroup;
  /** The member set already, or the discriminator field. */
  member: string;
  /** When the discriminator decides: its value and the member it names (`type` "Pods" names `pods`). */
  selects?: { value: string; member: string };
}

export function oneOfConflict(code: TypeCode, object: Record<string, unknown>, key: string): OneOfConflict | undefined {
  for (const group of groupsOf(code)) {
    if (!group.members.includes(key)) continue;
    const member = group.members.find((m) => m !== key && isSetMember(object[m]));
    if (member !== undefined) return { group, member };
    const by = group.discriminator;
    const value = by && object[by.field];
    const named = typeof value === "string" && by && Object.hasOwn(by.members, value) ? by.members[value] : undefined;
    if (named !== undefined && named !== key) return { group, member: by!.field, selects: { value: value as string, member: named } };
  }
  return undefined;
}

/** How a message says why the object takes no `key`: the member set there, or what its discriminator names. */
export function conflictReason(conflict: OneOfConflict, key: string): string {
  const { group, member, selects } = conflict;
  return selects
    ? `its ${member} ${JSON.stringify(selects.value)} takes ${JSON.stringify(selects.member)}, not ${JSON.stringify(key)}`
    : `${group.of} takes only one of ${JSON.stringify(member)} and ${JSON.stringify(key)}`;
}
