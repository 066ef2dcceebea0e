/**
 * Which pods a resource selects: the one definition every selector consumer shares (Service,
 * workload controller, HPA target, PodDisruptionBudget, NetworkPolicy), answered through the
 * label index of the run so that asking it for every resource stays linear.
 */
import type { Path } from "../types.js";
import type { Resource } from "./resource.js";
import { isEmptySelector, matches, parseLabelSelector, parseMapSelector, parseServiceSelector, type Selector } from "./selector.js";

/** The lookups the query needs; the engine's ResourceIndex provides them (models never import the engine). */
export interface PodOwnerLookup {
  findInSet(kind: string, namespace: string, name: string, near?: Resource): Resource | undefined;
  podOwnersSelectedBy(namespace: string, selector: Selector, near?: Resource): Resource[];
  podOwnersSelectedElsewhere(namespace: string, selector: Selector): Resource[];
}

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
  if (resource.kind === "Rollout") {
    // With spec.workloadRef the selector and template come from the referenced workload
    // (argo-rollouts pkg/apis/rollouts/validation/validation.go ValidateRolloutSpec requires a selector only without it).
    if (resource.get(["spec", "workloadRef"]) !== undefined) return undefined;
    return { selector: parseLabelSelector(raw), raw, path, labelSelector: true, defaulted: false };
  }
  if (resource.kind === "Job") {
    const manual = resource.get(["spec", "manualSelector"]) === true;
    return { selector: parseLabelSelector(raw), raw, path, labelSelector: true, defaulted: !manual };
  }
  return undefined;
}

/** A selector of pods and where it is written. */
export interface PodSelector {
  selector: Selector;
  /** Where the selector is written (or, when defaulted, the field that would hold it). */
  path: Path;
  /** A generated selector (a Job's controller-uid): it selects the resource's own pods and no others. */
  ownPodsOnly?: boolean;
}

/**
 * The pods a resource selects, as the controller that reads it sees them: a Service's endpoint
 * controllers (a missing or empty selector manages no endpoints), a workload controller (after
 * API defaulting: a defaulted selector is the template labels, a Job's generated selector matches
 * only its own pods), a PodDisruptionBudget (policy/v1 `{}` selects every pod of the namespace,
 * v1beta1 `{}` and a missing selector select none), a NetworkPolicy's podSelector (`{}` is every
 * pod). Undefined for kinds that select no pods; an HPA selects through its target (podOwnersSelectedBy).
 */
export function podSelectorOf(resource: Resource): PodSelector | undefined {
  switch (resource.kind) {
    case "Service": {
      const spec = resource.spec("Service");
      if (!spec || spec.type === "ExternalName") return undefined;
      return { selector: parseServiceSelector(spec.selector), path: ["spec", "selector"] };
    }
    case "PodDisruptionBudget": {
      const selector = parseLabelSelector(resource.get(["spec", "selector"]));
      const none = resource.apiVersion === "policy/v1beta1" && isEmptySelector(selector);
      return { selector: none ? { kind: "none" } : selector, path: ["spec", "selector"] };
    }
    case "NetworkPolicy": {
      const raw = resource.get(["spec", "podSelector"]);
      // podSelector is required; an absent one reads as {} (every pod), as the API stores it.
      return { selector: raw === undefined || raw === null ? { kind: "requirements", requirements: [] } : parseLabelSelector(raw), path: ["spec", "podSelector"] };
    }
  }
  const ws = workloadSelector(resource);
  if (!ws) return undefined;
  if (!ws.defaulted) return { selector: ws.selector, path: ws.path };
  const labels = resource.podTemplate?.labels ?? {};
  const fromTemplate: Selector = { kind: "requirements", requirements: Object.entries(labels).map(([key, value]) => ({ key, operator: "In" as const, values: [value] })) };
  return { selector: fromTemplate, path: ws.path, ownPodsOnly: resource.kind === "Job" };
}

/**
 * The workloads and Pods whose pods a resource selects, in its own namespace: the pods a Service
 * sends traffic to, a PDB protects, a NetworkPolicy isolates, a workload controller counts, and
 * an HPA averages over (every pod its target's selector matches, from the scale subresource:
 * pkg/controller/podautoscaler/horizontal.go lists pods by that selector, whoever owns them).
 */
export function podOwnersSelectedBy(resource: Resource, index: PodOwnerLookup): Resource[] {
  let subject = resource;
  if (resource.kind === "HorizontalPodAutoscaler") {
    const ref = resource.spec("HorizontalPodAutoscaler")?.scaleTargetRef;
    const target = typeof ref?.kind === "string" && typeof ref?.name === "string" ? index.findInSet(ref.kind, resource.namespace, ref.name, resource) : undefined;
    if (!target) return [];
    subject = target;
  }
  const sel = podSelectorOf(subject);
  if (!sel) return [];
  if (sel.ownPodsOnly) return subject.podTemplate ? [subject] : [];
  return index.podOwnersSelectedBy(subject.namespace, sel.selector, subject);
}

/** Whether a selector selects the pods of an owner by the labels its template writes (controller-added labels, whose values are unknown, never count). */
export function selectsWrittenLabels(selector: Selector, owner: Resource): boolean {
  const tpl = owner.podTemplate;
  return tpl !== undefined && matches(selector, tpl.labels);
}
