/**
 * The graph of an input, as `k8s-lint graph --format json` prints it (docs/graph.md documents
 * this shape): resources as nodes, the links the cross-resource rules resolve as edges, and the
 * lint's findings placed on both. Every renderer (html, mermaid, dot) is a function of it.
 */
import type { QosClass } from "../models/qos.js";
import type { Severity } from "../types.js";

/** What an edge says about its two ends, in Kubernetes' terms. */
export type Relation =
  /** Ingress or route -> Service. */
  | "routes-to"
  /** Admission webhook configuration, APIService or CRD conversion webhook -> the Service the API server calls. */
  | "calls"
  /** Route -> Gateway (parentRefs). */
  | "attaches-to"
  /** Service -> the workloads whose pods its selector selects. */
  | "selects"
  /** StatefulSet -> its governing Service (serviceName). */
  | "governed-by"
  /** Workload -> ConfigMap or Secret (env, envFrom, volumes, imagePullSecrets). */
  | "uses"
  /** Workload -> PersistentVolumeClaim (a persistentVolumeClaim volume). */
  | "mounts"
  /** Workload -> ServiceAccount. */
  | "runs-as"
  /** PersistentVolumeClaim -> the PersistentVolume it binds to. */
  | "binds-to"
  /** PersistentVolumeClaim -> the StorageClass that provisions its volume. */
  | "provisioned-by"
  /** HorizontalPodAutoscaler -> its scale target. */
  | "scales"
  /** PodDisruptionBudget -> the workloads whose pods it protects. */
  | "protects"
  /** NetworkPolicy -> the workloads whose pods its podSelector selects. */
  | "applies-to"
  /** A finding of a cross-resource rule that names another resource no resolved link leads to (the nearest pod labels, a similar name). */
  | "related";

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export interface GraphNode {
  /** `<type>/<namespace>/<name>` (type as the API server names it: `Deployment.apps`, `Service`); `missing:` first for an object only referred to. */
  id: string;
  apiVersion: string;
  kind: string;
  /** "" for cluster-scoped kinds. */
  namespace: string;
  name: string;
  /** Where the manifest defines it (the line of its first key); absent for an object the input only refers to. */
  file?: string;
  line?: number;
  /**
   * How an object the manifests do not define is known: `missing` (referred to, defined nowhere
   * in the input), `generated` (a kustomization generator makes it). Absent for a defined resource.
   */
  external?: "missing" | "generated";
  /** Read only for cross-resource lookups (`--context`): its own findings are not reported. */
  context?: true;
  /** The QoS class the kubelet gives the pods of a workload. */
  qosClass?: QosClass;
  /** `app.kubernetes.io/name`, else `app`, of the resource or its pods: the second level of clustering. */
  app?: string;
  /** The findings on this resource, by severity. */
  findings: FindingCounts;
}

export interface GraphEdge {
  /** `e<n>`, in order. */
  id: string;
  from: string;
  to: string;
  relation: Relation;
  /** A detail of the link: `port 80`, `env`, `volume`. */
  label?: string;
  /** Fields of the `from` resource that make the link (`spec.rules[0].http.paths[0].backend.service`). */
  paths: string[];
  /** The link is broken: a finding of the lint (error or warning) says it does not resolve or does not work as written. */
  broken: boolean;
  /** Indices into Graph.findings. */
  findings: number[];
}

export interface GraphFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  /** The field of the resource it is about. */
  path: string;
  /** The node of the resource it is about; absent for a finding on no resource (a syntax error). */
  node?: string;
  /** The edge it is placed on, for a finding of a cross-resource rule about a link. */
  edge?: string;
  related?: { node?: string; file: string; line: number; message?: string };
}

export interface Graph {
  version: 1;
  kubernetesVersion: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  findings: GraphFinding[];
  summary: {
    resources: number;
    edges: number;
    brokenEdges: number;
    errors: number;
    warnings: number;
    infos: number;
  };
}
