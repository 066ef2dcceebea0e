/**
 * What GitOps controllers of the input put in namespaces when they sync. The namespaces they
 * create, which a cluster therefore has though no Namespace object of the input defines them:
 * - an Argo CD Application (argoproj.io) whose spec.syncPolicy.syncOptions holds
 *   `CreateNamespace=true` creates its spec.destination.namespace (Argo CD's sync options,
 *   "Create Namespace"; gitops-engine's sync, CreateNamespace), and an ApplicationSet creates the
 *   one its template names the same way, when written without template syntax;
 * - a Flux HelmRelease (helm.toolkit.fluxcd.io) with spec.install.createNamespace: true creates
 *   the namespace of its release: spec.targetNamespace, else its own
 *   (helm-controller's HelmReleaseSpec, Install.CreateNamespace).
 */
import type { ResourceIndex } from "./resource-index.js";
import type { Resource } from "./resource.js";
import { memoKey } from "./run-memo.js";

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isMap(o) ? o[k] : undefined), v);
/** A namespace as a name (a DNS-1123 label), not an ApplicationSet's `{{namespace}}`. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const CREATED = memoKey<ReadonlySet<string>>("namespaces GitOps controllers of the input create");
const CHARTS = memoKey<ReadonlyMap<string, Resource>>("namespaces GitOps controllers of the input install Helm charts into");

/**
 * The namespaces of the cluster itself, which its installer fills (kube-system's DNS, proxy,
 * metrics-server, dashboard, and kubeadm's control-plane static pods): an input that puts some
 * objects there is never their only source.
 */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(["kube-system", "kube-public", "kube-node-lease"]);

/** Whether an Argo CD Application spec creates its destination namespace, and which. */
function argoCdCreates(spec: unknown): string | undefined {
  const options = at(spec, "syncPolicy", "syncOptions");
  const namespace = at(spec, "destination", "namespace");
  if (!Array.isArray(options) || !options.some((o) => typeof o === "string" && o.replace(/\s+/g, "") === "CreateNamespace=true")) return undefined;
  return typeof namespace === "string" && NAMESPACE.test(namespace) ? namespace : undefined;
}

export function namespacesCreatedByControllers(index: ResourceIndex): ReadonlySet<string> {
  return index.memo.get(CREATED, () => {
    const out = new Set<string>();
    for (const app of index.ofKind("Application.argoproj.io")) {
      const ns = argoCdCreates(app.raw.spec);
      if (ns) out.add(ns);
    }
    for (const set of index.ofKind("ApplicationSet.argoproj.io")) {
      const ns = argoCdCreates(at(set.raw.spec, "template", "spec"));
      if (ns) out.add(ns);
    }
    for (const release of index.ofKind("HelmRelease.helm.toolkit.fluxcd.io")) {
      if (at(release.raw.spec, "install", "createNamespace") !== true) continue;
      const target = at(release.raw.spec, "targetNamespace");
      const ns = typeof target === "string" && target !== "" ? target : release.namespace;
      if (NAMESPACE.test(ns)) out.add(ns);
    }
    return out;
  });
}

/** Whether an Argo CD Application spec installs a Helm chart (a source with `chart` or `helm`), and into which namespace. */
function argoCdChartNamespace(spec: unknown): string | undefined {
  const sources = [at(spec, "source"), ...(Array.isArray(at(spec, "sources")) ? (at(spec, "sources") as unknown[]) : [])];
  if (!sources.some((s) => isMap(s) && (typeof s.chart === "string" || isMap(s.helm)))) return undefined;
  const namespace = at(spec, "destination", "namespace");
  return typeof namespace === "string" && NAMESPACE.test(namespace) ? namespace : undefined;
}

/**
 * The namespaces into which a GitOps controller of the input installs a Helm chart, each with the
 * first object that installs one there: an Argo CD Application's (or ApplicationSet template's)
 * destination namespace when a source is a chart (`chart`, or `helm` parameters of a chart in a
 * repository), a Flux HelmRelease's target namespace, else its own. The chart is rendered in the
 * cluster, so the objects it creates there (its ServiceAccounts, Secrets, Services, pods) are not
 * in the input.
 */
export function namespacesWithCharts(index: ResourceIndex): ReadonlyMap<string, Resource> {
  return index.memo.get(CHARTS, () => {
    const out = new Map<string, Resource>();
    const add = (ns: string | undefined, by: Resource) => {
      if (ns && NAMESPACE.test(ns) && !out.has(ns)) out.set(ns, by);
    };
    for (const app of index.ofKind("Application.argoproj.io")) add(argoCdChartNamespace(app.raw.spec), app);
    for (const set of index.ofKind("ApplicationSet.argoproj.io")) add(argoCdChartNamespace(at(set.raw.spec, "template", "spec")), set);
    for (const release of index.ofKind("HelmRelease.helm.toolkit.fluxcd.io")) {
      const target = at(release.raw.spec, "targetNamespace");
      add(typeof target === "string" && target !== "" ? target : release.namespace, release);
    }
    return out;
  });
}
