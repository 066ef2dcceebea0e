/**
 * The one-of groups (src/models/one-of.ts) name fields as the API spells them: each group is
 * found on an object type of some kind in the catalogue, so that unknown-field's search for a
 * misplaced key's home sees it (a misspelled member would silently make the group never apply).
 * And each group is found on the types it was written for and no other: a group is matched by its
 * fields, so a new type that merely has both field names would take the constraint unnoticed.
 */
import { allKinds, objectType, versionsOfKind, type TypeCode } from "../src/models/catalogue/index.js";
import { ONE_OF_GROUPS, type OneOfGroup } from "../src/models/one-of.js";

/**
 * The object types reachable from every kind of the catalogue, each named by the first place it is
 * met on a shortest path from a kind ("policy/v1 PodDisruptionBudget spec"), kinds in sorted order.
 */
function reachableTypes(): Map<TypeCode, { name: string; fields: ReadonlySet<string> }> {
  const seen = new Map<TypeCode, { name: string; fields: ReadonlySet<string> }>();
  const kinds = allKinds().flatMap((k) => versionsOfKind(k)).sort((a, b) => `${a.kind} ${a.apiVersion}`.localeCompare(`${b.kind} ${b.apiVersion}`));
  let level: Array<[TypeCode, string]> = kinds.map((i) => [i.type, `${i.apiVersion} ${i.kind}`]);
  while (level.length) {
    const next: Array<[TypeCode, string]> = [];
    for (const [written, name] of level) {
      const code = written.replace(/^[[{]+/, "");
      if (!code.startsWith("#") || seen.has(code)) continue;
      const type = objectType(code);
      seen.set(code, { name, fields: new Set(type.fields.keys()) });
      for (const [field, child] of type.fields) {
        const step = child.startsWith("[") ? `${field}[]` : child.startsWith("{") ? `${field}{}` : field;
        next.push([child, name.includes(" ", name.indexOf(" ") + 1) ? `${name}.${step}` : `${name} ${step}`]);
      }
    }
    level = next;
  }
  return seen;
}

const hasGroup = (fields: ReadonlySet<string>, g: OneOfGroup) => g.members.every((m) => fields.has(m)) && (g.marker === undefined || fields.has(g.marker));
const label = (g: OneOfGroup) => `${g.of}: ${g.members.length > 4 ? `${g.members.slice(0, 2).join(", ")}, ...` : g.members.join(", ")}`;

test("every one-of group is the fields of an object type the schema walk meets", () => {
  const types = [...reachableTypes().values()];
  const missing = ONE_OF_GROUPS.filter((g) => !types.some((t) => hasGroup(t.fields, g)));
  expect(missing.map(label)).toEqual([]);
});

/** Per group, the types that have it: a change here says a group now applies where it did not (or no longer does). */
const TYPES_OF_GROUPS: Record<string, string[]> = {
  "a volume: awsElasticBlockStore, azureDisk, ...": ["v1 Pod spec.volumes[]"],
  "a PersistentVolume: awsElasticBlockStore, azureDisk, ...": ["v1 PersistentVolume spec"],
  "a projected volume source: clusterTrustBundle, configMap, ...": ["v1 Pod spec.volumes[].projected.sources[]"],
  "valueFrom: configMapKeyRef, fieldRef, ...": ["v1 Pod spec.containers[].env[].valueFrom"],
  "an env var: value, valueFrom": ["v1 Pod spec.containers[].env[]"],
  "an envFrom entry: configMapRef, secretRef": ["v1 Pod spec.containers[].envFrom[]"],
  "a downward API file: fieldRef, resourceFieldRef": ["v1 Pod spec.volumes[].downwardAPI.items[]"],
  "a probe: exec, httpGet, tcpSocket, grpc": ["v1 Pod spec.containers[].livenessProbe"],
  "a lifecycle hook: exec, httpGet, tcpSocket, sleep": ["v1 Pod spec.containers[].lifecycle.postStart"],
  "a volume mount: subPath, subPathExpr": ["v1 Pod spec.containers[].volumeMounts[]"],
  "a pod's resource claim: resourceClaimName, resourceClaimTemplateName": [
    "scheduling.k8s.io/v1alpha2 PodGroup spec.resourceClaims[]",
    "v1 Pod spec.resourceClaims[]",
  ],
  "a NetworkPolicy peer: ipBlock, podSelector": ["networking.k8s.io/v1 NetworkPolicy spec.egress[].to[]"],
  "a NetworkPolicy peer: ipBlock, namespaceSelector": ["networking.k8s.io/v1 NetworkPolicy spec.egress[].to[]"],
  "an Ingress backend: service, resource": ["networking.k8s.io/v1 Ingress spec.defaultBackend"],
  "a Service port of an Ingress backend: name, number": ["networking.k8s.io/v1 Ingress spec.defaultBackend.service.port"],
  "a PodDisruptionBudget: minAvailable, maxUnavailable": ["policy/v1 PodDisruptionBudget spec"],
  "a policy rule: nonResourceURLs, apiGroups": ["rbac.authorization.k8s.io/v1 ClusterRole rules[]"],
  "a policy rule: nonResourceURLs, resources": ["rbac.authorization.k8s.io/v1 ClusterRole rules[]"],
  "a policy rule: nonResourceURLs, resourceNames": ["rbac.authorization.k8s.io/v1 ClusterRole rules[]"],
  "a pod failure policy rule: onExitCodes, onPodConditions": ["batch/v1 Job spec.podFailurePolicy.rules[]"],
  "a webhook's clientConfig: url, service": [
    "admissionregistration.k8s.io/v1 MutatingWebhookConfiguration webhooks[].clientConfig",
    "apiextensions.k8s.io/v1 CustomResourceDefinition spec.conversion.webhook.clientConfig",
  ],
  "a paramRef: name, selector": [
    "admissionregistration.k8s.io/v1 MutatingAdmissionPolicyBinding spec.paramRef",
    "admissionregistration.k8s.io/v1alpha1 MutatingAdmissionPolicyBinding spec.paramRef",
    "admissionregistration.k8s.io/v1beta1 MutatingAdmissionPolicyBinding spec.paramRef",
  ],
  // A MetricStatus has a MetricSpec's fields; the API server replaces a written status, so the group there does no harm.
  "an autoscaling metric: object, pods, ...": [
    "autoscaling/v2 HorizontalPodAutoscaler spec.metrics[]",
    "autoscaling/v2 HorizontalPodAutoscaler status.currentMetrics[]",
  ],
  "a VolumeAttachment source: inlineVolumeSpec, persistentVolumeName": ["storage.k8s.io/v1 VolumeAttachment spec.source"],
  "a device request: deviceClassName, firstAvailable": ["resource.k8s.io/v1beta1 ResourceClaim spec.devices.requests[]"],
  "a device request: exactly, firstAvailable": [
    "resource.k8s.io/v1 ResourceClaim spec.devices.requests[]",
    "resource.k8s.io/v1beta2 ResourceClaim spec.devices.requests[]",
  ],
  "a FlowSchema subject: user, group, serviceAccount": ["flowcontrol.apiserver.k8s.io/v1 FlowSchema spec.rules[].subjects[]"],
  "a priority level: limited, exempt": ["flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration spec"],
};

test("each one-of group is found on the types it was written for, and no other", () => {
  const types = [...reachableTypes().values()];
  const found = Object.fromEntries(ONE_OF_GROUPS.map((g) => [label(g), types.filter((t) => hasGroup(t.fields, g)).map((t) => t.name).sort()]));
  expect(found).toEqual(TYPES_OF_GROUPS);
});
