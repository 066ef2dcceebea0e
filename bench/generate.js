/**
 * A deterministic generator of realistic manifest corpora for the benchmark.
 *
 * Applications come in the shapes real repositories hold: web apps (ConfigMap, Secret,
 * Deployment, Service, HPA, Ingress), databases (headless Service, StatefulSet with claim
 * templates, ConfigMap), storage-backed workers (PV, PVC, Deployment), and CronJobs. About
 * one application in twelve carries a deliberate mistake (a selector that matches nothing,
 * a missing ConfigMap, a non-headless governing Service, `500mi`, a `:latest` image...).
 * Resources are packed ten to a file in the order written, so links cross file boundaries
 * just as they do in a GitOps repository.
 *
 * Usage: node bench/generate.js <resources> [shape] [outDir]   (default outDir bench/.corpus/r<n>[-<shape>])
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = join(BENCH_DIR, ".corpus");
/** Bumped whenever the output changes, so that cached corpora are regenerated. */
const GENERATOR_VERSION = 5;
export const RESOURCES_PER_FILE = 10;

/** mulberry32: small, fast and deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ["payments", "search", "checkout", "identity", "catalog", "billing", "ledger", "media", "notify", "orders"];
const WORDS = ["api", "web", "worker", "gateway", "sync", "indexer", "render", "auth", "cart", "feed", "report", "export"];
const DBS = ["postgres", "redis", "kafka", "zookeeper", "elasticsearch", "mongo", "etcd", "rabbitmq"];
const REGISTRIES = ["ghcr.io/acme", "registry.example.com/platform", "docker.io/library", "quay.io/acme", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"];
const MISTAKES = [
  "selector-mismatch",
  "missing-configmap",
  "not-headless",
  "bad-quantity",
  "latest-tag",
  "undeclared-target-port",
  "missing-secret-key",
  "requests-exceed-limits",
  "hpa-missing-target",
  "pvc-access-mode",
  "bad-cron",
  "duplicate-env",
];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

/** One YAML document as text; `lines` are already indented. */
const doc = (lines) => lines.join("\n");

function labels(indent, app, extra = {}) {
  const pad = " ".repeat(indent);
  const out = [`${pad}app.kubernetes.io/name: ${app}`];
  for (const [k, v] of Object.entries(extra)) out.push(`${pad}${k}: ${v}`);
  return out;
}

function probe(kind, port, path, indent, r) {
  const pad = " ".repeat(indent);
  if (kind === "tcp") {
    return [`${pad}tcpSocket:`, `${pad}  port: ${port}`, `${pad}periodSeconds: ${pick(r, [5, 10, 15])}`];
  }
  return [
    `${pad}httpGet:`,
    `${pad}  path: ${path}`,
    `${pad}  port: ${port}`,
    `${pad}initialDelaySeconds: ${int(r, 0, 20)}`,
    `${pad}periodSeconds: ${pick(r, [5, 10, 20])}`,
    `${pad}timeoutSeconds: ${pick(r, [1, 2, 3])}`,
  ];
}

function resources(indent, r, mistake) {
  const pad = " ".repeat(indent);
  const cpu = pick(r, ["50m", "100m", "250m", "500m", "1"]);
  const mem = pick(r, ["64Mi", "128Mi", "256Mi", "512Mi", "1Gi"]);
  const reqMem = mistake === "bad-quantity" ? "500mi" : mem;
  const limMem = mistake === "requests-exceed-limits" ? "32Mi" : mem;
  return [
    `${pad}resources:`,
    `${pad}  requests:`,
    `${pad}    cpu: ${cpu}`,
    `${pad}    memory: ${reqMem}`,
    `${pad}  limits:`,
    `${pad}    memory: ${limMem}`,
  ];
}

function webApp(r, ns, id, mistake) {
  const app = `${pick(r, WORDS)}-${id}`;
  const image = `${pick(r, REGISTRIES)}/${app}:${mistake === "latest-tag" ? "latest" : `v1.${int(r, 0, 40)}.${int(r, 0, 9)}`}`;
  const cm = `${app}-config`;
  const secret = `${app}-credentials`;
  const replicas = int(r, 2, 6);
  const tplLabels = labels(8, app, { "app.kubernetes.io/part-of": ns, tier: "frontend" });
  const selLabel = mistake === "selector-mismatch" ? `${app}-x` : app;
  const portName = mistake === "undeclared-target-port" ? "web" : "http";
  const env = [
    "        env:",
    "        - name: LOG_LEVEL",
    `          value: ${pick(r, ["info", "debug", "warn"])}`,
    "        - name: DATABASE_URL",
    "          valueFrom:",
    "            secretKeyRef:",
    `              name: ${secret}`,
    `              key: ${mistake === "missing-secret-key" ? "database-uri" : "database-url"}`,
    "        - name: POD_NAMESPACE",
    "          valueFrom:",
    "            fieldRef:",
    "              fieldPath: metadata.namespace",
  ];
  if (mistake === "duplicate-env") env.push("        - name: LOG_LEVEL", '          value: "trace"');
  const out = [];
  out.push(
    doc([
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      `  name: ${cm}`,
      `  namespace: ${ns}`,
      "  labels:",
      ...labels(4, app),
      "data:",
      `  FEATURE_FLAGS: "${pick(r, ["a,b", "checkout-v2", "none"])}"`,
      `  UPSTREAM_URL: http://${pick(r, WORDS)}.${ns}.svc.cluster.local:8080`,
      "  app.properties: |",
      `    server.port=8080`,
      `    cache.ttl=${int(r, 10, 600)}`,
      `    pool.size=${int(r, 4, 64)}`,
    ]),
  );
  out.push(
    doc([
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      `  name: ${secret}`,
      `  namespace: ${ns}`,
      "type: Opaque",
      "data:",
      `  database-url: ${Buffer.from(`postgres://app:secret@db-${id}:5432/app`).toString("base64")}`,
      `  api-key: ${Buffer.from(`key-${id}-${int(r, 1000, 9999)}`).toString("base64")}`,
    ]),
  );
  out.push(
    doc([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      `  name: ${app}`,
      `  namespace: ${ns}`,
      "  labels:",
      ...labels(4, app, { "app.kubernetes.io/version": `"1.${int(r, 0, 40)}"` }),
      "  annotations:",
      `    deployment.kubernetes.io/revision: "${int(r, 1, 90)}"`,
      "spec:",
      `  replicas: ${replicas}`,
      "  revisionHistoryLimit: 5",
      "  strategy:",
      "    type: RollingUpdate",
      "    rollingUpdate:",
      "      maxSurge: 25%",
      "      maxUnavailable: 0",
      "  selector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${selLabel}`,
      "  template:",
      "    metadata:",
      "      labels:",
      ...tplLabels,
      "      annotations:",
      '        prometheus.io/scrape: "true"',
      '        prometheus.io/port: "9090"',
      "    spec:",
      `      serviceAccountName: default`,
      "      terminationGracePeriodSeconds: 30",
      "      securityContext:",
      "        runAsNonRoot: true",
      "        runAsUser: 10001",
      "      containers:",
      `      - name: ${app.split("-")[0]}`,
      `        image: ${image}`,
      "        imagePullPolicy: IfNotPresent",
      "        ports:",
      "        - name: http",
      "          containerPort: 8080",
      "        - name: metrics",
      "          containerPort: 9090",
      ...env,
      "        envFrom:",
      "        - configMapRef:",
      `            name: ${mistake === "missing-configmap" ? `${cm}-v2` : cm}`,
      ...resources(8, r, mistake),
      "        readinessProbe:",
      ...probe("http", "http", "/healthz/ready", 10, r),
      "        livenessProbe:",
      ...probe("http", "http", "/healthz/live", 10, r),
      "        volumeMounts:",
      "        - name: config",
      "          mountPath: /etc/app",
      "          readOnly: true",
      "        - name: tmp",
      "          mountPath: /tmp",
      "      volumes:",
      "      - name: config",
      "        configMap:",
      `          name: ${cm}`,
      "      - name: tmp",
      "        emptyDir:",
      "          sizeLimit: 64Mi",
    ]),
  );
  out.push(
    doc([
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      `  name: ${app}`,
      `  namespace: ${ns}`,
      "  labels:",
      ...labels(4, app),
      "spec:",
      "  type: ClusterIP",
      "  selector:",
      `    app.kubernetes.io/name: ${app}`,
      "  ports:",
      "  - name: http",
      "    port: 80",
      `    targetPort: ${portName}`,
      "    protocol: TCP",
    ]),
  );
  out.push(
    doc([
      "apiVersion: autoscaling/v2",
      "kind: HorizontalPodAutoscaler",
      "metadata:",
      `  name: ${app}`,
      `  namespace: ${ns}`,
      "spec:",
      "  scaleTargetRef:",
      "    apiVersion: apps/v1",
      "    kind: Deployment",
      `    name: ${mistake === "hpa-missing-target" ? `${app}-old` : app}`,
      `  minReplicas: ${replicas}`,
      `  maxReplicas: ${replicas + int(r, 2, 10)}`,
      "  metrics:",
      "  - type: Resource",
      "    resource:",
      "      name: cpu",
      "      target:",
      "        type: Utilization",
      `        averageUtilization: ${int(r, 50, 85)}`,
    ]),
  );
  const host = `${app}.${ns}.example.com`;
  out.push(
    doc([
      "apiVersion: networking.k8s.io/v1",
      "kind: Ingress",
      "metadata:",
      `  name: ${app}`,
      `  namespace: ${ns}`,
      "  annotations:",
      "    cert-manager.io/cluster-issuer: letsencrypt",
      "spec:",
      "  ingressClassName: nginx",
      "  tls:",
      "  - hosts:",
      `    - ${host}`,
      `    secretName: ${app}-tls`,
      "  rules:",
      `  - host: ${host}`,
      "    http:",
      "      paths:",
      "      - path: /",
      "        pathType: Prefix",
      "        backend:",
      "          service:",
      `            name: ${app}`,
      "            port:",
      "              name: http",
    ]),
  );
  // The TLS secret cert-manager would create, present in the repository as a placeholder.
  out.push(
    doc([
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      `  name: ${app}-tls`,
      `  namespace: ${ns}`,
      "type: kubernetes.io/tls",
      "data:",
      "  tls.crt: ''",
      "  tls.key: ''",
    ]),
  );
  return out;
}

function database(r, ns, id, mistake) {
  const db = pick(r, DBS);
  const name = `${db}-${id}`;
  const svc = `${name}-headless`;
  const port = { postgres: 5432, redis: 6379, kafka: 9092, zookeeper: 2181, elasticsearch: 9200, mongo: 27017, etcd: 2379, rabbitmq: 5672 }[db];
  const out = [];
  out.push(
    doc([
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      `  name: ${svc}`,
      `  namespace: ${ns}`,
      "  labels:",
      ...labels(4, name),
      "spec:",
      mistake === "not-headless" ? "  clusterIp: None" : "  clusterIP: None",
      "  publishNotReadyAddresses: true",
      "  selector:",
      `    app.kubernetes.io/name: ${name}`,
      "  ports:",
      `  - name: ${db.slice(0, 10)}`,
      `    port: ${port}`,
      `    targetPort: ${port}`,
    ]),
  );
  out.push(
    doc([
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      `  name: ${name}-conf`,
      `  namespace: ${ns}`,
      "data:",
      `  ${db}.conf: |`,
      `    # ${db} configuration`,
      `    max_connections = ${int(r, 50, 500)}`,
      `    shared_buffers = ${int(r, 64, 512)}MB`,
      `    listen = 0.0.0.0:${port}`,
    ]),
  );
  out.push(
    doc([
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      `  name: ${name}`,
      `  namespace: ${ns}`,
      "spec:",
      `  serviceName: ${svc}`,
      `  replicas: ${pick(r, [1, 3, 5])}`,
      "  podManagementPolicy: Parallel",
      "  selector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${name}`,
      "  template:",
      "    metadata:",
      "      labels:",
      ...labels(8, name, { "app.kubernetes.io/component": "database" }),
      "    spec:",
      "      terminationGracePeriodSeconds: 60",
      "      containers:",
      `      - name: ${db}`,
      `        image: ${pick(r, REGISTRIES)}/${db}:${int(r, 5, 16)}.${int(r, 0, 9)}`,
      "        ports:",
      `        - name: ${db.slice(0, 10)}`,
      `          containerPort: ${port}`,
      "        args:",
      `        - --config=/etc/${db}/${db}.conf`,
      ...resources(8, r, mistake),
      "        readinessProbe:",
      ...probe("tcp", port, "", 10, r),
      "        volumeMounts:",
      "        - name: data",
      `          mountPath: /var/lib/${db}`,
      "        - name: conf",
      `          mountPath: /etc/${db}`,
      "      volumes:",
      "      - name: conf",
      "        configMap:",
      `          name: ${name}-conf`,
      "  volumeClaimTemplates:",
      "  - metadata:",
      "      name: data",
      "    spec:",
      "      accessModes: [ReadWriteOnce]",
      `      storageClassName: ${pick(r, ["standard", "fast-ssd", "gp3"])}`,
      "      resources:",
      "        requests:",
      `          storage: ${int(r, 1, 200)}Gi`,
    ]),
  );
  return out;
}

function storageWorker(r, ns, id, mistake) {
  const name = `archive-${id}`;
  const pv = `pv-${ns}-${id}`;
  const out = [];
  out.push(
    doc([
      "apiVersion: v1",
      "kind: PersistentVolume",
      "metadata:",
      `  name: ${pv}`,
      "  labels:",
      `    volume: ${name}`,
      "spec:",
      "  capacity:",
      `    storage: ${int(r, 10, 500)}Gi`,
      "  accessModes:",
      "  - ReadWriteMany",
      "  persistentVolumeReclaimPolicy: Retain",
      "  storageClassName: nfs",
      "  nfs:",
      `    server: nfs-${int(r, 1, 4)}.storage.internal`,
      `    path: /exports/${ns}/${name}`,
    ]),
  );
  out.push(
    doc([
      "apiVersion: v1",
      "kind: PersistentVolumeClaim",
      "metadata:",
      `  name: ${name}`,
      `  namespace: ${ns}`,
      "spec:",
      "  accessModes:",
      `  - ${mistake === "pvc-access-mode" ? "ReadWriteOncePod" : "ReadWriteMany"}`,
      "  storageClassName: nfs",
      "  selector:",
      "    matchLabels:",
      `      volume: ${name}`,
      "  resources:",
      "    requests:",
      "      storage: 10Gi",
    ]),
  );
  out.push(
    doc([
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      `  name: ${name}`,
      `  namespace: ${ns}`,
      "spec:",
      `  replicas: ${int(r, 1, 3)}`,
      "  selector:",
      "    matchLabels:",
      `      app: ${name}`,
      "  template:",
      "    metadata:",
      "      labels:",
      `        app: ${name}`,
      "    spec:",
      "      containers:",
      "      - name: worker",
      `        image: ${pick(r, REGISTRIES)}/archiver:2.${int(r, 0, 9)}`,
      '        command: ["/bin/archiver", "--watch", "/data"]',
      ...resources(8, r, mistake),
      "        volumeMounts:",
      "        - name: data",
      "          mountPath: /data",
      "      volumes:",
      "      - name: data",
      "        persistentVolumeClaim:",
      `          claimName: ${name}`,
    ]),
  );
  return out;
}

function cronJob(r, ns, id, mistake) {
  const name = `report-${id}`;
  return [
    doc([
      "apiVersion: batch/v1",
      "kind: CronJob",
      "metadata:",
      `  name: ${name}`,
      `  namespace: ${ns}`,
      "spec:",
      `  schedule: "${mistake === "bad-cron" ? "0 25 * * *" : `${int(r, 0, 59)} ${int(r, 0, 23)} * * *`}"`,
      "  concurrencyPolicy: Forbid",
      "  successfulJobsHistoryLimit: 3",
      "  jobTemplate:",
      "    spec:",
      "      backoffLimit: 2",
      "      template:",
      "        spec:",
      "          restartPolicy: OnFailure",
      "          containers:",
      "          - name: report",
      `            image: ${pick(r, REGISTRIES)}/reporter:1.${int(r, 0, 30)}`,
      "            args: [--since, 24h, --out, s3://reports]",
      "            resources:",
      "              requests: {cpu: 100m, memory: 128Mi}",
      "              limits: {memory: 256Mi}",
    ]),
  ];
}

const SHAPES = [webApp, webApp, webApp, database, storageWorker, cronJob];

/** Every document of a corpus of about `total` resources, in order. */
export function* corpusDocuments(total, seed = 1) {
  const r = rng(seed);
  let emitted = 0;
  for (let id = 0; emitted < total; id++) {
    const ns = `${pick(r, TEAMS)}-${id % 7}`;
    const mistake = r() < 1 / 12 ? pick(r, MISTAKES) : undefined;
    for (const d of pick(r, SHAPES)(r, ns, id, mistake)) {
      if (emitted++ >= total) return;
      yield d;
    }
  }
}

/** The first lines of a namespaced object: apiVersion, kind, name and namespace. */
const header = (apiVersion, kind, name, ns) => [`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", `  name: ${name}`, `  namespace: ${ns}`];

const PLATFORM_MISTAKES = ["binding-missing-account", "pdb-selector-mismatch", "route-missing-backend", "widget-rule", "policy-replicas", "role-reads-secrets", "monitor-port", "issuer-missing"];

/**
 * What a platform team's repository holds besides workloads: the cluster-wide definitions first
 * (a GatewayClass, a CRD whose `x-kubernetes-validations` rules every Widget is checked against,
 * ValidatingAdmissionPolicies with bindings, one taking its limit from a ConfigMap parameter),
 * then per application a ServiceAccount, Role and RoleBinding, a restricted Deployment, its
 * Service, PodDisruptionBudget, NetworkPolicy, HTTPRoute, ServiceMonitor, Certificate and a
 * Widget; a Gateway and an Issuer open each namespace. About one application in twelve carries a
 * mistake (a binding to a missing account, a route to a missing Service, a Widget breaking its
 * CRD's rule, a Deployment the policy denies...).
 */
function* platformDocuments(total, seed = 3) {
  const r = rng(seed);
  let emitted = 0;
  const seen = new Set();
  const emit = function* (docs) {
    for (const d of docs) {
      if (emitted++ >= total) return;
      yield d;
    }
  };
  yield* emit(clusterDefinitions());
  for (let id = 0; emitted < total; id++) {
    const ns = `${pick(r, TEAMS)}-${id % 7}`;
    const mistake = r() < 1 / 12 ? pick(r, PLATFORM_MISTAKES) : undefined;
    if (!seen.has(ns)) {
      seen.add(ns);
      yield* emit(namespaceDefaults(ns));
    }
    yield* emit(platformApp(r, ns, id, mistake));
  }
}

function clusterDefinitions() {
  const policy = (name, kinds, expression, message, param) =>
    doc([
      "apiVersion: admissionregistration.k8s.io/v1",
      "kind: ValidatingAdmissionPolicy",
      "metadata:",
      `  name: ${name}`,
      "spec:",
      "  failurePolicy: Fail",
      ...(param ? ["  paramKind:", "    apiVersion: v1", "    kind: ConfigMap"] : []),
      "  matchConstraints:",
      "    resourceRules:",
      "    - apiGroups: [apps]",
      "      apiVersions: [v1]",
      "      operations: [CREATE, UPDATE]",
      `      resources: [${kinds}]`,
      "  matchConditions:",
      "  - name: not-system",
      `    expression: "!object.metadata.namespace.startsWith('kube-')"`,
      "  validations:",
      `  - expression: "${expression}"`,
      `    message: ${message}`,
    ]);
  const binding = (name, param) =>
    doc([
      "apiVersion: admissionregistration.k8s.io/v1",
      "kind: ValidatingAdmissionPolicyBinding",
      "metadata:",
      `  name: ${name}`,
      "spec:",
      `  policyName: ${name}`,
      "  validationActions: [Deny]",
      ...(param ? ["  paramRef:", `    name: ${param}`, "    namespace: platform", "    parameterNotFoundAction: Deny"] : []),
    ]);
  return [
    doc(["apiVersion: gateway.networking.k8s.io/v1", "kind: GatewayClass", "metadata:", "  name: platform", "spec:", "  controllerName: example.com/gateway-controller"]),
    doc([
      "apiVersion: apiextensions.k8s.io/v1",
      "kind: CustomResourceDefinition",
      "metadata:",
      "  name: widgets.platform.example.com",
      "spec:",
      "  group: platform.example.com",
      "  names:",
      "    kind: Widget",
      "    plural: widgets",
      "  scope: Namespaced",
      "  versions:",
      "  - name: v1",
      "    served: true",
      "    storage: true",
      "    schema:",
      "      openAPIV3Schema:",
      "        type: object",
      "        properties:",
      "          spec:",
      "            type: object",
      "            required: [size, owner]",
      "            x-kubernetes-validations:",
      "            - rule: self.minReplicas <= self.maxReplicas",
      "              message: minReplicas must not exceed maxReplicas",
      "              fieldPath: .minReplicas",
      "            - rule: \"!has(self.tier) || self.tier != 'gold' || self.maxReplicas >= 3\"",
      "              message: a gold widget runs at least three replicas",
      "            properties:",
      "              size:",
      "                type: string",
      "                enum: [small, medium, large]",
      "              owner:",
      "                type: string",
      "                pattern: '^[a-z][a-z0-9-]*@example\\.com$'",
      "              tier:",
      "                type: string",
      "              minReplicas:",
      "                type: integer",
      "                minimum: 0",
      "              maxReplicas:",
      "                type: integer",
      "                maximum: 50",
      "              endpoints:",
      "                type: array",
      "                maxItems: 8",
      "                x-kubernetes-list-type: set",
      "                items:",
      "                  type: string",
      "                  x-kubernetes-validations:",
      "                  - rule: self.startsWith('https://')",
      "                    message: endpoints use https",
    ]),
    doc(["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: replica-limit", "  namespace: platform", "data:", '  max: "12"']),
    policy("replica-limit", "deployments", "!has(object.spec.replicas) || object.spec.replicas <= int(params.data.max)", "replicas above the platform limit", true),
    binding("replica-limit", "replica-limit"),
    policy("require-part-of", "deployments, statefulsets", "has(object.metadata.labels) && 'app.kubernetes.io/part-of' in object.metadata.labels", "workloads name the system they are part of"),
    binding("require-part-of"),
  ];
}

function namespaceDefaults(ns) {
  return [
    doc([
      "apiVersion: gateway.networking.k8s.io/v1",
      "kind: Gateway",
      "metadata:",
      "  name: public",
      `  namespace: ${ns}`,
      "spec:",
      "  gatewayClassName: platform",
      "  listeners:",
      "  - name: https",
      "    protocol: HTTPS",
      "    port: 443",
      `    hostname: "*.${ns}.example.com"`,
      "    tls:",
      "      certificateRefs:",
      "      - name: public-tls",
      "    allowedRoutes:",
      "      namespaces:",
      "        from: Same",
    ]),
    doc(["apiVersion: v1", "kind: Secret", "metadata:", "  name: public-tls", `  namespace: ${ns}`, "type: kubernetes.io/tls", "data:", "  tls.crt: ''", "  tls.key: ''"]),
    doc(["apiVersion: cert-manager.io/v1", "kind: Issuer", "metadata:", "  name: internal-ca", `  namespace: ${ns}`, "spec:", "  ca:", "    secretName: internal-ca"]),
  ];
}

function platformApp(r, ns, id, mistake) {
  const app = `${pick(r, WORDS)}-${id}`;
  const sel = mistake === "pdb-selector-mismatch" ? `${app}-canary` : app;
  const replicas = mistake === "policy-replicas" ? 20 : int(r, 2, 6);
  const minReplicas = mistake === "widget-rule" ? 9 : int(r, 1, 3);
  return [
    doc(["apiVersion: v1", "kind: ServiceAccount", "metadata:", `  name: ${app}`, `  namespace: ${ns}`, "automountServiceAccountToken: false"]),
    doc([
      ...header("rbac.authorization.k8s.io/v1", "Role", app, ns),
      "rules:",
      '- apiGroups: [""]',
      `  resources: [${mistake === "role-reads-secrets" ? "configmaps, secrets" : "configmaps"}]`,
      "  verbs: [get, list, watch]",
      "- apiGroups: [coordination.k8s.io]",
      "  resources: [leases]",
      `  resourceNames: [${app}-leader]`,
      "  verbs: [get, update]",
    ]),
    doc([
      ...header("rbac.authorization.k8s.io/v1", "RoleBinding", app, ns),
      "roleRef:",
      "  apiGroup: rbac.authorization.k8s.io",
      "  kind: Role",
      `  name: ${app}`,
      "subjects:",
      "- kind: ServiceAccount",
      `  name: ${mistake === "binding-missing-account" ? `${app}-runner` : app}`,
      `  namespace: ${ns}`,
    ]),
    doc([
      ...header("apps/v1", "Deployment", app, ns),
      "  labels:",
      ...labels(4, app, { "app.kubernetes.io/part-of": ns }),
      "spec:",
      `  replicas: ${replicas}`,
      "  selector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${app}`,
      "  template:",
      "    metadata:",
      "      labels:",
      ...labels(8, app),
      "    spec:",
      `      serviceAccountName: ${app}`,
      "      automountServiceAccountToken: false",
      "      securityContext:",
      "        runAsNonRoot: true",
      "        runAsUser: 10001",
      "        seccompProfile:",
      "          type: RuntimeDefault",
      "      topologySpreadConstraints:",
      "      - maxSkew: 1",
      "        topologyKey: topology.kubernetes.io/zone",
      "        whenUnsatisfiable: ScheduleAnyway",
      "        labelSelector:",
      "          matchLabels:",
      `            app.kubernetes.io/name: ${app}`,
      "      containers:",
      `      - name: ${app.split("-")[0]}`,
      `        image: ${pick(r, REGISTRIES)}/${app}:v2.${int(r, 0, 40)}.${int(r, 0, 9)}`,
      "        ports:",
      "        - name: http",
      "          containerPort: 8080",
      "        - name: metrics",
      "          containerPort: 9090",
      "        securityContext:",
      "          allowPrivilegeEscalation: false",
      "          readOnlyRootFilesystem: true",
      "          capabilities:",
      "            drop: [ALL]",
      ...resources(8, r),
      "        readinessProbe:",
      ...probe("http", "http", "/ready", 10, r),
      "        livenessProbe:",
      ...probe("http", "http", "/live", 10, r),
    ]),
    doc([
      ...header("v1", "Service", app, ns),
      "  labels:",
      ...labels(4, app),
      "spec:",
      "  selector:",
      `    app.kubernetes.io/name: ${app}`,
      "  ports:",
      "  - name: http",
      "    port: 80",
      "    targetPort: http",
      "  - name: metrics",
      "    port: 9090",
      "    targetPort: metrics",
    ]),
    doc([
      ...header("policy/v1", "PodDisruptionBudget", app, ns),
      "spec:",
      "  maxUnavailable: 1",
      "  unhealthyPodEvictionPolicy: AlwaysAllow",
      "  selector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${sel}`,
    ]),
    doc([
      ...header("networking.k8s.io/v1", "NetworkPolicy", app, ns),
      "spec:",
      "  podSelector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${app}`,
      "  policyTypes: [Ingress]",
      "  ingress:",
      "  - ports:",
      "    - port: 8080",
      "      protocol: TCP",
    ]),
    doc([
      ...header("gateway.networking.k8s.io/v1", "HTTPRoute", app, ns),
      "spec:",
      "  parentRefs:",
      "  - name: public",
      "    sectionName: https",
      "  hostnames:",
      `  - ${app}.${ns}.example.com`,
      "  rules:",
      "  - matches:",
      "    - path:",
      "        type: PathPrefix",
      "        value: /",
      "    backendRefs:",
      `    - name: ${mistake === "route-missing-backend" ? `${app}-v2` : app}`,
      "      port: 80",
    ]),
    doc([
      ...header("monitoring.coreos.com/v1", "ServiceMonitor", app, ns),
      "spec:",
      "  selector:",
      "    matchLabels:",
      `      app.kubernetes.io/name: ${app}`,
      "  endpoints:",
      `  - port: ${mistake === "monitor-port" ? "prometheus" : "metrics"}`,
      "    interval: 30s",
    ]),
    doc([
      "apiVersion: cert-manager.io/v1",
      "kind: Certificate",
      "metadata:",
      `  name: ${app}-internal`,
      `  namespace: ${ns}`,
      "spec:",
      `  secretName: ${app}-internal-tls`,
      "  dnsNames:",
      `  - ${app}.${ns}.svc`,
      "  issuerRef:",
      `    name: ${mistake === "issuer-missing" ? "letsencrypt" : "internal-ca"}`,
      "    kind: Issuer",
    ]),
    doc([
      ...header("platform.example.com/v1", "Widget", app, ns),
      "spec:",
      `  size: ${pick(r, ["small", "medium", "large"])}`,
      `  owner: ${pick(r, TEAMS)}@example.com`,
      `  tier: ${pick(r, ["bronze", "silver", "gold"])}`,
      `  minReplicas: ${minReplicas}`,
      `  maxReplicas: ${int(r, 3, 8)}`,
      "  endpoints:",
      `  - https://${app}.${ns}.example.com`,
      `  - https://${app}-admin.${ns}.example.com`,
    ]),
  ];
}

/**
 * Corpus shapes: one set of resources written the ways real repositories write them, so that a
 * parser tuned to one layout cannot flatter the figures.
 *
 *   mixed        ten block-style resources to a file (the default corpus)
 *   flow         every resource in flow style ({...} and [...] over several lines), as JSON-minded tools write it
 *   comments     long comment lines above keys and after values, and commented-out blocks
 *   secrets      Secrets carrying certificates: long base64 strings and PEM block scalars
 *   small-files  one resource per file
 *   huge-files   four files of thousands of documents each
 *   helm         `helm template` output: `---` and `# Source:` before each document, quoted values
 *   platform     other resources: RBAC, PodDisruptionBudgets, NetworkPolicies, Gateway API routes,
 *                ServiceMonitors, Certificates, and custom resources checked against their CRD's
 *                CEL rules and ValidatingAdmissionPolicies (platformDocuments)
 */
export const CORPUS_SHAPES = ["mixed", "flow", "comments", "secrets", "small-files", "huge-files", "helm", "platform"];

/** Writes the corpus of `total` resources of one shape into `dir` unless an identical one is there. */
export function generateCorpus(total, dir, shape = "mixed") {
  if (!CORPUS_SHAPES.includes(shape)) throw new Error(`unknown corpus shape "${shape}" (one of ${CORPUS_SHAPES.join(", ")})`);
  dir ??= join(CORPUS_ROOT, shape === "mixed" ? `r${total}` : `r${total}-${shape}`);
  const stamp = join(dir, ".generated");
  const perFile = shape === "small-files" ? 1 : shape === "huge-files" ? Math.ceil(total / 4) : RESOURCES_PER_FILE;
  const expected = JSON.stringify({ version: GENERATOR_VERSION, total, perFile, shape });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === expected) return dir;
  rmSync(dir, { recursive: true, force: true });
  const r = rng(7);
  let batch = [];
  let file = 0;
  let bytes = 0;
  const flush = () => {
    if (!batch.length) return;
    const sub = join(dir, `g${String(Math.floor(file / 1000)).padStart(3, "0")}`);
    if (file % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = shape === "helm" ? `${batch.join("\n")}\n` : `${batch.join("\n---\n")}\n`;
    bytes += text.length;
    writeFileSync(join(sub, `m${String(file).padStart(5, "0")}.yaml`), text);
    file++;
    batch = [];
  };
  for (const d of shape === "platform" ? platformDocuments(total) : corpusDocuments(total)) {
    batch.push(reshape(d, shape, r));
    if (batch.length === perFile) flush();
  }
  flush();
  writeFileSync(stamp, expected);
  writeFileSync(join(dir, ".stats.json"), JSON.stringify({ files: file, bytes }));
  return dir;
}

const LOREM = "the rollout waits for the readiness gate before shifting traffic; keep this value in step with the upstream chart and the runbook";

function reshape(text, shape, r) {
  switch (shape) {
    case "flow":
      return flowStyle(text, r);
    case "comments":
      return withComments(text, r);
    case "secrets":
      return withCertificates(text, r);
    case "helm":
      return helmRendered(text, r);
    default:
      return text;
  }
}

/** Flow style over several lines, keys sometimes quoted, as `kubectl get -o json`-minded tools write it. */
function flowStyle(text, r) {
  const value = parseSimple(text);
  const out = [];
  const write = (v, indent) => {
    const pad = "  ".repeat(indent);
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== "object" || x === null) && v.length <= 4) return `[${v.map(flowScalar).join(", ")}]`;
      return `[\n${v.map((x) => `${pad}  ${write(x, indent + 1)}`).join(",\n")}\n${pad}]`;
    }
    if (v && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length <= 2 && entries.every(([, x]) => typeof x !== "object" || x === null)) {
        return `{${entries.map(([k, x]) => `${flowKey(k, r)}: ${flowScalar(x)}`).join(", ")}}`;
      }
      return `{\n${entries.map(([k, x]) => `${pad}  ${flowKey(k, r)}: ${write(x, indent + 1)}`).join(",\n")}\n${pad}}`;
    }
    return flowScalar(v);
  };
  out.push(write(value, 0));
  return out.join("");
}

const flowKey = (k, r) => (r() < 0.3 || /[^A-Za-z0-9_.\/-]/.test(k) ? JSON.stringify(k) : k);
const flowScalar = (v) => (typeof v === "string" && (/^[A-Za-z][A-Za-z0-9_.\/-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v)) ? v : JSON.stringify(v));

/**
 * The generator's own documents, read back (block maps and sequences, `key: value`, `- item`,
 * one-line flow lists and maps, `|` blocks): enough to re-write them in another style.
 */
function parseSimple(text) {
  const lines = text.split("\n");
  let i = 0;
  const scalar = (s) => {
    s = s.trim();
    if (/^".*"$/.test(s)) return JSON.parse(s);
    if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
    if (/^\[.*\]$/.test(s)) return s.slice(1, -1).split(",").map((x) => scalar(x)).filter((x) => x !== "");
    if (/^\{.*\}$/.test(s)) return Object.fromEntries(s.slice(1, -1).split(",").map((x) => x.split(/:\s/)).map(([k, v]) => [k.trim(), scalar(v)]));
    if (/^-?\d+$/.test(s)) return Number(s);
    if (s === "true" || s === "false") return s === "true";
    return s;
  };
  const indentOf = (l) => /^ */.exec(l)[0].length;
  const block = (indent) => {
    const first = lines[i].slice(indent);
    if (first.startsWith("- ")) {
      const arr = [];
      while (i < lines.length && indentOf(lines[i]) === indent && lines[i].slice(indent).startsWith("- ")) {
        lines[i] = `${" ".repeat(indent + 2)}${lines[i].slice(indent + 2)}`;
        const rest = lines[i].slice(indent + 2);
        if (/^[^\s"'\[{][^:]*:(\s|$)/.test(rest)) arr.push(block(indent + 2));
        else arr.push(scalar(lines[i++]));
      }
      return arr;
    }
    const obj = {};
    while (i < lines.length && indentOf(lines[i]) === indent && !lines[i].slice(indent).startsWith("- ")) {
      const m = /^([^:]+):(?:\s+(.*))?$/.exec(lines[i].slice(indent));
      i++;
      const key = m[1];
      const rest = m[2];
      if (rest === "|") {
        const body = [];
        while (i < lines.length && indentOf(lines[i]) > indent) body.push(lines[i++].slice(indent + 2));
        obj[key] = `${body.join("\n")}\n`;
      } else if (rest === undefined || rest === "") {
        const next = i < lines.length ? indentOf(lines[i]) : -1;
        obj[key] = next > indent || (next === indent && lines[i].slice(indent).startsWith("- ")) ? block(next) : null;
      } else obj[key] = scalar(rest);
    }
    return obj;
  };
  return block(0);
}

/** Comment lines above about a third of the keys and after some values; a commented-out block now and then. */
function withComments(text, r) {
  const out = [];
  let blockIndent = -1;
  for (const line of text.split("\n")) {
    const pad = /^[ -]*/.exec(line)[0].replace(/-/g, " ");
    if (blockIndent >= 0 && pad.length > blockIndent) {
      out.push(line);
      continue;
    }
    blockIndent = -1;
    if (r() < 0.3) out.push(`${pad}# ${LOREM.slice(0, 40 + Math.floor(r() * 80))}`);
    if (r() < 0.05) out.push(`${pad}# previous: ${line.trim()}`, `${pad}#   (kept for the migration, see the runbook)`);
    const block = /[|>][-+]?$/.test(line);
    if (block) blockIndent = pad.length;
    out.push(!block && /:\s\S/.test(line) && !/["'#]/.test(line) && r() < 0.15 ? `${line}  # ${LOREM.slice(0, 30 + Math.floor(r() * 40))}` : line);
  }
  return out.join("\n");
}

function base64Of(bytes, r) {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(r() * 256);
  return buf.toString("base64");
}

function pem(bytes, r) {
  const b = base64Of(bytes, r);
  const lines = ["-----BEGIN CERTIFICATE-----"];
  for (let i = 0; i < b.length; i += 64) lines.push(b.slice(i, i + 64));
  lines.push("-----END CERTIFICATE-----");
  return lines;
}

/** Every Secret carries a certificate chain: base64 data on one long line, and a PEM bundle in stringData. */
function withCertificates(text, r) {
  if (!/^kind: Secret$/m.test(text)) return text;
  const crt = Buffer.from(pem(1200, r).join("\n")).toString("base64");
  const body = text.replace(/^  tls\.crt: ''$/m, `  tls.crt: ${crt}`).replace(/^  tls\.key: ''$/m, `  tls.key: ${base64Of(1700, r)}`);
  return [body, "stringData:", "  ca.crt: |", ...pem(900, r).map((l) => `    ${l}`), ...pem(900, r).map((l) => `    ${l}`)].join("\n");
}

const CHART_FILES = { ConfigMap: "configmap", Secret: "secret", Deployment: "deployment", Service: "service", HorizontalPodAutoscaler: "hpa", Ingress: "ingress", StatefulSet: "statefulset", PersistentVolume: "pv", PersistentVolumeClaim: "pvc", CronJob: "cronjob" };

/** `helm template` output: each document opens with `---` and a `# Source:` comment; chart labels added. */
function helmRendered(text, r) {
  const kind = /^kind: (\S+)$/m.exec(text)?.[1] ?? "Resource";
  const chart = `app-${Math.floor(r() * 40)}`;
  const lines = text.split("\n");
  const meta = lines.indexOf("metadata:");
  let labelsAt = -1;
  for (let i = meta + 1; i < lines.length && lines[i].startsWith("  "); i++) if (lines[i] === "  labels:") labelsAt = i;
  const chartLabels = [`    helm.sh/chart: ${chart}-0.1.${Math.floor(r() * 9)}`, "    app.kubernetes.io/managed-by: Helm", `    app.kubernetes.io/instance: "release-${Math.floor(r() * 9)}"`];
  if (labelsAt >= 0) lines.splice(labelsAt + 1, 0, ...chartLabels);
  else if (meta >= 0) lines.splice(meta + 1, 0, "  labels:", ...chartLabels);
  const withLabels = lines.join("\n");
  return `---\n# Source: ${chart}/templates/${CHART_FILES[kind] ?? kind.toLowerCase()}.yaml\n${withLabels}`;
}

/** A 50-line manifest of the kind a pre-commit hook lints: a Deployment and its Service. */
export const SINGLE_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
  namespace: shop
  labels:
    app.kubernetes.io/name: checkout
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
    spec:
      containers:
      - name: checkout
        image: ghcr.io/acme/checkout:1.4.2
        ports:
        - name: http
          containerPort: 8080
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
        readinessProbe:
          httpGet: {path: /ready, port: http}
        livenessProbe:
          httpGet: {path: /live, port: http}
          periodSeconds: 20
        env:
        - name: LOG_LEVEL
          value: info
---
apiVersion: v1
kind: Service
metadata:
  name: checkout
  namespace: shop
spec:
  selector:
    app.kubernetes.io/name: checkout
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
  type: ClusterIP
  sessionAffinity: None
`;

export function singleManifest(dir = CORPUS_ROOT) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "single.yaml");
  writeFileSync(file, SINGLE_MANIFEST);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const total = Number(process.argv[2] ?? 10000);
  const dir = generateCorpus(total, process.argv[4] || undefined, process.argv[3] ?? "mixed");
  console.log(`${dir}: ${readFileSync(join(dir, ".stats.json"), "utf8")}`);
}
