/**
 * Rows of test/api-validation-fields.test.ts: a value at a field of a site (a minimal valid
 * manifest), whether the API server accepts it, and the upstream test the value comes from.
 * Values are taken from the upstream tests' good/bad lists; the tables are ours.
 */

export interface Row {
  site: string;
  /** Dotted path below the site's prefix; an object value is merged into what is there. */
  path: string;
  value: unknown;
  valid: boolean;
  /** `<file>_test.go <TestName>` upstream. */
  upstream: string;
  /** The rule that must report it; default invalid-value. */
  rule?: string;
  /** --kubernetes-version; default the catalogue's. */
  version?: string;
}

export interface Site {
  /** Where row paths start in the built object ("" for the object itself). */
  prefix: string;
  build(name: string): Record<string, unknown>;
}

const IMAGE = "registry.example.org/app:1.0.0";
const podSpec = () => ({ containers: [{ name: "app", image: IMAGE }] });
const template = (labels = { app: "x" }) => ({ metadata: { labels }, spec: podSpec() });
const pod = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: podSpec() });
const meta = (name: string) => ({ name });

export const SITES: Record<string, Site> = {
  pod: { prefix: "spec", build: pod },
  podMeta: { prefix: "metadata", build: (n) => ({ ...pod(n), spec: { ...podSpec(), initContainers: [{ name: "init", image: IMAGE }] } }) },
  deploymentMeta: {
    prefix: "spec.template.metadata",
    build: (n) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } }, template: template() } }),
  },
  cronJobMeta: {
    prefix: "spec.jobTemplate.spec.template.metadata",
    build: (n) => ({ apiVersion: "batch/v1", kind: "CronJob", metadata: meta(n), spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: "Never" } } } } } }),
  },
  /** A pod whose securityContext fields name profiles: the annotations of a row must agree with them. */
  podProfiles: {
    prefix: "metadata",
    build: (n) => ({
      ...pod(n),
      spec: {
        securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "profiles/a.json" } },
        containers: [{ name: "app", image: IMAGE, securityContext: { seccompProfile: { type: "RuntimeDefault" }, appArmorProfile: { type: "Localhost", localhostProfile: "k8s-web" } } }],
      },
    }),
  },
  container: { prefix: "spec.containers.0", build: pod },
  initContainer: { prefix: "spec.initContainers.0", build: (n) => ({ ...pod(n), spec: { ...podSpec(), initContainers: [{ name: "init", image: IMAGE }] } }) },
  volume: { prefix: "spec.volumes.0", build: (n) => ({ ...pod(n), spec: { ...podSpec(), volumes: [{ name: "v" }] } }) },
  deploymentContainer: {
    prefix: "spec.template.spec.containers.0",
    build: (n) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } }, template: template() } }),
  },
  cronJobContainer: {
    prefix: "spec.jobTemplate.spec.template.spec.containers.0",
    build: (n) => ({ apiVersion: "batch/v1", kind: "CronJob", metadata: meta(n), spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: "Never" } } } } } }),
  },
  deployment: { prefix: "", build: (n) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } }, template: template() } }) },
  replicaSet: { prefix: "", build: (n) => ({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } }, template: template() } }) },
  replicationController: { prefix: "", build: (n) => ({ apiVersion: "v1", kind: "ReplicationController", metadata: meta(n), spec: { selector: { app: "x" }, template: template() } }) },
  statefulSet: { prefix: "", build: (n) => ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: meta(n), spec: { serviceName: "x", selector: { matchLabels: { app: "x" } }, template: template() } }) },
  daemonSet: { prefix: "", build: (n) => ({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } }, template: template() } }) },
  job: { prefix: "", build: (n) => ({ apiVersion: "batch/v1", kind: "Job", metadata: meta(n), spec: { template: { spec: { ...podSpec(), restartPolicy: "Never" } } } }) },
  cronJob: { prefix: "", build: (n) => ({ apiVersion: "batch/v1", kind: "CronJob", metadata: meta(n), spec: { schedule: "@daily", jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: "Never" } } } } } }) },
  service: { prefix: "", build: (n) => ({ apiVersion: "v1", kind: "Service", metadata: meta(n), spec: { selector: { app: "x" }, ports: [{ port: 80 }] } }) },
  pdb: { prefix: "", build: (n) => ({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta(n), spec: { selector: { matchLabels: { app: "x" } } } }) },
  hpa: {
    prefix: "",
    build: (n) => ({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: meta(n), spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "x" }, maxReplicas: 3 } }),
  },
  hpaV1: {
    prefix: "",
    build: (n) => ({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: meta(n), spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "x" }, maxReplicas: 3 } }),
  },
  networkPolicy: { prefix: "", build: (n) => ({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: meta(n), spec: { podSelector: {} } }) },
  ingress: { prefix: "", build: (n) => ({ apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: meta(n), spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } } } }) },
  pvc: { prefix: "", build: (n) => ({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: meta(n), spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }) },
  pv: {
    prefix: "",
    build: (n) => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: meta(n), spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], csi: { driver: "ebs.csi.aws.com", volumeHandle: "vol-1" } } }),
  },
  storageClass: { prefix: "", build: (n) => ({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: meta(n), provisioner: "ebs.csi.aws.com" }) },
  role: { prefix: "", build: (n) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta(n), rules: [] }) },
  clusterRole: { prefix: "", build: (n) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: meta(n), rules: [] }) },
  roleBinding: {
    prefix: "",
    build: (n) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: meta(n), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "x" }, subjects: [] }),
  },
  clusterRoleBinding: {
    prefix: "",
    build: (n) => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: meta(n), roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "x" }, subjects: [] }),
  },
  configMap: { prefix: "", build: (n) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: meta(n), data: { ok: "1" } }) },
  limitRange: { prefix: "spec.limits.0", build: (n) => ({ apiVersion: "v1", kind: "LimitRange", metadata: meta(n), spec: { limits: [{ type: "Container", max: { cpu: "2" } }] } }) },
  secret: { prefix: "", build: (n) => ({ apiVersion: "v1", kind: "Secret", metadata: meta(n), type: "Opaque", stringData: { ok: "1" } }) },
  priorityClass: { prefix: "", build: (n) => ({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: meta(n), value: 1000 }) },
  webhook: {
    prefix: "",
    build: (n) => ({
      apiVersion: "admissionregistration.k8s.io/v1",
      kind: "ValidatingWebhookConfiguration",
      metadata: meta(n),
      webhooks: [{ name: "check.example.com", admissionReviewVersions: ["v1"], sideEffects: "None", clientConfig: { service: { name: "hook", namespace: "default" } } }],
    }),
  },
};

const U = "k8s.io/apimachinery/pkg/util/validation/validation_test.go";
const UIP = "k8s.io/apimachinery/pkg/util/validation/ip_test.go";
const UPATH = "k8s.io/apimachinery/pkg/api/validation/path/name_test.go";
const UMETA = "k8s.io/apimachinery/pkg/api/validation/objectmeta_test.go";
const C = "pkg/apis/core/validation/validation_test.go";
const A = "pkg/apis/apps/validation/validation_test.go";
const B = "pkg/apis/batch/validation/validation_test.go";
const N = "pkg/apis/networking/validation/validation_test.go";
const S = "pkg/apis/storage/validation/validation_test.go";
const R = "pkg/apis/rbac/validation/validation_test.go";
const P = "pkg/apis/policy/validation/validation_test.go";
const H = "pkg/apis/autoscaling/validation/validation_test.go";
const W = "pkg/apis/admissionregistration/validation/validation_test.go";
const SC = "pkg/apis/scheduling/validation/validation_test.go";

const rows: Row[] = [];
/** Rows for several values of one field, all valid or all invalid. */
function each(site: string, path: string, values: unknown[], valid: boolean, upstream: string, extra: Partial<Row> = {}, wrap: (v: unknown) => unknown = (v) => v) {
  for (const v of values) rows.push({ site, path, value: wrap(v), valid, upstream, ...extra });
}
const good = (site: string, path: string, values: unknown[], upstream: string, wrap?: (v: unknown) => unknown, extra: Partial<Row> = {}) => each(site, path, values, true, upstream, extra, wrap);
const bad = (site: string, path: string, values: unknown[], upstream: string, wrap?: (v: unknown) => unknown, extra: Partial<Row> = {}) => each(site, path, values, false, upstream, extra, wrap);

const a = (n: number) => "a".repeat(n);

// Container ports: IsValidPortNum and IsValidPortName.
good("container", "ports.0.containerPort", [1, 2, 1000, 16384, 32768, 65535], `${U} TestIsValidPortNum`);
bad("container", "ports.0.containerPort", [0, -1, 65536, 100000], `${U} TestIsValidPortNum`);
good("container", "ports.0", [0, 1, 65535], `${C} TestValidatePorts`, (v) => ({ containerPort: 80, hostPort: v }));
bad("container", "ports.0", [-1, 65536, 100000], `${C} TestValidatePorts`, (v) => ({ containerPort: 80, hostPort: v }));
good("container", "ports.0", ["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3", ""], `${U} TestIsValidPortName`, (v) => ({ containerPort: 80, name: v }));
bad("container", "ports.0", ["longerthan15characters", a(16), "12345", "1-2-3-4", "-begin", "end-", "two--hyphens", "whois++"], `${U} TestIsValidPortName`, (v) => ({ containerPort: 80, name: v }));
bad("initContainer", "ports.0", ["Metrics"], `${C} TestValidatePorts`, (v) => ({ containerPort: 80, name: v }));
bad("deploymentContainer", "ports.0", ["event-management-api"], `${C} TestValidatePorts`, (v) => ({ containerPort: 9000, name: v }));
bad("cronJobContainer", "ports.0.containerPort", [80800], `${C} TestValidatePorts`);

// Container names: DNS-1123 labels.
good("container", "name", ["a", "a-1", "0", "1--a--b--2", a(63)], `${U} TestIsDNS1123Label`);
bad("container", "name", ["A", "aBc", "a_b", "a.b", "-a", "a-", a(64)], `${U} TestIsDNS1123Label`);

// Env var names: strict before 1.32, printable ASCII but '=' after.
good("container", "env.0", ["A", "a", "_a", "a.b", "a-b", "A_1", "-a"], `${C} TestValidateEnv`, (v) => ({ name: v, value: "x" }), { version: "1.31" });
bad("container", "env.0", ["1a", "a b", "a=b", "@a", "a$"], `${C} TestValidateEnv`, (v) => ({ name: v, value: "x" }), { version: "1.31" });
good("container", "env.0", ["-", ":", "_", "+a", "0a", "0 a", "#a", "a:a"], `${U} TestIsRelaxedEnvVarName`, (v) => ({ name: v, value: "x" }));
bad("container", "env.0", ["=", "a=", "1=a", "a=b", "Ç ç", "Ä ä"], `${U} TestIsRelaxedEnvVarName`, (v) => ({ name: v, value: "x" }));
good("container", "envFrom.0", ["APP_", "1_"], `${C} TestValidateEnvFrom`, (v) => ({ prefix: v, configMapRef: { name: "cm" } }));
bad("container", "envFrom.0", ["a=", "A B="], `${C} TestValidateEnvFrom`, (v) => ({ prefix: v, configMapRef: { name: "cm" } }));
bad("container", "envFrom.0", ["1_"], `${C} TestValidateEnvFrom`, (v) => ({ prefix: v, configMapRef: { name: "cm" } }), { version: "1.31" });
good("container", "envFrom.0.configMapRef.name", ["cm-", "settings"], `${C} TestValidateEnvFrom`);
bad("container", "envFrom.0.secretRef.name", ["Secret_1", "-secret"], `${C} TestValidateEnvFrom`);

// ConfigMap and Secret keys in env references: IsConfigMapKey.
const cmKey = (v: unknown) => ({ name: "X", valueFrom: { configMapKeyRef: { name: "cm", key: v } } });
good("container", "env.0", ["a", "good", "good-good", "still.good", "this.is.also.good", ".so.is.this", "THIS_IS_GOOD", "so_is_this_17"], `${U} TestIsConfigMapKey`, cmKey);
bad("container", "env.0", [".", "..", "..bad", "b*d", "bad!&bad"], `${U} TestIsConfigMapKey`, cmKey);
good("container", "env.0", ["tls.crt"], `${C} TestValidateEnv`, (v) => ({ name: "X", valueFrom: { secretKeyRef: { name: "db-credentials", key: v } } }));
bad("container", "env.0", ["a/b"], `${C} TestValidateEnv`, (v) => ({ name: "X", valueFrom: { secretKeyRef: { name: "db", key: v } } }));
bad("container", "env.0", ["Bad_Name"], `${C} TestValidateEnv`, (v) => ({ name: "X", valueFrom: { secretKeyRef: { name: v, key: "k" } } }));

// Volume mounts.
good("container", "volumeMounts.0", ["a/b", "foo..bar", "a..b/c"], `${C} TestValidateVolumeMounts`, (v) => ({ name: "v", mountPath: "/v", subPath: v }));
bad("container", "volumeMounts.0", ["../a", "/abs", "a/../b", ".."], `${C} TestValidateVolumeMounts`, (v) => ({ name: "v", mountPath: "/v", subPath: v }));
good("container", "volumeMounts.0", ["$(POD_NAME)"], `${C} TestValidateVolumeMounts`, (v) => ({ name: "v", mountPath: "/v", subPathExpr: v }));
bad("container", "volumeMounts.0", ["$(POD_NAME)/../x"], `${C} TestValidateVolumeMounts`, (v) => ({ name: "v", mountPath: "/v", subPathExpr: v }));
bad("container", "volumeMounts.0", [""], `${C} TestValidateVolumeMounts`, (v) => ({ name: "v", mountPath: v }));

// Resource names and quantities.
good("container", "resources.requests", ["cpu", "memory", "ephemeral-storage", "hugepages-2Mi", "nvidia.com/gpu", "example.com/foo"], `${C} TestValidateResourceRequirements`, (v) => ({ [v as string]: "1" }));
bad("container", "resources.requests", ["storage", "cpus", "pods", "mem"], `${C} TestValidateResourceRequirements`, (v) => ({ [v as string]: "1" }));
bad("container", "resources.limits", ["-1Gi"], `${C} TestValidateResourceRequirements`, (v) => ({ memory: v }));
bad("container", "resources.requests", ["-1"], `${C} TestValidateResourceRequirements`, (v) => ({ cpu: v }));
good("container", "resources.requests", ["0"], `${C} TestValidateResourceRequirements`, (v) => ({ cpu: v }));

// Probes and lifecycle handlers.
const http = { httpGet: { path: "/", port: 80 } };
good("container", "livenessProbe", [0, 10], `${C} TestValidateProbe`, (v) => ({ ...http, periodSeconds: v }));
bad("container", "livenessProbe", [-1], `${C} TestValidateProbe`, (v) => ({ ...http, periodSeconds: v }));
bad("container", "readinessProbe", [-1], `${C} TestValidateProbe`, (v) => ({ ...http, timeoutSeconds: v }));
bad("container", "startupProbe", [-5], `${C} TestValidateProbe`, (v) => ({ ...http, initialDelaySeconds: v }));
bad("container", "livenessProbe", [-1], `${C} TestValidateProbe`, (v) => ({ ...http, failureThreshold: v }));
bad("container", "livenessProbe", [0, -1], `${C} TestValidateProbe`, (v) => ({ ...http, terminationGracePeriodSeconds: v }));
good("container", "livenessProbe", [1], `${C} TestValidateProbe`, (v) => ({ ...http, terminationGracePeriodSeconds: v }));
bad("container", "readinessProbe", [5], `${C} TestValidateProbe`, (v) => ({ ...http, terminationGracePeriodSeconds: v }));
bad("container", "readinessProbe", [-1], `${C} TestValidateProbe`, (v) => ({ ...http, successThreshold: v }));
good("container", "readinessProbe", [3], `${C} TestValidateProbe`, (v) => ({ ...http, successThreshold: v }));
good("container", "livenessProbe.httpGet", [8080, "http", 1, 65535], `${U} TestIsValidPortNum`, (v) => ({ path: "/", port: v }));
bad("container", "livenessProbe.httpGet", [0, 65536], `${U} TestIsValidPortNum`, (v) => ({ path: "/", port: v }));
bad("container", "readinessProbe.tcpSocket", [70000], `${U} TestIsValidPortNum`, (v) => ({ port: v }));
bad("container", "startupProbe.grpc", [0], `${U} TestIsValidPortNum`, (v) => ({ port: v }));
good("container", "startupProbe.grpc", [9090], `${U} TestIsValidPortNum`, (v) => ({ port: v }));
const header = (v: unknown) => ({ path: "/", port: 80, httpHeaders: [{ name: v, value: "x" }] });
good("container", "livenessProbe.httpGet", ["Accept-Encoding", "X-Forwarded-For", "a", "--abc-123"], `${U} TestIsHTTPHeaderName`, header);
bad("container", "livenessProbe.httpGet", ["Host:", "X-@Home", "a b", "a_", "a.b"], `${U} TestIsHTTPHeaderName`, header);
bad("container", "lifecycle.preStop.httpGet", [0], `${C} TestValidateContainers`, (v) => ({ path: "/", port: v }));
bad("container", "lifecycle.postStart.tcpSocket", [65536], `${C} TestValidateContainers`, (v) => ({ port: v }));
bad("container", "lifecycle.preStop.sleep", [-1], `${C} TestValidateContainers`, (v) => ({ seconds: v }));
good("container", "lifecycle.preStop.sleep", [5], `${C} TestValidateContainers`, (v) => ({ seconds: v }));

// Security contexts: user and group ids.
good("container", "securityContext.runAsUser", [0, 1, 65535, 2147483647, 2147483648, 4294967295], `${U} TestIsValidUserID`);
bad("container", "securityContext.runAsUser", [-1, -1003, 4294967296], `${U} TestIsValidUserID`);
bad("container", "securityContext.runAsGroup", [-1], `${U} TestIsValidGroupID`);
good("pod", "securityContext", [3000000000], `${U} TestIsValidGroupID`, (v) => ({ runAsGroup: v }));
bad("pod", "securityContext", [-1], `${U} TestIsValidUserID`, (v) => ({ runAsUser: v }));
bad("pod", "securityContext", [-1], `${U} TestIsValidGroupID`, (v) => ({ fsGroup: v }));
bad("pod", "securityContext", [[1000, -1]], `${U} TestIsValidGroupID`, (v) => ({ supplementalGroups: v }));
good("pod", "securityContext", [[1000, 2000]], `${U} TestIsValidGroupID`, (v) => ({ supplementalGroups: v }));
good("pod", "securityContext", ["net.core.somaxconn", "kernel.shm_rmid_forced", "net/ipv4/ip_local_port_range"], `${C} TestValidateSysctls`, (v) => ({ sysctls: [{ name: v, value: "1" }] }));
bad("pod", "securityContext", ["Net.Core", "net..core", "_invalid"], `${C} TestValidateSysctls`, (v) => ({ sysctls: [{ name: v, value: "1" }] }));
good("container", "resizePolicy.0", ["cpu", "memory"], `${C} TestValidateResizePolicy`, (v) => ({ resourceName: v, restartPolicy: "NotRequired" }));
bad("container", "resizePolicy.0", ["storage"], `${C} TestValidateResizePolicy`, (v) => ({ resourceName: v, restartPolicy: "NotRequired" }));
bad("container", "resizePolicy.0", ["Never"], `${C} TestValidateResizePolicy`, (v) => ({ resourceName: "cpu", restartPolicy: v }));

// Pod spec fields.
good("pod", "activeDeadlineSeconds", [1, 2147483647], `${C} TestValidatePodSpec`);
bad("pod", "activeDeadlineSeconds", [0, -1, 2147483648], `${C} TestValidatePodSpec`);
good("pod", "hostname", ["web-0"], `${C} TestValidatePodSpec`);
bad("pod", "hostname", ["Web", "a.b"], `${C} TestValidatePodSpec`);
good("pod", "subdomain", ["headless"], `${C} TestValidatePodSpec`);
bad("pod", "subdomain", ["my_sub"], `${C} TestValidatePodSpec`);
good("pod", "nodeName", ["ip-10-0-0-1.ec2.internal"], `${C} TestValidatePodSpec`);
bad("pod", "nodeName", ["Node_1"], `${C} TestValidatePodSpec`);
good("pod", "serviceAccountName", ["", "builder"], `${C} TestValidatePodSpec`);
bad("pod", "serviceAccountName", ["Default"], `${C} TestValidatePodSpec`);
good("pod", "priorityClassName", ["system-node-critical"], `${C} TestValidatePodSpec`);
bad("pod", "priorityClassName", ["High_Priority"], `${C} TestValidatePodSpec`);
good("pod", "runtimeClassName", ["gvisor"], `${C} TestValidatePodSpec`);
bad("pod", "runtimeClassName", ["gVisor"], `${C} TestValidatePodSpec`);
good("pod", "os", ["linux", "windows"], `${C} TestValidatePodSpec`, (v) => ({ name: v }));
bad("pod", "os", ["Linux", "darwin"], `${C} TestValidatePodSpec`, (v) => ({ name: v }));
good("pod", "resourceClaims.0", ["my-claim"], `${C} TestValidatePodSpec`, (v) => ({ name: v, resourceClaimName: "claim" }));
bad("pod", "resourceClaims.0", ["My_Claim"], `${C} TestValidatePodSpec`, (v) => ({ name: v, resourceClaimName: "claim" }));

// nodeSelector: label keys (IsQualifiedName) and values (IsValidLabelValue).
const selectorKey = (v: unknown) => ({ [v as string]: "x" });
good("pod", "nodeSelector", ["simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now.with.dots/simple", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123"], `${U} TestIsQualifiedName`, selectorKey);
bad("pod", "nodeSelector", ["nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc", "example_com/abc", "example.com/", "/simple", a(64)], `${U} TestIsQualifiedName`, selectorKey);
const selectorValue = (v: unknown) => ({ disktype: v });
good("pod", "nodeSelector", ["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", a(63), ""], `${U} TestIsValidLabelValue`, selectorValue);
bad("pod", "nodeSelector", ["nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash", "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", a(64)], `${U} TestIsValidLabelValue`, selectorValue);

// DNS config and host aliases.
good("pod", "dnsConfig", [["1.1.1.1", "2.2.2.2", "3.3.3.3"], ["fd00::10"]], `${C} TestValidatePodDNSConfig`, (v) => ({ nameservers: v }));
bad("pod", "dnsConfig", [["1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"], ["10.0.0.300"], ["1.2.3.4.5"], ["a.b.c.d"]], `${C} TestValidatePodDNSConfig`, (v) => ({ nameservers: v }));
good("pod", "dnsConfig", [["custom"], ["custom."], ["svc.cluster.local"]], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }));
bad("pod", "dnsConfig", [["Custom"], ["a..b"], Array.from({ length: 33 }, (_, i) => `d${i}.example`)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }));
good("pod", "hostAliases.0", [{ ip: "10.0.0.1", hostnames: ["db"] }, { ip: "::1", hostnames: ["db.local"] }], `${C} TestValidatePodSpec`);
bad("pod", "hostAliases.0", [{ ip: "10.0.0.256", hostnames: ["db"] }, { ip: "", hostnames: ["db"] }, { ip: "10.0.0.1", hostnames: ["Db_1"] }], `${C} TestValidatePodSpec`);
good("pod", "dnsConfig", ["1.2.3.4", "fd00::1", "::ffff:1.2.3.4", "0:0:0:0:0:0:0:1"], `${UIP} TestIsValidIP`, (v) => ({ nameservers: [v] }));
bad("pod", "dnsConfig", ["1.2.3", "fd00::1::2", "1.2.3.4/32", "fd00:::1", "example.com"], `${UIP} TestIsValidIP`, (v) => ({ nameservers: [v] }));

// Tolerations, gates, topology spread and affinity.
good("pod", "tolerations.0", [{ key: "dedicated/role", operator: "Equal", value: "gpu", effect: "NoSchedule" }, { operator: "Exists" }], `${C} TestValidatePod`);
bad("pod", "tolerations.0", [{ key: "bad key", operator: "Exists" }, { key: "k", operator: "Equal", value: "value with spaces" }, { key: "k", value: "-x" }], `${C} TestValidatePod`);
good("pod", "readinessGates.0", ["www.example.com/feature-1"], `${C} TestValidateReadinessGates`, (v) => ({ conditionType: v }));
bad("pod", "readinessGates.0", ["invalid/feature/x"], `${C} TestValidateReadinessGates`, (v) => ({ conditionType: v }));
good("pod", "schedulingGates.0", ["example.com/foo"], `${C} TestValidatePodSpec`, (v) => ({ name: v }));
bad("pod", "schedulingGates.0", ["bad gate"], `${C} TestValidatePodSpec`, (v) => ({ name: v }));
const spread = (over: Record<string, unknown>) => ({ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", ...over });
good("pod", "topologySpreadConstraints.0", [spread({}), spread({ minDomains: 3 })], `${C} TestValidateTopologySpreadConstraints`);
bad("pod", "topologySpreadConstraints.0", [spread({ maxSkew: 0 }), spread({ maxSkew: -1 }), spread({ minDomains: 0 }), spread({ topologyKey: "" }), spread({ topologyKey: "bad key" })], `${C} TestValidateTopologySpreadConstraints`);
const nodePref = (weight: number) => ({ nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference: { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] } }] } });
good("pod", "affinity", [nodePref(1), nodePref(100)], `${C} TestValidatePod`);
bad("pod", "affinity", [nodePref(0), nodePref(101)], `${C} TestValidatePod`);
const antiPref = (weight: number) => ({ podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "x" } } } }] } });
bad("pod", "affinity", [antiPref(0)], `${C} TestValidatePod`);
const podReq = (topologyKey: string) => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey, labelSelector: { matchLabels: { app: "x" } } }] } });
good("pod", "affinity", [podReq("kubernetes.io/hostname")], `${C} TestValidatePod`);
bad("pod", "affinity", [podReq(""), podReq("host name")], `${C} TestValidatePod`);
const nodeReq = (key: string) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "Exists" }] }] } } });
good("pod", "affinity", [nodeReq("kubernetes.io/e2e-az-name")], `${C} TestValidatePod`);
bad("pod", "affinity", [nodeReq("bad key!")], `${C} TestValidatePod`);

// Volumes.
rows.push({ site: "volume", path: "name", value: "data", valid: true, upstream: `${C} TestValidateVolumes` });
bad("volume", "name", ["Data_Volume", "a.b"], `${C} TestValidateVolumes`);
const cm = (over: Record<string, unknown>) => ({ configMap: { name: "cm", ...over } });
good("volume", "configMap", [0, 0o644, 0o777], `${C} TestValidateVolumes`, (v) => ({ name: "cm", defaultMode: v }));
bad("volume", "configMap", [0o1000, 644, -1], `${C} TestValidateVolumes`, (v) => ({ name: "cm", defaultMode: v }));
good("volume", "secret", [0o400], `${C} TestValidateVolumes`, (v) => ({ secretName: "s", defaultMode: v }));
bad("volume", "secret", [0o1000], `${C} TestValidateVolumes`, (v) => ({ secretName: "s", defaultMode: v }));
good("volume", "secret", [0o755], `${C} TestValidateVolumes`, (v) => ({ secretName: "s", items: [{ key: "k", path: "k", mode: v }] }));
bad("volume", "secret", [755], `${C} TestValidateVolumes`, (v) => ({ secretName: "s", items: [{ key: "k", path: "k", mode: v }] }));
bad("volume", "downwardAPI", [512], `${C} TestValidateVolumes`, (v) => ({ defaultMode: v }));
bad("volume", "downwardAPI", [-1], `${C} TestValidateVolumes`, (v) => ({ items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" }, mode: v }] }));
good("volume", "projected", [0o440], `${C} TestValidateVolumes`, (v) => ({ defaultMode: v, sources: [{ configMap: { name: "cm" } }] }));
bad("volume", "projected", [777], `${C} TestValidateVolumes`, (v) => ({ defaultMode: v, sources: [{ configMap: { name: "cm" } }] }));
good("volume", "", [cm({ items: [{ key: "k", path: "a/b" }] }), cm({ items: [{ key: "k", path: "a..b" }] })], `${C} TestValidateVolumes`);
bad("volume", "", [cm({ items: [{ key: "k", path: "../a" }] }), cm({ items: [{ key: "k", path: "/etc/passwd" }] }), cm({ items: [{ key: "k", path: "..data" }] })], `${C} TestValidateVolumes`);
good("volume", "", [{ configMap: { name: "x" } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ configMap: {} }, { secret: { defaultMode: 0o400 } }], `${C} TestValidateVolumes`);
const token = (expirationSeconds: number) => ({ projected: { sources: [{ serviceAccountToken: { path: "token", expirationSeconds } }] } });
good("volume", "", [token(600), token(3600), token(4294967296)], `${C} TestValidateVolumes`);
bad("volume", "", [token(599), token(4294967297)], `${C} TestValidateVolumes`);
bad("volume", "", [{ projected: { sources: [{ serviceAccountToken: { path: "../token" } }] } }], `${C} TestValidateVolumes`);
good("volume", "", [{ emptyDir: { sizeLimit: "1Gi" } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ emptyDir: { sizeLimit: "-1Gi" } }], `${C} TestValidateVolumes`);
good("volume", "", [{ hostPath: { path: "/var/log" } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ hostPath: { path: "/var/../etc" } }, { hostPath: { path: "" } }], `${C} TestValidateVolumes`);
good("volume", "", [{ nfs: { server: "nfs", path: "/exports" } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ nfs: { server: "nfs", path: "exports" } }], `${C} TestValidateVolumes`);
good("volume", "", [{ iscsi: { targetPortal: "127.0.0.1", iqn: "iqn.2015-02.example.com:test", lun: 0 } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ iscsi: { targetPortal: "127.0.0.1", iqn: "iqn.2015-02.example.com:test", lun: 256 } }, { fc: { targetWWNs: ["some_wwn"], lun: -1 } }], `${C} TestValidateVolumes`);
good("volume", "", [{ gcePersistentDisk: { pdName: "disk", partition: 1 } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ gcePersistentDisk: { pdName: "disk", partition: 256 } }, { awsElasticBlockStore: { volumeID: "vol", partition: -1 } }], `${C} TestValidateVolumes`);
good("volume", "", [{ csi: { driver: "ebs.csi.aws.com" } }, { csi: { driver: "Ebs.CSI.aws.com" } }], `${C} TestValidateCSIVolumeSource`);
bad("volume", "", [{ csi: { driver: "driver_name" } }, { csi: { driver: `${a(60)}.com` } }], `${C} TestValidateCSIVolumeSource`);
good("volume", "", [{ persistentVolumeClaim: { claimName: "data" } }], `${C} TestValidateVolumes`);
bad("volume", "", [{ persistentVolumeClaim: { claimName: "" } }], `${C} TestValidateVolumes`);

// Workload controllers.
good("deployment", "spec.replicas", [0, 3], `${A} TestValidateDeployment`);
bad("deployment", "spec.replicas", [-1], `${A} TestValidateDeployment`);
bad("deployment", "spec", [{ revisionHistoryLimit: -1 }, { minReadySeconds: -1 }, { progressDeadlineSeconds: -1 }], `${A} TestValidateDeployment`);
const ru = (rollingUpdate: Record<string, unknown>) => ({ type: "RollingUpdate", rollingUpdate });
good("deployment", "spec.strategy", [ru({ maxUnavailable: "100%" }), ru({ maxUnavailable: 0, maxSurge: 1 }), ru({ maxSurge: "200%" })], `${A} TestValidateDeployment`);
bad("deployment", "spec.strategy", [ru({ maxUnavailable: "101%" }), ru({ maxUnavailable: -1 }), ru({ maxSurge: -1 })], `${A} TestValidateDeployment`);
bad("replicaSet", "spec.replicas", [-1], `${A} TestValidateReplicaSet`);
bad("replicationController", "spec.replicas", [-1], `${C} TestValidateReplicationController`);
bad("statefulSet", "spec", [{ replicas: -1 }, { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1 } } }, { ordinals: { start: -1 } }], `${A} TestValidateStatefulSet`);
good("statefulSet", "spec", [{ ordinals: { start: 0 } }, { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Delete" } }], `${A} TestValidateStatefulSet`);
// An empty policy is defaulted to Retain (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet).
good("statefulSet", "spec", [{ persistentVolumeClaimRetentionPolicy: { whenDeleted: "", whenScaled: "" } }], `${A} TestValidateStatefulSet`);
bad("statefulSet", "spec", [{ persistentVolumeClaimRetentionPolicy: { whenDeleted: "Keep" } }, { persistentVolumeClaimRetentionPolicy: { whenScaled: "delete" } }], `${A} TestValidateStatefulSet`);
bad("statefulSet", "spec", [{ volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { storageClassName: "Fast_SSD", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }] }], `${A} TestValidateStatefulSet`);
const dsru = (rollingUpdate: Record<string, unknown>) => ({ updateStrategy: { type: "RollingUpdate", rollingUpdate } });
good("daemonSet", "spec", [dsru({ maxUnavailable: "50%" }), dsru({ maxUnavailable: 0, maxSurge: "100%" })], `${A} TestValidateDaemonSet`);
bad("daemonSet", "spec", [dsru({ maxUnavailable: "120%" }), dsru({ maxUnavailable: 0, maxSurge: "101%" }), { minReadySeconds: -1 }], `${A} TestValidateDaemonSet`);
bad("job", "spec", [{ parallelism: -1 }, { completions: -1 }, { activeDeadlineSeconds: -1 }, { backoffLimit: -1 }, { ttlSecondsAfterFinished: -1 }], `${B} TestValidateJob`);
good("job", "spec", [{ backoffLimit: 0 }, { parallelism: 0 }, { ttlSecondsAfterFinished: 0 }], `${B} TestValidateJob`);
bad("job", "spec", [{ completionMode: "Indexed", completions: 2, backoffLimitPerIndex: -1 }], `${B} TestValidateJob`);
bad("cronJob", "spec", [{ startingDeadlineSeconds: -1 }, { successfulJobsHistoryLimit: -1 }, { failedJobsHistoryLimit: -1 }], `${B} TestValidateCronJob`);
good("cronJob", "spec", [{ failedJobsHistoryLimit: 0 }], `${B} TestValidateCronJob`);
bad("cronJob", "spec.jobTemplate.spec", [{ backoffLimit: -1 }], `${B} TestValidateCronJob`);

// PodDisruptionBudget and HorizontalPodAutoscaler.
good("pdb", "spec", [{ minAvailable: "100%" }, { minAvailable: 0 }, { maxUnavailable: "0%" }], `${P} TestValidatePodDisruptionBudgetSpec`);
bad("pdb", "spec", [{ minAvailable: "101%" }, { minAvailable: -1 }, { maxUnavailable: "120%" }], `${P} TestValidatePodDisruptionBudgetSpec`);
const util = (averageUtilization: number) => ({ metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization } } }] });
good("hpa", "spec", [util(50)], `${H} TestValidateHorizontalPodAutoscaler`);
bad("hpa", "spec", [util(0)], `${H} TestValidateHorizontalPodAutoscaler`);
const scaleUp = (rules: Record<string, unknown>) => ({ behavior: { scaleUp: rules } });
good("hpa", "spec", [scaleUp({ stabilizationWindowSeconds: 3600 }), scaleUp({ policies: [{ type: "Pods", value: 4, periodSeconds: 60 }] })], `${H} TestValidateHorizontalPodAutoscaler`);
bad(
  "hpa",
  "spec",
  [scaleUp({ stabilizationWindowSeconds: 3601 }), scaleUp({ stabilizationWindowSeconds: -1 }), scaleUp({ policies: [{ type: "Pods", value: 4, periodSeconds: 0 }] }), scaleUp({ policies: [{ type: "Pods", value: 4, periodSeconds: 1801 }] }), scaleUp({ policies: [{ type: "Pods", value: 0, periodSeconds: 60 }] })],
  `${H} TestValidateHorizontalPodAutoscaler`,
);
bad("hpaV1", "spec", [{ targetCPUUtilizationPercentage: 0 }], `${H} TestValidateHorizontalPodAutoscaler`);

// NetworkPolicy ports and IP blocks.
const ingressRule = (over: Record<string, unknown>) => ({ ingress: [over] });
good("networkPolicy", "spec", [ingressRule({ ports: [{ port: 443 }] }), ingressRule({ ports: [{ port: 32000, endPort: 32768 }] })], `${N} TestValidateNetworkPolicy`);
bad("networkPolicy", "spec", [ingressRule({ ports: [{ port: 0 }] }), ingressRule({ ports: [{ port: 32000, endPort: 65536 }] })], `${N} TestValidateNetworkPolicy`);
const block = (ipBlock: Record<string, unknown>) => ({ egress: [{ to: [{ ipBlock }] }] });
good("networkPolicy", "spec", [block({ cidr: "10.0.0.0/8" }), block({ cidr: "fd00::/64" }), block({ cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] })], `${N} TestValidateNetworkPolicy`);
bad("networkPolicy", "spec", [block({ cidr: "10.0.0.0" }), block({ cidr: "10.0.0.0/33" }), block({ cidr: "fd00::/129" }), block({ cidr: "10.0.0.0/8", except: ["bad"] })], `${N} TestValidateNetworkPolicy`);
// ValidateIPBlock: except ranges strictly inside the cidr.
good("networkPolicy", "spec", [block({ cidr: "0.0.0.0/0", except: ["169.254.169.254/32", "10.0.0.0/8"] }), block({ cidr: "fd00::/48", except: ["fd00:0:0:1::/64"] }), block({ cidr: "10.1.2.3/16", except: ["10.1.0.0/24"] })], `${N} TestValidateNetworkPolicy`);
bad("networkPolicy", "spec", [block({ cidr: "192.168.0.0/24", except: ["192.169.0.0/30"] }), block({ cidr: "192.168.0.0/24", except: ["192.168.0.0/24"] }), block({ cidr: "192.168.0.0/24", except: ["192.168.0.0/16"] }), block({ cidr: "fd00:192:168::/48", except: ["fd00:192:169::/64"] }), block({ cidr: "10.0.0.0/8", except: ["fd00::/64"] })], `${N} TestValidateNetworkPolicy`);
good("ingress", "spec", [{ ingressClassName: "nginx" }], `${N} TestValidateIngressCreate`);
bad("ingress", "spec", [{ ingressClassName: "Nginx_Class" }], `${N} TestValidateIngressCreate`);
// Ingress backends (validateIngressBackend): ValidateServiceName by version, IsValidPortName, IsValidPortNum.
const svcName = (v: unknown) => ({ name: v });
good("ingress", "spec.defaultBackend.service", ["web", "a-1", "abc-123", a(63)], `${U} TestIsDNS1035Label`, svcName, { version: "1.35" });
bad("ingress", "spec.defaultBackend.service", ["1st-backend", "0", "Web", "a_b", "a.b", "-a", "a-", a(64)], `${U} TestIsDNS1035Label`, svcName, { version: "1.35" });
good("ingress", "spec.defaultBackend.service", ["1st-backend", "0", "web"], `${U} TestIsDNS1123Label`, svcName, { version: "1.36" });
bad("ingress", "spec.defaultBackend.service", ["Web", "a.b", a(64)], `${U} TestIsDNS1123Label`, svcName, { version: "1.36" });
const backendPath = (b: Record<string, unknown>) => ({ rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", ...b } } }] } }] });
good("ingress", "spec", ["http", "re-mail-ck", "a-1"], `${U} TestIsValidPortName`, (v) => backendPath({ port: { name: v } }));
bad("ingress", "spec", ["http-metrics-port", "HTTP", "12345", "two--hyphens", "-begin"], `${U} TestIsValidPortName`, (v) => backendPath({ port: { name: v } }));
good("ingress", "spec.defaultBackend.service", [1, 65535], `${U} TestIsValidPortNum`, (v) => ({ port: { number: v } }));
bad("ingress", "spec.defaultBackend.service", [65536, -1], `${U} TestIsValidPortNum`, (v) => ({ port: { number: v } }));

// Service.
good("service", "spec.ports.0", [1, 65535], `${U} TestIsValidPortNum`, (v) => ({ port: v }));
bad("service", "spec.ports.0", [0, 65536, -1], `${U} TestIsValidPortNum`, (v) => ({ port: v }));
good("service", "spec.ports.0", [0, 8080, "http"], `${C} TestValidateServiceCreate`, (v) => ({ port: 80, targetPort: v }));
bad("service", "spec.ports.0", [65536, -1], `${C} TestValidateServiceCreate`, (v) => ({ port: 80, targetPort: v }));
// Named ports in int-or-string fields (ValidatePortNumOrName): IANA service names, as container port names.
good("service", "spec.ports.0", ["http-metrics", "a-1", "1-a", ""], `${U} TestIsValidPortName`, (v) => ({ port: 80, targetPort: v }));
bad("service", "spec.ports.0", ["http-metrics-port", "Http", "-begin", "two--hyphens", "whois++"], `${U} TestIsValidPortName`, (v) => ({ port: 80, targetPort: v }));
bad("service", "spec.ports.0", ["8080"], `${U} TestIsValidPortName`, (v) => ({ port: 80, targetPort: v }), { rule: "invalid-type" });
good("service", "spec.ports.0", ["8080"], `${U} TestIsValidPortName`, (v) => ({ port: 80, targetPort: v }));
good("container", "readinessProbe", ["http", "re-mail-ck"], `${C} TestValidateProbe`, (v) => ({ httpGet: { path: "/", port: v } }));
bad("container", "readinessProbe", ["Http", "longerthan15characters"], `${C} TestValidateProbe`, (v) => ({ httpGet: { path: "/", port: v } }));
bad("container", "livenessProbe", ["http_port"], `${C} TestValidateProbe`, (v) => ({ tcpSocket: { port: v } }));
good("networkPolicy", "spec", ["metrics"], `${N} TestValidateNetworkPolicy`, (v) => ingressRule({ ports: [{ port: v }] }));
bad("networkPolicy", "spec", ["http-metrics-port", "Metrics"], `${N} TestValidateNetworkPolicy`, (v) => ingressRule({ ports: [{ port: v }] }));
good("service", "spec.ports.0", ["a", "ab", "a-1", "0", "1-a", a(63)], `${U} TestIsDNS1123Label`, (v) => ({ port: 80, name: v }));
bad("service", "spec.ports.0", ["A", "aBc", "a_b", "a.b", "-a", "a-", a(64)], `${U} TestIsDNS1123Label`, (v) => ({ port: 80, name: v }));
good("service", "spec.ports.0", ["http", "kubernetes.io/h2c", "example.com/custom"], `${C} TestValidateServiceCreate`, (v) => ({ port: 80, appProtocol: v }));
bad("service", "spec.ports.0", ["bad proto!"], `${C} TestValidateServiceCreate`, (v) => ({ port: 80, appProtocol: v }));
good("service", "spec", [{ clusterIP: "None" }, { clusterIP: "10.0.0.1" }, { clusterIP: "" }, { clusterIPs: ["None"] }], `${C} TestValidateServiceCreate`);
bad("service", "spec", [{ clusterIP: "none" }, { clusterIP: "10.0.0" }, { clusterIPs: ["10.0.0.1", "bad"] }], `${C} TestValidateServiceCreate`);
good("service", "spec", [{ externalIPs: ["1.2.3.4"] }, { type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0/8", " 10.0.0.0/8 "] }], `${C} TestValidateServiceCreate`);
bad("service", "spec", [{ externalIPs: ["1.2.3"] }, { type: "LoadBalancer", loadBalancerSourceRanges: ["10.0.0.0"] }], `${C} TestValidateServiceCreate`);
good("service", "spec", [{ type: "ExternalName", externalName: "db.example.com" }, { type: "ExternalName", externalName: "db.example.com." }], `${C} TestValidateServiceCreate`);
bad("service", "spec", [{ type: "ExternalName", externalName: "DB.example" }, { type: "ExternalName", externalName: "db_1.example.com" }], `${C} TestValidateServiceCreate`);
const affinity = (timeoutSeconds: number) => ({ sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds } } });
good("service", "spec", [affinity(1), affinity(86400)], `${C} TestValidateServiceCreate`);
bad("service", "spec", [affinity(0), affinity(86401)], `${C} TestValidateServiceCreate`);
good("service", "spec", [{ type: "LoadBalancer", loadBalancerClass: "example.com/internal-lb" }], `${C} TestValidateServiceCreate`);
bad("service", "spec", [{ type: "LoadBalancer", loadBalancerClass: "bad class!" }], `${C} TestValidateServiceCreate`);
bad("service", "spec.selector", [{ app: "web frontend" }, { "bad key": "x" }], `${C} TestValidateServiceCreate`);

// Storage.
good("pvc", "spec", [{ storageClassName: "" }, { storageClassName: "fast-ssd" }], `${C} TestValidatePersistentVolumeClaim`);
bad("pvc", "spec", [{ storageClassName: "Fast" }], `${C} TestValidatePersistentVolumeClaim`);
bad("pv", "spec", [{ storageClassName: "Slow" }, { capacity: { storage: "0" } }], `${C} TestValidatePersistentVolumes`);
good("pv", "spec", [{ storageClassName: "slow" }, { capacity: { storage: "10Gi" } }], `${C} TestValidatePersistentVolumes`);
bad("pv", "spec", [{ csi: null, hostPath: { path: "/a/../b" } }, { csi: null, nfs: { server: "nfs", path: "relative" } }, { csi: null, local: { path: "/mnt/../x" } }, { csi: { driver: "a_b", volumeHandle: "v" } }], `${C} TestValidatePersistentVolumes`);
good("storageClass", "", [{ provisioner: "kubernetes.io/aws-ebs" }, { provisioner: "Ebs.Csi.Aws.Com" }, { reclaimPolicy: "Retain" }, { reclaimPolicy: "Delete" }], `${S} TestValidateStorageClass`);
bad("storageClass", "", [{ provisioner: "bad provisioner!" }, { reclaimPolicy: "Recycle" }], `${S} TestValidateStorageClass`);

// RBAC.
good("role", "rules", [[{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]], `${R} TestValidateRoleValidResource`);
bad("role", "rules", [[{ apiGroups: [""], resources: ["pods"], verbs: [] }]], `${R} TestValidateRoleNonResourceURLNoVerbs`);
bad("role", "rules", [[{ nonResourceURLs: ["/healthz"], verbs: ["get"] }]], `${R} TestValidateRoleNamespacedNonResourceURL`);
good("clusterRole", "rules", [[{ nonResourceURLs: ["/healthz"], verbs: ["get"] }]], `${R} TestValidateRoleNonResourceURL`);
good("roleBinding", "roleRef", [{ kind: "Role" }, { kind: "ClusterRole" }], `${R} TestValidateRoleBinding`);
bad("roleBinding", "roleRef", [{ kind: "role" }, { apiGroup: "rbac" }], `${R} TestValidateRoleBinding`);
bad("clusterRoleBinding", "roleRef", [{ kind: "Role" }], `${R} TestValidateClusterRoleBinding`);
good("roleBinding", "subjects", [[{ kind: "ServiceAccount", name: "default" }], [{ kind: "User", name: "alice", apiGroup: "rbac.authorization.k8s.io" }], [{ kind: "Group", name: "system:authenticated", apiGroup: "rbac.authorization.k8s.io" }]], `${R} TestValidateRoleBinding`);
// An empty apiGroup is defaulted before validation (pkg/apis/rbac/v1/defaults.go SetDefaults_RoleBinding, SetDefaults_Subject): "" is the same as leaving it out.
good("roleBinding", "roleRef", [{ apiGroup: "" }], `${R} TestValidateRoleBinding`);
good("roleBinding", "subjects", [[{ kind: "User", name: "alice", apiGroup: "" }], [{ kind: "Group", name: "developers", apiGroup: "" }]], `${R} TestValidateRoleBinding`);
bad(
  "roleBinding",
  "subjects",
  [[{ kind: "Serviceaccount", name: "default" }], [{ kind: "ServiceAccount", name: "default", apiGroup: "rbac.authorization.k8s.io" }], [{ kind: "User", name: "alice", apiGroup: "rbac.GroupName" }], [{ kind: "ServiceAccount", name: "Bad_SA" }]],
  `${R} TestValidateRoleBinding`,
);

// ConfigMap, Secret, PriorityClass, webhooks, metadata.
good("configMap", "data", [{ "good-key": "x" }, { ".so.is.this": "x" }], `${C} TestValidateConfigMap`);
bad("configMap", "data", [{ "bad key": "x" }, { "..": "x" }, { "..bad": "x" }, { big: "x".repeat(1024 * 1024 + 1) }], `${C} TestValidateConfigMap`);
bad("configMap", "binaryData", [{ "b*d": "eA==" }], `${C} TestValidateConfigMap`);
good("secret", "data", [{ "tls.crt": "eA==" }], `${C} TestValidateSecret`);
bad("secret", "data", [{ "bad/key": "eA==" }], `${C} TestValidateSecret`);
bad("secret", "stringData", [{ "a b": "x" }], `${C} TestValidateSecret`);
// Sizes near the limits: over the quick bound (3 bytes a character, a byte a base64 character) but within, and over by their bytes only.
good("configMap", "data", [{ big: "x".repeat(512 * 1024) }], `${C} TestValidateConfigMap`);
bad("configMap", "data", [{ big: "é".repeat(600 * 1024) }], `${C} TestValidateConfigMap`);
good("secret", "data", [{ big: "eHh4".repeat(300 * 1024) }], `${C} TestValidateSecret`);
bad("secret", "data", [{ big: "eHh4".repeat(400 * 1024) }], `${C} TestValidateSecret`);
good("configMap", "metadata", [{ annotations: { note: "x".repeat(200 * 1024) } }], `${UMETA} TestValidateAnnotations`);
bad("configMap", "metadata", [{ annotations: { note: "é".repeat(140 * 1024) } }], `${UMETA} TestValidateAnnotations`);
good("priorityClass", "value", [1000000000, -5], `${SC} TestValidatePriorityClass`);
bad("priorityClass", "value", [1000000001], `${SC} TestValidatePriorityClass`);
good("webhook", "webhooks.0", [{ timeoutSeconds: 1 }, { timeoutSeconds: 30 }, { name: "a.b.c" }, { sideEffects: "NoneOnDryRun" }], `${W} TestValidateValidatingWebhookConfiguration`);
bad("webhook", "webhooks.0", [{ timeoutSeconds: 0 }, { timeoutSeconds: 31 }, { name: "webhook.example" }, { sideEffects: "Some" }], `${W} TestValidateValidatingWebhookConfiguration`);
good("configMap", "metadata", [{ finalizers: ["example.com/cleanup", "kubernetes"] }, { annotations: { note: "x".repeat(1000) } }], `${UMETA} TestValidateAnnotations`);
bad("configMap", "metadata", [{ finalizers: ["bad finalizer"] }, { annotations: { note: "x".repeat(256 * 1024) } }], `${UMETA} TestValidateAnnotations`);

// Names per kind (invalid-name).
const name = { rule: "invalid-name" };
good("job", "metadata.name", [a(63)], `${U} TestIsValidLabelValue`, undefined, name);
bad("job", "metadata.name", [a(64)], `${U} TestIsValidLabelValue`, undefined, name);
good("job", "", [{ metadata: { name: a(64) }, spec: { manualSelector: true, selector: { matchLabels: { job: "x" } }, template: { metadata: { labels: { job: "x" } }, spec: { ...podSpec(), restartPolicy: "Never" } } } }], `${B} TestValidateJob`, undefined, name);
good("cronJob", "metadata.name", [a(52)], `${B} TestValidateCronJob`, undefined, name);
bad("cronJob", "metadata.name", [a(53)], `${B} TestValidateCronJob`, undefined, name);
good("statefulSet", "metadata.name", [a(52)], `${U} TestIsValidLabelValue`, undefined, name);
bad("statefulSet", "metadata.name", [a(53)], `${U} TestIsValidLabelValue`, undefined, name);
good("service", "metadata.name", ["1web", "0", "web"], `${U} TestIsDNS1123Label`, undefined, name);
bad("service", "metadata.name", ["1web", "0"], `${U} TestIsDNS1035Label`, undefined, { ...name, version: "1.35" });
good("service", "metadata.name", ["web", "a--1--2--b"], `${U} TestIsDNS1035Label`, undefined, { ...name, version: "1.35" });
bad("service", "metadata.name", ["web_1", "Web"], `${U} TestIsDNS1123Label`, undefined, name);
good("configMap", "metadata.name", ["app.config"], `${U} TestIsDNS1123Subdomain`, undefined, name);
good("clusterRoleBinding", "metadata.name", ["system:Custom_Binding"], `${UPATH} TestValidatePathSegmentName`, undefined, name);
bad("role", "metadata.name", ["a/b", "..", "a%b"], `${UPATH} TestValidatePathSegmentName`, undefined, name);

// Null values in string maps (null-map-value).
const nulls = { rule: "null-map-value" };
bad("configMap", "metadata.labels", [{ tier: null }], "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers_test.go TestNestedNullCoercingStringMap", undefined, nulls);
good("configMap", "metadata.labels", [{ tier: "" }], "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers_test.go TestNestedNullCoercingStringMap", undefined, nulls);
bad("configMap", "data", [{ FLAGS: null }], "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers_test.go TestNestedNullCoercingStringMap", undefined, nulls);
bad("pod", "nodeSelector", [{ disktype: null }], "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers_test.go TestNestedNullCoercingStringMap", undefined, nulls);

// LimitRange items: validateLimitRangeTypeName and the ratio of ValidateLimitRange.
good("limitRange", "type", ["Container", "Pod", "PersistentVolumeClaim", "example.com/widget"], `${C} TestValidateLimitRange`);
bad("limitRange", "type", ["container", "Containers", "Widget", "-bad/type"], `${C} TestValidateLimitRange`);
good("limitRange", "maxLimitRequestRatio", ["1", "2", "1.5", 4], `${C} TestValidateLimitRange`, (v) => ({ cpu: v }));
bad("limitRange", "maxLimitRequestRatio", ["500m", "0", 0.5, "-1", -2], `${C} TestValidateLimitRange`, (v) => ({ cpu: v }));
// TestValidateLimitRange has no negative max, min, default or defaultRequest: ValidateLimitRange (limit_ranges.go)
// compares an item's values but checks no sign, so the API server accepts them (limit-range-violation reports the
// pods they then break). Each value is of a resource that no comparison with the site's max (cpu 2) fails.
good("limitRange", "max", ["-1", "-500m", -2], `${C} TestValidateLimitRange`, (v) => ({ memory: v }));
good("limitRange", "min", ["-1", "-100m", -2], `${C} TestValidateLimitRange`, (v) => ({ cpu: v }));
good("limitRange", "default", ["-1", "-500m"], `${C} TestValidateLimitRange`, (v) => ({ memory: v }));
good("limitRange", "defaultRequest", ["-1", "-100m"], `${C} TestValidateLimitRange`, (v) => ({ memory: v }));

// Localhost seccomp and AppArmor profiles: validateLocalDescendingPath, ValidateAppArmorProfileField.
const seccompLocal = (v: unknown) => ({ seccompProfile: { type: "Localhost", localhostProfile: v } });
const appArmorLocal = (v: unknown) => ({ appArmorProfile: { type: "Localhost", localhostProfile: v } });
good("container", "securityContext", ["profiles/audit.json", "audit.json", "a/b..c/d.json", ""], `${C} TestValidatePodSpec`, seccompLocal);
bad("container", "securityContext", ["/var/lib/kubelet/seccomp/audit.json", "../audit.json", "profiles/../../etc/x.json"], `${C} TestValidatePodSpec`, seccompLocal);
bad("pod", "securityContext", ["/audit.json", "a/../b"], `${C} TestValidatePodSpec`, seccompLocal);
good("container", "securityContext", ["k8s-deny-write", "profiles/deny", a(4095)], `${C} TestValidateSecurityContext`, appArmorLocal);
bad("container", "securityContext", [" k8s-deny-write", "k8s-deny-write ", "\tdeny", a(4096)], `${C} TestValidateSecurityContext`, appArmorLocal);
bad("pod", "securityContext", ["deny\n"], `${C} TestValidateSecurityContext`, appArmorLocal);
good("container", "securityContext", ["/abs/path", "../x"], `${C} TestValidatePodSpec`, (v) => ({ seccompProfile: { type: "RuntimeDefault", localhostProfile: v } }));

// Seccomp and AppArmor annotations of pods and pod templates: ValidateSeccompPodAnnotations
// (ValidateSeccompProfile), ValidateAppArmorPodAnnotations (podSpecHasContainer,
// ValidateAppArmorProfileFormat), the same at every release.
const SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_APP = "container.seccomp.security.alpha.kubernetes.io/app";
const APPARMOR = (c: string) => `container.apparmor.security.beta.kubernetes.io/${c}`;
const annotation = (key: string) => (v: unknown) => ({ annotations: { [key]: v } });
const SECCOMP_GOOD = ["runtime/default", "docker/default", "unconfined", "localhost/foo", "localhost/profiles/audit.json", "localhost/"];
const SECCOMP_BAD = ["foo", "", "Runtime/Default", "runtime/defualt", "localhost//foo", "localhost/../foo", "localhost/a/../../b", "docker/Default"];
good("podMeta", "", SECCOMP_GOOD, `${C} TestValidatePod`, annotation(SECCOMP_POD));
bad("podMeta", "", SECCOMP_BAD, `${C} TestValidatePod`, annotation(SECCOMP_POD));
good("deploymentMeta", "", SECCOMP_GOOD, `${C} TestValidatePodTemplateSpec`, annotation(SECCOMP_APP));
bad("deploymentMeta", "", SECCOMP_BAD, `${C} TestValidatePodTemplateSpec`, annotation(SECCOMP_APP));
good("deploymentMeta", "", ["runtime/default"], `${C} TestValidatePodTemplateSpec`, annotation("container.seccomp.security.alpha.kubernetes.io/no-such-container"));
bad("cronJobMeta", "", ["runtime/defualt"], `${C} TestValidatePodTemplateSpec`, annotation(SECCOMP_POD), { version: "1.19" });
bad("cronJobMeta", "", ["localhost//abs.json"], `${C} TestValidatePodTemplateSpec`, annotation(SECCOMP_POD), { version: "1.27" });
const APPARMOR_GOOD = ["", "runtime/default", "unconfined", "localhost/foo", "localhost/k8s-apparmor-example-deny-write"];
const APPARMOR_BAD = ["baz", "docker/default", "Unconfined", "runtime/Default", "localhost"];
good("podMeta", "", APPARMOR_GOOD, `${C} TestValidateAppArmorProfileFormat`, annotation(APPARMOR("app")));
bad("podMeta", "", APPARMOR_BAD, `${C} TestValidateAppArmorProfileFormat`, annotation(APPARMOR("app")));
good("podMeta", "", ["runtime/default"], `${C} TestValidatePod`, annotation(APPARMOR("init")));
bad("podMeta", "", ["runtime/default", ""], `${C} TestValidatePod`, annotation(APPARMOR("invalid-ctr")));
bad("deploymentMeta", "", ["runtime/default"], `${C} TestValidatePodTemplateSpec`, annotation(APPARMOR("web")));
bad("cronJobMeta", "", ["localhost/x"], `${C} TestValidatePodTemplateSpec`, annotation(APPARMOR("job")), { version: "1.22" });
good("deploymentMeta", "", ["bad-name"], `${C} TestValidatePodTemplateSpec`, (v) => ({ annotations: { [`example.com/${v}`]: v } }));

// Annotations and fields that disagree: validateSeccompAnnotationsAndFields (every release),
// validateAppArmorAnnotationsAndFieldsMatchOnCreate (from 1.30, where the field exists).
const mismatch = { rule: "invalid-combination" };
good("podProfiles", "", ["localhost/profiles/a.json"], `${C} TestValidateSeccompAnnotationsAndFields`, annotation(SECCOMP_POD), mismatch);
bad("podProfiles", "", ["runtime/default", "unconfined", "localhost/profiles/b.json"], `${C} TestValidateSeccompAnnotationsAndFields`, annotation(SECCOMP_POD), mismatch);
good("podProfiles", "", ["runtime/default", "docker/default"], `${C} TestValidateSeccompAnnotationsAndFields`, annotation(SECCOMP_APP), mismatch);
bad("podProfiles", "", ["unconfined", "localhost/profiles/a.json"], `${C} TestValidateSeccompAnnotationsAndFields`, annotation(SECCOMP_APP), mismatch);
bad("podProfiles", "", ["unconfined"], `${C} TestValidateSeccompAnnotationsAndFields`, annotation(SECCOMP_APP), { ...mismatch, version: "1.19" });
good("podProfiles", "", ["localhost/k8s-web"], `${C} TestValidateAppArmorAnnotationsAndFieldsMatchOnCreate`, annotation(APPARMOR("app")), mismatch);
bad("podProfiles", "", ["runtime/default", "unconfined", "localhost/k8s-other", ""], `${C} TestValidateAppArmorAnnotationsAndFieldsMatchOnCreate`, annotation(APPARMOR("app")), mismatch);
good("podProfiles", "", ["runtime/default"], `${C} TestValidateAppArmorAnnotationsAndFieldsMatchOnCreate`, annotation(APPARMOR("app")), { ...mismatch, version: "1.29" });

// Search domains by release: MaxDNSSearchPathsLegacy and MaxDNSSearchListCharsLegacy (6, 256)
// before ExpandedDNSConfig is on by default (1.26), 32 and 2048 from then on.
const domains = (n: number) => Array.from({ length: n }, (_, i) => `d${i}.example`);
const long = (n: number) => Array.from({ length: n }, (_, i) => `${a(62)}${i % 10}.${a(63)}`);
bad("pod", "dnsConfig", [domains(7)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.25" });
good("pod", "dnsConfig", [domains(6)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.25" });
good("pod", "dnsConfig", [domains(7), domains(32)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.26" });
bad("pod", "dnsConfig", [long(3)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.22" });
good("pod", "dnsConfig", [long(2)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.22" });
good("pod", "dnsConfig", [long(3), long(16)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.28" });
bad("pod", "dnsConfig", [long(17)], `${C} TestValidatePodDNSConfig`, (v) => ({ searches: v }), { version: "1.28" });

// ResourceQuota spec.hard (ValidateResourceQuotaSpec): names a quota tracks, quantities not negative
// and whole where counted; scopes the target release knows. Names hold dots: a row sets a map under
// spec.hard, merged with the site's pods limit.
SITES.resourceQuota = { prefix: "spec", build: (n) => ({ apiVersion: "v1", kind: "ResourceQuota", metadata: meta(n), spec: { hard: { pods: "10" } } }) };
const hard = (name: string) => (v: unknown) => ({ [name]: v });
const quotaNames = (names: string[], valid: boolean, what: string) =>
  each("resourceQuota", "hard", names, valid, `${C} TestValidateResourceQuota (${what})`, {}, (name) => ({ [name as string]: "1" }));
quotaNames(["cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers"], true, "spec: every standard quota resource");
quotaNames(["hugepages-2Mi", "requests.hugepages-1Gi", "count/pods", "count/deployments.apps", "count/widgets.example.com", "nvidia.com/gpu", "requests.nvidia.com/gpu", "gold.storageclass.storage.k8s.io/requests.storage"], true, "extended and object-count names");
quotaNames(["storage", "request.cpu", "limits.hugepages-2Mi", "widgets", "Pods", "-bad/name", "example.com/"], false, "invalidQuotaResourceSpec: must be a standard resource for quota or qualified");
good("resourceQuota", "hard", ["0", "100", "1e3", "2Gi"], `${C} TestValidateResourceQuota (spec: zero and positive limits)`, hard("requests.memory"));
bad("resourceQuota", "hard", ["-1", "-100m", "-1Gi"], `${C} TestValidateResourceQuota (negativeSpec: isNegativeErrorMsg)`, hard("requests.cpu"));
bad("resourceQuota", "hard", ["-1"], `${C} TestValidateResourceQuota (negativeSpec: isNegativeErrorMsg)`, hard("services"));
bad("resourceQuota", "hard", ["0.1", "500m", "1.5"], `${C} TestValidateResourceQuota (fractionalPodSpec: isNotIntegerErrorMsg)`, hard("pods"));
bad("resourceQuota", "hard", ["0.5", "1500m"], `${C} TestValidateResourceQuota (extended resources and object counts are integers)`, hard("count/deployments.apps"));
bad("resourceQuota", "hard", ["0.5"], `${C} TestValidateResourceQuota (extended resources and object counts are integers)`, hard("nvidia.com/gpu"));
good("resourceQuota", "hard", ["1.5", "500m"], `${C} TestValidateResourceQuota (a requests.<domain>/<name> quota is not an extended resource name: fractions pass)`, hard("requests.nvidia.com/gpu"));
good("resourceQuota", "hard", ["0.5", "250m"], `${C} TestValidateResourceQuota (compute resources take fractions)`, hard("limits.cpu"));
good("resourceQuota", "scopes", [["CrossNamespacePodAffinity"]], `${C} TestValidateResourceQuota (crossNamespaceAffinity scope)`, undefined, { version: "1.22" });
bad("resourceQuota", "scopes", [["CrossNamespacePodAffinity"]], `${C} TestValidateResourceQuota (crossNamespaceAffinity scope before PodAffinityNamespaceSelector is on)`, undefined, { version: "1.21" });
good("resourceQuota", "scopeSelector", [{ matchExpressions: [{ scopeName: "VolumeAttributesClass", operator: "In", values: ["gold"] }] }], `${C} TestValidateResourceQuota (volumeAttributesClass scope selector)`, undefined, { version: "1.33" });
bad("resourceQuota", "scopeSelector", [{ matchExpressions: [{ scopeName: "VolumeAttributesClass", operator: "In", values: ["gold"] }] }], `${C} TestValidateResourceQuota (volumeAttributesClass scope before it exists: unsupported scope)`, undefined, { version: "1.32" });

// Values younger than their field (src/rules/schema/gated-enum-values.ts): "Unsupported value" before
// their gate exists, refused while it is off by default, accepted once it is on.
const gatedValue = { rule: "forbidden-value" };
bad("pvc", "spec", [["ReadWriteOncePod"]], `${C} TestValidatePersistentVolumeClaim (ReadWriteOncePod before the mode exists)`, (v) => ({ accessModes: v }), { ...gatedValue, version: "1.21" });
bad("pvc", "spec", [["ReadWriteOncePod"]], `${C} TestValidatePersistentVolumeClaim (ReadWriteOncePod with the gate off)`, (v) => ({ accessModes: v }), { ...gatedValue, version: "1.26" });
good("pvc", "spec", [["ReadWriteOncePod"]], `${C} TestValidatePersistentVolumeClaim (ReadWriteOncePod with the gate on)`, (v) => ({ accessModes: v }), { ...gatedValue, version: "1.27" });
bad("pv", "spec", [["ReadWriteOncePod"]], `${C} TestValidatePersistentVolumes (ReadWriteOncePod with the gate off)`, (v) => ({ accessModes: v }), { ...gatedValue, version: "1.22" });
good("pv", "spec", [["ReadWriteOncePod"]], `${C} TestValidatePersistentVolumes (ReadWriteOncePod with the gate on)`, (v) => ({ accessModes: v }), { ...gatedValue, version: "1.29" });
bad("service", "spec", ["PreferSameZone", "PreferSameNode"], `${C} TestValidateServiceCreate (trafficDistribution before PreferSameTrafficDistribution)`, (v) => ({ trafficDistribution: v }), { ...gatedValue, version: "1.32" });
bad("service", "spec", ["PreferSameZone", "PreferSameNode"], `${C} TestValidateServiceCreate (trafficDistribution with PreferSameTrafficDistribution off)`, (v) => ({ trafficDistribution: v }), { ...gatedValue, version: "1.33" });
good("service", "spec", ["PreferClose", "PreferSameZone", "PreferSameNode"], `${C} TestValidateServiceCreate (trafficDistribution)`, (v) => ({ trafficDistribution: v }), { ...gatedValue, version: "1.34" });
bad("service", "spec", ["PreferSameRegion", "preferClose"], `${C} TestValidateServiceCreate (trafficDistribution unsupported)`, (v) => ({ trafficDistribution: v }), { version: "1.34" });
bad("job", "spec", ["FailIndex"], `${B} TestValidateJob (FailIndex before JobBackoffLimitPerIndex)`, (v) => ({ podFailurePolicy: { rules: [{ action: v, onExitCodes: { operator: "In", values: [1] } }] } }), { ...gatedValue, version: "1.27" });
good("job", "spec", ["FailJob", "Ignore", "Count"], `${B} TestValidateJob (podFailurePolicy actions)`, (v) => ({ podFailurePolicy: { rules: [{ action: v, onExitCodes: { operator: "In", values: [1] } }] } }), { ...gatedValue, version: "1.27" });
bad("pod", "securityContext", ["MountOption"], `${C} TestValidatePodSpec (seLinuxChangePolicy MountOption with SELinuxMount off)`, (v) => ({ seLinuxChangePolicy: v }), gatedValue);
good("pod", "securityContext", ["Recursive"], `${C} TestValidatePodSpec (seLinuxChangePolicy)`, (v) => ({ seLinuxChangePolicy: v }), gatedValue);
bad("pod", "securityContext", ["recursive", "Mount"], `${C} TestValidatePodSpec (seLinuxChangePolicy unsupported)`, (v) => ({ seLinuxChangePolicy: v }));
const containerMetric = { type: "ContainerResource", containerResource: { name: "cpu", container: "app", target: { type: "Utilization", averageUtilization: 60 } } };
bad("hpa", "spec", [[containerMetric]], `pkg/apis/autoscaling/validation/validation_test.go TestValidateHorizontalPodAutoscaler (ContainerResource before HPAContainerMetrics)`, (v) => ({ metrics: v }), { ...gatedValue, version: "1.19" });
bad("hpa", "spec", [[containerMetric]], `pkg/registry/autoscaling/horizontalpodautoscaler/strategy_test.go TestCreateWithFeatureDisabled`, (v) => ({ metrics: v }), { rule: "feature-gated-field", version: "1.26" });
good("hpa", "spec", [[containerMetric]], `pkg/registry/autoscaling/horizontalpodautoscaler/strategy_test.go TestCreateWithFeatureEnabled`, (v) => ({ metrics: v }), { ...gatedValue, version: "1.27" });

export const ROWS: readonly Row[] = rows;
