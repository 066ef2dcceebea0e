/**
 * The table of test/api-validation-cross.test.ts: valid and invalid values for the cross-field
 * constraints, each with the upstream test it comes from (kubernetes pkg/apis/<group>/validation/
 * validation_test.go: the test function, and the case in our words; where no single test
 * function holds the case, the validation function its cases exercise). The facts come from
 * upstream; the manifests are ours.
 */

type Obj = Record<string, unknown>;

export interface Row {
  /** Upstream test (file, function, case). */
  upstream: string;
  /** The object linted (alone in its input). */
  manifest: Obj;
  /** The rule whose finding is expected (`valid: false`) or must be absent (`valid: true`). */
  rule: string;
  valid: boolean;
  /** For invalid rows: words the message must contain (the offending value, quoted). */
  says?: string;
  /** The target release, when the row holds only at some (default: the newest). */
  kubernetesVersion?: string;
}

const CORE = "pkg/apis/core/validation/validation_test.go";
const APPS = "pkg/apis/apps/validation/validation_test.go";
const BATCH = "pkg/apis/batch/validation/validation_test.go";
const NET = "pkg/apis/networking/validation/validation_test.go";
const RBAC = "pkg/apis/rbac/validation/validation_test.go";
const POLICY = "pkg/apis/policy/validation/validation_test.go";
const ADMISSION = "pkg/apis/admissionregistration/validation/validation_test.go";
const VCRP = "pkg/apis/core/validation/validation_test.go (cases exercising validateContainerRestartPolicy)";

const container = (extra: Obj = {}): Obj => ({ name: "app", image: "nginx:1.27", ...extra });

/** A Pod with one container; `spec` and `c` extend the pod spec and the container. */
function pod(spec: Obj = {}, c: Obj = {}): Obj {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [container(c)], ...spec } };
}

/** A controller of `kind` whose pod template spec is extended by `spec` and its container by `c`. */
function workload(kind: string, spec: Obj = {}, c: Obj = {}, top: Obj = {}): Obj {
  const apiVersion = kind === "Job" ? "batch/v1" : kind === "ReplicationController" ? "v1" : "apps/v1";
  const template = { metadata: { labels: { app: "w" } }, spec: { containers: [container(c)], ...(kind === "Job" ? { restartPolicy: "Never" } : {}), ...spec } };
  const selector = kind === "ReplicationController" ? { app: "w" } : { matchLabels: { app: "w" } };
  return { apiVersion, kind, metadata: { name: "w" }, spec: { ...(kind === "Job" ? {} : { selector }), ...(kind === "StatefulSet" ? { serviceName: "w" } : {}), template, ...top } };
}

const dsRolling = (rollingUpdate: Obj, type = "RollingUpdate") => workload("DaemonSet", {}, {}, { updateStrategy: { type, rollingUpdate } });
const deploy = (spec: Obj = {}, c: Obj = {}, top: Obj = {}) => workload("Deployment", spec, c, top);
const job = (top: Obj = {}, spec: Obj = {}) => workload("Job", spec, {}, top);

function pvc(spec: Obj): Obj {
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "c" }, spec };
}

function pv(spec: Obj): Obj {
  return { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "v" }, spec };
}

function sts(claim: Obj, replicas = 1): Obj {
  return { ...workload("StatefulSet", {}, {}, { replicas, volumeClaimTemplates: [{ metadata: { name: "data" }, spec: claim }] }) };
}

function vapBinding(validationActions: string[]): Obj {
  return { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding", metadata: { name: "b" }, spec: { policyName: "p", validationActions } };
}

function secret(type: string, body: Obj): Obj {
  return { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type, ...body };
}

function ingress(spec: Obj): Obj {
  return { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec };
}

const backend = (b: Obj): Obj => ingress({ rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: b }] } }] });

function service(spec: Obj): Obj {
  return { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { selector: { app: "w" }, ...spec } };
}

function netpol(ingressRule: Obj): Obj {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "n" }, spec: { podSelector: {}, ingress: [ingressRule] } };
}

function role(kind: "Role" | "ClusterRole", rules: Obj[]): Obj {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name: "r" }, rules };
}

function binding(kind: "RoleBinding" | "ClusterRoleBinding", subject: Obj): Obj {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name: "b" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "r" }, subjects: [subject] };
}

const pdb = (spec: Obj): Obj => ({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "d" }, spec: { selector: { matchLabels: { app: "w" } }, ...spec } });

const res = (requests: Obj, limits: Obj = {}) => ({ resources: { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) } });

const storage = { resources: { requests: { storage: "1Gi" } } };

function limitRange(...limits: Obj[]): Obj {
  return { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr" }, spec: { limits } };
}

/** A Pod with a sidecar (restartable init container) extended by `c`. */
const withSidecar = (c: Obj): Obj => pod({ initContainers: [{ name: "proxy", image: "envoyproxy/envoy:v1.31.0", restartPolicy: "Always", ...c }] });
const seccomp = (p: Obj): Obj => pod({ securityContext: { seccompProfile: p } });
const appArmor = (p: Obj): Obj => pod({}, { securityContext: { appArmorProfile: p } });

export const ROWS: readonly Row[] = [
  // --- restartPolicy per owner kind (apps): only Always
  { upstream: `${APPS} TestValidateDeployment: template restartPolicy must be Always`, manifest: deploy({ restartPolicy: "Never" }), rule: "forbidden-value", valid: false, says: '"Never"' },
  { upstream: `${APPS} TestValidateDeployment: template restartPolicy must be Always`, manifest: deploy({ restartPolicy: "OnFailure" }), rule: "forbidden-value", valid: false, says: '"OnFailure"' },
  { upstream: `${APPS} TestValidateDeployment: valid deployment (restartPolicy Always)`, manifest: deploy({ restartPolicy: "Always" }), rule: "forbidden-value", valid: true },
  { upstream: `${APPS} TestValidateDeployment: valid deployment (restartPolicy defaulted to Always)`, manifest: deploy(), rule: "forbidden-value", valid: true },
  { upstream: `${APPS} TestValidateReplicaSet: invalid restart policy`, manifest: workload("ReplicaSet", { restartPolicy: "OnFailure" }), rule: "forbidden-value", valid: false, says: '"OnFailure"' },
  { upstream: `${APPS} TestValidateStatefulSet: invalid restart policy`, manifest: workload("StatefulSet", { restartPolicy: "Never" }), rule: "forbidden-value", valid: false, says: '"Never"' },
  { upstream: `${APPS} TestValidateStatefulSet: valid template`, manifest: workload("StatefulSet", { restartPolicy: "Always" }), rule: "forbidden-value", valid: true },
  { upstream: `${APPS} TestValidateDaemonSet: invalid restart policy`, manifest: workload("DaemonSet", { restartPolicy: "OnFailure" }), rule: "forbidden-value", valid: false, says: '"OnFailure"' },
  { upstream: `${CORE} TestValidateReplicationController: invalid restart policy`, manifest: workload("ReplicationController", { restartPolicy: "Never" }), rule: "forbidden-value", valid: false, says: '"Never"' },
  { upstream: `${BATCH} TestValidateJob: restartPolicy OnFailure is valid for a Job`, manifest: job({}, { restartPolicy: "OnFailure" }), rule: "forbidden-value", valid: true },
  // --- activeDeadlineSeconds in controllers' templates
  { upstream: `${APPS} TestValidateReplicaSet: activeDeadlineSeconds in ReplicaSet is not Supported`, manifest: workload("ReplicaSet", { activeDeadlineSeconds: 3 }), rule: "forbidden-value", valid: false, says: '"3"' },
  { upstream: `${APPS} TestValidateDeployment: activeDeadlineSeconds not supported`, manifest: deploy({ activeDeadlineSeconds: 30 }), rule: "forbidden-value", valid: false, says: '"30"' },
  { upstream: `${APPS} TestValidateStatefulSet: activeDeadlineSeconds must not be specified`, manifest: workload("StatefulSet", { activeDeadlineSeconds: 30 }), rule: "forbidden-value", valid: false },
  { upstream: `${APPS} TestValidateDaemonSet: activeDeadlineSeconds not supported`, manifest: workload("DaemonSet", { activeDeadlineSeconds: 30 }), rule: "forbidden-value", valid: false },
  { upstream: `${BATCH} TestValidateJob: activeDeadlineSeconds in a Job template is valid`, manifest: job({}, { activeDeadlineSeconds: 30 }), rule: "forbidden-value", valid: true },
  // --- ephemeral containers
  { upstream: `${APPS} TestValidateDeployment: must not have ephemeral containers`, manifest: deploy({ ephemeralContainers: [{ name: "debug", image: "busybox:1.36" }] }), rule: "forbidden-value", valid: false },
  { upstream: `${CORE} TestValidatePodTemplate: ephemeral containers not allowed in pod template`, manifest: { apiVersion: "v1", kind: "PodTemplate", metadata: { name: "t" }, template: { spec: { containers: [container()], ephemeralContainers: [{ name: "debug", image: "busybox:1.36" }] } } }, rule: "forbidden-value", valid: false },
  { upstream: `${CORE} cases of ValidatePodCreate: ephemeral containers cannot be set on create`, manifest: pod({ ephemeralContainers: [{ name: "debug", image: "busybox:1.36" }] }), rule: "forbidden-value", valid: false },
  // --- container restartPolicy
  { upstream: `${CORE} TestValidateContainers: restartPolicy on a regular container is forbidden`, manifest: pod({}, { restartPolicy: "Always" }), rule: "forbidden-value", valid: false, says: '"Always"', kubernetesVersion: "1.33" },
  { upstream: `${CORE} TestValidateInitContainers: sidecar with restartPolicy Always`, manifest: pod({ initContainers: [container({ name: "side", restartPolicy: "Always" })] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateInitContainers: init container restartPolicy Never is not supported`, manifest: pod({ initContainers: [container({ name: "init", restartPolicy: "Never" })] }), rule: "forbidden-value", valid: false, says: '"Never"', kubernetesVersion: "1.33" },
  { upstream: `${CORE} TestValidateInitContainers: init container restartPolicy OnFailure is not supported`, manifest: pod({ initContainers: [container({ name: "init", restartPolicy: "OnFailure" })] }), rule: "forbidden-value", valid: false, says: '"OnFailure"', kubernetesVersion: "1.33" },
  // --- container restart rules (ContainerRestartRules, on by default from 1.35)
  { upstream: `${VCRP}: app container restartPolicy Never with rules`, manifest: pod({ restartPolicy: "Never" }, { restartPolicy: "Never", restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "In", values: [42] } }] }), rule: "forbidden-value", valid: true, kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: unsupported app container restartPolicy`, manifest: pod({}, { restartPolicy: "Sometimes" }), rule: "forbidden-value", valid: false, says: '"Sometimes"', kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: unsupported init container restartPolicy`, manifest: pod({ initContainers: [container({ name: "init", restartPolicy: "always" })] }), rule: "forbidden-value", valid: false, says: '"always"', kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: init container restartPolicy OnFailure`, manifest: pod({ initContainers: [container({ name: "init", restartPolicy: "OnFailure" })] }), rule: "forbidden-value", valid: true, kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: rules without restartPolicy`, manifest: deploy({}, { restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "In", values: [42] } }] }), rule: "required-value", valid: false, says: "restartPolicyRules", kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: rule without exitCodes`, manifest: job({}, { containers: [container({ restartPolicy: "Never", restartPolicyRules: [{ action: "Restart" }] })] }), rule: "required-value", valid: false, says: "exitCodes", kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: more than 20 rules`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: Array.from({ length: 21 }, (_, i) => ({ action: "Restart", exitCodes: { operator: "In", values: [i + 1] } })) }), rule: "forbidden-value", valid: false, says: "21", kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: 20 rules`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: Array.from({ length: 20 }, (_, i) => ({ action: "Restart", exitCodes: { operator: "In", values: [i + 1] } })) }), rule: "forbidden-value", valid: true, kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: more than 255 exit codes`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "NotIn", values: Array.from({ length: 256 }, (_, i) => i) } }] }), rule: "forbidden-value", valid: false, says: "256", kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: unsupported operator`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "Exists", values: [1] } }] }), rule: "forbidden-value", valid: false, says: '"Exists"', kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: action RestartAllContainers without RestartAllContainersOnContainerExits`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: [{ action: "RestartAllContainers", exitCodes: { operator: "In", values: [1] } }] }), rule: "forbidden-value", valid: false, says: '"RestartAllContainers"', kubernetesVersion: "1.35" },
  { upstream: `${CORE} (cases exercising validateInitContainerRestartPolicy): rules on a sidecar are forbidden`, manifest: withSidecar({ restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "In", values: [1] } }] }), rule: "forbidden-value", valid: false, says: "sidecar", kubernetesVersion: "1.35" },
  { upstream: `${VCRP}: duplicate and out-of-range exit codes are not checked`, manifest: pod({}, { restartPolicy: "Never", restartPolicyRules: [{ action: "Restart", exitCodes: { operator: "In", values: [300, -1, 3, 3] } }] }), rule: "forbidden-value", valid: true, kubernetesVersion: "1.35" },
  { upstream: `${CORE} TestValidateEphemeralContainers: restartPolicy on an ephemeral container`, manifest: pod({ ephemeralContainers: [{ name: "debug", image: "busybox:1.36", restartPolicy: "Always" }] }), rule: "forbidden-value", valid: false, says: '"Always"', kubernetesVersion: "1.33" },
  // --- init containers without restartPolicy Always
  { upstream: `${CORE} TestValidateInitContainers: init container with lifecycle`, manifest: pod({ initContainers: [container({ name: "init", lifecycle: { preStop: { exec: { command: ["true"] } } } })] }), rule: "forbidden-value", valid: false, says: "lifecycle" },
  { upstream: `${CORE} TestValidateInitContainers: init container with livenessProbe`, manifest: pod({ initContainers: [container({ name: "init", livenessProbe: { tcpSocket: { port: 80 } } })] }), rule: "forbidden-value", valid: false, says: "livenessProbe" },
  { upstream: `${CORE} TestValidateInitContainers: init container with readinessProbe`, manifest: pod({ initContainers: [container({ name: "init", readinessProbe: { tcpSocket: { port: 80 } } })] }), rule: "forbidden-value", valid: false, says: "readinessProbe" },
  { upstream: `${CORE} TestValidateInitContainers: init container with startupProbe`, manifest: pod({ initContainers: [container({ name: "init", startupProbe: { tcpSocket: { port: 80 } } })] }), rule: "forbidden-value", valid: false, says: "startupProbe" },
  { upstream: `${CORE} TestValidateInitContainers: restartable init container with probes and lifecycle`, manifest: pod({ initContainers: [container({ name: "side", restartPolicy: "Always", startupProbe: { tcpSocket: { port: 80 } }, livenessProbe: { tcpSocket: { port: 80 } }, lifecycle: { preStop: { exec: { command: ["true"] } } } })] }), rule: "forbidden-value", valid: true },
  // --- readiness probe terminationGracePeriodSeconds
  { upstream: `${CORE} TestValidateContainers: readinessProbe.terminationGracePeriodSeconds must not be set (one finding, invalid-value's)`, manifest: pod({}, { readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateContainers: livenessProbe.terminationGracePeriodSeconds is valid`, manifest: pod({}, { livenessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 } }), rule: "forbidden-value", valid: true },
  // --- volumes: one source
  { upstream: `${CORE} TestValidateVolumes: multiple volume types`, manifest: pod({ volumes: [{ name: "v", emptyDir: {}, hostPath: { path: "/x" } }] }), rule: "forbidden-value", valid: false, says: '"hostPath"' },
  { upstream: `${CORE} TestValidateVolumes: multiple volume types (secret and configMap)`, manifest: pod({ volumes: [{ name: "v", secret: { secretName: "s" }, configMap: { name: "c" } }] }), rule: "forbidden-value", valid: false, says: '"configMap"' },
  { upstream: `${CORE} TestValidateVolumes: no volume type is defaulted to emptyDir (SetDefaults_Volume)`, manifest: pod({ volumes: [{ name: "v" }] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateVolumes: valid emptyDir`, manifest: pod({ volumes: [{ name: "v", emptyDir: { sizeLimit: "1Gi" } }] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateVolumes (projected): more than one volume type per source`, manifest: pod({ volumes: [{ name: "v", projected: { sources: [{ secret: { name: "s" }, configMap: { name: "c" } }] } }] }), rule: "forbidden-value", valid: false, says: '"configMap"' },
  { upstream: `${CORE} TestValidateVolumes (projected): one type per source`, manifest: pod({ volumes: [{ name: "v", projected: { sources: [{ secret: { name: "s" } }, { configMap: { name: "c" } }] } }] }), rule: "forbidden-value", valid: true },
  // --- projected duplicate paths
  { upstream: `${CORE} TestValidateVolumes (projected): conflicting duplicate paths`, manifest: pod({ volumes: [{ name: "v", projected: { sources: [{ secret: { name: "s", items: [{ key: "a", path: "x" }] } }, { configMap: { name: "c", items: [{ key: "b", path: "x" }] } }] } }] }), rule: "duplicate-value", valid: false, says: '"x"' },
  { upstream: `${CORE} TestValidateVolumes (projected): service account token path clashing with a secret item`, manifest: pod({ volumes: [{ name: "v", projected: { sources: [{ secret: { name: "s", items: [{ key: "a", path: "token" }] } }, { serviceAccountToken: { path: "token" } }] } }] }), rule: "duplicate-value", valid: false, says: '"token"' },
  { upstream: `${CORE} TestValidateVolumes (projected): distinct paths`, manifest: pod({ volumes: [{ name: "v", projected: { sources: [{ secret: { name: "s", items: [{ key: "a", path: "x" }] } }, { configMap: { name: "c", items: [{ key: "b", path: "y" }] } }] } }] }), rule: "duplicate-value", valid: true },
  // --- downward API files
  { upstream: `${CORE} TestValidateVolumes (downwardAPI): fieldRef and resourceFieldRef together`, manifest: pod({ volumes: [{ name: "v", downwardAPI: { items: [{ path: "n", fieldRef: { fieldPath: "metadata.name" }, resourceFieldRef: { containerName: "app", resource: "limits.cpu" } }] } }] }), rule: "invalid-combination", valid: false, says: '"n"' },
  { upstream: `${CORE} TestValidateVolumes (downwardAPI): item without fieldRef or resourceFieldRef`, manifest: pod({ volumes: [{ name: "v", downwardAPI: { items: [{ path: "n" }] } }] }), rule: "invalid-combination", valid: false, says: "neither" },
  { upstream: `${CORE} TestValidateVolumes (downwardAPI): valid fieldRef item`, manifest: pod({ volumes: [{ name: "v", downwardAPI: { items: [{ path: "n", fieldRef: { fieldPath: "metadata.name" } }] } }] }), rule: "invalid-combination", valid: true },
  // --- env
  { upstream: `${CORE} TestValidateEnv: valueFrom with a non-empty value`, manifest: pod({}, { env: [{ name: "A", value: "x", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }), rule: "invalid-combination", valid: false, says: '"x"' },
  { upstream: `${CORE} TestValidateEnv: valueFrom with more than one source`, manifest: pod({}, { env: [{ name: "A", valueFrom: { fieldRef: { fieldPath: "metadata.name" }, configMapKeyRef: { name: "c", key: "k" } } }] }), rule: "invalid-combination", valid: false, says: '"configMapKeyRef"' },
  { upstream: `${CORE} TestValidateEnv: valueFrom with one source`, manifest: pod({}, { env: [{ name: "A", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateEnv: empty value with valueFrom is valid`, manifest: pod({}, { env: [{ name: "A", value: "", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateEnv: valueFrom without a source`, manifest: pod({}, { env: [{ name: "A", valueFrom: {} }] }), rule: "required-value", valid: false, says: '"A"' },
  { upstream: `${CORE} TestValidateEnvFrom: configMapRef and secretRef in one entry`, manifest: pod({}, { envFrom: [{ configMapRef: { name: "c" }, secretRef: { name: "s" } }] }), rule: "invalid-combination", valid: false },
  { upstream: `${CORE} TestValidateEnvFrom: neither configMapRef nor secretRef`, manifest: pod({}, { envFrom: [{ prefix: "P_" }] }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidateEnvFrom: valid configMapRef`, manifest: pod({}, { envFrom: [{ configMapRef: { name: "c" } }] }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateEnvFrom: valid secretRef with prefix`, manifest: pod({}, { envFrom: [{ prefix: "P_", secretRef: { name: "s" } }] }), rule: "invalid-combination", valid: true },
  // --- volume mounts
  { upstream: `${CORE} TestValidateVolumeMounts: subPath and subPathExpr are mutually exclusive`, manifest: pod({ volumes: [{ name: "v", emptyDir: {} }] }, { volumeMounts: [{ name: "v", mountPath: "/v", subPath: "a", subPathExpr: "$(B)" }] }), rule: "invalid-combination", valid: false, says: '"a"' },
  { upstream: `${CORE} TestValidateVolumeMounts: subPathExpr alone`, manifest: pod({ volumes: [{ name: "v", emptyDir: {} }] }, { volumeMounts: [{ name: "v", mountPath: "/v", subPathExpr: "$(B)" }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateVolumeMounts: mountPath must be unique`, manifest: pod({ volumes: [{ name: "v", emptyDir: {} }, { name: "w", emptyDir: {} }] }, { volumeMounts: [{ name: "v", mountPath: "/v" }, { name: "w", mountPath: "/v" }] }), rule: "duplicate-value", valid: false, says: '"/v"' },
  { upstream: `${CORE} TestValidateVolumeMounts: one volume at two paths`, manifest: pod({ volumes: [{ name: "v", emptyDir: {} }] }, { volumeMounts: [{ name: "v", mountPath: "/a" }, { name: "v", mountPath: "/b" }] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} cases of validateMountPropagation: Bidirectional in a non-privileged container`, manifest: pod({ volumes: [{ name: "v", hostPath: { path: "/mnt" } }] }, { volumeMounts: [{ name: "v", mountPath: "/mnt", mountPropagation: "Bidirectional" }] }), rule: "forbidden-value", valid: false, says: '"Bidirectional"' },
  { upstream: `${CORE} cases of validateMountPropagation: Bidirectional in a privileged container`, manifest: pod({ volumes: [{ name: "v", hostPath: { path: "/mnt" } }] }, { securityContext: { privileged: true }, volumeMounts: [{ name: "v", mountPath: "/mnt", mountPropagation: "Bidirectional" }] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} cases of validateMountPropagation: HostToContainer in a non-privileged container`, manifest: pod({ volumes: [{ name: "v", hostPath: { path: "/mnt" } }] }, { volumeMounts: [{ name: "v", mountPath: "/mnt", mountPropagation: "HostToContainer" }] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} cases of validateVolumeDevices: devicePath must be unique`, manifest: pod({ volumes: [{ name: "a", persistentVolumeClaim: { claimName: "a" } }, { name: "b", persistentVolumeClaim: { claimName: "b" } }] }, { volumeDevices: [{ name: "a", devicePath: "/dev/x" }, { name: "b", devicePath: "/dev/x" }] }), rule: "duplicate-value", valid: false, says: '"/dev/x"' },
  // --- ports
  { upstream: `${CORE} TestValidatePorts: duplicate port name`, manifest: pod({}, { ports: [{ name: "http", containerPort: 80 }, { name: "http", containerPort: 81 }] }), rule: "duplicate-value", valid: false, says: '"http"' },
  { upstream: `${CORE} TestValidatePorts: distinct names`, manifest: pod({}, { ports: [{ name: "http", containerPort: 80 }, { name: "https", containerPort: 443 }] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} TestValidatePodSpec / checkHostPortConflicts: same hostPort and protocol in two containers`, manifest: pod({ containers: [container({ name: "a", ports: [{ containerPort: 80, hostPort: 8080 }] }), container({ name: "b", ports: [{ containerPort: 81, hostPort: 8080 }] })] }), rule: "duplicate-value", valid: false, says: '"8080"' },
  { upstream: `${CORE} TestValidatePodSpec / checkHostPortConflicts: same hostPort, other protocol`, manifest: pod({ containers: [container({ name: "a", ports: [{ containerPort: 53, hostPort: 53, protocol: "UDP" }] }), container({ name: "b", ports: [{ containerPort: 53, hostPort: 53 }] })] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} cases of checkHostPortConflicts after SetDefaults_Pod (defaultHostNetworkPorts): two containers on one port under hostNetwork`, manifest: pod({ hostNetwork: true, containers: [container({ name: "a", ports: [{ containerPort: 8080 }] }), container({ name: "b", ports: [{ containerPort: 8080 }] })] }), rule: "duplicate-value", valid: false, says: '"8080"' },
  { upstream: `${CORE} cases of checkHostPortConflicts: two containers on one port without hostNetwork`, manifest: pod({ containers: [container({ name: "a", ports: [{ containerPort: 8080 }] }), container({ name: "b", ports: [{ containerPort: 8080 }] })] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} TestAccumulateUniqueHostPorts: same hostPort on different hostIPs`, manifest: pod({ containers: [container({ name: "a", ports: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.1" }] }), container({ name: "b", ports: [{ containerPort: 80, hostPort: 80, hostIP: "10.0.0.2" }] })] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} TestValidateInitContainers: init containers run one at a time, a hostPort reused by an app container`, manifest: pod({ initContainers: [container({ name: "init", ports: [{ containerPort: 80, hostPort: 80 }] })] }, { ports: [{ containerPort: 80, hostPort: 80 }] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} cases of validateHostNetwork: containerPort must match hostPort`, manifest: pod({ hostNetwork: true }, { ports: [{ containerPort: 8080, hostPort: 80 }] }), rule: "invalid-combination", valid: false, says: '"8080"' },
  { upstream: `${CORE} cases of validateHostNetwork: hostPort equal to containerPort`, manifest: pod({ hostNetwork: true }, { ports: [{ containerPort: 80, hostPort: 80 }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} cases of validateHostNetwork: hostPort left to default to containerPort`, manifest: pod({ hostNetwork: true }, { ports: [{ containerPort: 8080 }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} cases of validateHostNetwork: without hostNetwork, hostPort may differ`, manifest: pod({}, { ports: [{ containerPort: 8080, hostPort: 80 }] }), rule: "invalid-combination", valid: true },
  // --- security contexts and namespaces
  { upstream: `${CORE} TestAllowPrivilegeEscalation: privileged with allowPrivilegeEscalation false`, manifest: pod({}, { securityContext: { privileged: true, allowPrivilegeEscalation: false } }), rule: "invalid-combination", valid: false, says: '"false"' },
  { upstream: `${CORE} TestAllowPrivilegeEscalation: CAP_SYS_ADMIN with allowPrivilegeEscalation false`, manifest: pod({}, { securityContext: { capabilities: { add: ["CAP_SYS_ADMIN"] }, allowPrivilegeEscalation: false } }), rule: "invalid-combination", valid: false, says: '"CAP_SYS_ADMIN"' },
  { upstream: `${CORE} TestAllowPrivilegeEscalation: allowPrivilegeEscalation false, not privileged`, manifest: pod({}, { securityContext: { privileged: false, allowPrivilegeEscalation: false } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestAllowPrivilegeEscalation: privileged with allowPrivilegeEscalation true`, manifest: pod({}, { securityContext: { privileged: true, allowPrivilegeEscalation: true } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidatePodSpec: shareProcessNamespace with hostPID`, manifest: pod({ hostPID: true, shareProcessNamespace: true }), rule: "invalid-combination", valid: false },
  { upstream: `${CORE} TestValidatePodSpec: shareProcessNamespace alone`, manifest: pod({ shareProcessNamespace: true }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} validation_test.go cases of validateHostUsers: hostUsers false with hostNetwork`, manifest: pod({ hostUsers: false, hostNetwork: true }), rule: "forbidden-value", valid: false, says: "hostNetwork" },
  { upstream: `${CORE} validation_test.go cases of validateHostUsers: hostUsers false with hostPID`, manifest: pod({ hostUsers: false, hostPID: true }), rule: "forbidden-value", valid: false, says: "hostPID" },
  { upstream: `${CORE} validation_test.go cases of validateHostUsers: hostUsers false with hostIPC`, manifest: pod({ hostUsers: false, hostIPC: true }), rule: "forbidden-value", valid: false, says: "hostIPC" },
  { upstream: `${CORE} validation_test.go cases of validateHostUsers: hostUsers true with hostNetwork`, manifest: pod({ hostUsers: true, hostNetwork: true }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} validation_test.go cases of validateWindows: windows pod with runAsUser`, manifest: pod({ os: { name: "windows" }, securityContext: { runAsUser: 1 } }), rule: "forbidden-value", valid: false, says: "runAsUser" },
  { upstream: `${CORE} validation_test.go cases of validateWindows: windows pod with seccompProfile`, manifest: pod({ os: { name: "windows" }, securityContext: { seccompProfile: { type: "RuntimeDefault" } } }), rule: "forbidden-value", valid: false, says: "seccompProfile" },
  { upstream: `${CORE} validation_test.go cases of validateWindows: windows container with capabilities`, manifest: pod({ os: { name: "windows" } }, { securityContext: { capabilities: { drop: ["ALL"] } } }), rule: "forbidden-value", valid: false, says: "capabilities" },
  { upstream: `${CORE} validation_test.go cases of validateWindows: windows pod with windowsOptions only`, manifest: pod({ os: { name: "windows" }, securityContext: { windowsOptions: { runAsUserName: "ContainerUser" } } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} validation_test.go cases of validateLinux: linux pod with windowsOptions`, manifest: pod({ os: { name: "linux" }, securityContext: { windowsOptions: { runAsUserName: "u" } } }), rule: "forbidden-value", valid: false, says: '"linux"' },
  { upstream: `${CORE} validation_test.go cases of validateLinux: linux pod with Linux settings`, manifest: pod({ os: { name: "linux" }, securityContext: { runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} validation_test.go cases of validateOS: no os, Linux settings are fine`, manifest: pod({ securityContext: { runAsUser: 1000 } }), rule: "forbidden-value", valid: true },
  // --- DNS
  { upstream: `${CORE} TestValidatePodDNSConfig: dnsPolicy None without dnsConfig`, manifest: pod({ dnsPolicy: "None" }), rule: "required-value", valid: false, says: '"None"' },
  { upstream: `${CORE} TestValidatePodDNSConfig: dnsPolicy None with no nameserver`, manifest: pod({ dnsPolicy: "None", dnsConfig: { searches: ["a.local"] } }), rule: "required-value", valid: false, says: "nameserver" },
  { upstream: `${CORE} TestValidatePodDNSConfig: dnsPolicy None with a nameserver`, manifest: pod({ dnsPolicy: "None", dnsConfig: { nameservers: ["1.2.3.4"] } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidatePodDNSConfig: dnsConfig without dnsPolicy None`, manifest: pod({ dnsConfig: { searches: ["a.local"] } }), rule: "required-value", valid: true },
  // --- tolerations
  { upstream: `${CORE} TestValidateTolerations: value must be empty when operator is Exists`, manifest: pod({ tolerations: [{ key: "k", operator: "Exists", value: "v" }] }), rule: "invalid-combination", valid: false, says: '"v"' },
  { upstream: `${CORE} TestValidateTolerations: operator must be Exists when key is empty`, manifest: pod({ tolerations: [{ operator: "Equal", value: "v" }] }), rule: "invalid-combination", valid: false, says: '"Equal"' },
  { upstream: `${CORE} TestValidateTolerations: empty key and empty operator (Equal)`, manifest: pod({ tolerations: [{ effect: "NoSchedule" }] }), rule: "invalid-combination", valid: false },
  { upstream: `${CORE} TestValidateTolerations: effect must be NoExecute when tolerationSeconds is set`, manifest: pod({ tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 10 }] }), rule: "invalid-combination", valid: false, says: '"NoSchedule"' },
  { upstream: `${CORE} TestValidateTolerations: tolerationSeconds with NoExecute`, manifest: pod({ tolerations: [{ key: "k", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateTolerations: empty key with Exists tolerates everything`, manifest: pod({ tolerations: [{ operator: "Exists" }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} cases of ValidateTolerations: operator Gt without the TaintTolerationComparisonOperators gate (alpha, off by default)`, manifest: pod({ tolerations: [{ key: "k", operator: "Gt", value: "5", effect: "NoSchedule" }] }), rule: "forbidden-value", valid: false, says: '"Gt"', kubernetesVersion: "1.35" },
  { upstream: `${CORE} cases of ValidateTolerations: operator Lt before 1.35 is not a supported operator`, manifest: deploy({ tolerations: [{ key: "k", operator: "Lt", value: "5", effect: "NoSchedule" }] }), rule: "forbidden-value", valid: false, says: '"Lt"', kubernetesVersion: "1.34" },
  { upstream: `${CORE} cases of ValidateTolerations: operator Equal with a value`, manifest: pod({ tolerations: [{ key: "k", operator: "Equal", value: "5", effect: "NoSchedule" }] }), rule: "forbidden-value", valid: true, kubernetesVersion: "1.35" },
  // --- topology spread
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: duplicate {topologyKey, whenUnsatisfiable}`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule" }, { maxSkew: 2, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule" }] }), rule: "duplicate-value", valid: false, says: '"k"' },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: same key, different whenUnsatisfiable`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule" }, { maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "ScheduleAnyway" }] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: minDomains with ScheduleAnyway`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "ScheduleAnyway", minDomains: 2 }] }), rule: "invalid-combination", valid: false, says: '"ScheduleAnyway"' },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: matchLabelKeys without labelSelector`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule", matchLabelKeys: ["foo"] }] }), rule: "forbidden-value", valid: false, says: "matchLabelKeys" },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: key in both matchLabelKeys and labelSelector`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { foo: "bar" } }, matchLabelKeys: ["foo"] }] }), rule: "invalid-combination", valid: false, says: '"foo"' },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: matchLabelKeys with a labelSelector of other keys`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { foo: "bar" } }, matchLabelKeys: ["baz"] }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidatePodSpec (pod affinity): matchLabelKeys and mismatchLabelKeys with the same key`, manifest: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "a" } }, topologyKey: "k", matchLabelKeys: ["key"], mismatchLabelKeys: ["key"] }] } } }), rule: "invalid-combination", valid: false, says: '"key"' },
  { upstream: `${CORE} TestValidatePodSpec (pod affinity): mismatchLabelKeys without labelSelector`, manifest: pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "k", mismatchLabelKeys: ["key"] }] } } }), rule: "forbidden-value", valid: false, says: "mismatchLabelKeys" },
  { upstream: `${CORE} TestValidatePodSpec (pod affinity): matchLabelKeys and mismatchLabelKeys with distinct keys`, manifest: pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "a" } }, topologyKey: "k", matchLabelKeys: ["k1"], mismatchLabelKeys: ["k2"] }] } } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateTopologySpreadConstraints: minDomains with DoNotSchedule`, manifest: pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "k", whenUnsatisfiable: "DoNotSchedule", minDomains: 2 }] }), rule: "invalid-combination", valid: true },
  // --- affinity
  { upstream: `${CORE} TestValidateAffinity: empty nodeSelectorTerms`, manifest: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidateAffinity: one node selector term`, manifest: pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "Exists" }] }] } } } }), rule: "required-value", valid: true },
  // --- containers
  { upstream: `${CORE} TestValidatePodSpec: no containers`, manifest: pod({ containers: [] }), rule: "required-value", valid: false },
  // --- resources
  { upstream: `${CORE} TestValidateResourceRequirements: extended resource request without limit`, manifest: pod({}, res({ "example.com/a": "1" })), rule: "required-value", valid: false, says: '"example.com/a"' },
  { upstream: `${CORE} TestValidateResourceRequirements: extended resource limit only (request defaults to it)`, manifest: pod({}, res({}, { "example.com/a": "1" })), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateResourceRequirements: extended resource request below limit`, manifest: pod({}, res({ "example.com/a": "1" }, { "example.com/a": "2" })), rule: "invalid-combination", valid: false, says: '"1"' },
  { upstream: `${CORE} TestValidateResourceRequirements: extended resource request equal to limit`, manifest: pod({}, res({ "example.com/a": "2" }, { "example.com/a": "2" })), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceRequirements: cpu request below limit is overcommit, valid`, manifest: pod({}, res({ cpu: "100m" }, { cpu: "1" })), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceRequirements: kubernetes.io-prefixed resources are native`, manifest: pod({}, res({ "kubernetes.io/foo": "1" })), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateResourceRequirements: hugepages request below limit`, manifest: pod({}, res({ "hugepages-2Mi": "2Mi", memory: "1Gi" }, { "hugepages-2Mi": "4Mi", memory: "1Gi" })), rule: "invalid-combination", valid: false, says: '"2Mi"' },
  { upstream: `${CORE} TestValidateResourceRequirements: hugepages without cpu or memory`, manifest: pod({}, res({ "hugepages-2Mi": "2Mi" }, { "hugepages-2Mi": "2Mi" })), rule: "required-value", valid: false, says: '"hugepages-2Mi"' },
  { upstream: `${CORE} TestValidateResourceRequirements: hugepages with memory`, manifest: pod({}, res({ "hugepages-2Mi": "2Mi", memory: "1Gi" }, { "hugepages-2Mi": "2Mi", memory: "1Gi" })), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateResourceRequirements (ValidateResourceQuantityValue): fractional extended resource`, manifest: pod({}, res({ "example.com/a": "500m" }, { "example.com/a": "500m" })), rule: "invalid-combination", valid: false, says: '"500m"' },
  { upstream: `${CORE} TestValidateResourceRequirements (ValidateResourceQuantityValue): whole extended resource`, manifest: pod({}, res({}, { "example.com/a": "2" })), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidatePodSpec (hugepages): value not a multiple of the page size`, manifest: pod({}, res({ memory: "1Gi" }, { "hugepages-2Mi": "3Mi", memory: "1Gi" })), rule: "invalid-combination", valid: false, says: '"3Mi"' },
  { upstream: `${CORE} TestValidatePodSpec (hugepages): whole pages of 1Gi`, manifest: pod({}, res({ memory: "1Gi" }, { "hugepages-1Gi": "2Gi", memory: "1Gi" })), rule: "invalid-combination", valid: true },
  // --- claims
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: missing-storage-request`, manifest: pvc({ accessModes: ["ReadWriteOnce"] }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: zero storage request`, manifest: pvc({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "0" } } }), rule: "required-value", valid: false, says: '"0"' },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: missing-accessmodes`, manifest: pvc({ ...storage }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: empty accessModes`, manifest: pvc({ accessModes: [], ...storage }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: good-claim`, manifest: pvc({ accessModes: ["ReadWriteOnce"], ...storage }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: ReadWriteOncePod with another mode`, manifest: pvc({ accessModes: ["ReadWriteOncePod", "ReadWriteMany"], ...storage }), rule: "invalid-combination", valid: false, says: '"ReadWriteMany"' },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim: ReadWriteOncePod alone`, manifest: pvc({ accessModes: ["ReadWriteOncePod"], ...storage }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateVolumes (ephemeral): claim template without storage`, manifest: pod({ volumes: [{ name: "v", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"] } } } }] }), rule: "required-value", valid: false, says: '"v"' },
  { upstream: `${CORE} TestValidateVolumes (ephemeral): valid claim template`, manifest: pod({ volumes: [{ name: "v", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], ...storage } } } }] }), rule: "required-value", valid: true },
  // --- StatefulSet claim templates (controller-created claims)
  { upstream: `${CORE} TestValidatePersistentVolumeClaim, applied to the claims createPersistentVolumeClaims makes: no storage`, manifest: sts({ accessModes: ["ReadWriteOnce"] }), rule: "volumeclaimtemplate-unbindable", valid: false, says: '"data"' },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim, applied to controller-created claims: no access modes`, manifest: sts({ ...storage }), rule: "volumeclaimtemplate-unbindable", valid: false, says: "access mode" },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim, applied to controller-created claims: good claim`, manifest: sts({ accessModes: ["ReadWriteOnce"], ...storage }, 3), rule: "volumeclaimtemplate-unbindable", valid: true },
  { upstream: `${APPS} TestValidateStatefulSet: claim templates are not validated as claims by the StatefulSet`, manifest: sts({ accessModes: ["ReadWriteOnce"] }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim (volumeName binds one claim): three replicas pinned to one volume`, manifest: sts({ accessModes: ["ReadWriteOnce"], volumeName: "pv-1", ...storage }, 3), rule: "volumeclaimtemplate-unbindable", valid: false, says: '"pv-1"' },
  { upstream: `${CORE} TestValidatePersistentVolumeClaim (volumeName): one replica pinned to one volume`, manifest: sts({ accessModes: ["ReadWriteOnce"], volumeName: "pv-1", ...storage }, 1), rule: "volumeclaimtemplate-unbindable", valid: true },
  // --- PersistentVolumes
  { upstream: `${CORE} TestValidatePersistentVolumes: missing-accessmodes`, manifest: pv({ capacity: { storage: "1Gi" }, hostPath: { path: "/x" } }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumes: missing-capacity`, manifest: pv({ accessModes: ["ReadWriteOnce"], hostPath: { path: "/x" } }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumes: missing-volume-source`, manifest: pv({ accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumes: local volume without node affinity`, manifest: pv({ accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, local: { path: "/mnt/disk" } }), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidatePersistentVolumes: good-volume`, manifest: pv({ accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "/x" } }), rule: "required-value", valid: true },
  // --- Deployment, StatefulSet strategies
  { upstream: `${APPS} TestValidateDeployment: must be greater than minReadySeconds`, manifest: deploy({}, {}, { progressDeadlineSeconds: 600, minReadySeconds: 600 }), rule: "invalid-combination", valid: false, says: '"600"' },
  { upstream: `${APPS} TestValidateDeployment: minReadySeconds at the defaulted deadline (apps/v1 SetDefaults_Deployment)`, manifest: deploy({}, {}, { minReadySeconds: 600 }), rule: "invalid-combination", valid: false, says: '"600"' },
  { upstream: `${APPS} TestValidateDeployment: progressDeadlineSeconds above minReadySeconds`, manifest: deploy({}, {}, { progressDeadlineSeconds: 601, minReadySeconds: 600 }), rule: "invalid-combination", valid: true },
  { upstream: `${APPS} TestValidateDeployment: rollingUpdate should be nil for recreate`, manifest: deploy({}, {}, { strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } }), rule: "forbidden-value", valid: false, says: '"Recreate"' },
  { upstream: `${APPS} TestValidateDeployment: Recreate without rollingUpdate`, manifest: deploy({}, {}, { strategy: { type: "Recreate" } }), rule: "forbidden-value", valid: true },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge and unavailable set`, manifest: dsRolling({ maxSurge: "1%", maxUnavailable: "1%" }), rule: "invalid-combination", valid: false, says: '"1%"' },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge one (maxUnavailable absent: SetDefaults_DaemonSet makes it 1)`, manifest: dsRolling({ maxSurge: 1 }), rule: "invalid-combination", valid: false, says: 'default maxUnavailable "1"' },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge one percent with unavailable zero`, manifest: dsRolling({ maxSurge: "1%", maxUnavailable: 0 }), rule: "invalid-combination", valid: true },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge zero percent, unavailable one`, manifest: dsRolling({ maxSurge: "0%", maxUnavailable: 1 }), rule: "invalid-combination", valid: true },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge and unavailable zero (rolling-update-zero's finding)`, manifest: dsRolling({ maxSurge: 0, maxUnavailable: "0%" }), rule: "rolling-update-zero", valid: false },
  { upstream: `${APPS} TestDaemonSetUpdateMaxSurge: surge and unavailable zero is not a contradiction of two set values`, manifest: dsRolling({ maxSurge: 0, maxUnavailable: "0%" }), rule: "invalid-combination", valid: true },
  { upstream: `${APPS} TestValidateDaemonSet: OnDelete does not validate the rolling update`, manifest: dsRolling({ maxSurge: 1, maxUnavailable: 1 }, "OnDelete"), rule: "invalid-combination", valid: true },
  { upstream: `${APPS} TestValidateStatefulSet: rollingUpdate only allowed for RollingUpdate`, manifest: workload("StatefulSet", {}, {}, { updateStrategy: { type: "OnDelete", rollingUpdate: { partition: 1 } } }), rule: "forbidden-value", valid: false, says: '"OnDelete"' },
  { upstream: `${APPS} TestValidateStatefulSet: RollingUpdate with partition`, manifest: workload("StatefulSet", {}, {}, { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateReplicationController: selector defaulted from the template's labels`, manifest: workload("ReplicationController", {}, {}, { selector: undefined }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateReplicationController: empty selector and no template labels`, manifest: { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc" }, spec: { template: { spec: { containers: [container()] } } } }, rule: "required-value", valid: false },
  // --- Jobs
  { upstream: `${BATCH} TestValidateJob: manualSelector without selector`, manifest: job({ manualSelector: true }), rule: "required-value", valid: false, says: '"true"' },
  { upstream: `${BATCH} TestValidateJob: completionMode Indexed with parallelism and no completions`, manifest: job({ completionMode: "Indexed", parallelism: 2 }), rule: "required-value", valid: false, says: '"Indexed"' },
  { upstream: `${BATCH} TestValidateJob: completionMode Indexed with completions`, manifest: job({ completionMode: "Indexed", completions: 3 }), rule: "required-value", valid: true },
  { upstream: `${BATCH} TestValidateJob: Indexed with neither completions nor parallelism (both defaulted to 1)`, manifest: job({ completionMode: "Indexed" }), rule: "required-value", valid: true },
  { upstream: `${BATCH} TestValidateJob: backoffLimitPerIndex requires Indexed`, manifest: job({ backoffLimitPerIndex: 1 }), rule: "invalid-combination", valid: false, says: '"1"' },
  { upstream: `${BATCH} TestValidateJob: a FailIndex rule without backoffLimitPerIndex ("requires the backoffLimitPerIndex to be set")`, manifest: job({ completions: 2, completionMode: "Indexed", podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [10] } }] } }), rule: "invalid-combination", valid: false, says: '"FailIndex"' },
  { upstream: `${BATCH} TestValidateJob: valid pod failure policy with FailIndex`, manifest: job({ completions: 2, completionMode: "Indexed", backoffLimitPerIndex: 1, podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [10] } }] } }), rule: "invalid-combination", valid: true },
  { upstream: `${BATCH} TestValidateJob: backoffLimitPerIndex with Indexed`, manifest: job({ backoffLimitPerIndex: 1, completionMode: "Indexed", completions: 3 }), rule: "invalid-combination", valid: true },
  { upstream: `${BATCH} TestValidateJob: maxFailedIndexes without backoffLimitPerIndex`, manifest: job({ maxFailedIndexes: 1, completionMode: "Indexed", completions: 3 }), rule: "required-value", valid: false, says: '"1"' },
  { upstream: `${BATCH} TestValidateJob: successPolicy requires Indexed`, manifest: job({ successPolicy: { rules: [{ succeededCount: 1 }] } }), rule: "invalid-combination", valid: false },
  { upstream: `${BATCH} TestValidateJob: podFailurePolicy with restartPolicy OnFailure`, manifest: job({ podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [1] } }] } }, { restartPolicy: "OnFailure" }), rule: "invalid-combination", valid: false, says: '"OnFailure"' },
  { upstream: `${BATCH} TestValidateJob: podFailurePolicy with restartPolicy Never`, manifest: job({ podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [1] } }] } }), rule: "invalid-combination", valid: true },
  // --- ValidatingAdmissionPolicyBinding validationActions (validateValidationActions)
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: validationActions must not contain both Deny and Warn`, manifest: vapBinding(["Deny", "Warn"]), rule: "invalid-combination", valid: false, says: '"Warn"' },
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: Warn and Audit`, manifest: vapBinding(["Warn", "Audit"]), rule: "invalid-combination", valid: true },
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: duplicate validationActions`, manifest: vapBinding(["Audit", "Audit"]), rule: "duplicate-value", valid: false, says: '"Audit"' },
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: Deny and Audit`, manifest: vapBinding(["Deny", "Audit"]), rule: "duplicate-value", valid: true },
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: validationActions is required (empty)`, manifest: vapBinding([]), rule: "required-value", valid: false },
  { upstream: `${ADMISSION} TestValidateValidatingAdmissionPolicyBinding: one action`, manifest: vapBinding(["Deny"]), rule: "required-value", valid: true },
  // --- Secret types (ValidateSecret; stringData is merged into data first)
  { upstream: `${CORE} TestValidateSecret: tls type without tls.key`, manifest: secret("kubernetes.io/tls", { data: { "tls.crt": "Y2VydA==" } }), rule: "required-value", valid: false, says: '"tls.key"' },
  { upstream: `${CORE} TestValidateSecret: tls type without tls.crt`, manifest: secret("kubernetes.io/tls", { stringData: { "tls.key": "key" } }), rule: "required-value", valid: false, says: '"tls.crt"' },
  { upstream: `${CORE} TestValidateSecret: valid tls (the key from stringData)`, manifest: secret("kubernetes.io/tls", { data: { "tls.crt": "Y2VydA==" }, stringData: { "tls.key": "key" } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateSecret: service-account-token without service-account.name annotation`, manifest: secret("kubernetes.io/service-account-token", {}), rule: "required-value", valid: false, says: "kubernetes.io/service-account.name" },
  { upstream: `${CORE} TestValidateSecret: service-account-token with annotation`, manifest: { ...secret("kubernetes.io/service-account-token", {}), metadata: { name: "s", annotations: { "kubernetes.io/service-account.name": "sa" } } }, rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateDockerConfigSecret: missing .dockerconfigjson`, manifest: secret("kubernetes.io/dockerconfigjson", { data: { ".dockercfg": "e30=" } }), rule: "required-value", valid: false, says: '".dockerconfigjson"' },
  { upstream: `${CORE} TestValidateDockerConfigSecret: missing .dockercfg`, manifest: secret("kubernetes.io/dockercfg", { data: { ".dockerconfigjson": "e30=" } }), rule: "required-value", valid: false, says: '".dockercfg"' },
  { upstream: `${CORE} TestValidateDockerConfigSecret: valid dockerconfigjson`, manifest: secret("kubernetes.io/dockerconfigjson", { data: { ".dockerconfigjson": "e30=" } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateDockerConfigSecret: invalid JSON`, manifest: secret("kubernetes.io/dockerconfigjson", { stringData: { ".dockerconfigjson": "{" } }), rule: "invalid-value", valid: false, says: '".dockerconfigjson"' },
  { upstream: `${CORE} TestValidateDockerConfigSecret: valid dockercfg`, manifest: secret("kubernetes.io/dockercfg", { stringData: { ".dockercfg": "{}" } }), rule: "invalid-value", valid: true },
  { upstream: `${CORE} TestValidateBasicAuthSecret: missing username and password`, manifest: secret("kubernetes.io/basic-auth", { stringData: { user: "admin" } }), rule: "required-value", valid: false, says: '"username"' },
  { upstream: `${CORE} TestValidateBasicAuthSecret: only password (may be empty)`, manifest: secret("kubernetes.io/basic-auth", { stringData: { password: "" } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateSSHAuthSecret: missing ssh-privatekey`, manifest: secret("kubernetes.io/ssh-auth", { data: {} }), rule: "required-value", valid: false, says: '"ssh-privatekey"' },
  { upstream: `${CORE} TestValidateSSHAuthSecret: empty ssh-privatekey`, manifest: secret("kubernetes.io/ssh-auth", { stringData: { "ssh-privatekey": "" } }), rule: "required-value", valid: false, says: "empty" },
  { upstream: `${CORE} TestValidateSSHAuthSecret: valid ssh-auth`, manifest: secret("kubernetes.io/ssh-auth", { stringData: { "ssh-privatekey": "key" } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateSecret: Opaque needs no key`, manifest: secret("Opaque", {}), rule: "required-value", valid: true },
  // --- Ingress
  { upstream: `${NET} TestValidateIngressCreate: neither defaultBackend nor rules`, manifest: ingress({ ingressClassName: "nginx" }), rule: "required-value", valid: false },
  { upstream: `${NET} TestValidateIngressCreate: defaultBackend only`, manifest: ingress({ defaultBackend: { service: { name: "web", port: { number: 80 } } } }), rule: "required-value", valid: true },
  { upstream: `${NET} TestValidateIngressCreate: service backend without port`, manifest: backend({ service: { name: "web" } }), rule: "required-value", valid: false, says: '"web"' },
  { upstream: `${NET} TestValidateIngressCreate: port name and number both set`, manifest: backend({ service: { name: "web", port: { name: "http", number: 80 } } }), rule: "invalid-combination", valid: false, says: '"http"' },
  { upstream: `${NET} TestValidateIngressCreate: service backend with port number`, manifest: backend({ service: { name: "web", port: { number: 80 } } }), rule: "required-value", valid: true },
  { upstream: `${NET} TestValidateIngressCreate: both resource and service backends`, manifest: backend({ service: { name: "web", port: { number: 80 } }, resource: { apiGroup: "example.com", kind: "Bucket", name: "b" } }), rule: "invalid-combination", valid: false },
  { upstream: `${NET} TestValidateIngressCreate: empty backend`, manifest: backend({}), rule: "invalid-combination", valid: false },
  { upstream: `${NET} TestValidateIngressCreate: resource backend`, manifest: backend({ resource: { apiGroup: "example.com", kind: "Bucket", name: "b" } }), rule: "invalid-combination", valid: true },
  { upstream: `${NET} TestValidateIngressCreate: path without pathType (validateHTTPIngressPath, Required "pathType must be specified")`, manifest: ingress({ rules: [{ host: "a.example.com", http: { paths: [{ path: "/", backend: { service: { name: "web", port: { number: 80 } } } }] } }] }), rule: "ingress-path-invalid", valid: false, says: "pathType" },
  { upstream: `${NET} TestValidateIngressCreate: path without pathType is one finding (ingress-path-invalid's)`, manifest: ingress({ rules: [{ host: "a.example.com", http: { paths: [{ path: "/", backend: { service: { name: "web", port: { number: 80 } } } }] } }] }), rule: "missing-required-field", valid: true },
  { upstream: `${NET} TestValidateIngressCreate: class field and annotation set with different value`, manifest: { ...ingress({ ingressClassName: "bar", defaultBackend: { service: { name: "web", port: { number: 80 } } } }), metadata: { name: "i", annotations: { "kubernetes.io/ingress.class": "foo" } } }, rule: "invalid-combination", valid: false, says: '"foo"' },
  { upstream: `${NET} TestValidateIngressCreate: class field and annotation set with same value`, manifest: { ...ingress({ ingressClassName: "foo", defaultBackend: { service: { name: "web", port: { number: 80 } } } }), metadata: { name: "i", annotations: { "kubernetes.io/ingress.class": "foo" } } }, rule: "invalid-combination", valid: true },
  { upstream: `${NET} ValidateIngressCreate before 1.27 (kubernetes/kubernetes#115447): class field and annotation set with the same value ("can not be set when the class field is also set")`, manifest: { ...ingress({ ingressClassName: "foo", defaultBackend: { service: { name: "web", port: { number: 80 } } } }), metadata: { name: "i", annotations: { "kubernetes.io/ingress.class": "foo" } } }, rule: "invalid-combination", valid: false, says: "1.27", kubernetesVersion: "1.26" },
  { upstream: `${NET} TestValidateIngressCreate: class annotation set`, manifest: { ...ingress({ defaultBackend: { service: { name: "web", port: { number: 80 } } } }), metadata: { name: "i", annotations: { "kubernetes.io/ingress.class": "foo" } } }, rule: "invalid-combination", valid: true },
  { upstream: `${NET} TestValidateIngressCreate: http with empty paths`, manifest: ingress({ rules: [{ host: "a.example.com", http: { paths: [] } }] }), rule: "required-value", valid: false },
  // --- Services
  { upstream: `${CORE} TestValidateServiceCreate: missing ports`, manifest: service({}), rule: "required-value", valid: false },
  { upstream: `${CORE} TestValidateServiceCreate: headless without ports`, manifest: service({ clusterIP: "None" }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateServiceCreate: ExternalName without externalName`, manifest: service({ type: "ExternalName" }), rule: "required-value", valid: false, says: '"ExternalName"' },
  { upstream: `${CORE} TestValidateServiceCreate: valid ExternalName`, manifest: service({ type: "ExternalName", externalName: "db.example.com" }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateServiceCreate: ExternalName with clusterIP`, manifest: service({ type: "ExternalName", externalName: "db.example.com", clusterIP: "10.0.0.1" }), rule: "forbidden-value", valid: false, says: '"10.0.0.1"' },
  { upstream: `${CORE} TestValidateServiceCreate: LoadBalancer with clusterIP None`, manifest: service({ type: "LoadBalancer", clusterIP: "None", ports: [{ port: 80 }] }), rule: "invalid-combination", valid: false, says: '"LoadBalancer"' },
  { upstream: `${CORE} TestValidateServiceCreate: nodePort on a ClusterIP Service`, manifest: service({ ports: [{ port: 80, nodePort: 30080 }] }), rule: "forbidden-value", valid: false, says: '"30080"' },
  { upstream: `${CORE} TestValidateServiceCreate: nodePort on a NodePort Service`, manifest: service({ type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateServiceCreate: duplicate port and protocol`, manifest: service({ ports: [{ name: "a", port: 80 }, { name: "b", port: 80 }] }), rule: "duplicate-value", valid: false, says: '"80"' },
  { upstream: `${CORE} TestValidateServiceCreate: same port, different protocols`, manifest: service({ ports: [{ name: "a", port: 53, protocol: "UDP" }, { name: "b", port: 53 }] }), rule: "duplicate-value", valid: true },
  { upstream: `${CORE} TestValidateServiceCreate: duplicate nodePort`, manifest: service({ type: "NodePort", ports: [{ name: "a", port: 80, nodePort: 30080 }, { name: "b", port: 81, nodePort: 30080 }] }), rule: "duplicate-value", valid: false, says: '"30080"' },
  { upstream: `${CORE} TestValidateServiceCreate: loadBalancerSourceRanges on a ClusterIP Service`, manifest: service({ ports: [{ port: 80 }], loadBalancerSourceRanges: ["10.0.0.0/8"] }), rule: "forbidden-value", valid: false },
  { upstream: `${CORE} TestValidateServiceCreate: externalTrafficPolicy on a ClusterIP Service`, manifest: service({ ports: [{ port: 80 }], externalTrafficPolicy: "Local" }), rule: "forbidden-value", valid: false, says: '"Local"' },
  { upstream: `${CORE} TestValidateServiceCreate: externalTrafficPolicy on a LoadBalancer Service`, manifest: service({ type: "LoadBalancer", ports: [{ port: 80 }], externalTrafficPolicy: "Local" }), rule: "forbidden-value", valid: true },
  // --- NetworkPolicy
  { upstream: `${NET} TestValidateNetworkPolicy: empty peer`, manifest: netpol({ from: [{}] }), rule: "invalid-combination", valid: false },
  { upstream: `${NET} TestValidateNetworkPolicy: ipBlock with podSelector in one peer`, manifest: netpol({ from: [{ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }] }), rule: "invalid-combination", valid: false, says: "podSelector" },
  { upstream: `${NET} TestValidateNetworkPolicy: podSelector with namespaceSelector in one peer`, manifest: netpol({ from: [{ podSelector: {}, namespaceSelector: {} }] }), rule: "invalid-combination", valid: true },
  { upstream: `${NET} TestValidateNetworkPolicy: endPort without port`, manifest: netpol({ ports: [{ endPort: 90 }] }), rule: "invalid-combination", valid: false, says: '"90"' },
  { upstream: `${NET} TestValidateNetworkPolicy: endPort with a named port`, manifest: netpol({ ports: [{ port: "http", endPort: 90 }] }), rule: "invalid-combination", valid: false, says: '"http"' },
  { upstream: `${NET} TestValidateNetworkPolicy: endPort below port`, manifest: netpol({ ports: [{ port: 100, endPort: 90 }] }), rule: "invalid-combination", valid: false, says: '"90"' },
  { upstream: `${NET} TestValidateNetworkPolicy: valid port range`, manifest: netpol({ ports: [{ port: 80, endPort: 90 }] }), rule: "invalid-combination", valid: true },
  // --- RBAC
  { upstream: `${RBAC} TestValidateRoleNonResourceURL: a namespaced Role cannot have nonResourceURLs (one finding, invalid-value's)`, manifest: role("Role", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]), rule: "invalid-combination", valid: true },
  { upstream: `${RBAC} cases of ValidatePolicyRule: ClusterRole with nonResourceURLs`, manifest: role("ClusterRole", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]), rule: "invalid-combination", valid: true },
  { upstream: `${RBAC} cases of ValidatePolicyRule: resources and nonResourceURLs in one rule`, manifest: role("ClusterRole", [{ nonResourceURLs: ["/metrics"], apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), rule: "invalid-combination", valid: false },
  { upstream: `${RBAC} ValidatePolicyRule: nonResourceURLs with resourceNames alone`, manifest: role("ClusterRole", [{ nonResourceURLs: ["/healthz"], resourceNames: ["healthz"], verbs: ["get"] }]), rule: "invalid-combination", valid: false },
  { upstream: `${RBAC} ValidatePolicyRule: nonResourceURLs with apiGroups alone`, manifest: role("ClusterRole", [{ nonResourceURLs: ["/healthz"], apiGroups: [""], verbs: ["get"] }]), rule: "invalid-combination", valid: false },
  { upstream: `${RBAC} cases of ValidatePolicyRule: rule with apiGroups, resources and verbs`, manifest: role("Role", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]), rule: "required-value", valid: true },
  { upstream: `${RBAC} cases of ValidatePolicyRule: verbs must contain at least one value (one finding, invalid-value's)`, manifest: role("Role", [{ apiGroups: [""], resources: ["pods"], verbs: [] }]), rule: "required-value", valid: true },
  { upstream: `${RBAC} cases of ValidatePolicyRule: resource rules must supply at least one api group`, manifest: role("Role", [{ resources: ["pods"], verbs: ["get"] }]), rule: "required-value", valid: false, says: "apiGroups" },
  { upstream: `${RBAC} cases of ValidatePolicyRule: resource rules must supply at least one resource`, manifest: role("Role", [{ apiGroups: [""], verbs: ["get"] }]), rule: "required-value", valid: false, says: "resources" },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: ServiceAccount without namespace in a ClusterRoleBinding`, manifest: binding("ClusterRoleBinding", { kind: "ServiceAccount", name: "sa" }), rule: "required-value", valid: false, says: '"sa"' },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: ServiceAccount without namespace in a RoleBinding`, manifest: binding("RoleBinding", { kind: "ServiceAccount", name: "sa" }), rule: "required-value", valid: true },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: ServiceAccount with an apiGroup (one finding, invalid-value's)`, manifest: binding("RoleBinding", { kind: "ServiceAccount", name: "sa", apiGroup: "rbac.authorization.k8s.io" }), rule: "forbidden-value", valid: true },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: User with the core group (one finding, invalid-value's)`, manifest: binding("ClusterRoleBinding", { kind: "User", name: "alice", apiGroup: "v1" }), rule: "forbidden-value", valid: true },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: User with rbac.authorization.k8s.io`, manifest: binding("ClusterRoleBinding", { kind: "User", name: "alice", apiGroup: "rbac.authorization.k8s.io" }), rule: "forbidden-value", valid: true },
  { upstream: `${RBAC} TestValidateRoleNonResourceURL: the namespaced Role's nonResourceURLs are still reported, once`, manifest: role("Role", [{ nonResourceURLs: ["/metrics"], verbs: ["get"] }]), rule: "invalid-value", valid: false, says: '"/metrics"' },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: the ServiceAccount's apiGroup is still reported, once`, manifest: binding("RoleBinding", { kind: "ServiceAccount", name: "sa", apiGroup: "rbac.authorization.k8s.io" }), rule: "invalid-value", valid: false, says: '"rbac.authorization.k8s.io"' },
  { upstream: `${CORE} TestValidateContainers: the readiness probe's terminationGracePeriodSeconds is still reported, once`, manifest: pod({}, { readinessProbe: { tcpSocket: { port: 80 }, terminationGracePeriodSeconds: 10 } }), rule: "invalid-value", valid: false },
  // --- PodDisruptionBudget, ConfigMap
  { upstream: `${POLICY} TestValidatePodDisruptionBudgetSpec: minAvailable and maxUnavailable both set`, manifest: pdb({ minAvailable: 1, maxUnavailable: 1 }), rule: "invalid-combination", valid: false },
  { upstream: `${POLICY} TestValidatePodDisruptionBudgetSpec: minAvailable only`, manifest: pdb({ minAvailable: "50%" }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateConfigMap: key in data and binaryData`, manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "x" }, binaryData: { a: "eA==" } }, rule: "duplicate-value", valid: false, says: '"a"' },
  { upstream: `${CORE} TestValidateConfigMap: distinct keys in data and binaryData`, manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "x" }, binaryData: { b: "eA==" } }, rule: "duplicate-value", valid: true },
  // --- same kind name, another API group: not judged
  { upstream: `${NET} TestValidateNetworkPolicy scope: a custom resource named NetworkPolicy (crd.projectcalico.org) is another type`, manifest: { apiVersion: "crd.projectcalico.org/v1", kind: "NetworkPolicy", metadata: { name: "n" }, spec: { ingress: [{ from: [{}] }] } }, rule: "invalid-combination", valid: true },
  // --- probe and lifecycle handlers (validateHandler, validateExecAction)
  { upstream: `${CORE} TestValidateProbe: an exec handler without a command`, manifest: pod({}, { livenessProbe: { exec: {} } }), rule: "required-value", valid: false, says: "liveness probe" },
  { upstream: `${CORE} TestValidateProbe: an exec handler with an empty command`, manifest: pod({}, { readinessProbe: { exec: { command: [] } } }), rule: "required-value", valid: false, says: "readiness probe" },
  { upstream: `${CORE} TestValidateProbe: an exec handler with a command`, manifest: pod({}, { readinessProbe: { exec: { command: ["cat", "/tmp/ready"] } } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateProbe: a sidecar's startup probe is validated like a container's`, manifest: withSidecar({ startupProbe: { exec: { command: [] } } }), rule: "required-value", valid: false, says: '"proxy"' },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): postStart with no handler`, manifest: pod({}, { lifecycle: { postStart: {} } }), rule: "required-value", valid: false, says: "postStart" },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): preStop with an exec handler without a command`, manifest: pod({}, { lifecycle: { preStop: { exec: { command: [] } } } }), rule: "required-value", valid: false, says: "preStop" },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): preStop with a sleep handler`, manifest: pod({}, { lifecycle: { preStop: { sleep: { seconds: 5 } } } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): postStart with two handlers`, manifest: pod({}, { lifecycle: { postStart: { exec: { command: ["true"] }, httpGet: { path: "/", port: 80 } } } }), rule: "forbidden-value", valid: false, says: '"httpGet"' },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): preStop with tcpSocket and sleep, sleep counted last`, manifest: pod({}, { lifecycle: { preStop: { sleep: { seconds: 1 }, tcpSocket: { port: 80 } } } }), rule: "forbidden-value", valid: false, says: '"sleep"' },
  { upstream: `${CORE} TestValidateLifecycle (cases of validateHandler): preStop with one httpGet handler`, manifest: pod({}, { lifecycle: { preStop: { httpGet: { path: "/drain", port: 80 } } } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateInitContainers: an init container that is not a sidecar may not have lifecycle, and it is not judged further`, manifest: pod({ initContainers: [{ name: "init", image: "busybox:1.36", lifecycle: { postStart: {} } }] }), rule: "required-value", valid: true },
  // --- seccomp and AppArmor profiles (validateSeccompProfileField, ValidateAppArmorProfileField)
  { upstream: `${CORE} TestValidatePodSpec (cases of validateSeccompProfileField): Localhost without localhostProfile`, manifest: seccomp({ type: "Localhost" }), rule: "required-value", valid: false, says: '"Localhost"' },
  { upstream: `${CORE} TestValidatePodSpec (cases of validateSeccompProfileField): Localhost with a relative localhostProfile`, manifest: seccomp({ type: "Localhost", localhostProfile: "profiles/audit.json" }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidatePodSpec (cases of validateSeccompProfileField): Localhost with an empty localhostProfile (a set pointer; validateLocalDescendingPath accepts "")`, manifest: seccomp({ type: "Localhost", localhostProfile: "" }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidatePodSpec (cases of validateSeccompProfileField): RuntimeDefault with a localhostProfile`, manifest: seccomp({ type: "RuntimeDefault", localhostProfile: "audit.json" }), rule: "invalid-combination", valid: false, says: '"audit.json"' },
  { upstream: `${CORE} TestValidatePodSpec (cases of validateSeccompProfileField): Unconfined alone`, manifest: seccomp({ type: "Unconfined" }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateSecurityContext (cases of ValidateAppArmorProfileField): Localhost without localhostProfile`, manifest: appArmor({ type: "Localhost" }), rule: "required-value", valid: false, says: "AppArmor" },
  { upstream: `${CORE} TestValidateSecurityContext (cases of ValidateAppArmorProfileField): Localhost with an empty localhostProfile`, manifest: appArmor({ type: "Localhost", localhostProfile: "" }), rule: "required-value", valid: false, says: "empty localhostProfile" },
  { upstream: `${CORE} TestValidateSecurityContext (cases of ValidateAppArmorProfileField): Localhost with a profile name`, manifest: appArmor({ type: "Localhost", localhostProfile: "k8s-deny-write" }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateSecurityContext (cases of ValidateAppArmorProfileField): Unconfined with a localhostProfile`, manifest: appArmor({ type: "Unconfined", localhostProfile: "k8s-deny-write" }), rule: "invalid-combination", valid: false, says: '"k8s-deny-write"' },
  { upstream: `${CORE} TestValidateSecurityContext (cases of ValidateAppArmorProfileField): a profile without a type is the schema rules' finding`, manifest: appArmor({ localhostProfile: "k8s-deny-write" }), rule: "invalid-combination", valid: true },
  // --- LimitRange (ValidateLimitRange after SetDefaults_LimitRangeItem)
  { upstream: `${CORE} TestValidateLimitRange: default above max`, manifest: limitRange({ type: "Container", default: { memory: "128Mi" }, max: { memory: "64Mi" } }), rule: "invalid-combination", valid: false, says: '"128Mi"' },
  { upstream: `${CORE} TestValidateLimitRange: min above max`, manifest: limitRange({ type: "Container", min: { cpu: "2" }, max: { cpu: "1" } }), rule: "invalid-combination", valid: false, says: '"2"' },
  { upstream: `${CORE} TestValidateLimitRange: defaultRequest above max`, manifest: limitRange({ type: "Container", defaultRequest: { cpu: "2" }, default: { cpu: "2" }, max: { cpu: "1" } }), rule: "invalid-combination", valid: false, says: "defaultRequest" },
  { upstream: `${CORE} TestValidateLimitRange: defaultRequest above default`, manifest: limitRange({ type: "Container", defaultRequest: { memory: "1Gi" }, default: { memory: "512Mi" } }), rule: "invalid-combination", valid: false, says: '"512Mi"' },
  { upstream: `${CORE} TestValidateLimitRange: min above defaultRequest`, manifest: limitRange({ type: "Container", min: { cpu: "500m" }, defaultRequest: { cpu: "100m" } }), rule: "invalid-combination", valid: false, says: '"100m"' },
  { upstream: `${CORE} TestValidateLimitRange: min above default (Pod type: no default allowed, so a Container)`, manifest: limitRange({ type: "Container", min: { memory: "2Gi" }, default: { memory: "1Gi" }, defaultRequest: { memory: "2Gi" } }), rule: "invalid-combination", valid: false, says: '"1Gi"' },
  { upstream: `${CORE} TestValidateLimitRange: maxLimitRequestRatio above max / min`, manifest: limitRange({ type: "Container", min: { cpu: "1" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "3" } }), rule: "invalid-combination", valid: false, says: '"3"' },
  { upstream: `${CORE} TestValidateLimitRange: maxLimitRequestRatio equal to max / min`, manifest: limitRange({ type: "Container", min: { cpu: "1" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "2" } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: an extended resource's defaultRequest differs from the default taken from max`, manifest: limitRange({ type: "Container", max: { "nvidia.com/gpu": "2" }, defaultRequest: { "nvidia.com/gpu": "1" } }), rule: "invalid-combination", valid: false, says: "nvidia.com/gpu" },
  { upstream: `${CORE} TestValidateLimitRange: an extended resource with equal default and defaultRequest`, manifest: limitRange({ type: "Container", default: { "nvidia.com/gpu": "1" }, defaultRequest: { "nvidia.com/gpu": "1" }, max: { "nvidia.com/gpu": "2" } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: cpu below the default taken from max may be overcommitted`, manifest: limitRange({ type: "Container", max: { cpu: "2" }, defaultRequest: { cpu: "500m" } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: min <= defaultRequest <= default <= max`, manifest: limitRange({ type: "Container", min: { cpu: "100m" }, defaultRequest: { cpu: "250m" }, default: { cpu: "500m" }, max: { cpu: "1" }, maxLimitRequestRatio: { cpu: "4" } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: default for type Pod`, manifest: limitRange({ type: "Pod", max: { cpu: "4" }, default: { cpu: "1" } }), rule: "forbidden-value", valid: false, says: '"Pod"' },
  { upstream: `${CORE} TestValidateLimitRange: defaultRequest for type Pod`, manifest: limitRange({ type: "Pod", defaultRequest: { cpu: "1" } }), rule: "forbidden-value", valid: false, says: "defaultRequest" },
  { upstream: `${CORE} TestValidateLimitRange: type Pod with max and min only`, manifest: limitRange({ type: "Pod", min: { cpu: "100m" }, max: { cpu: "4" } }), rule: "forbidden-value", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: type PersistentVolumeClaim without a storage bound`, manifest: limitRange({ type: "PersistentVolumeClaim", max: { cpu: "1" } }), rule: "required-value", valid: false, says: '"PersistentVolumeClaim"' },
  { upstream: `${CORE} TestValidateLimitRange: type PersistentVolumeClaim with max storage`, manifest: limitRange({ type: "PersistentVolumeClaim", max: { storage: "10Gi" } }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateLimitRange: duplicate limit type`, manifest: limitRange({ type: "Container", max: { cpu: "1" } }, { type: "Container", max: { memory: "1Gi" } }), rule: "duplicate-value", valid: false, says: '"Container"' },
  { upstream: `${CORE} TestValidateLimitRange: one limit per type`, manifest: limitRange({ type: "Container", max: { cpu: "1" } }, { type: "Pod", max: { cpu: "2" } }), rule: "duplicate-value", valid: true },
  // --- a value of the wrong type is set: no follow-on finding (invalid-type reports it)
  { upstream: `${CORE} cases of ValidateTolerations: a key of the wrong type (YAML 1.1's y) is a key`, manifest: pod({ tolerations: [{ key: true, operator: "Equal", value: "v" }] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} cases of ValidateTolerations: a value of the wrong type with operator Exists is still a value`, manifest: pod({ tolerations: [{ key: "k", operator: "Exists", value: true }] }), rule: "invalid-combination", valid: false },
  { upstream: `${CORE} cases of ValidatePersistentVolumeClaimSpec: accessModes written as a string is there`, manifest: pvc({ accessModes: "ReadWriteOnce", resources: { requests: { storage: "1Gi" } } }), rule: "required-value", valid: true },
  { upstream: `${RBAC} TestValidateRoleBindingSubject: a namespace of the wrong type (YAML 1.1's no) is a namespace`, manifest: binding("ClusterRoleBinding", { kind: "ServiceAccount", name: "sa", namespace: false }), rule: "required-value", valid: true },
  { upstream: `${RBAC} cases of ValidatePolicyRule: resources written as a string is there`, manifest: role("Role", [{ apiGroups: [""], resources: "pods", verbs: ["get"] }]), rule: "required-value", valid: true },
  { upstream: `${CORE} cases of validateEnvVarValueFrom: a value of the wrong type beside valueFrom is a value`, manifest: pod({}, { env: [{ name: "A", value: 1.1, valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }), rule: "invalid-combination", valid: false, says: '"A"' },
  // --- ResourceQuota (validateResourceQuotaScopes, validateScopedResourceSelectorRequirement)
  { upstream: `${CORE} TestValidateResourceQuota: invalidBestEffortScopePairsSpec (conflicting scopes)`, manifest: quota({ pods: "10" }, { scopes: ["BestEffort", "NotBestEffort"] }), rule: "invalid-combination", valid: false, says: '"NotBestEffort"' },
  { upstream: `${CORE} TestValidateResourceQuota: invalidTerminatingScopePairsSpec (conflicting scopes)`, manifest: quota({ pods: "10" }, { scopes: ["Terminating", "NotTerminating"] }), rule: "invalid-combination", valid: false, says: '"Terminating"' },
  { upstream: `${CORE} TestValidateResourceQuota: scopeSelector with Terminating and NotTerminating (conflicting scopes)`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["Terminating", "Exists"], ["NotTerminating", "Exists"]) }), rule: "invalid-combination", valid: false, says: '"NotTerminating"' },
  { upstream: `${CORE} TestValidateResourceQuota: Terminating and NotBestEffort together`, manifest: quota({ pods: "10", "requests.cpu": "4" }, { scopes: ["Terminating", "NotBestEffort"] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: BestEffort in scopes and NotBestEffort in scopeSelector are validated apart`, manifest: quota({ pods: "10" }, { scopes: ["BestEffort"], scopeSelector: selector(["NotBestEffort", "Exists"]) }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: invalidBestEffortScope (unsupported scope applied to resource: cpu)`, manifest: quota({ pods: "10", cpu: "4" }, { scopes: ["BestEffort"] }), rule: "invalid-combination", valid: false, says: '"cpu"' },
  { upstream: `${CORE} TestValidateResourceQuota: bestEffortSpec (BestEffort with pods)`, manifest: quota({ pods: "10" }, { scopes: ["BestEffort"] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: BestEffort with an object count outside the standard names`, manifest: quota({ pods: "10", "count/pods": "10" }, { scopes: ["BestEffort"] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: nonBestEffortSpec (NotBestEffort with compute resources)`, manifest: quota({ pods: "10", "requests.cpu": "4", "limits.memory": "8Gi" }, { scopes: ["NotBestEffort"] }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: Terminating scope with requests.storage (unsupported scope applied to resource)`, manifest: quota({ pods: "10", "requests.storage": "10Gi" }, { scopes: ["Terminating"] }), rule: "invalid-combination", valid: false, says: '"requests.storage"' },
  { upstream: `${CORE} TestValidateResourceQuota: priorityClass scope selector with services (unsupported scope applied to resource)`, manifest: quota({ pods: "10", services: "2" }, { scopeSelector: selector(["PriorityClass", "In", ["high"]]) }), rule: "invalid-combination", valid: false, says: '"services"' },
  { upstream: `${CORE} TestValidateResourceQuota: scopeSelectorSpec (PriorityClass In with pods and cpu)`, manifest: quota({ pods: "10", cpu: "4" }, { scopeSelector: selector(["PriorityClass", "In", ["cluster-services"]]) }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: VolumeAttributesClass scope with claims and storage`, manifest: quota({ persistentvolumeclaims: "10", "requests.storage": "100Gi" }, { scopeSelector: selector(["VolumeAttributesClass", "In", ["gold"]]) }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: invalidCrossNamespaceAffinitySpec (operator In: must be 'Exists')`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["CrossNamespacePodAffinity", "In", ["x"]]) }), rule: "invalid-combination", valid: false, says: '"In"' },
  { upstream: `${CORE} TestValidateResourceQuota: crossNamespaceAffinitySpec (operator Exists)`, manifest: quota({ pods: "10", "requests.cpu": "4" }, { scopeSelector: selector(["CrossNamespacePodAffinity", "Exists"]) }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: BestEffort with operator DoesNotExist (must be 'Exists')`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["BestEffort", "DoesNotExist"]) }), rule: "invalid-combination", valid: false, says: '"DoesNotExist"' },
  { upstream: `${CORE} TestValidateResourceQuota: PriorityClass with operator DoesNotExist`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "DoesNotExist"]) }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: In without values (must be at least one value)`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "In"]) }), rule: "required-value", valid: false, says: '"In"' },
  { upstream: `${CORE} TestValidateResourceQuota: NotIn with empty values (must be at least one value)`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "NotIn", []]) }), rule: "required-value", valid: false, says: '"NotIn"' },
  { upstream: `${CORE} TestValidateResourceQuota: NotIn with a value`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "NotIn", ["low"]]) }), rule: "required-value", valid: true },
  { upstream: `${CORE} TestValidateResourceQuota: Exists with values (must be no value)`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "Exists", ["high"]]) }), rule: "invalid-combination", valid: false, says: '"Exists"' },
  { upstream: `${CORE} TestValidateResourceQuota: Exists with an empty values list`, manifest: quota({ pods: "10" }, { scopeSelector: selector(["PriorityClass", "Exists", []]) }), rule: "invalid-combination", valid: true },
  // --- pod-level resources against the containers' (validatePodResourceConsistency)
  { upstream: `${CORE} (cases exercising validatePodResourceConsistency): pod-level cpu request below the containers' requests summed`, manifest: pod({ resources: { requests: { cpu: "500m" } } }, { resources: { requests: { cpu: "1" } } }), rule: "invalid-combination", valid: false, says: "1" },
  { upstream: `${CORE} (cases exercising validatePodResourceConsistency): pod-level request equal to the containers' requests summed`, manifest: pod({ resources: { requests: { cpu: "1" } } }, { resources: { requests: { cpu: "1" } } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} (cases exercising validatePodResourceConsistency): container limit above the pod-level limit`, manifest: pod({ resources: { limits: { memory: "1Gi" } } }, { resources: { limits: { memory: "2Gi" } } }), rule: "invalid-combination", valid: false, says: "2Gi" },
  { upstream: `${CORE} (cases exercising validatePodResourceConsistency): container limit equal to the pod-level limit`, manifest: pod({ resources: { limits: { memory: "1Gi" } } }, { resources: { limits: { memory: "1Gi" } } }), rule: "invalid-combination", valid: true },
  { upstream: `${CORE} (cases exercising validatePodResourceConsistency): pod-level hugepages limit below the containers' hugepages limits summed`, manifest: pod({ resources: { limits: { "hugepages-2Mi": "2Mi", memory: "1Gi" } } }, { resources: { limits: { "hugepages-2Mi": "4Mi", memory: "512Mi" }, requests: { "hugepages-2Mi": "4Mi", memory: "512Mi" } } }), rule: "invalid-combination", valid: false, says: "4Mi" },
  { upstream: `${CORE} (validatePodResourceConsistency runs where spec.resources is kept: dropped at 1.33, PodLevelResources off)`, manifest: pod({ resources: { requests: { cpu: "500m" } } }, { resources: { requests: { cpu: "1" } } }), rule: "invalid-combination", valid: true, kubernetesVersion: "1.33" },
];

/** A ResourceQuota with `hard` limits and more of its spec. */
function quota(hard: Obj, spec: Obj = {}): Obj {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", namespace: "team" }, spec: { hard, ...spec } };
}

/** A scope selector of [scopeName, operator, values?] expressions. */
function selector(...expressions: Array<[string, string, string[]?]>): Obj {
  return { matchExpressions: expressions.map(([scopeName, operator, values]) => ({ scopeName, operator, ...(values ? { values } : {}) })) };
}
