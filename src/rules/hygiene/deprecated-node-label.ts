import type { Resource } from "../../models/resource.js";
import { compareVersions } from "../schema/api-changes.js";
import { defineRule, type Finding } from "../types.js";
import type { Path } from "../../types.js";

/** A node label the API server warns about when a selector names it (pkg/api/node/util.go deprecatedNodeLabels). */
interface DeprecatedNodeLabel {
  /** Since when the label is deprecated; a selector is reported from this release on. */
  since: string;
  /** The label nodes carry with the same value in its place: the key is renamed by --fix. */
  replacement?: string;
  /** What to write instead when no label replaces it one for one. */
  instead?: string;
  /** The release from which the usual installer no longer sets the label on nodes, and which one. */
  goneFrom?: { release: string; by: string };
}

const DEPRECATED_NODE_LABELS: Readonly<Record<string, DeprecatedNodeLabel>> = {
  "beta.kubernetes.io/arch": { since: "1.14", replacement: "kubernetes.io/arch" },
  "beta.kubernetes.io/os": { since: "1.14", replacement: "kubernetes.io/os" },
  "failure-domain.beta.kubernetes.io/region": { since: "1.17", replacement: "topology.kubernetes.io/region" },
  "failure-domain.beta.kubernetes.io/zone": { since: "1.17", replacement: "topology.kubernetes.io/zone" },
  "beta.kubernetes.io/instance-type": { since: "1.17", replacement: "node.kubernetes.io/instance-type" },
  "app.kubernetes.io/created-by": { since: "1.9", instead: "a label your nodes carry" },
  "scheduler.alpha.kubernetes.io/preferAvoidPods": { since: "1.22", instead: "taints on the nodes and tolerations on the pods" },
  // kubeadm (KEP-2067): the control-plane label from 1.20, the master label no longer set from 1.24 (kubernetes/kubernetes#107533).
  "node-role.kubernetes.io/master": {
    since: "1.20",
    instead: `the label "node-role.kubernetes.io/control-plane"`,
    goneFrom: { release: "1.24", by: "kubeadm" },
  },
};

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The deprecated label `key` names at this release, if any. */
function deprecatedAt(key: unknown, release: string): DeprecatedNodeLabel | undefined {
  if (typeof key !== "string" || !Object.hasOwn(DEPRECATED_NODE_LABELS, key)) return undefined;
  const label = DEPRECATED_NODE_LABELS[key];
  return compareVersions(release, label.since) >= 0 ? label : undefined;
}

function finding(key: string, label: DeprecatedNodeLabel, release: string, path: Path, target: "key" | "value"): Finding {
  const gone =
    label.goneFrom && compareVersions(release, label.goneFrom.release) >= 0
      ? `; ${label.goneFrom.by} no longer sets it on nodes from Kubernetes ${label.goneFrom.release}, so it may select no node`
      : "";
  return {
    path,
    target,
    message: `the node label "${key}" is deprecated since Kubernetes ${label.since}${gone}`,
    hint: label.replacement ? `use "${label.replacement}" instead: nodes carry it with the same value` : `use ${label.instead} instead`,
  };
}

/** A label map of a node selector (a pod's nodeSelector, matchLabels): keys renamed, or dropped beside their replacement of the same value. */
function labelMapFindings(map: unknown, at: Path, release: string): Finding[] {
  if (!isMap(map)) return [];
  return Object.keys(map).flatMap((key) => {
    const label = deprecatedAt(key, release);
    if (!label) return [];
    const f = finding(key, label, release, [...at, key], "key");
    const to = label.replacement;
    if (to && !Object.hasOwn(map, to)) f.fix = [{ op: "rename", path: [...at, key], key: to }];
    else if (to && map[to] === map[key]) f.fix = [{ op: "remove", path: [...at, key] }];
    return [f];
  });
}

/** The `key` fields of a list of label requirements (matchExpressions, matchLabelExpressions). */
function requirementFindings(list: unknown, at: Path, release: string, skip?: string): Finding[] {
  return items(list).flatMap((req, i) => {
    const key = isMap(req) ? req.key : undefined;
    const label = key === skip ? undefined : deprecatedAt(key, release);
    if (!label || typeof key !== "string") return [];
    const f = finding(key, label, release, [...at, i, "key"], "value");
    if (label.replacement) f.fix = [{ op: "set", path: [...at, i, "key"], value: label.replacement }];
    return [f];
  });
}

/** Node selector terms look at their matchExpressions only: matchFields name node fields, not labels. */
const termFindings = (term: unknown, at: Path, release: string, skip?: string): Finding[] =>
  isMap(term) ? requirementFindings(term.matchExpressions, [...at, "matchExpressions"], release, skip) : [];

const MASTER = "node-role.kubernetes.io/master";
const CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

/** Whether a term of the list requires the control-plane label: node selector terms are ORed, so a term on the master label beside it is a fallback for older clusters, not a selector that may match nothing. */
const controlPlaneTerm = (terms: unknown[]): boolean =>
  terms.some((term) => isMap(term) && items(term.matchExpressions).some((req) => isMap(req) && req.key === CONTROL_PLANE));

/** The findings of ORed node selector terms; the master label is left alone where another term names control-plane. */
function termsFindings(terms: unknown[], at: (i: number) => Path, release: string, termOf: (t: unknown) => unknown = (t) => t): Finding[] {
  const skip = controlPlaneTerm(terms.map(termOf)) ? MASTER : undefined;
  return terms.flatMap((t, i) => termFindings(termOf(t), at(i), release, skip));
}

/** pkg/api/pod/warnings.go warningsForPodSpecAndMeta: nodeSelector, node affinity terms, topology spread keys. */
function podSpecFindings(spec: Obj, at: Path, release: string): Finding[] {
  const out = labelMapFindings(spec.nodeSelector, [...at, "nodeSelector"], release);
  const nodeAffinity = isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (isMap(required)) {
    const termsAt = [...at, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"];
    out.push(...termsFindings(items(required.nodeSelectorTerms), (i) => [...termsAt, i], release));
  }
  const preferredAt = [...at, "affinity", "nodeAffinity", "preferredDuringSchedulingIgnoredDuringExecution"];
  out.push(...termsFindings(items(nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution), (i) => [...preferredAt, i, "preference"], release, (p) => (isMap(p) ? p.preference : undefined)));
  items(spec.topologySpreadConstraints).forEach((c, i) => {
    const key = isMap(c) ? c.topologyKey : undefined;
    const label = deprecatedAt(key, release);
    if (!label || typeof key !== "string") return;
    const path = [...at, "topologySpreadConstraints", i, "topologyKey"];
    const f = finding(key, label, release, path, "value");
    if (label.replacement) f.fix = [{ op: "set", path, value: label.replacement }];
    out.push(f);
  });
  return out;
}

/** The other kinds the API server warns for: GetWarningsForPersistentVolume, GetWarningsForRuntimeClass, GetWarningsForStorageClass, GetWarningsForCSIStorageCapacity. */
function objectFindings(resource: Resource, release: string): Finding[] {
  switch (resource.kind) {
    case "PersistentVolume": {
      const at = ["spec", "nodeAffinity", "required", "nodeSelectorTerms"];
      return items(resource.get(at)).flatMap((term, i) => termFindings(term, [...at, i], release));
    }
    case "RuntimeClass":
      return labelMapFindings(resource.get(["scheduling", "nodeSelector"]), ["scheduling", "nodeSelector"], release);
    case "StorageClass":
      return items(resource.get(["allowedTopologies"])).flatMap((t, i) =>
        isMap(t) ? requirementFindings(t.matchLabelExpressions, ["allowedTopologies", i, "matchLabelExpressions"], release) : [],
      );
    case "CSIStorageCapacity":
      return [
        ...labelMapFindings(resource.get(["nodeTopology", "matchLabels"]), ["nodeTopology", "matchLabels"], release),
        ...requirementFindings(resource.get(["nodeTopology", "matchExpressions"]), ["nodeTopology", "matchExpressions"], release),
      ];
    default:
      return [];
  }
}

export const rule = defineRule({
  id: "deprecated-node-label",
  category: "hygiene",
  severity: "warning",
  fixable: true,
  appliesTo: ["pod-templates", "PersistentVolume", "RuntimeClass", "StorageClass", "CSIStorageCapacity"],
  summary: "A node selector, node affinity or topology key names a deprecated node label.",
  explanation: `Some labels of nodes were renamed when they became stable: beta.kubernetes.io/os and
beta.kubernetes.io/arch became kubernetes.io/os and kubernetes.io/arch (1.14);
failure-domain.beta.kubernetes.io/zone and /region became topology.kubernetes.io/zone and
/region, and beta.kubernetes.io/instance-type became node.kubernetes.io/instance-type (1.17).
The API server answers every object that selects nodes by an old name with a warning: a pod's
nodeSelector, the keys of its required and preferred node affinity terms and its
topologySpreadConstraints' topologyKey (pod affinity is not looked at), a PersistentVolume's
node affinity, a RuntimeClass's scheduling.nodeSelector, a StorageClass's allowedTopologies and a
CSIStorageCapacity's nodeTopology (pkg/api/pod/warnings.go, pkg/api/node/util.go
deprecatedNodeLabels, pkg/api/persistentvolume, pkg/api/storage). Nodes still carry the old
names: the node lifecycle controller copies kubernetes.io/os and /arch to the beta names
(pkg/controller/nodelifecycle labelReconcileInfo), and the cloud node controller writes the zone,
region and instance type under both names, so such a selector still matches today; the new name is the one to write, and --fix renames the key (a key beside its
new name of the same value is removed). The warning also covers node-role.kubernetes.io/master,
which kubeadm replaced by node-role.kubernetes.io/control-plane in 1.20 and no longer sets on its
nodes from 1.24 (a selector on it then matches no kubeadm node),
scheduler.alpha.kubernetes.io/preferAvoidPods (taints and tolerations replaced it) and
app.kubernetes.io/created-by; these have no one-for-one replacement and no --fix.`,
  fix: "Write the label's new name (kubernetes.io/os, kubernetes.io/arch, topology.kubernetes.io/zone, topology.kubernetes.io/region, node.kubernetes.io/instance-type, node-role.kubernetes.io/control-plane).",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const release = settings.kubernetesVersion;
    const tpl = resource.podTemplate;
    const spec = tpl ? resource.get(tpl.specPath) : undefined;
    const found = tpl && isMap(spec) ? podSpecFindings(spec, tpl.specPath, release) : objectFindings(resource, release);
    for (const f of found) report(f);
  },
});
