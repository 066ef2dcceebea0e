/** Shared by the selector rules: a workload's own selector, and the pod owner a selector nearly selects. */
import { namespacesWithCharts, SYSTEM_NAMESPACES } from "../../models/created-namespaces.js";
import { meshInjectedSelectedBy } from "../../models/mesh-injection.js";
import { closestWithin, misspells, spellingDistance } from "../../did-you-mean.js";
import { serviceAccountOf } from "../../models/rbac.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { LabelSource } from "../../models/kustomize-labels.js";
import type { Resource } from "../../models/resource.js";
import { matches, type Requirement, type Selector } from "../../models/selector.js";
import { memoKey } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import { appliedApart, appliedNear, placesOf, type AppliedPlaces } from "../../models/placement.js";

const OWNER_PLACES = memoKey<Map<string, AppliedPlaces>>("places of the pod owners of each namespace");

export { workloadSelector, type WorkloadSelector } from "../../models/pod-selection.js";

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

/** Why a requirement does not hold for labels, in words: `has "app=webapp"`, `has no label "tier"`. */
export function whyNot(req: Requirement, labels: Record<string, string>): string {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case "In":
    case "Exists":
      return has ? `has "${req.key}=${labels[req.key]}"` : `has no label "${req.key}"`;
    case "NotIn":
      return `has "${req.key}=${labels[req.key]}"`;
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

/** Owners weighed per source of candidates: a hint costs the same in an input of any size. */
export const NEAR_MISS_CANDIDATES_PER_SOURCE = 32;

/**
 * The owners nearestOwner weighs: per `In` requirement, the first owners carrying its key (all
 * of them when there are few), those that satisfy it and those whose value is spelled like a
 * wanted one; at most NEAR_MISS_CANDIDATES_PER_SOURCE from each, in input order within each.
 */
export function nearMissCandidates(index: ResourceIndex, namespace: string, wanted: readonly Requirement[]): Set<Resource> {
  const candidates = new Set<Resource>();
  const take = (owners: readonly Resource[]) => {
    for (const owner of owners.slice(0, NEAR_MISS_CANDIDATES_PER_SOURCE)) candidates.add(owner);
  };
  for (const req of wanted) take(index.podOwnersWithKey(namespace, req.key));
  for (const req of wanted) {
    for (const value of new Set(req.values)) {
      take(index.podOwnersWithLabel(namespace, req.key, value));
      take(index.podOwnersSpelledLike(namespace, req.key, value, NEAR_MISS_CANDIDATES_PER_SOURCE));
    }
  }
  return candidates;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Whether labels a selector misses are plausibly the ones it was written for, so that a hint may
 * name their owner: more of the selector's `In` requirements agree with them than contradict
 * them. A requirement agrees when it holds, or when a wanted value misspells the value carried
 * (did-you-mean's edit budget, abbreviations not counted), as built or as the file writes it
 * (`written`: a kustomization's labels entry may have replaced it); it contradicts when the key
 * is carried with an unrelated value; a key not carried counts neither way (a label the selector
 * adds). `app=grafana` is not meant for pods labelled `app=example-app`.
 */
export function plausiblyMeant(wanted: readonly Requirement[], labels: Record<string, string>, written: unknown, assumed: ReadonlySet<string> = NO_KEYS): boolean {
  let balance = 0;
  for (const req of wanted) {
    if (holds(req, labels, assumed)) balance++;
    else if (Object.prototype.hasOwnProperty.call(labels, req.key)) {
      const asWritten = written !== null && typeof written === "object" ? (written as Record<string, unknown>)[req.key] : undefined;
      const carried = typeof asWritten === "string" ? [labels[req.key], asWritten] : [labels[req.key]];
      balance += carried.some((have) => req.values.some((want) => misspells(want, have))) ? 1 : -1;
    }
  }
  return balance > 0;
}

/**
 * The pod owner of the namespace that satisfies the most requirements of a selector that selects
 * nothing (an owner scores 2 per requirement it satisfies, 1 per key it carries with another
 * value), then whose values are spelled closest (a typo), among the owners plausibly meant
 * (plausiblyMeant): undefined when none is. Only a bounded set of candidates is weighed
 * (nearMissCandidates), so this stays linear in the input; with few owners per key every owner
 * carrying a key of the selector is weighed.
 */
export function nearestOwner(index: ResourceIndex, namespace: string, selector: Selector): NearMiss | undefined {
  if (selector.kind !== "requirements" || !selector.requirements.length) return undefined;
  const wanted = selector.requirements.filter((r) => r.operator === "In");
  let best: Resource | undefined;
  let bestHits = 0;
  let bestSpelling = 0;
  for (const owner of nearMissCandidates(index, namespace, wanted)) {
    const { metadataPath } = owner.podTemplate!;
    const { labels, controllerLabels } = index.podLabelsOf(owner)!;
    if (!plausiblyMeant(wanted, labels, owner.writtenValue([...metadataPath, "labels"]), controllerLabels)) continue;
    let hits = 0;
    let spelling = 0;
    for (const req of wanted) {
      if (!holds({ key: req.key, operator: "Exists", values: [] }, labels, controllerLabels)) continue;
      hits += holds(req, labels, controllerLabels) ? 2 : 1;
      const value = Object.prototype.hasOwnProperty.call(labels, req.key) ? labels[req.key] : undefined;
      if (value !== undefined) spelling += Math.min(...req.values.map((v) => spellingDistance(v, value)));
    }
    if (hits > bestHits || (hits === bestHits && hits > 0 && spelling < bestSpelling)) {
      best = owner;
      bestHits = hits;
      bestSpelling = spelling;
    }
  }
  if (!best) return undefined;
  const tpl = index.podLabelsOf(best)!;
  const failing = selector.requirements.find((r) => !holds(r, tpl.labels, tpl.controllerLabels));
  if (!failing) return undefined;
  return { owner: best, failing, why: `${best.kind} "${best.name}" ${whyNot(failing, tpl.labels)}` };
}

export interface PodsElsewhere {
  /** The first owner matched in another namespace. */
  owner: Resource;
  /** The namespaces where the selector's pods run, in input order (at most three). */
  namespaces: string[];
  /** `in namespace "shop"` or `in namespaces "a", "b"`. */
  where: string;
}

/**
 * Where the pods a selector misses in its own namespace run instead: every namespaced selector
 * (Service, PodDisruptionBudget, NetworkPolicy podSelector) selects pods of its own namespace
 * only, so pods matching in another namespace are the usual cause of a selector that matches nothing.
 */
export function podsElsewhere(index: ResourceIndex, namespace: string, selector: Selector): PodsElsewhere | undefined {
  const owners = index.podOwnersSelectedElsewhere(namespace, selector);
  if (!owners.length) return undefined;
  const namespaces = [...new Set(owners.map((o) => o.namespace))].slice(0, 3);
  const where = `in namespace${namespaces.length > 1 ? "s" : ""} ${namespaces.map((n) => `"${n}"`).join(", ")}`;
  return { owner: owners[0], namespaces, where };
}

/** How a selector that selects no pod template of the input is reported. */
export type NoMatchVerdict =
  /** An operator of the table runs pods it selects (models/operators.ts), or a mesh's injector labels pods so that it does (models/mesh-injection.ts): nothing to report. */
  | { silent: true }
  /** With `because`, why matching pods may be created at run time: then no pod owner of the input is offered as the one meant (shownNearMiss). */
  | { silent: false; severity?: "info"; because?: string };

/**
 * The one policy of the selector rules for pods no manifest shows. Pods an operator of the
 * table derives from a custom resource of the namespace count as selected, and so do the
 * workloads' pods with the labels Istio's sidecar injector adds. Otherwise, when the
 * selector is not a near miss of a pod template of the input (a typo stays a warning), these
 * signals make pods no manifest shows plausible, and the finding drops to info: a namespace the
 * cluster's installer fills (kube-system: kubeadm's control-plane static pods), a workload
 * whose ServiceAccount RBAC allows to create or patch pods there (an agent labelling its own
 * pod), a kustomization entry the run does not read that builds objects into the namespace,
 * custom resources of an operator the table does not know, or a Helm chart that a GitOps
 * controller of the input installs in the namespace (models/created-namespaces.ts).
 */
export function noMatchVerdict(index: ResourceIndex, namespace: string, selector: Selector, near: NearMiss | undefined): NoMatchVerdict {
  if (index.derivedPodsSelectedBy(namespace, selector).length || meshInjectedSelectedBy(index, namespace, selector).length) return { silent: true };
  if (near && isTypo(near)) return { silent: false };
  // kubeadm's control-plane static pods (component=kube-scheduler, tier=control-plane; cmd/kubeadm/app/util/staticpod ComponentPod), kube-dns, kube-proxy: no manifest of the input shows them.
  if (SYSTEM_NAMESPACES.has(namespace)) return { silent: false, severity: "info", because: `the cluster's installer runs pods of its own in "${namespace}" (kubeadm's control-plane static pods, DNS, kube-proxy), so matching pods may exist` };
  const labeller = index.runTimeLabeller(namespace);
  if (labeller) {
    return { silent: false, severity: "info", because: `ServiceAccount "${serviceAccountOf(labeller)}" of ${labeller.kind} "${labeller.name}" may create or relabel pods (RBAC of the input), so matching pods may exist at run time` };
  }
  const unread = index.unreadBuildInto(namespace);
  if (unread) return { silent: false, severity: "info", because: `${unread.kustomization} also builds "${unread.entry}" into the namespace, which this run does not read, so its pods may match` };
  const installer = namespacesWithCharts(index).get(namespace);
  if (index.unknownOperatorResources(namespace).length) {
    const named = unknownNamedBy(index, namespace, selector);
    // A HelmRelease is no operator's resource: its chart runs the pods.
    if (named && named.groupKind === HELM_RELEASE) return { silent: false, severity: "info", because: chartBecause(named) };
    if (named || !installer) return { silent: false, severity: "info", because: named ? `the operator of ${named.groupKind} "${named.name}" may run the selected pods` : "an operator of custom resources in the namespace may run the selected pods" };
  }
  if (installer) return { silent: false, severity: "info", because: chartBecause(installer) };
  return { silent: false };
}

const HELM_RELEASE = "HelmRelease.helm.toolkit.fluxcd.io";
const chartBecause = (installer: Resource) => `the Helm chart that ${installer.kind} "${installer.name}" installs in the namespace may run the selected pods`;

/**
 * The near miss worth showing under a verdict: none when the verdict says matching pods may be
 * created at run time, since a workload of the input that shares a key is then no evidence of
 * the pods meant, and aligning with it would break the selector.
 */
export function shownNearMiss(verdict: NoMatchVerdict, near: NearMiss | undefined): NearMiss | undefined {
  return !verdict.silent && verdict.because ? undefined : near;
}

/** Per namespace: the lower-case name, kind and hyphenated kind of each custom resource of an unknown operator, to the first resource with it. */
const UNKNOWN_BY_WORD = memoKey<Map<string, Map<string, Resource>>>("unknown operators' custom resources by name and kind");

/**
 * The custom resource of an unknown operator that a value the selector wants names, or whose
 * kind it names, as whole words (`rook_object_store: my-store` names CephObjectStore "my-store";
 * `app: vector-database` names kind VectorDatabase): operators label their pods with them.
 */
function unknownNamedBy(index: ResourceIndex, namespace: string, selector: Selector): Resource | undefined {
  if (selector.kind !== "requirements") return undefined;
  const byNamespace = index.memo.get(UNKNOWN_BY_WORD, () => new Map());
  let byWord = byNamespace.get(namespace);
  if (!byWord) {
    byNamespace.set(namespace, (byWord = new Map()));
    for (const cr of index.unknownOperatorResources(namespace)) {
      for (const word of [cr.name, cr.kind, cr.kind.replace(/([a-z0-9])([A-Z])/g, "$1-$2")]) {
        if (word && !byWord.has(word.toLowerCase())) byWord.set(word.toLowerCase(), cr);
      }
    }
  }
  for (const req of selector.requirements) {
    if (req.operator !== "In") continue;
    for (const value of req.values) {
      for (const words of wordRuns(value.toLowerCase())) {
        const cr = byWord.get(words);
        if (cr) return cr;
      }
    }
  }
  return undefined;
}

/** Every run of whole words of a value: "rook-ceph-rgw" gives "rook", "rook-ceph", "rook-ceph-rgw", "ceph"... */
function wordRuns(value: string): string[] {
  const words = [...value.matchAll(/[a-z0-9]+/g)];
  const runs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < words.length; j++) runs.push(value.slice(words[i].index, words[j].index + words[j][0].length));
  }
  return runs;
}

/** A near miss whose failing requirement wants a value the owner carries spelled nearly alike: a typo, not pods from elsewhere. */
function isTypo(near: NearMiss): boolean {
  const { failing, owner } = near;
  if (failing.operator !== "In") return false;
  const labels = owner.podTemplate!.labels;
  if (!Object.prototype.hasOwnProperty.call(labels, failing.key)) return false;
  return failing.values.some((v) => closestWithin(v, [labels[failing.key]]) !== undefined);
}

/**
 * The kustomization `labels` entry without includeSelectors that put the pod template label `key`
 * of `owner` where its file writes another value or none, when that entry builds `resource` too:
 * the selector of `resource`, which the entry does not reach, keeps the pair its file writes
 * (kustomize api/types labels.go: without includeSelectors a labels entry goes to metadata and,
 * with includeTemplates, to pod templates only).
 */
export function templateOnlyLabelEntry(resource: Resource, owner: Resource, key: string): LabelSource | undefined {
  const path = [...owner.podTemplate!.metadataPath, "labels", key];
  if (!owner.addedByKustomize(path) && !owner.changedByKustomize(path)) return undefined;
  // Every entry of a kustomization labels the metadata of each object it builds.
  const builds = owner === resource ? undefined : resource.kustomizeLabelSources(["metadata", "labels", key]);
  return owner.kustomizeLabelSources(path).find((s) => !s.selectors && (!builds || builds.some((b) => b.kustomization === s.kustomization && b.entry === s.entry)));
}

/** The hint for a selector pair a labels entry without includeSelectors left behind (templateOnlyLabelEntry). */
export function includeSelectorsHint(entry: LabelSource, key: string, selector = "selector"): string {
  return `set includeSelectors: true on ${entry.entry} in ${entry.kustomization} so that kustomize sets "${key}" in the ${selector} too, or leave "${key}" out of that entry`;
}

/** Where the pod owners of a namespace are applied from (models/placement.ts), once per namespace. */
function ownerPlaces(index: ResourceIndex, namespace: string): AppliedPlaces {
  const byNamespace = index.memo.get(OWNER_PLACES, () => new Map());
  let places = byNamespace.get(namespace);
  if (!places) byNamespace.set(namespace, (places = placesOf(index.podOwnersIn(namespace))));
  return places;
}

/**
 * Of the pod owners a selector of `resource` selects (a Service's), those applied with it
 * (models/placement.ts: not another sample's); all of them when no pod owner of the namespace is
 * applied with it, as in a layout by kind (services/ beside deployments/), where the selector can
 * only mean pods of another folder.
 */
export function selectedWith(index: ResourceIndex, resource: Resource, owners: readonly Resource[]): readonly Resource[] {
  if (!appliedNear(ownerPlaces(index, resource.namespace), resource)) return owners;
  return owners.filter((o) => !appliedApart(resource, o));
}
