import { matches, parseLabelSelector } from "../../models/selector.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { rolloutPods, workloadRef } from "../argo-rollouts/rollouts.js";
import { describePods, minimumPods, REPLICATED_KINDS } from "./replicas.js";

export const rule = defineRule({
  id: "replicas-not-spread",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: REPLICATED_KINDS,
  summary: "A workload with several replicas sets neither pod anti-affinity nor topologySpreadConstraints.",
  explanation: `Replicas protect against the loss of a node only if they run on different nodes. Nothing
in the pod spec asks for that, so the scheduler may put several or all replicas on one node
(it favours nodes with the image and free room). The default scheduler's built-in spreading
(the PodTopologySpread plugin's system defaults: maxSkew 3 per node and 5 per zone, both
ScheduleAnyway) is a preference that tolerates three replicas on one node, and clusters may
turn it off. A node failure or drain then takes several replicas at once, and a zone outage
all of them. kube-score (deployment-has-host-podantiaffinity,
statefulset-has-host-podantiaffinity, pod-topology-spread-constraints), kube-linter
(no-anti-affinity) and Polaris (topologySpreadConstraint) report it. The same holds when the
podAntiAffinity terms and topologySpreadConstraints are there but none of their labelSelectors
matches the workload's own pod labels (a selector copied from another chart, \`app: zk\` for pods
labelled \`app.kubernetes.io/name: zk\`, a spread constraint without labelSelector, which counts no
pod): they keep the pods away from other pods, not from each other. A term with
mismatchLabelKeys is not judged. An Argo Rollout with workloadRef is judged by the template of
the workload it names. Workloads running at least 2 pods (spec.replicas or the HPA's
minReplicas) are judged.`,
  fix: `Add topologySpreadConstraints with topologyKey kubernetes.io/hostname (and
topology.kubernetes.io/zone) and a labelSelector matching the pods, or a podAntiAffinity term
on kubernetes.io/hostname.`,
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const pods = minimumPods(resource, index, memo);
    if (!pods || pods.count < 2) return;
    // A Rollout with workloadRef runs the referenced workload's template (missing: rollout-workload-ref-missing says so).
    const source = resource.kind === "Rollout" && workloadRef(resource) ? rolloutPods(resource, index) : resource.podTemplate && { template: resource.podTemplate, owner: resource };
    if (!source) return;
    const { template: tpl, owner } = source;
    // Findings on another resource's template are shown at the workloadRef that names it.
    const borrowed = owner !== resource;
    const at = (path: Path): { path: Path; target?: "key" } => (borrowed ? { path: ["spec", "workloadRef"], target: "key" } : { path });
    const via = borrowed ? ` (the template of ${owner.kind} "${owner.name}", which its workloadRef names)` : "";
    const spec = owner.get(tpl.specPath) as Record<string, unknown> | undefined;
    const terms = spreadingTerms(spec, tpl.specPath);
    if (!terms.length) {
      report({
        target: "key",
        ...at(tpl.specPath),
        message: `${resource.kind} "${resource.name}" runs ${describePods(pods)} but nothing keeps them off a single node${via}`,
        hint: "add topologySpreadConstraints on kubernetes.io/hostname or a podAntiAffinity term",
      });
      return;
    }
    const namespace = resource.namespaceCertain ? resource.namespace : undefined;
    if (terms.some((t) => selectsOwnPods(t, namespace, tpl.labels, tpl.controllerLabels))) return;
    const own = Object.entries(tpl.labels).map(([k, v]) => `"${k}=${v}"`);
    // A term whose selector does match but that looks in other namespaces only.
    const elsewhere = terms.find((t) => t.namespaces && selectsOwnPods({ ...t, namespaces: undefined }, namespace, tpl.labels, tpl.controllerLabels));
    if (elsewhere) {
      report({
        ...at(elsewhere.path.slice(0, -1).concat("namespaces")),
        message: `${resource.kind} "${resource.name}" runs ${describePods(pods)}, but its ${elsewhere.source} term looks only in namespaces ${elsewhere.namespaces!.map((n) => JSON.stringify(n)).join(", ")}, not "${resource.namespace}" where they run, so nothing keeps them off a single node${via}`,
        hint: `add "${resource.namespace}" to namespaces, or remove namespaces to look in the pod's own`,
      });
      return;
    }
    const first = terms[0];
    const sources = [...new Set(terms.map((t) => t.source))].join(" and ");
    report({
      ...(first.written ? {} : { target: "key" as const }),
      ...at(first.path),
      message: `${resource.kind} "${resource.name}" runs ${describePods(pods)}, but its ${sources} ${sources === "podAntiAffinity" ? "selects" : "select"} none of them: no labelSelector there matches its pods' labels${own.length ? ` (${own.join(", ")})` : ""}, so nothing keeps them off a single node${via}`,
      hint: own.length ? `make a labelSelector match the pod template's labels, e.g. matchLabels: {${Object.entries(tpl.labels).map(([k, v]) => `${k}: ${v}`)[0]}}` : "label the pod template and select those labels in the term",
    });
  },
});

/** A term that may spread the pods: an anti-affinity term (required or preferred) or a topology spread constraint. */
interface SpreadingTerm {
  /** Its labelSelector, or the term itself when it has none. */
  path: Path;
  written: boolean;
  selector: unknown;
  /** The namespaces an anti-affinity term looks in (undefined: the pod's own, or a namespaceSelector that may hold it). */
  namespaces?: readonly unknown[];
  /** mismatchLabelKeys, which exclude pods by the incoming pod's own values: not judged. */
  mismatch: boolean;
  source: "podAntiAffinity" | "topologySpreadConstraints";
}

function spreadingTerms(spec: Record<string, unknown> | undefined, specPath: Path): SpreadingTerm[] {
  const out: SpreadingTerm[] = [];
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const add = (term: unknown, path: Path, withNamespaces: boolean) => {
    const source = withNamespaces ? "podAntiAffinity" : "topologySpreadConstraints";
    if (!isMap(term)) return;
    const written = Object.hasOwn(term, "labelSelector");
    const namespaces = withNamespaces && Array.isArray(term.namespaces) && term.namespaces.length && (term.namespaceSelector === undefined || term.namespaceSelector === null) ? term.namespaces : undefined;
    out.push({ path: written ? [...path, "labelSelector"] : path, written, selector: term.labelSelector, ...(namespaces ? { namespaces } : {}), mismatch: Array.isArray(term.mismatchLabelKeys) && term.mismatchLabelKeys.length > 0, source });
  };
  const anti = isMap(spec?.affinity) && isMap(spec.affinity.podAntiAffinity) ? spec.affinity.podAntiAffinity : undefined;
  const base: Path = [...specPath, "affinity", "podAntiAffinity"];
  const required = anti?.requiredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(required)) required.forEach((t, i) => add(t, [...base, "requiredDuringSchedulingIgnoredDuringExecution", i], true));
  const preferred = anti?.preferredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(preferred)) preferred.forEach((t, i) => isMap(t) && add(t.podAffinityTerm, [...base, "preferredDuringSchedulingIgnoredDuringExecution", i, "podAffinityTerm"], true));
  const spread = spec?.topologySpreadConstraints;
  if (Array.isArray(spread)) spread.forEach((t, i) => add(t, [...specPath, "topologySpreadConstraints", i], false));
  // An anti-affinity stanza with a key the loops do not read (misspelt) is left to the schema rules;
  // an empty one (`podAntiAffinity: {}`, empty term lists) keeps nothing apart.
  const known = new Set(["requiredDuringSchedulingIgnoredDuringExecution", "preferredDuringSchedulingIgnoredDuringExecution"]);
  if (!out.length && anti && Object.keys(anti).some((k) => !known.has(k))) out.push({ path: base, written: true, selector: undefined, mismatch: true, source: "podAntiAffinity" });
  return out;
}

/**
 * Whether a term counts the workload's own pods: its labelSelector matches the template's labels
 * (controller-added keys assumed to match), in the pod's namespace. A nil labelSelector matches
 * no pod (LabelSelectorAsSelector gives labels.Nothing()); matchLabelKeys only narrow it to the
 * pod's own revision, which stays the pod's own.
 */
function selectsOwnPods(term: SpreadingTerm, namespace: string | undefined, labels: Record<string, string>, controllerLabels: ReadonlySet<string>): boolean {
  if (term.mismatch) return true;
  // A namespace left to `kubectl apply -n` (undefined) may be one the term names.
  if (term.namespaces && namespace !== undefined && !term.namespaces.includes(namespace)) return false;
  return matches(parseLabelSelector(term.selector), labels, controllerLabels);
}
