/**
 * `k8s-lint qos`: the QoS class the kubelet will give the pods of every resource that runs
 * pods, where that resource is, and what decided the class (as admitted: the LimitRange defaults
 * of the input's namespaces written in; pod-level resources only where the target release keeps
 * them). The files go through the collect stage of a lint run; no rule runs.
 */
import { EXPECTED_QOS_ANNOTATION, type QosClass } from "../models/qos.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../models/kubernetes-version.js";
import { formatPath } from "../models/path.js";
import { qosOf } from "../models/pods.js";
import { ResourceIndex } from "../models/resource-index.js";
import { runningPods } from "../models/workloads.js";
import type { Resource } from "../models/resource.js";
import { collect, discoverInputs, indexResources } from "./collect.js";
import { loadFiles } from "./load.js";
import { locate } from "./positions.js";
import { lineIndex, type SourceFile } from "./sources.js";

export interface QosRow {
  file: string;
  line: number;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  qosClass: QosClass;
  /** The container (or "(pod)" for pod-level resources) that kept the pods from Guaranteed. */
  container?: string;
  init?: boolean;
  /** Whether the deciding init container runs as a sidecar at the target release. */
  sidecar?: boolean;
  resource?: string;
  reason: string;
  /** Field path of the deciding container. */
  path?: string;
  /** The k8s-lint.io/expected-qos annotation, when set. */
  expected?: string;
}

export interface QosOptions {
  cwd?: string;
  defaultNamespace?: string;
  ignorePatterns?: string[];
  /** The target release (as targetRelease gives it); default the newest the catalogue knows. */
  kubernetesVersion?: string;
}

/** The rows for a set of paths (files, directories, globs, "-"), in input order. */
export async function qosOfInputs(paths: string[], options: QosOptions): Promise<QosRow[]> {
  const inputs = await discoverInputs(paths, options);
  const loaded = await loadFiles(inputs.files, undefined);
  const collection = collect({ loaded, contextOnly: inputs.contextOnly, defaultNamespace: options.defaultNamespace ?? "default", defaultNamespaceGiven: options.defaultNamespace !== undefined, severities: new Map() });
  const { judged, sourceOf, index } = indexResources(collection);
  return computeQos(judged, sourceOf, { index, kubernetesVersion: options.kubernetesVersion });
}

/**
 * One row per resource that runs pods; a kustomize patch (a partial object) has none. A row's
 * line is where lint findings about the whole resource point: its `metadata.name` (else the
 * nearest part of it that is written). `index` defaults to one of `resources`,
 * `kubernetesVersion` to the newest release the catalogue knows.
 */
export function computeQos(
  resources: readonly Resource[],
  sourceOf: ReadonlyMap<string, SourceFile>,
  { index = new ResourceIndex(resources), kubernetesVersion = CATALOGUE_KUBERNETES_VERSION }: { index?: ResourceIndex; kubernetesVersion?: string } = {},
): QosRow[] {
  const rows: QosRow[] = [];
  for (const resource of resources) {
    const tpl = resource.partial ? undefined : runningPods(resource);
    const d = qosOf(resource, index, kubernetesVersion);
    if (!tpl || !d) continue;
    const src = sourceOf.get(resource.file)!;
    const at = locate(resource.doc, [...resource.basePath, "metadata", "name"]);
    const expected = resource.annotations[EXPECTED_QOS_ANNOTATION] ?? tpl.annotations[EXPECTED_QOS_ANNOTATION];
    rows.push({
      file: resource.file,
      line: lineIndex(src).range(at.start, at.end, src.text).line,
      ...resource.ref,
      qosClass: d.qosClass,
      ...(d.decidingContainer !== undefined ? { container: d.decidingContainer, init: d.decidingInit ?? false, sidecar: d.decidingSidecar ?? false, resource: d.decidingResource } : {}),
      reason: d.reason,
      ...(d.decidingPath ? { path: formatPath(d.decidingPath) } : {}),
      ...(expected !== undefined ? { expected } : {}),
    });
  }
  return rows;
}
