/**
 * What a prometheus-operator ServiceMonitor or PodMonitor (monitoring.coreos.com/v1) scrapes, as
 * the operator turns it into a Prometheus scrape configuration (pkg/prometheus/promcfg.go):
 * Kubernetes service discovery in the namespaces of `namespaceSelector`
 * (getNamespacesFromNamespaceSelector: `any: true` is every namespace, `matchNames` those
 * namespaces, neither the monitor's own namespace), then the monitor's label selector on the
 * Services (ServiceMonitor) or pods (PodMonitor), then the endpoint's port.
 */
import { OPERATOR_KINDS } from "../../models/operators.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import { containersOf, type Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { matches, parseServiceSelector, type Requirement, type Selector } from "../../models/selector.js";
import { plausiblyMeant } from "../selectors/selection.js";

export const MONITORING_GROUP = "monitoring.coreos.com";

/** The namespaces a monitor discovers targets in; "any" for every namespace of the cluster. */
export function monitoredNamespaces(monitor: Resource): string[] | "any" {
  const sel = monitor.get(["spec", "namespaceSelector"]) as { any?: unknown; matchNames?: unknown } | undefined;
  if (sel?.any === true) return "any";
  const names = Array.isArray(sel?.matchNames) ? sel!.matchNames.filter((n): n is string => typeof n === "string" && n !== "") : [];
  return names.length ? [...new Set(names)] : [monitor.namespace];
}

/** Services by the labels of their metadata, per namespace and across namespaces, built once per run. */
interface ServiceLabels {
  /** namespace -> "key=value" -> Services. */
  byLabel: Map<string, Map<string, Resource[]>>;
  /** namespace -> label key -> Services. */
  byKey: Map<string, Map<string, Resource[]>>;
  /** "key=value" -> Services of every namespace. */
  anywhere: Map<string, Resource[]>;
  /** Namespaces where an operator of the table creates Services (their labels are not in the input). */
  derivedServices: Set<string>;
  /** Each Service's labels, with those kustomize patches of the input add (ResourceIndex.labelsWithPatches). */
  labelsOf: Map<Resource, Record<string, string>>;
}

const SERVICE_LABELS = memoKey<ServiceLabels>("Services by label");

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function serviceLabels(index: ResourceIndex): ServiceLabels {
  return index.memo.get(SERVICE_LABELS, () => {
    const out: ServiceLabels = { byLabel: new Map(), byKey: new Map(), anywhere: new Map(), derivedServices: new Set(), labelsOf: new Map() };
    for (const svc of index.ofKind("Service")) {
      const own = index.labelsWithPatches(svc);
      out.labelsOf.set(svc, own);
      let labels = out.byLabel.get(svc.namespace);
      if (!labels) out.byLabel.set(svc.namespace, (labels = new Map()));
      let keys = out.byKey.get(svc.namespace);
      if (!keys) out.byKey.set(svc.namespace, (keys = new Map()));
      for (const [k, v] of Object.entries(own)) {
        push(labels, `${k}=${v}`, svc);
        push(keys, k, svc);
        push(out.anywhere, `${k}=${v}`, svc);
      }
    }
    for (const r of index.all) {
      const entry = r.apiVersion.includes("/") ? OPERATOR_KINDS.get(r.groupKind) : undefined;
      if (entry && entry.derive(r).services?.length) out.derivedServices.add(r.namespace);
      const kubelet = r.podTemplate && kubeletServiceNamespace(r.podTemplate);
      if (kubelet) out.derivedServices.add(kubelet);
    }
    return out;
  });
}

/** prometheus-operator's flag naming the Service it keeps the kubelets' endpoints in: `--kubelet-service=<namespace>/<name>`. */
const KUBELET_SERVICE_FLAG = "--kubelet-service";

/**
 * The namespace of the Service that a prometheus-operator of the pod template creates and keeps
 * for the kubelets (its `--kubelet-service=<namespace>/<name>` argument: pkg/kubelet, the
 * operator writes the Service and its Endpoints itself), or undefined. The Service's labels are
 * the operator's, not the input's.
 */
function kubeletServiceNamespace(tpl: NonNullable<Resource["podTemplate"]>): string | undefined {
  for (const { container } of containersOf(tpl, { init: false })) {
    const words = [...(container.command ?? []), ...(container.args ?? [])];
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (typeof word !== "string" || !word.startsWith(KUBELET_SERVICE_FLAG)) continue;
      const value = word === KUBELET_SERVICE_FLAG ? words[i + 1] : word.startsWith(`${KUBELET_SERVICE_FLAG}=`) ? word.slice(KUBELET_SERVICE_FLAG.length + 1) : undefined;
      const slash = typeof value === "string" ? value.indexOf("/") : -1;
      if (slash > 0) return (value as string).slice(0, slash);
    }
  }
  return undefined;
}

/** The Services of a namespace whose labels the selector matches; candidates from the smallest bucket of an equality requirement. */
export function servicesSelectedBy(index: ResourceIndex, namespace: string, selector: Selector): Resource[] {
  if (selector.kind === "none") return [];
  const { byLabel } = serviceLabels(index);
  let candidates: readonly Resource[] | undefined;
  for (const r of selector.requirements) {
    if (r.operator !== "In" || r.values.length !== 1) continue;
    const bucket = byLabel.get(namespace)?.get(`${r.key}=${r.values[0]}`) ?? [];
    if (!candidates || bucket.length < candidates.length) candidates = bucket;
  }
  return (candidates ?? index.ofKind("Service", namespace)).filter((svc) => matches(selector, serviceLabelsOf(index, svc)));
}

/** Owners weighed for a hint: a hint costs the same in an input of any size. */
const HINT_CANDIDATES = 256;

/** Services of other namespaces that the selector would select there (from an equality requirement's bucket, at most HINT_CANDIDATES weighed). */
export function servicesSelectedElsewhere(index: ResourceIndex, namespaces: readonly string[], selector: Selector): Resource[] {
  if (selector.kind === "none") return [];
  let candidates: readonly Resource[] | undefined;
  for (const r of selector.requirements) {
    if (r.operator !== "In" || r.values.length !== 1) continue;
    const bucket = serviceLabels(index).anywhere.get(`${r.key}=${r.values[0]}`) ?? [];
    if (!candidates || bucket.length < candidates.length) candidates = bucket;
  }
  return (candidates ?? []).slice(0, HINT_CANDIDATES).filter((svc) => !namespaces.includes(svc.namespace) && matches(selector, serviceLabelsOf(index, svc)));
}

/** A Service's labels as the builds that apply the input's kustomize patches give them. */
function serviceLabelsOf(index: ResourceIndex, svc: Resource): Record<string, string> {
  return serviceLabels(index).labelsOf.get(svc) ?? svc.labels;
}

/** Whether an operator of the table creates Services in the namespace, whose labels no manifest shows. */
export function operatorMakesServicesIn(index: ResourceIndex, namespace: string): boolean {
  return serviceLabels(index).derivedServices.has(namespace);
}

/**
 * The Service of the namespace that satisfies the most `In` requirements of the selector (2 per
 * requirement satisfied, 1 per key carried with another value), among those carrying a key of it
 * whose labels it plausibly means (selectors/selection.ts plausiblyMeant).
 */
export function nearestService(index: ResourceIndex, namespace: string, selector: Selector): { service: Resource; failing: Requirement; labels: Record<string, string> } | undefined {
  if (selector.kind !== "requirements") return undefined;
  const wanted = selector.requirements.filter((r) => r.operator === "In");
  const keys = serviceLabels(index).byKey.get(namespace);
  const candidates = new Set(wanted.flatMap((r) => (keys?.get(r.key) ?? []).slice(0, 32)));
  let best: Resource | undefined;
  let bestScore = 0;
  for (const svc of candidates) {
    const labels = serviceLabelsOf(index, svc);
    if (!plausiblyMeant(wanted, labels, svc.writtenValue(["metadata", "labels"]))) continue;
    let score = 0;
    for (const r of wanted) {
      if (!Object.prototype.hasOwnProperty.call(labels, r.key)) continue;
      score += r.values.includes(labels[r.key]) ? 2 : 1;
    }
    if (score > bestScore) {
      best = svc;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  const labels = serviceLabelsOf(index, best);
  const failing = selector.requirements.find((r) => !matches({ kind: "requirements", requirements: [r] }, labels));
  return failing ? { service: best, failing, labels } : undefined;
}

/** A container port of a pod owner, with where it is written. */
export interface DeclaredPort {
  name?: string;
  containerPort?: number;
  path: (string | number)[];
}

/**
 * Every container port the owner's pods declare (init containers too: Prometheus discovers the
 * ports of every container), and those the kustomize patches of the owner add (index.patchesOf),
 * with their paths in the patch.
 */
export function declaredPorts(owner: Resource, index: ResourceIndex): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const r of [owner, ...index.patchesOf(owner)]) {
    const tpl = r.podTemplate;
    if (!tpl) continue;
    for (const { container, path } of containersOf(tpl, { init: true })) {
      (container.ports ?? []).forEach((p, i) => {
        if (p) out.push({ name: p.name, containerPort: p.containerPort, path: [...path, "ports", i] });
      });
    }
  }
  return out;
}

/** The workloads and Pods whose pods a Service selects (its endpoints). */
export function podOwnersOfService(index: ResourceIndex, svc: Resource): Resource[] {
  const spec = svc.spec("Service");
  if (!spec || spec.type === "ExternalName") return [];
  const selector = parseServiceSelector(spec.selector);
  return selector.kind === "none" ? [] : index.podOwnersSelectedBy(svc.namespace, selector, svc);
}

/** `in namespace "a"` or `in namespaces "a", "b"`. */
export function inNamespaces(namespaces: readonly string[]): string {
  return `in namespace${namespaces.length > 1 ? "s" : ""} ${namespaces.map((n) => `"${n}"`).join(", ")}`;
}
