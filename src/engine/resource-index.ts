/**
 * Lookups across all resources of a run, built once: by kind/namespace/name and by pod label.
 * Cross-resource rules go through here so that the engine stays linear in the input size.
 */
import type { Resource } from "../models/resource.js";
import { CONTROLLER_LABELS, matches, type Selector } from "../models/selector.js";

/** Keys no template declares but controllers add: no bucket can be chosen by them. */
const ADDED_KEYS = new Set(Object.values(CONTROLLER_LABELS).flatMap((s) => [...s]));

const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

export class ResourceIndex {
  private readonly byName = new Map<string, Resource[]>();
  private readonly byKindNs = new Map<string, Resource[]>();
  private readonly byKindList = new Map<string, Resource[]>();
  /** Resources with pods, per namespace. */
  private readonly podOwners = new Map<string, Resource[]>();
  /** namespace -> "key=value" -> resources with pods carrying that label. */
  private readonly byPodLabel = new Map<string, Map<string, Resource[]>>();

  constructor(readonly all: readonly Resource[]) {
    for (const r of all) {
      push(this.byName, key(r.kind, r.namespace, r.name), r);
      push(this.byKindNs, `${r.kind}\u0000${r.namespace}`, r);
      push(this.byKindList, r.kind, r);
      // Bare PodTemplates run nothing; the workloads that embed templates do.
      if (r.kind === "PodTemplate") continue;
      const tpl = r.podTemplate;
      if (!tpl) continue;
      push(this.podOwners, r.namespace, r);
      let labels = this.byPodLabel.get(r.namespace);
      if (!labels) this.byPodLabel.set(r.namespace, (labels = new Map()));
      for (const [k, v] of Object.entries(tpl.labels)) push(labels, `${k}=${v}`, r);
    }
  }

  /** The resource of this kind and name in a namespace ("" for cluster-scoped kinds). */
  find(kind: string, namespace: string, name: string): Resource | undefined {
    return this.byName.get(key(kind, namespace, name))?.[0];
  }

  /** Every resource with this identity (more than one is a duplicate). */
  findAll(kind: string, namespace: string, name: string): readonly Resource[] {
    return this.byName.get(key(kind, namespace, name)) ?? [];
  }

  ofKind(kind: string, namespace?: string): readonly Resource[] {
    if (namespace === undefined) return this.byKindList.get(kind) ?? [];
    return this.byKindNs.get(`${kind}\u0000${namespace}`) ?? [];
  }

  /** Resources that run pods (workloads and Pods) in a namespace. */
  podOwnersIn(namespace: string): readonly Resource[] {
    return this.podOwners.get(namespace) ?? [];
  }

  /**
   * Workloads and Pods of a namespace whose pods the selector selects. Candidates come from the
   * label index (the smallest bucket of an equality requirement), so this is not a full scan
   * unless the selector has no equality requirement.
   */
  podOwnersSelectedBy(namespace: string, selector: Selector): Resource[] {
    if (selector.kind === "none") return [];
    let candidates: readonly Resource[] | undefined;
    const labels = this.byPodLabel.get(namespace);
    for (const r of selector.requirements) {
      if (r.operator !== "In" || r.values.length !== 1 || ADDED_KEYS.has(r.key)) continue;
      const bucket = labels?.get(`${r.key}=${r.values[0]}`) ?? [];
      if (!candidates || bucket.length < candidates.length) candidates = bucket;
      if (candidates.length === 0) break;
    }
    const pool = candidates ?? this.podOwnersIn(namespace);
    return pool.filter((owner) => {
      const tpl = owner.podTemplate;
      return tpl !== undefined && matches(selector, tpl.labels, tpl.controllerLabels);
    });
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
