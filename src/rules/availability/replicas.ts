/**
 * What the availability rules share: how many pods a workload keeps running, the HPA that scales
 * it, and the Services and PodDisruptionBudgets that select its pods, each built once per run
 * through the label index (no loop over pairs of resources).
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import { parseLabelSelector, parseServiceSelector } from "../../models/selector.js";
import { hpaTarget } from "../autoscaling/target.js";
import { KEDA_GROUP, scaledObjectTarget } from "../keda/targets.js";

/** Kinds whose spec.replicas says how many identical pods run (an Argo Rollout as a Deployment). */
export const REPLICATED_KINDS = ["Deployment", "StatefulSet", "Rollout"] as const;

/** spec.replicas as written, or 1 (the API server's default for these kinds); undefined when not a number. */
export function writtenReplicas(resource: Resource, seenFrom?: Resource): number | undefined {
  const r = seenFrom ? resource.valueInBuildsOf(["spec", "replicas"], seenFrom) : resource.get(["spec", "replicas"]);
  if (r === undefined || r === null) return 1;
  return typeof r === "number" && Number.isInteger(r) && r >= 0 ? r : undefined;
}

interface Links {
  hpaOf: Map<Resource, Resource>;
  servicesOf: Map<Resource, Resource[]>;
  pdbsOf: Map<Resource, Resource[]>;
  /** PodDisruptionBudget -> the workloads whose pods it selects. */
  selectedByPdb: Map<Resource, Resource[]>;
}

const LINKS = memoKey<Links>("HPAs, Services and PodDisruptionBudgets of each workload");

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export function links(index: ResourceIndex, memo: Memo): Links {
  return memo(LINKS, () => {
    const l: Links = { hpaOf: new Map(), servicesOf: new Map(), pdbsOf: new Map(), selectedByPdb: new Map() };
    for (const hpa of index.ofKind("HorizontalPodAutoscaler")) {
      const target = hpaTarget(hpa, index)?.resource;
      if (target && !l.hpaOf.has(target)) l.hpaOf.set(target, hpa);
    }
    // A KEDA ScaledObject scales its target through the HPA KEDA makes for it: that HPA owns spec.replicas.
    for (const so of index.ofKind(`ScaledObject.${KEDA_GROUP}`)) {
      const ref = scaledObjectTarget(so);
      const target = ref && index.find(ref.type, so.namespace, ref.name, so);
      if (target && !l.hpaOf.has(target)) l.hpaOf.set(target, so);
    }
    for (const svc of index.ofKind("Service")) {
      const spec = svc.spec("Service");
      if (!spec || spec.type === "ExternalName") continue;
      for (const owner of index.podOwnersSelectedBy(svc.namespace, parseServiceSelector(spec.selector), svc)) push(l.servicesOf, owner, svc);
    }
    for (const pdb of index.ofKind("PodDisruptionBudget")) {
      const raw = pdb.get(["spec", "selector"]);
      const selector = parseLabelSelector(raw);
      // policy/v1beta1: an empty selector selected no pods.
      if (pdb.apiVersion === "policy/v1beta1" && selector.kind === "requirements" && selector.requirements.length === 0) continue;
      for (const owner of index.podOwnersSelectedBy(pdb.namespace, selector, pdb)) {
        push(l.pdbsOf, owner, pdb);
        push(l.selectedByPdb, pdb, owner);
      }
    }
    return l;
  });
}

/**
 * The fewest pods a workload runs: its HPA's minReplicas (default 1) when one scales it, else
 * spec.replicas; `seenFrom`: as the kustomize builds that emit that object too set them.
 */
export function minimumPods(resource: Resource, index: ResourceIndex, memo: Memo, seenFrom?: Resource): { count: number; hpa?: Resource } | undefined {
  const hpa = links(index, memo).hpaOf.get(resource);
  if (hpa?.kind === "ScaledObject") {
    // keda apis/keda/v1alpha1 scaledobject_types.go: minReplicaCount defaults to 0 (scaled to zero when idle); active, at least 1.
    const min = hpa.get(["spec", "minReplicaCount"]);
    return { count: Math.max(1, typeof min === "number" && Number.isInteger(min) ? min : 0), hpa };
  }
  if (hpa) {
    const min = hpa.spec("HorizontalPodAutoscaler")?.minReplicas;
    return { count: typeof min === "number" && Number.isInteger(min) ? min : 1, hpa };
  }
  const count = writtenReplicas(resource, seenFrom);
  return count === undefined ? undefined : { count };
}

/** "3 replicas", "at least 2 pods (HPA "web" minReplicas)" or "(ScaledObject "web" minReplicaCount)". */
export function describePods(pods: { count: number; hpa?: Resource }): string {
  if (pods.hpa) return `at least ${pods.count} pod${pods.count === 1 ? "" : "s"} (${scalerWords(pods.hpa)})`;
  return `${pods.count} replica${pods.count === 1 ? "" : "s"}`;
}

/** `HPA "web" minReplicas` or `ScaledObject "web" minReplicaCount`: what sets a scaled workload's least replicas. */
export function scalerWords(scaler: Resource): string {
  return scaler.kind === "ScaledObject" ? `ScaledObject "${scaler.name}" minReplicaCount` : `HPA "${scaler.name}" minReplicas`;
}
