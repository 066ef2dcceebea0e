/** Shared by the selector rules: a workload's own selector, and the pod owner a selector nearly selects. */
import { distance } from "fastest-levenshtein";
import type { ResourceIndex } from "../../engine/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { formatSelector, matches, parseLabelSelector, parseMapSelector, type Requirement, type Selector } from "../../models/selector.js";
import type { Path } from "../../types.js";

export interface WorkloadSelector {
  selector: Selector;
  /** The selector as written (undefined when defaulted). */
  raw: unknown;
  path: Path;
  /** LabelSelector (matchLabels/matchExpressions) rather than the map form of ReplicationController. */
  labelSelector: boolean;
  /** Not written: the API defaults it from the template labels (or the Job controller generates it). */
  defaulted: boolean;
}

const APPS_V1_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/** The selector a workload controller uses to find its pods, after API defaulting. */
export function workloadSelector(resource: Resource): WorkloadSelector | undefined {
  const path: Path = ["spec", "selector"];
  const raw = resource.get(path);
  const missing = raw === undefined || raw === null;
  if (APPS_V1_KINDS.has(resource.kind)) {
    // Only the pre-apps/v1 versions defaulted a missing selector from the template labels.
    const defaulted = missing && resource.apiVersion !== "apps/v1";
    return { selector: parseLabelSelector(raw), raw, path, labelSelector: true, defaulted };
  }
  if (resource.kind === "ReplicationController") {
    const sel = parseMapSelector(raw);
    const empty = sel.kind === "none" || sel.requirements.length === 0;
    return { selector: sel, raw, path, labelSelector: false, defaulted: empty };
  }
  if (resource.kind === "Job") {
    const manual = resource.get(["spec", "manualSelector"]) === true;
    return { selector: parseLabelSelector(raw), raw, path, labelSelector: true, defaulted: !manual };
  }
  return undefined;
}

/** Path of a requirement of a LabelSelector written at `base` (matchLabels first, then matchExpressions). */
export function requirementPath(raw: unknown, base: Path, req: Requirement, mapForm = false): Path {
  if (mapForm) return [...base, req.key];
  const r = raw as { matchLabels?: Record<string, unknown>; matchExpressions?: Array<Record<string, unknown>> } | undefined;
  if (req.operator === "In" && req.values.length === 1 && r?.matchLabels && Object.prototype.hasOwnProperty.call(r.matchLabels, req.key)) {
    if (String(r.matchLabels[req.key]) === req.values[0]) return [...base, "matchLabels", req.key];
  }
  const i = Array.isArray(r?.matchExpressions) ? r!.matchExpressions.findIndex((e) => e && e.key === req.key && e.operator === req.operator) : -1;
  return i >= 0 ? [...base, "matchExpressions", i] : base;
}

/** Why a requirement does not hold for labels, in words: `has app=webapp`, `has no label "tier"`. */
export function whyNot(req: Requirement, labels: Record<string, string>): string {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case "In":
    case "Exists":
      return has ? `has ${req.key}=${labels[req.key]}` : `has no label "${req.key}"`;
    case "NotIn":
      return `has ${req.key}=${labels[req.key]}`;
    case "DoesNotExist":
      return `has label "${req.key}"`;
  }
}

function holds(req: Requirement, labels: Record<string, string>, assumed: ReadonlySet<string>): boolean {
  return matches({ kind: "requirements", requirements: [req] }, labels, assumed);
}

export interface NearMiss {
  owner: Resource;
  /** The requirement it fails first, and why. */
  failing: Requirement;
  why: string;
}

/**
 * The pod owner of the namespace that satisfies the most requirements of a selector that selects
 * nothing, found through the label index one requirement at a time.
 */
export function nearestOwner(index: ResourceIndex, namespace: string, selector: Selector): NearMiss | undefined {
  if (selector.kind !== "requirements" || !selector.requirements.length) return undefined;
  const hits = new Map<Resource, number>();
  // Among owners that fail alike, the one whose values are spelled closest (a typo) is nearest.
  const spelling = new Map<Resource, number>();
  for (const req of selector.requirements) {
    if (req.operator !== "In") continue;
    // Owners carrying the key with any value: a typo in the value is the common mistake.
    for (const owner of index.podOwnersSelectedBy(namespace, { kind: "requirements", requirements: [{ key: req.key, operator: "Exists", values: [] }] })) {
      const labels = owner.podTemplate!.labels;
      hits.set(owner, (hits.get(owner) ?? 0) + (holds(req, labels, owner.podTemplate!.controllerLabels) ? 2 : 1));
      const value = labels[req.key];
      if (value !== undefined) spelling.set(owner, (spelling.get(owner) ?? 0) + Math.min(...req.values.map((v) => distance(v, value))));
    }
  }
  let best: Resource | undefined;
  for (const [owner, n] of hits) {
    const bestHits = best ? hits.get(best)! : -1;
    if (n > bestHits || (n === bestHits && (spelling.get(owner) ?? 0) < (spelling.get(best!) ?? 0))) best = owner;
  }
  if (!best) return undefined;
  const tpl = best.podTemplate!;
  const failing = selector.requirements.find((r) => !holds(r, tpl.labels, tpl.controllerLabels));
  if (!failing) return undefined;
  return { owner: best, failing, why: `${best.kind} "${best.name}" ${whyNot(failing, tpl.labels)}` };
}

export { formatSelector };
