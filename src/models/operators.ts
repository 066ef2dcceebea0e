/**
 * What operators derive from the custom resources of the input: the labels of the pods they
 * run, and the Services, Secrets and ConfigMaps they create, by name. A reference to one of
 * those objects, or a selector of those pods, is not a mistake although no manifest defines
 * it. Each entry cites the operator's source or documentation it was read from; the docs page
 * docs/operators.md is generated from this table (scripts/gen-docs.mjs).
 *
 * Only what an operator always derives, or derives from fields written in the resource, is
 * listed: a guess would silence real typos.
 */
import type { Resource } from "./resource.js";

/** A group of pods an operator runs for one custom resource. */
export interface DerivedPods {
  /** Labels every pod of the group carries, with their values. */
  labels: Record<string, string>;
  /** Keys the operator sets with a per-pod value (an index, a hash): any value matches. */
  addedKeys: readonly string[];
}

/** Everything an operator makes from one custom resource. */
export interface Derived {
  pods: DerivedPods[];
  services: string[];
  secrets: string[];
  configMaps: string[];
}

export type DerivedKind = "Service" | "Secret" | "ConfigMap";

export interface OperatorKind {
  /** The custom resource's type, as a GroupKind (`Prometheus.monitoring.coreos.com`). */
  type: string;
  /** What it derives, in words with `<name>` placeholders, for the docs page. */
  summary: string;
  /**
   * The resource exists to put a Secret of a chosen name in the namespace (SealedSecret,
   * ExternalSecret, Certificate): like a Secret manifest, it shows that the input manages the
   * namespace's Secrets.
   */
  declaresSecrets?: boolean;
  derive(cr: Resource): Partial<Derived>;
  /**
   * The keys of the Secret the resource makes, when the resource lists every one of them;
   * undefined when they depend on something outside the input (a provider's whole secret).
   */
  secretKeys?(cr: Resource): ReadonlySet<string> | undefined;
}

export interface Operator {
  name: string;
  /** The project's home. */
  project: string;
  /** Where the derived names and labels were read (source files or documentation pages). */
  sources: readonly string[];
  kinds: readonly OperatorKind[];
}

/** The string-valued labels at a path of the resource (a pod template's metadata.labels). */
function labelsAt(cr: Resource, path: Array<string | number>): Record<string, string> {
  const v = cr.get(path);
  const out: Record<string, string> = {};
  if (!v || typeof v !== "object" || Array.isArray(v)) return out;
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val === "string") out[k] = val;
    else if (typeof val === "number" || typeof val === "boolean") out[k] = String(val);
  }
  return out;
}

function stringAt(cr: Resource, path: Array<string | number>): string | undefined {
  const v = cr.get(path);
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * prometheus-operator: pods of a Prometheus, Alertmanager or ThanosRuler carry the operator's
 * selector labels plus spec.podMetadata.labels; one governing Service per kind and namespace.
 */
function prometheusOperatorPods(cr: Resource, app: string, instanceKey: string): DerivedPods {
  return {
    labels: {
      ...labelsAt(cr, ["spec", "podMetadata", "labels"]),
      "app.kubernetes.io/name": app,
      "app.kubernetes.io/managed-by": "prometheus-operator",
      "app.kubernetes.io/instance": cr.name,
      [instanceKey]: cr.name,
    },
    addedKeys: ["operator.prometheus.io/shard", "statefulset.kubernetes.io/pod-name", "controller-revision-hash", "apps.kubernetes.io/pod-index"],
  };
}

const PROMETHEUS_OPERATOR: Operator = {
  name: "prometheus-operator",
  project: "https://github.com/prometheus-operator/prometheus-operator",
  sources: [
    "pkg/prometheus/server/statefulset.go and pkg/prometheus/operator.go (makeSelectorLabels, governingServiceName \"prometheus-operated\", the prometheus-<name> config Secret)",
    "pkg/alertmanager/statefulset.go (governingServiceName \"alertmanager-operated\", the alertmanager-<name>-generated Secret)",
    "pkg/thanos/statefulset.go (governingServiceName \"thanos-ruler-operated\", label thanos-ruler)",
    "Documentation/user-guides/getting-started.md (a Service selecting prometheus: <name>)",
  ],
  kinds: [
    {
      type: "Prometheus.monitoring.coreos.com",
      summary: "pods labelled prometheus=<name>, operator.prometheus.io/name=<name>, app.kubernetes.io/name=prometheus (+ spec.podMetadata.labels); Service prometheus-operated; Secrets prometheus-<name>, prometheus-<name>-web-config, prometheus-<name>-tls-assets-0; ConfigMap prometheus-<name>-rulefiles-0",
      derive: (cr) => {
        const pods = prometheusOperatorPods(cr, "prometheus", "prometheus");
        pods.labels["operator.prometheus.io/name"] = cr.name;
        return {
          pods: [pods],
          services: ["prometheus-operated"],
          secrets: [`prometheus-${cr.name}`, `prometheus-${cr.name}-web-config`, `prometheus-${cr.name}-tls-assets-0`],
          configMaps: [`prometheus-${cr.name}-rulefiles-0`],
        };
      },
    },
    {
      type: "Alertmanager.monitoring.coreos.com",
      summary: "pods labelled alertmanager=<name>, app.kubernetes.io/name=alertmanager (+ spec.podMetadata.labels); Service alertmanager-operated; Secrets alertmanager-<name>-generated, alertmanager-<name>-web-config, alertmanager-<name>-tls-assets-0",
      derive: (cr) => ({
        pods: [prometheusOperatorPods(cr, "alertmanager", "alertmanager")],
        services: ["alertmanager-operated"],
        secrets: [`alertmanager-${cr.name}-generated`, `alertmanager-${cr.name}-web-config`, `alertmanager-${cr.name}-tls-assets-0`],
      }),
    },
    {
      type: "ThanosRuler.monitoring.coreos.com",
      summary: "pods labelled thanos-ruler=<name>, app.kubernetes.io/name=thanos-ruler (+ spec.podMetadata.labels); Service thanos-ruler-operated; ConfigMap thanos-ruler-<name>-rulefiles-0",
      derive: (cr) => ({
        pods: [prometheusOperatorPods(cr, "thanos-ruler", "thanos-ruler")],
        services: ["thanos-ruler-operated"],
        configMaps: [`thanos-ruler-${cr.name}-rulefiles-0`],
      }),
    },
  ],
};

const CLOUDNATIVE_PG: Operator = {
  name: "CloudNativePG",
  project: "https://github.com/cloudnative-pg/cloudnative-pg",
  sources: [
    "api/v1/cluster_types.go (ServiceReadWriteSuffix \"-rw\", ServiceReadOnlySuffix \"-ro\", ServiceReadSuffix \"-r\", ApplicationUserSecretSuffix \"-app\", SuperUserSecretSuffix \"-superuser\", ReplicationSecretSuffix \"-replication\", CaSecretSuffix \"-ca\", ServerSecretSuffix \"-server\")",
    "pkg/utils/labels_annotations.go (cnpg.io/cluster, cnpg.io/instanceName, cnpg.io/podRole, cnpg.io/instanceRole, cnpg.io/poolerName; app.kubernetes.io/name \"postgresql\", component \"database\", managed-by \"cloudnative-pg\")",
    "pkg/specs/pods.go (instance pods: app.kubernetes.io/instance=<cluster>, app.kubernetes.io/version=<major version>)",
    "docs/src/applications.md and docs/src/service_management.md",
  ],
  kinds: [
    {
      type: "Cluster.postgresql.cnpg.io",
      summary: "pods labelled cnpg.io/cluster=<name>, cnpg.io/podRole=instance, app.kubernetes.io/name=postgresql, app.kubernetes.io/instance=<name>, app.kubernetes.io/component=database, app.kubernetes.io/managed-by=cloudnative-pg (+ spec.inheritedMetadata.labels); Services <name>-rw, <name>-ro, <name>-r; Secrets <name>-app, <name>-superuser, <name>-replication, <name>-ca, <name>-server",
      derive: (cr) => ({
        pods: [
          {
            labels: {
              ...labelsAt(cr, ["spec", "inheritedMetadata", "labels"]),
              "cnpg.io/cluster": cr.name,
              "cnpg.io/podRole": "instance",
              "app.kubernetes.io/name": "postgresql",
              "app.kubernetes.io/instance": cr.name,
              "app.kubernetes.io/component": "database",
              "app.kubernetes.io/managed-by": "cloudnative-pg",
            },
            addedKeys: ["cnpg.io/instanceName", "cnpg.io/instanceRole", "role", "app.kubernetes.io/version"],
          },
        ],
        services: [`${cr.name}-rw`, `${cr.name}-ro`, `${cr.name}-r`],
        secrets: [`${cr.name}-app`, `${cr.name}-superuser`, `${cr.name}-replication`, `${cr.name}-ca`, `${cr.name}-server`],
      }),
    },
    {
      type: "Pooler.postgresql.cnpg.io",
      summary: "pods labelled cnpg.io/poolerName=<name> (+ spec.template.metadata.labels); Service <name>",
      derive: (cr) => ({
        pods: [{ labels: { ...labelsAt(cr, ["spec", "template", "metadata", "labels"]), "cnpg.io/poolerName": cr.name }, addedKeys: ["pod-template-hash"] }],
        services: [cr.name],
      }),
    },
  ],
};

const ECK: Operator = {
  name: "Elastic Cloud on Kubernetes (ECK)",
  project: "https://github.com/elastic/cloud-on-k8s",
  sources: [
    "pkg/controller/elasticsearch/label/label.go (elasticsearch.k8s.elastic.co/cluster-name, statefulset-name)",
    "pkg/controller/common/name and pkg/apis/elasticsearch/v1/name.go (<name>-es-http, <name>-es-transport, <name>-es-internal-http, <name>-es-elastic-user, <name>-es-http-certs-public)",
    "pkg/controller/elasticsearch/label/label.go NewPodLabels (node role labels node-master ... node-data_frozen, node-voting_only, http-scheme)",
    "pkg/controller/common/certificates/ca_reconcile.go (<name>-es-transport-ca-internal) and pkg/controller/elasticsearch/nodespec (<name>-es-<nodeSet> headless Service, <name>-es-<nodeSet>-es-config)",
    "pkg/controller/kibana/label.go and pkg/apis/kibana/v1/name.go (kibana.k8s.elastic.co/name, <name>-kb-http, <name>-kb-config)",
    "pkg/controller/apmserver/labels.go and pkg/apis/apm/v1/name.go (apm.k8s.elastic.co/name, <name>-apm-http, <name>-apm-token, <name>-apm-config)",
    "docs: https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-accessing-elastic-services.html",
  ],
  kinds: [
    {
      type: "Elasticsearch.elasticsearch.k8s.elastic.co",
      summary:
        "pods labelled elasticsearch.k8s.elastic.co/cluster-name=<name>, common.k8s.elastic.co/type=elasticsearch (+ each nodeSet's podTemplate labels, and a true or false label per node role); Services <name>-es-http, <name>-es-transport, <name>-es-internal-http, <name>-es-<nodeSet>; Secrets <name>-es-elastic-user, <name>-es-internal-users, <name>-es-xpack-file-realm, <name>-es-remote-ca, <name>-es-http-certs-public, <name>-es-http-certs-internal, <name>-es-http-ca-internal, <name>-es-transport-certs-public, <name>-es-transport-ca-internal, <name>-es-<nodeSet>-es-config, <name>-es-<nodeSet>-es-transport-certs",
      derive: (cr) => {
        const base = { "elasticsearch.k8s.elastic.co/cluster-name": cr.name, "common.k8s.elastic.co/type": "elasticsearch" };
        const sets = cr.get(["spec", "nodeSets"]);
        const pods: DerivedPods[] = (Array.isArray(sets) && sets.length ? sets : [{}]).map((_, i) => {
          const setName = stringAt(cr, ["spec", "nodeSets", i, "name"]);
          return {
            labels: {
              ...labelsAt(cr, ["spec", "nodeSets", i, "podTemplate", "metadata", "labels"]),
              ...base,
              ...(setName ? { "elasticsearch.k8s.elastic.co/statefulset-name": `${cr.name}-es-${setName}` } : {}),
            },
            addedKeys: [...ECK_NODE_ROLE_LABELS, "elasticsearch.k8s.elastic.co/http-scheme", "elasticsearch.k8s.elastic.co/version", "statefulset.kubernetes.io/pod-name", "controller-revision-hash"],
          };
        });
        const setNames = (Array.isArray(sets) ? sets : []).flatMap((_, i) => stringAt(cr, ["spec", "nodeSets", i, "name"]) ?? []);
        const n = cr.name;
        return {
          pods,
          services: [`${n}-es-http`, `${n}-es-transport`, `${n}-es-internal-http`, ...setNames.map((set) => `${n}-es-${set}`)],
          secrets: [
            ...[`elastic-user`, `internal-users`, `xpack-file-realm`, `remote-ca`, `http-certs-public`, `http-certs-internal`, `http-ca-internal`, `transport-certs-public`, `transport-ca-internal`].map((suffix) => `${n}-es-${suffix}`),
            ...setNames.flatMap((set) => [`${n}-es-${set}-es-config`, `${n}-es-${set}-es-transport-certs`]),
          ],
        };
      },
    },
    {
      type: "Kibana.kibana.k8s.elastic.co",
      summary: "pods labelled kibana.k8s.elastic.co/name=<name>, common.k8s.elastic.co/type=kibana (+ spec.podTemplate labels); Service <name>-kb-http; Secrets <name>-kb-config, <name>-kb-http-certs-public, <name>-kb-http-certs-internal",
      derive: (cr) => ({
        pods: [
          {
            labels: { ...labelsAt(cr, ["spec", "podTemplate", "metadata", "labels"]), "kibana.k8s.elastic.co/name": cr.name, "common.k8s.elastic.co/type": "kibana" },
            addedKeys: ["kibana.k8s.elastic.co/config-checksum", "kibana.k8s.elastic.co/version", "pod-template-hash"],
          },
        ],
        services: [`${cr.name}-kb-http`],
        secrets: [`${cr.name}-kb-config`, `${cr.name}-kb-es-ca`, `${cr.name}-kb-http-certs-public`, `${cr.name}-kb-http-certs-internal`],
      }),
    },
    {
      type: "ApmServer.apm.k8s.elastic.co",
      summary: "pods labelled apm.k8s.elastic.co/name=<name>, common.k8s.elastic.co/type=apm-server (+ spec.podTemplate labels); Service <name>-apm-http; Secrets <name>-apm-token, <name>-apm-config, <name>-apm-http-certs-public, <name>-apm-http-certs-internal",
      derive: (cr) => ({
        pods: [
          {
            labels: { ...labelsAt(cr, ["spec", "podTemplate", "metadata", "labels"]), "apm.k8s.elastic.co/name": cr.name, "common.k8s.elastic.co/type": "apm-server" },
            addedKeys: ["apm.k8s.elastic.co/config-file-hash", "apm.k8s.elastic.co/version", "pod-template-hash"],
          },
        ],
        services: [`${cr.name}-apm-http`],
        secrets: [`${cr.name}-apm-token`, `${cr.name}-apm-config`, `${cr.name}-apm-http-certs-public`, `${cr.name}-apm-http-certs-internal`],
      }),
    },
  ],
};

/** The labels ECK sets to "true" or "false" on every Elasticsearch pod, one per node role (label.go NewPodLabels). */
const ECK_NODE_ROLE_LABELS = ["master", "data", "ingest", "ml", "transform", "remote_cluster_client", "voting_only", "data_hot", "data_warm", "data_cold", "data_content", "data_frozen"].map(
  (role) => `elasticsearch.k8s.elastic.co/node-${role}`,
);

/** Zalando's credentials Secret name: `{username}.{cluster}.credentials.{tprkind}.{tprgroup}`, with `_` in the user name made `-`. */
function zalandoCredentials(user: string, cluster: string): string {
  return `${user.replace(/_/g, "-")}.${cluster}.credentials.postgresql.acid.zalan.do`;
}

const ZALANDO_POSTGRES: Operator = {
  name: "Zalando postgres-operator",
  project: "https://github.com/zalando/postgres-operator",
  sources: [
    "pkg/util/config/config.go (cluster_labels application:spilo, cluster_name_label cluster-name, pod_role_label spilo-role, secret_name_template {username}.{cluster}.credentials.{tprkind}.{tprgroup})",
    "pkg/cluster/k8sres.go (the master Service <cluster>, the replica Service <cluster>-repl)",
    "docs/reference/operator_parameters.md",
  ],
  kinds: [
    {
      type: "postgresql.acid.zalan.do",
      summary: "pods labelled application=spilo, cluster-name=<name>; Services <name>, <name>-repl; Secrets <user>.<name>.credentials.postgresql.acid.zalan.do for postgres, standby and every user of spec.users",
      derive: (cr) => {
        const users = cr.get(["spec", "users"]);
        const names = ["postgres", "standby", ...(users && typeof users === "object" && !Array.isArray(users) ? Object.keys(users) : [])];
        return {
          pods: [{ labels: { application: "spilo", "cluster-name": cr.name }, addedKeys: ["spilo-role", "statefulset.kubernetes.io/pod-name", "controller-revision-hash"] }],
          services: [cr.name, `${cr.name}-repl`],
          secrets: names.map((u) => zalandoCredentials(u, cr.name)),
        };
      },
    },
  ],
};

const STRIMZI: Operator = {
  name: "Strimzi",
  project: "https://github.com/strimzi/strimzi-kafka-operator",
  sources: [
    "api/src/main/java/io/strimzi/api/kafka/model/kafka/KafkaResources.java (bootstrapServiceName <cluster>-kafka-bootstrap, brokersServiceName <cluster>-kafka-brokers, clusterCaCertificateSecretName <cluster>-cluster-ca-cert, clientsCaCertificateSecretName <cluster>-clients-ca-cert, zookeeper services)",
    "operator-common/src/main/java/io/strimzi/operator/common/model/Labels.java (strimzi.io/cluster, strimzi.io/kind, strimzi.io/name)",
    "documentation: KafkaUser credentials are in a Secret named after the KafkaUser",
  ],
  kinds: [
    {
      type: "Kafka.kafka.strimzi.io",
      summary: "pods labelled strimzi.io/cluster=<name>, strimzi.io/kind=Kafka with strimzi.io/name <name>-kafka, <name>-zookeeper or <name>-entity-operator; Services <name>-kafka-bootstrap, <name>-kafka-brokers, <name>-zookeeper-client, <name>-zookeeper-nodes; Secrets <name>-cluster-ca-cert, <name>-cluster-ca, <name>-clients-ca-cert, <name>-clients-ca, <name>-kafka-brokers",
      derive: (cr) => {
        const group = (component: string): DerivedPods => ({
          labels: { "strimzi.io/cluster": cr.name, "strimzi.io/kind": "Kafka", "strimzi.io/name": `${cr.name}-${component}` },
          addedKeys: ["strimzi.io/pool-name", "strimzi.io/broker-role", "strimzi.io/controller-role", "strimzi.io/component-type", "statefulset.kubernetes.io/pod-name", "pod-template-hash"],
        });
        return {
          pods: [group("kafka"), group("zookeeper"), group("entity-operator")],
          services: [`${cr.name}-kafka-bootstrap`, `${cr.name}-kafka-brokers`, `${cr.name}-zookeeper-client`, `${cr.name}-zookeeper-nodes`],
          secrets: [`${cr.name}-cluster-ca-cert`, `${cr.name}-cluster-ca`, `${cr.name}-clients-ca-cert`, `${cr.name}-clients-ca`, `${cr.name}-kafka-brokers`],
        };
      },
    },
    {
      type: "KafkaUser.kafka.strimzi.io",
      summary: "Secret <name> with the user's credentials",
      derive: (cr) => ({ secrets: [cr.name] }),
    },
  ],
};

/** One StatefulSet the OT-Container-Kit Redis operator makes: its pods' labels and its Services (named after the StatefulSet). */
function redisSet(name: string, setup: string, role: string): { pods: DerivedPods[]; services: string[] } {
  return {
    pods: [{ labels: { app: name, redis_setup_type: setup, role }, addedKeys: ["statefulset.kubernetes.io/pod-name", "controller-revision-hash"] }],
    services: [name, `${name}-headless`, `${name}-additional`],
  };
}

const OT_REDIS: Operator = {
  name: "Redis Operator (OT-Container-Kit)",
  project: "https://github.com/OT-CONTAINER-KIT/redis-operator",
  sources: [
    "pkg/k8sutils/redis-standalone.go and pkg/k8sutils/services.go (labels app=<name>, redis_setup_type=standalone, role=standalone; Services <name>, <name>-headless, <name>-additional)",
    "internal/k8sutils/redis-cluster.go, redis-replication.go, redis-sentinel.go (a RedisCluster's leaders app=<name>-leader, role=leader and followers app=<name>-follower, role=follower, redis_setup_type=cluster; a RedisReplication's app=<name>, redis_setup_type=replication, role=replication; a RedisSentinel's app=<name>-sentinel, redis_setup_type=sentinel, role=sentinel; each StatefulSet's Services <sts>, <sts>-headless, <sts>-additional)",
  ],
  kinds: [
    {
      type: "Redis.redis.redis.opstreelabs.in",
      summary: "pods labelled app=<name>, redis_setup_type=standalone, role=standalone; Services <name>, <name>-headless, <name>-additional",
      derive: (cr) => redisSet(cr.name, "standalone", "standalone"),
    },
    {
      type: "RedisCluster.redis.redis.opstreelabs.in",
      summary: "leader pods labelled app=<name>-leader, redis_setup_type=cluster, role=leader and follower pods app=<name>-follower, role=follower; Services <name>-leader, <name>-follower and their -headless and -additional ones",
      derive: (cr) => {
        const leader = redisSet(`${cr.name}-leader`, "cluster", "leader");
        const follower = redisSet(`${cr.name}-follower`, "cluster", "follower");
        return { pods: [...leader.pods, ...follower.pods], services: [...leader.services, ...follower.services] };
      },
    },
    {
      type: "RedisReplication.redis.redis.opstreelabs.in",
      summary: "pods labelled app=<name>, redis_setup_type=replication, role=replication; Services <name>, <name>-headless, <name>-additional",
      derive: (cr) => redisSet(cr.name, "replication", "replication"),
    },
    {
      type: "RedisSentinel.redis.redis.opstreelabs.in",
      summary: "pods labelled app=<name>-sentinel, redis_setup_type=sentinel, role=sentinel; Services <name>-sentinel, <name>-sentinel-headless, <name>-sentinel-additional",
      derive: (cr) => redisSet(`${cr.name}-sentinel`, "sentinel", "sentinel"),
    },
  ],
};

const REDIS_ENTERPRISE: Operator = {
  name: "Redis Enterprise operator",
  project: "https://github.com/RedisLabs/redis-enterprise-k8s-docs",
  sources: ["docs: https://redis.io/docs/latest/operate/kubernetes/re-databases/db-controller/ (the database Secret redb-<database> and the database Service <database>)"],
  kinds: [
    {
      type: "RedisEnterpriseDatabase.app.redislabs.com",
      summary: "Secret redb-<name> with the database password; Service <name>",
      derive: (cr) => ({ secrets: [`redb-${cr.name}`], services: [cr.name] }),
    },
  ],
};

const ROOK: Operator = {
  name: "Rook (Ceph)",
  project: "https://github.com/rook/rook",
  sources: [
    "pkg/operator/ceph/cluster/mon/config.go and mon.go (ConfigMap rook-ceph-mon-endpoints, Secret rook-ceph-mon, app=rook-ceph-mon)",
    "pkg/operator/ceph/cluster/mgr/mgr.go and dashboard.go (app=rook-ceph-mgr, Services rook-ceph-mgr, rook-ceph-mgr-dashboard)",
    "pkg/operator/ceph/controller/spec.go (label rook_cluster=<cluster namespace>)",
  ],
  kinds: [
    {
      type: "CephCluster.ceph.rook.io",
      summary: "pods labelled rook_cluster=<namespace> with app rook-ceph-mon, rook-ceph-mgr, rook-ceph-osd, rook-ceph-crashcollector or rook-ceph-exporter; Services rook-ceph-mgr, rook-ceph-mgr-dashboard, rook-ceph-exporter; ConfigMap rook-ceph-mon-endpoints; Secrets rook-ceph-mon, rook-ceph-admin-keyring",
      derive: (cr) => ({
        pods: ["rook-ceph-mon", "rook-ceph-mgr", "rook-ceph-osd", "rook-ceph-crashcollector", "rook-ceph-exporter"].map((app) => ({
          labels: { app, rook_cluster: cr.namespace },
          addedKeys: ["ceph_daemon_id", "ceph_daemon_type", "mon", "mgr", "osd", "mgr_role", "pod-template-hash", "node_name", "topology-location-host"],
        })),
        services: ["rook-ceph-mgr", "rook-ceph-mgr-dashboard", "rook-ceph-exporter"],
        configMaps: ["rook-ceph-mon-endpoints"],
        secrets: ["rook-ceph-mon", "rook-ceph-admin-keyring"],
      }),
    },
  ],
};

/** The keys the LeaderWorkerSet controller sets on every pod with a per-pod value. */
const LWS_ADDED = [
  "leaderworkerset.sigs.k8s.io/group-index",
  "leaderworkerset.sigs.k8s.io/worker-index",
  "leaderworkerset.sigs.k8s.io/group-key",
  "leaderworkerset.sigs.k8s.io/template-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "controller-revision-hash",
  "apps.kubernetes.io/pod-index",
];

const LEADER_WORKER_SET: Operator = {
  name: "LeaderWorkerSet",
  project: "https://github.com/kubernetes-sigs/lws",
  sources: [
    "api/leaderworkerset/v1/leaderworkerset_types.go (SetNameLabelKey leaderworkerset.sigs.k8s.io/name, GroupIndexLabelKey, WorkerIndexLabelKey, GroupUniqueHashLabelKey)",
    "pkg/controllers/leaderworkerset_controller.go (leader pods from leaderTemplate, else workerTemplate; the headless Service <name>)",
    "site/content/en/docs/reference/labels-annotations-and-environment-variables.md",
  ],
  kinds: [
    {
      type: "LeaderWorkerSet.leaderworkerset.x-k8s.io",
      summary: "pods labelled leaderworkerset.sigs.k8s.io/name=<name> (+ the labels of leaderTemplate for leaders, of workerTemplate for workers); headless Service <name>",
      derive: (cr) => {
        const base = ["spec", "leaderWorkerTemplate"];
        const worker = labelsAt(cr, [...base, "workerTemplate", "metadata", "labels"]);
        const leaderTemplate = cr.get([...base, "leaderTemplate"]);
        const leader = leaderTemplate ? labelsAt(cr, [...base, "leaderTemplate", "metadata", "labels"]) : worker;
        const name = { "leaderworkerset.sigs.k8s.io/name": cr.name };
        return {
          pods: [
            { labels: { ...leader, ...name }, addedKeys: LWS_ADDED },
            { labels: { ...worker, ...name }, addedKeys: LWS_ADDED },
          ],
          services: [cr.name],
        };
      },
    },
  ],
};

const CERT_MANAGER: Operator = {
  name: "cert-manager",
  project: "https://github.com/cert-manager/cert-manager",
  sources: ["pkg/apis/certmanager/v1/types_certificate.go (spec.secretName: the Secret the signed certificate is stored in)"],
  kinds: [
    {
      type: "Certificate.cert-manager.io",
      summary: "Secret spec.secretName",
      declaresSecrets: true,
      derive: (cr) => ({ secrets: [stringAt(cr, ["spec", "secretName"])].filter((s): s is string => s !== undefined) }),
    },
  ],
};

const SEALED_SECRETS: Operator = {
  name: "Sealed Secrets (Bitnami)",
  project: "https://github.com/bitnami-labs/sealed-secrets",
  sources: ["pkg/apis/sealedsecrets/v1alpha1/sealedsecret_expansion.go (Unseal: the Secret takes spec.template.metadata, and the SealedSecret's name by default)"],
  kinds: [
    {
      type: "SealedSecret.bitnami.com",
      summary: "Secret spec.template.metadata.name, else <name>",
      declaresSecrets: true,
      derive: (cr) => ({ secrets: [stringAt(cr, ["spec", "template", "metadata", "name"]) ?? cr.name] }),
    },
  ],
};

/**
 * The keys of an ExternalSecret's Secret: one per spec.data[].secretKey, when nothing else adds
 * keys. dataFrom (a provider's whole secret), a target.template (its own data, merged by
 * mergePolicy) and creationPolicy Merge or None (a Secret made elsewhere) leave them unknown
 * (apis/externalsecrets/v1/externalsecret_types.go).
 */
function externalSecretKeys(cr: Resource): ReadonlySet<string> | undefined {
  const data = cr.get(["spec", "data"]);
  if (!Array.isArray(data) || cr.get(["spec", "dataFrom"]) !== undefined || cr.get(["spec", "target", "template"]) !== undefined) return undefined;
  const policy = stringAt(cr, ["spec", "target", "creationPolicy"]);
  if (policy === "Merge" || policy === "None") return undefined;
  const keys = new Set<string>();
  for (const entry of data) {
    const key = (entry as { secretKey?: unknown } | null)?.secretKey;
    if (typeof key !== "string") return undefined;
    keys.add(key);
  }
  return keys;
}

const EXTERNAL_SECRETS: Operator = {
  name: "External Secrets Operator",
  project: "https://github.com/external-secrets/external-secrets",
  sources: ["apis/externalsecrets/v1/externalsecret_types.go (spec.target.name: defaults to the ExternalSecret's name; spec.data[].secretKey: the keys of the Secret)"],
  kinds: [
    {
      type: "ExternalSecret.external-secrets.io",
      summary: "Secret spec.target.name, else <name>",
      declaresSecrets: true,
      derive: (cr) => ({ secrets: [stringAt(cr, ["spec", "target", "name"]) ?? cr.name] }),
      secretKeys: externalSecretKeys,
    },
  ],
};

/** The names of the Secrets a SecretProviderClass syncs its mounted objects into (spec.secretObjects[].secretName). */
function syncedSecrets(cr: Resource): string[] {
  const objects = cr.get(["spec", "secretObjects"]);
  if (!Array.isArray(objects)) return [];
  return objects.flatMap((o) => {
    const name = (o as { secretName?: unknown } | null)?.secretName;
    return typeof name === "string" && name !== "" ? [name] : [];
  });
}

const SECRETS_STORE_CSI: Operator = {
  name: "Secrets Store CSI Driver",
  project: "https://github.com/kubernetes-sigs/secrets-store-csi-driver",
  sources: [
    "apis/v1/secretproviderclass_types.go (spec.secretObjects[].secretName: the Secret the mounted objects are synced into)",
    "controllers/secretproviderclasspodstatus_controller.go (creates each secretObjects Secret in the namespace of a pod that mounts the class's volume)",
  ],
  kinds: [
    {
      type: "SecretProviderClass.secrets-store.csi.x-k8s.io",
      summary: "Secret spec.secretObjects[].secretName, once a pod mounts the class's CSI volume",
      derive: (cr) => ({ secrets: syncedSecrets(cr) }),
    },
  ],
};

/** The labels of the pods of a Rollout's canary experiment templates: the Rollout's pod template's, with the template's metadata.labels over them. */
function rolloutExperimentPods(cr: Resource): DerivedPods[] {
  const steps = cr.get(["spec", "strategy", "canary", "steps"]);
  if (!Array.isArray(steps)) return [];
  const base = labelsAt(cr, ["spec", "template", "metadata", "labels"]);
  const out: DerivedPods[] = [];
  steps.forEach((step, i) => {
    const templates = (step as { experiment?: { templates?: unknown } } | null)?.experiment?.templates;
    if (!Array.isArray(templates)) return;
    templates.forEach((_, j) => {
      out.push({ labels: { ...base, ...labelsAt(cr, ["spec", "strategy", "canary", "steps", i, "experiment", "templates", j, "metadata", "labels"]) }, addedKeys: ROLLOUTS_ADDED });
    });
  });
  return out;
}

/** The pod template hash the Rollouts controller puts on the pods of every ReplicaSet it makes. */
const ROLLOUTS_ADDED = ["rollouts-pod-template-hash"];

const ARGO_ROLLOUTS: Operator = {
  name: "Argo Rollouts",
  project: "https://github.com/argoproj/argo-rollouts",
  sources: [
    "rollout/experiment.go GetExperimentFromTemplate (an experiment step's template: the canary or stable ReplicaSet's pod template, with the step template's metadata.labels added to its labels and selector)",
    "experiments/replicaset.go newReplicaSetFromTemplate (an Experiment's ReplicaSets from spec.templates[].template, their pods labelled rollouts-pod-template-hash=<hash>)",
  ],
  kinds: [
    {
      type: "Rollout.argoproj.io",
      summary: "besides its own pods, the pods of each canary experiment step's templates: the pod template's labels with the template's metadata.labels",
      derive: (cr) => ({ pods: rolloutExperimentPods(cr) }),
    },
    {
      type: "Experiment.argoproj.io",
      summary: "pods labelled as each spec.templates[].template",
      derive: (cr) => {
        const templates = cr.get(["spec", "templates"]);
        return { pods: (Array.isArray(templates) ? templates : []).map((_, j) => ({ labels: labelsAt(cr, ["spec", "templates", j, "template", "metadata", "labels"]), addedKeys: ROLLOUTS_ADDED })) };
      },
    },
  ],
};

const FLAGGER: Operator = {
  name: "Flagger",
  project: "https://github.com/fluxcd/flagger",
  sources: [
    "pkg/apis/flagger/v1beta1/canary.go GetServiceNames (the apex Service is spec.service.name, else spec.targetRef.name; then <apex>-primary and <apex>-canary)",
    "docs/gitbook/usage/how-it-works.md (the primary Deployment <target>-primary and the ClusterIP Services Flagger generates)",
  ],
  kinds: [
    {
      type: "Canary.flagger.app",
      summary: "Services <apex>, <apex>-primary, <apex>-canary, where <apex> is spec.service.name or else spec.targetRef.name",
      derive: (cr) => {
        const apex = stringAt(cr, ["spec", "service", "name"]) ?? stringAt(cr, ["spec", "targetRef", "name"]);
        return { services: apex ? [apex, `${apex}-primary`, `${apex}-canary`] : [] };
      },
    },
  ],
};

/** The deployment names a ClusterServiceVersion's webhooks and owned API services are served from. */
function csvServedDeployments(cr: Resource): string[] {
  const names = new Set<string>();
  for (const path of [["spec", "webhookdefinitions"], ["spec", "apiservicedefinitions", "owned"]]) {
    const list = cr.get(path);
    if (!Array.isArray(list)) continue;
    list.forEach((_, i) => {
      const name = stringAt(cr, [...path, i, "deploymentName"]);
      if (name) names.add(name);
    });
  }
  return [...names];
}

const OLM: Operator = {
  name: "Operator Lifecycle Manager (OLM)",
  project: "https://github.com/operator-framework/operator-lifecycle-manager",
  sources: [
    "pkg/controller/install/deployment.go (the Deployments of spec.install.spec.deployments, created in the namespace the ClusterServiceVersion is installed in)",
    "pkg/controller/install/certresources.go ServiceName, SecretName (Service <deploymentName>-service and Secret <deploymentName>-service-cert for each webhook and owned API service definition)",
  ],
  kinds: [
    {
      type: "ClusterServiceVersion.operators.coreos.com",
      summary: "pods labelled as each spec.install.spec.deployments[].spec.template; Service <deploymentName>-service and Secret <deploymentName>-service-cert for each deployment spec.webhookdefinitions or spec.apiservicedefinitions.owned names",
      derive: (cr) => {
        const deployments = cr.get(["spec", "install", "spec", "deployments"]);
        const served = csvServedDeployments(cr);
        return {
          pods: (Array.isArray(deployments) ? deployments : []).map((_, i) => ({ labels: labelsAt(cr, ["spec", "install", "spec", "deployments", i, "spec", "template", "metadata", "labels"]), addedKeys: ["pod-template-hash"] })),
          services: served.map((d) => `${d}-service`),
          secrets: served.map((d) => `${d}-service-cert`),
        };
      },
    },
  ],
};

/** The Secret OpenShift's service CA operator writes a serving certificate into, named by a Service annotation (beta, or the older alpha). */
const SERVING_CERT_ANNOTATIONS = ["service.beta.openshift.io/serving-cert-secret-name", "service.alpha.openshift.io/serving-cert-secret-name"];

const OPENSHIFT_SERVICE_CA: Operator = {
  name: "OpenShift service CA operator",
  project: "https://github.com/openshift/service-ca-operator",
  sources: ["README.md (the serving cert signer issues a signed serving certificate and key to a Service annotated with service.beta.openshift.io/serving-cert-secret-name, in a Secret of that name in the Service's namespace)"],
  kinds: [
    {
      type: "Service",
      summary: "for a Service annotated service.beta.openshift.io/serving-cert-secret-name (or the alpha annotation): a Secret of that name with tls.crt and tls.key",
      derive: (cr) => ({
        secrets: SERVING_CERT_ANNOTATIONS.flatMap((a) => {
          const name = stringAt(cr, ["metadata", "annotations", a]);
          return name ? [name] : [];
        }),
      }),
      secretKeys: () => new Set(["tls.crt", "tls.key"]),
    },
  ],
};

/** Every operator the table knows, in the order of the docs page. */
export const OPERATORS: readonly Operator[] = [
  PROMETHEUS_OPERATOR,
  CLOUDNATIVE_PG,
  ECK,
  ZALANDO_POSTGRES,
  STRIMZI,
  OT_REDIS,
  REDIS_ENTERPRISE,
  ROOK,
  LEADER_WORKER_SET,
  CERT_MANAGER,
  SEALED_SECRETS,
  EXTERNAL_SECRETS,
  SECRETS_STORE_CSI,
  ARGO_ROLLOUTS,
  FLAGGER,
  OLM,
  OPENSHIFT_SERVICE_CA,
];

/** The table's entries by the custom resource's GroupKind. */
export const OPERATOR_KINDS: ReadonlyMap<string, OperatorKind & { operator: Operator }> = new Map(
  OPERATORS.flatMap((operator) => operator.kinds.map((k) => [k.type, { ...k, operator }] as const)),
);

/**
 * Groups of custom resources that configure other software and never run pods or create the
 * objects a pod refers to: they do not make a namespace's missing objects plausible (see
 * ResourceIndex.unknownOperatorResources).
 */
export const CONFIGURATION_GROUPS: ReadonlySet<string> = new Set([
  "networking.istio.io",
  "security.istio.io",
  "telemetry.istio.io",
  "gateway.networking.k8s.io",
  "monitoring.coreos.com",
  "cert-manager.io",
  "external-secrets.io",
  "bitnami.com",
  "policy.linkerd.io",
  "traefik.io",
  "traefik.containo.us",
  "autoscaling.k8s.io",
  // GKE's load balancer settings (ManagedCertificate, FrontendConfig; BackendConfig): certificates live in Google Cloud, not in Secrets.
  "networking.gke.io",
  "cloud.google.com",
  // Routing and network policy of ingress controllers and CNIs: read by their controllers, which create no objects in the namespace.
  "projectcontour.io",
  "configuration.konghq.com",
  "k8s.nginx.org",
  "cilium.io",
  "crd.projectcalico.org",
  "policy.networking.k8s.io",
  "externaldns.k8s.io",
  "linkerd.io",
  "split.smi-spec.io",
]);

/**
 * API groups whose custom resources are all cluster-scoped, for inputs without their CRD: such a
 * resource is in no namespace, so its operator runs nothing in the namespace it would default to
 * (see ResourceIndex.unknownOperatorResources). A CRD of the input decides over this list.
 */
export const CLUSTER_SCOPED_GROUPS: ReadonlySet<string> = new Set([
  // open-policy-agent/frameworks constraint/pkg/client/crds/crds.go CreateCRD: Scope ClusterScoped for every constraint kind.
  "constraints.gatekeeper.sh",
  // open-policy-agent/gatekeeper: ConstraintTemplate's CRD and apis/mutations/v1/*_types.go (+kubebuilder:resource:scope="Cluster").
  "templates.gatekeeper.sh",
  "mutations.gatekeeper.sh",
]);

/** The parent references of a Config Connector resource (pkg/k8s/references.go, the hierarchical reference types). */
const CONFIG_CONNECTOR_PARENTS = ["projectRef", "folderRef", "organizationRef", "billingAccountRef"];

/**
 * Whether an operator's mutating webhook fills in the required `field` of the object at `path`
 * of a custom resource when it is not written, before the API server validates the object
 * against its CRD (mutating admission runs first). Config Connector's
 * container-annotation-handler webhook sets `spec.projectRef` of a resource that writes no parent
 * reference: from the project annotation of the object or its namespace, else the namespace's
 * name (SetDefaultHierarchicalReference in GoogleCloudPlatform/k8s-config-connector
 * pkg/k8s/references.go, registered in pkg/webhook/register.go). A folder or organization
 * parent comes only from an annotation, which may be absent: those stay required. JobSet's
 * webhook names the failure policy rules written without a name, and Tekton's gives every step
 * without one an empty name.
 */
export function filledByWebhook(group: string, path: readonly (string | number)[], field: string, object: Record<string, unknown>): boolean {
  // Tekton's defaulting webhook sends every object through a Go round trip (knative.dev/pkg webhook/resourcesemantics/defaulting roundTripPatch): a step's name, `json:"name"` without omitempty, comes back as "".
  if (group === "tekton.dev") return field === "name" && path.length >= 2 && typeof path[path.length - 1] === "number" && path[path.length - 2] === "steps";
  // JobSet's defaulting webhook names each failure policy rule written without a name `failurePolicyRule<i>` (kubernetes-sigs/jobset pkg/webhooks/jobset_webhook.go Default).
  if (group === "jobset.x-k8s.io") return field === "name" && path.length === 4 && path[0] === "spec" && path[1] === "failurePolicy" && path[2] === "rules" && typeof path[3] === "number";
  if (!group.endsWith(".cnrm.cloud.google.com") || path.length !== 1 || path[0] !== "spec" || field !== "projectRef") return false;
  return CONFIG_CONNECTOR_PARENTS.every((parent) => object[parent] === undefined || object[parent] === null);
}
