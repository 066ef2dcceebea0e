/**
 * Typed, lenient models of the built-in kinds the rules reason about. Only the fields
 * rules read are declared; every other key is kept as is (loose objects).
 */
import { bool, intOrString, list, num, obj, opt, quantityMap, str, stringMap, strOrNull, unknown, type Read } from "./lenient.js";

export const ObjectMeta = obj({
  name: str,
  generateName: str,
  namespace: str,
  labels: stringMap,
  annotations: stringMap,
});

export const LabelSelectorRequirement = obj({ key: str, operator: str, values: list(unknown) });
export const LabelSelector = obj({
  matchLabels: stringMap,
  matchExpressions: list(LabelSelectorRequirement),
});

const KeyRef = obj({ name: str, key: str, optional: bool });
const FieldRef = obj({ fieldPath: str, apiVersion: str });
const ResourceFieldRef = obj({ resource: str, containerName: str, divisor: intOrString });

export const EnvVar = obj({
  name: str,
  value: opt(unknown),
  valueFrom: opt(
    obj({ configMapKeyRef: opt(KeyRef), secretKeyRef: opt(KeyRef), fieldRef: opt(FieldRef), resourceFieldRef: opt(ResourceFieldRef) }),
  ),
});
export const EnvFromSource = obj({
  prefix: str,
  configMapRef: opt(obj({ name: str, optional: bool })),
  secretRef: opt(obj({ name: str, optional: bool })),
});

export const ContainerPort = obj({ name: str, containerPort: num, protocol: str, hostPort: num });
export const ResourceRequirements = obj({ limits: quantityMap, requests: quantityMap });

const HttpGet = obj({ path: str, port: intOrString, host: str, scheme: str });
const TcpSocket = obj({ port: intOrString, host: str });
const GrpcAction = obj({ port: num, service: str });
const ExecAction = obj({ command: list(unknown) });
export const Handler = obj({ exec: opt(ExecAction), httpGet: opt(HttpGet), tcpSocket: opt(TcpSocket), sleep: opt(obj({ seconds: num })) });
export const Probe = obj({
  exec: opt(ExecAction),
  httpGet: opt(HttpGet),
  tcpSocket: opt(TcpSocket),
  grpc: opt(GrpcAction),
  initialDelaySeconds: num,
  periodSeconds: num,
  timeoutSeconds: num,
  successThreshold: num,
  failureThreshold: num,
  terminationGracePeriodSeconds: num,
});

export const VolumeMount = obj({ name: str, mountPath: str, subPath: str, readOnly: bool });
export const SecurityContext = obj({
  privileged: bool,
  allowPrivilegeEscalation: bool,
  runAsNonRoot: bool,
  runAsUser: num,
  readOnlyRootFilesystem: bool,
  capabilities: opt(obj({ add: list(unknown), drop: list(unknown) })),
});

export const Container = obj({
  name: str,
  image: str,
  imagePullPolicy: str,
  command: list(unknown),
  args: list(unknown),
  workingDir: str,
  ports: list(ContainerPort),
  env: list(EnvVar),
  envFrom: list(EnvFromSource),
  resources: opt(ResourceRequirements),
  volumeMounts: list(VolumeMount),
  livenessProbe: opt(Probe),
  readinessProbe: opt(Probe),
  startupProbe: opt(Probe),
  lifecycle: opt(obj({ postStart: opt(Handler), preStop: opt(Handler) })),
  securityContext: opt(SecurityContext),
  restartPolicy: str,
});

const KeyToPath = obj({ key: str, path: str, mode: num });
export const Volume = obj({
  name: str,
  configMap: opt(obj({ name: str, optional: bool, items: list(KeyToPath) })),
  secret: opt(obj({ secretName: str, optional: bool, items: list(KeyToPath) })),
  persistentVolumeClaim: opt(obj({ claimName: str, readOnly: bool })),
  emptyDir: opt(obj({ medium: str, sizeLimit: intOrString })),
  hostPath: opt(obj({ path: str, type: str })),
  projected: opt(
    obj({
      sources: list(
        obj({
          configMap: opt(obj({ name: str, optional: bool, items: list(KeyToPath) })),
          secret: opt(obj({ name: str, optional: bool, items: list(KeyToPath) })),
          downwardAPI: opt(obj({ items: list(obj({ path: str, fieldRef: opt(FieldRef), resourceFieldRef: opt(ResourceFieldRef) })) })),
          serviceAccountToken: opt(obj({ path: str })),
        }),
      ),
    }),
  ),
  downwardAPI: opt(obj({ items: list(obj({ path: str, fieldRef: opt(FieldRef), resourceFieldRef: opt(ResourceFieldRef) })) })),
  ephemeral: opt(obj({ volumeClaimTemplate: opt(unknown) })),
});

export const PodSpec = obj({
  containers: list(Container),
  initContainers: list(Container),
  ephemeralContainers: list(Container),
  volumes: list(Volume),
  restartPolicy: str,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  nodeSelector: stringMap,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  imagePullSecrets: list(obj({ name: str })),
  terminationGracePeriodSeconds: num,
  securityContext: opt(obj({ runAsNonRoot: bool, runAsUser: num, fsGroup: num })),
  resources: opt(ResourceRequirements),
  priorityClassName: str,
});

export const PodTemplateSpec = obj({ metadata: opt(ObjectMeta), spec: opt(PodSpec) });

export const PersistentVolumeClaimSpec = obj({
  accessModes: list(unknown),
  storageClassName: strOrNull,
  volumeMode: str,
  volumeName: str,
  selector: opt(LabelSelector),
  resources: opt(obj({ requests: quantityMap, limits: quantityMap })),
  dataSource: opt(unknown),
});

export const WorkloadSpec = obj({
  replicas: num,
  selector: opt(unknown),
  template: opt(PodTemplateSpec),
  serviceName: str,
  volumeClaimTemplates: list(obj({ metadata: opt(ObjectMeta), spec: opt(PersistentVolumeClaimSpec) })),
  strategy: opt(obj({ type: str, rollingUpdate: opt(obj({ maxSurge: intOrString, maxUnavailable: intOrString })) })),
  updateStrategy: opt(obj({ type: str, rollingUpdate: opt(obj({ maxSurge: intOrString, maxUnavailable: intOrString, partition: num })) })),
  minReadySeconds: num,
  parallelism: num,
  completions: num,
  backoffLimit: num,
  schedule: str,
  timeZone: str,
  jobTemplate: opt(obj({ metadata: opt(ObjectMeta), spec: opt(obj({ template: opt(PodTemplateSpec) })) })),
});

export const ServicePort = obj({ name: str, port: num, targetPort: intOrString, nodePort: num, protocol: str, appProtocol: str });
export const ServiceSpec = obj({
  type: str,
  selector: stringMap,
  ports: list(ServicePort),
  clusterIP: str,
  clusterIPs: list(unknown),
  externalName: str,
  publishNotReadyAddresses: bool,
});

/** Every served version's fields; src/models/ingress.ts reads the ones of the resource's version. */
const IngressBackend = obj({
  service: opt(obj({ name: str, port: opt(obj({ name: str, number: num })) })),
  resource: opt(obj({ apiGroup: str, kind: str, name: str })),
  serviceName: str,
  servicePort: intOrString,
});
export const IngressSpec = obj({
  ingressClassName: str,
  defaultBackend: opt(IngressBackend),
  backend: opt(IngressBackend),
  tls: list(obj({ hosts: list(unknown), secretName: str })),
  rules: list(
    obj({
      host: str,
      http: opt(obj({ paths: list(obj({ path: str, pathType: str, backend: opt(IngressBackend) })) })),
    }),
  ),
});

export const PersistentVolumeSpec = obj({
  capacity: quantityMap,
  accessModes: list(unknown),
  storageClassName: str,
  volumeMode: str,
  persistentVolumeReclaimPolicy: str,
  claimRef: opt(obj({ name: str, namespace: str })),
  hostPath: opt(obj({ path: str })),
  local: opt(obj({ path: str })),
  nfs: opt(obj({ server: str, path: str })),
  nodeAffinity: opt(unknown),
});

export const HpaMetricTarget = obj({ type: str, averageUtilization: num, averageValue: intOrString, value: intOrString });
export const HpaMetric = obj({
  type: str,
  resource: opt(obj({ name: str, target: opt(HpaMetricTarget) })),
  containerResource: opt(obj({ name: str, container: str, target: opt(HpaMetricTarget) })),
  pods: opt(obj({ metric: opt(obj({ name: str })), target: opt(HpaMetricTarget) })),
  object: opt(obj({ metric: opt(obj({ name: str })), target: opt(HpaMetricTarget), describedObject: opt(obj({ kind: str, name: str, apiVersion: str })) })),
  external: opt(obj({ metric: opt(obj({ name: str })), target: opt(HpaMetricTarget) })),
});
export const HpaSpec = obj({
  scaleTargetRef: opt(obj({ apiVersion: str, kind: str, name: str })),
  minReplicas: num,
  maxReplicas: num,
  metrics: list(HpaMetric),
  targetCPUUtilizationPercentage: num,
});

export const PdbSpec = obj({ selector: opt(unknown), minAvailable: intOrString, maxUnavailable: intOrString });
export const NetworkPolicySpec = obj({ podSelector: opt(unknown), policyTypes: list(unknown) });


export type ObjectMeta = Read<typeof ObjectMeta>;
export type LabelSelector = Read<typeof LabelSelector>;
export type Container = Read<typeof Container>;
export type Volume = Read<typeof Volume>;
export type PodSpec = Read<typeof PodSpec>;
export type PodTemplateSpec = Read<typeof PodTemplateSpec>;
export type Probe = Read<typeof Probe>;
export type EnvVar = Read<typeof EnvVar>;
export type WorkloadSpec = Read<typeof WorkloadSpec>;
export type ServiceSpec = Read<typeof ServiceSpec>;
export type ServicePort = Read<typeof ServicePort>;
export type IngressSpec = Read<typeof IngressSpec>;
export type PersistentVolumeSpec = Read<typeof PersistentVolumeSpec>;
export type PersistentVolumeClaimSpec = Read<typeof PersistentVolumeClaimSpec>;
export type HpaSpec = Read<typeof HpaSpec>;
export type HpaMetric = Read<typeof HpaMetric>;
export type PdbSpec = Read<typeof PdbSpec>;
export type NetworkPolicySpec = Read<typeof NetworkPolicySpec>;

/** The typed spec of each kind the rules read; kinds not listed have no typed spec. */
export const specModels = {
  Pod: PodSpec,
  Deployment: WorkloadSpec,
  ReplicaSet: WorkloadSpec,
  ReplicationController: WorkloadSpec,
  StatefulSet: WorkloadSpec,
  DaemonSet: WorkloadSpec,
  Job: WorkloadSpec,
  CronJob: WorkloadSpec,
  PodTemplate: PodTemplateSpec,
  Service: ServiceSpec,
  Ingress: IngressSpec,
  PersistentVolume: PersistentVolumeSpec,
  PersistentVolumeClaim: PersistentVolumeClaimSpec,
  HorizontalPodAutoscaler: HpaSpec,
  PodDisruptionBudget: PdbSpec,
  NetworkPolicy: NetworkPolicySpec,
} as const;

export interface SpecByKind {
  Pod: PodSpec;
  Deployment: WorkloadSpec;
  ReplicaSet: WorkloadSpec;
  ReplicationController: WorkloadSpec;
  StatefulSet: WorkloadSpec;
  DaemonSet: WorkloadSpec;
  Job: WorkloadSpec;
  CronJob: WorkloadSpec;
  PodTemplate: PodTemplateSpec;
  Service: ServiceSpec;
  Ingress: IngressSpec;
  PersistentVolume: PersistentVolumeSpec;
  PersistentVolumeClaim: PersistentVolumeClaimSpec;
  HorizontalPodAutoscaler: HpaSpec;
  PodDisruptionBudget: PdbSpec;
  NetworkPolicy: NetworkPolicySpec;
}

/** Kinds without a namespace; everything else (CRDs included) is namespaced by default. */
export const CLUSTER_SCOPED_KINDS = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "StorageClass",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PriorityClass",
  "RuntimeClass",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "APIService",
  "CSIDriver",
  "CSINode",
  "VolumeAttachment",
  "CertificateSigningRequest",
  "FlowSchema",
  "PriorityLevelConfiguration",
  "ComponentStatus",
  "VolumeAttributesClass",
  "DeviceClass",
  "ResourceSlice",
  "IPAddress",
  "ServiceCIDR",
  // Cluster-scoped kinds of the bundled custom resources (models/bundled-crds).
  "GatewayClass",
  "ClusterIssuer",
  "ClusterSecretStore",
  "ClusterExternalSecret",
  "ClusterPushSecret",
  "ClusterTriggerAuthentication",
  "ClusterAnalysisTemplate",
  // Kyverno: kyverno.io and policies.kyverno.io types with +kubebuilder:resource:scope="Cluster".
  "ClusterPolicy",
  "ClusterCleanupPolicy",
  "GlobalContextEntry",
  "ValidatingPolicy",
  "ImageValidatingPolicy",
  "MutatingPolicy",
  "GeneratingPolicy",
  "DeletingPolicy",
]);
