/**
 * What an Argo Rollout (argoproj.io/v1alpha1) refers to, as its controller resolves it
 * (pkg/apis/rollouts/v1alpha1/types.go): the workload whose template it uses (spec.workloadRef),
 * the Services it steers (canary and stable, active and preview), and the analysis templates it runs.
 */
import { groupKind } from "../../models/api-groups.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { PodTemplate, Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import type { Path } from "../../types.js";

export const ARGO_GROUP = "argoproj.io";

/** The label the controller adds to the pods of each revision, and injects into the selector of the Services it steers (DefaultRolloutUniqueLabelKey). */
export const ROLLOUT_HASH_LABEL = "rollouts-pod-template-hash";

/** The kinds spec.workloadRef may name (validation: Deployment, ReplicaSet or PodTemplate). */
export const WORKLOAD_REF_KINDS = ["Deployment", "ReplicaSet", "PodTemplate"];

export interface WorkloadRef {
  kind: string;
  name: string;
  /** The type as the index names it. */
  type: string;
}

export function workloadRef(rollout: Resource): WorkloadRef | undefined {
  const ref = rollout.get(["spec", "workloadRef"]) as { apiVersion?: unknown; kind?: unknown; name?: unknown } | undefined;
  if (!ref || typeof ref.name !== "string" || !ref.name || typeof ref.kind !== "string" || !ref.kind) return undefined;
  const apiVersion = typeof ref.apiVersion === "string" && ref.apiVersion ? ref.apiVersion : ref.kind === "PodTemplate" ? "v1" : "apps/v1";
  return { kind: ref.kind, name: ref.name, type: groupKind(apiVersion, ref.kind) };
}

/**
 * Whether a Rollout runs the template of the workload its spec.workloadRef names, writing none of
 * its own: rules that judge a pod template judge that workload's (reported there, once), not the
 * Rollout's empty one (no ServiceAccount, labels or priority class of its own).
 */
export function templateByRef(resource: Resource): boolean {
  return resource.kind === "Rollout" && resource.group === ARGO_GROUP && resource.get(["spec", "workloadRef"]) !== undefined && resource.get(["spec", "template"]) === undefined;
}

/** The pod template a Rollout's pods are made from: its own, or the referenced workload's. */
export function rolloutPods(rollout: Resource, index: ResourceIndex): { template: PodTemplate; owner: Resource } | undefined {
  const ref = workloadRef(rollout);
  if (!ref) return rollout.podTemplate ? { template: rollout.podTemplate, owner: rollout } : undefined;
  const target = index.findInSet(ref.type, rollout.namespace, ref.name, rollout);
  return target?.podTemplate ? { template: target.podTemplate, owner: target } : undefined;
}

/** A Service a Rollout's strategy names. */
export interface SteeredService {
  name: string;
  /** The strategy field, for messages: "canaryService". */
  field: string;
  path: Path;
}

export function steeredServices(rollout: Resource): SteeredService[] {
  const out: SteeredService[] = [];
  const add = (strategy: string, field: string, within: string[] = []) => {
    const path = ["spec", "strategy", strategy, ...within, field];
    const name = rollout.get(path);
    if (typeof name === "string" && name) out.push({ name, field, path });
  };
  add("canary", "stableService");
  add("canary", "canaryService");
  add("blueGreen", "activeService");
  add("blueGreen", "previewService");
  add("canary", "pingService", ["pingPong"]);
  add("canary", "pongService", ["pingPong"]);
  return out;
}

/** A reference to an AnalysisTemplate or, with clusterScope, a ClusterAnalysisTemplate. */
export interface AnalysisReference {
  name: string;
  clusterScope: boolean;
  path: Path;
}

/** Every analysis template a Rollout runs: background and step analyses, pre- and post-promotion analyses, and experiment analyses. */
export function analysisReferences(rollout: Resource): AnalysisReference[] {
  const out: AnalysisReference[] = [];
  const templates = (base: Path, field = "templates", nameField = "templateName") => {
    const list = rollout.get([...base, field]);
    if (!Array.isArray(list)) return;
    list.forEach((t, i) => {
      const name = (t as Record<string, unknown> | null)?.[nameField];
      if (typeof name === "string" && name) out.push({ name, clusterScope: (t as { clusterScope?: unknown }).clusterScope === true, path: [...base, field, i, nameField] });
    });
  };
  templates(["spec", "strategy", "canary", "analysis"]);
  templates(["spec", "strategy", "blueGreen", "prePromotionAnalysis"]);
  templates(["spec", "strategy", "blueGreen", "postPromotionAnalysis"]);
  const steps = rollout.get(["spec", "strategy", "canary", "steps"]);
  if (Array.isArray(steps)) {
    steps.forEach((_, i) => {
      templates(["spec", "strategy", "canary", "steps", i, "analysis"]);
      templates(["spec", "strategy", "canary", "steps", i, "experiment"], "analyses");
    });
  }
  return out;
}

const CLUSTER_OBJECTS = memoKey<Map<string, Map<string, Resource>>>("cluster-scoped custom resources by name");

/**
 * The object of a cluster-scoped custom type (ClusterAnalysisTemplate, ClusterSecretStore) by
 * name, whatever namespace the input gave it: the API server ignores metadata.namespace for
 * them, and a manifest without one gets the default namespace here. With `--per-directory`, one
 * that only another input set defines when this one has none (as ResourceIndex.find).
 */
export function clusterObject(index: ResourceIndex, type: string, name: string): Resource | undefined {
  const all = index.memo.get(CLUSTER_OBJECTS, () => new Map());
  let byName = all.get(type);
  if (!byName) {
    all.set(type, (byName = new Map()));
    for (const r of index.ofKind(type)) if (!byName.has(r.name)) byName.set(r.name, r);
  }
  return byName.get(name) ?? (index.outer ? clusterObject(index.outer, type, name) : undefined);
}
