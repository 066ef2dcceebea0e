/**
 * Resources and findings -> the graph. Edges are the links the cross-resource rules resolve,
 * asked of the same models and index (ingress backends, pod selection, pod references, claim
 * binding, scale targets, route references, the Services the API server calls), so the graph
 * never resolves a link differently from the lint. Broken links come from the lint's findings: a finding of a cross-resource rule is
 * placed on the link it is about (the one to its related resource, else the one whose field
 * holds the finding's field), and a finding naming a resource no link leads to adds a broken
 * link to it. A link with an error or warning on it is broken, unless the finding is about how a
 * working link behaves (BEHAVIOUR_CATEGORIES); every other finding stays on its node.
 */
import type { IndexedRun } from "../engine/collect.js";
import { allRules } from "../engine/registry.js";
import { locatedResources } from "../engine/result.js";
import { claimBindings } from "../models/binding.js";
import { backendRefsOf, GATEWAY_GROUP, GATEWAY_TYPE, parentRefsOf, refersToGateway, refersToService, ROUTE_KINDS } from "../models/gateway-refs.js";
import { ingressServiceBackends } from "../models/ingress.js";
import type { DerivedKind } from "../models/operators.js";
import { formatPath } from "../models/path.js";
import { podReferences } from "../models/pod-references.js";
import { podOwnersSelectedBy } from "../models/pod-selection.js";
import { qosOf } from "../models/pods.js";
import type { ResourceIndex } from "../models/resource-index.js";
import type { Resource } from "../models/resource.js";
import { hpaTarget } from "../models/scale-target.js";
import { webhookServiceReferences } from "../models/webhook-services.js";
import { runningPods } from "../models/workloads.js";
import type { Diagnostic, LintResult, Path, ResourceRef } from "../types.js";
import type { Graph, GraphEdge, GraphFinding, GraphNode, Relation } from "./types.js";

/** The rules that read other resources: only their findings are about links. */
const CROSS_RESOURCE_RULES: ReadonlySet<string> = new Set(allRules.filter((r) => r.meta.crossResource).map((r) => r.meta.id));

/**
 * Rule categories whose findings on a link say how a working link behaves, not that it fails: a
 * Service sending traffic to pods without a readiness probe, a binding granting too much, a
 * workload that no PodDisruptionBudget or NetworkPolicy covers, two copies of one object. They are
 * listed on the link; the link is not broken by them. The other cross-resource categories
 * (references, selection, ports, storage binding, routes, a CRD refusing its resources) report a
 * link that does not resolve or does not work as written.
 */
const BEHAVIOUR_CATEGORIES: ReadonlySet<string> = new Set(["meta", "resources", "probes", "rbac", "availability", "hygiene"]);
/** Rules of those categories whose finding is a reference that does not resolve. */
const REFERENCE_RULES: ReadonlySet<string> = new Set(["rolebinding-serviceaccount-missing", "rolebinding-role-missing"]);
const BREAKS_LINKS: ReadonlySet<string> = new Set(allRules.filter((r) => r.meta.crossResource && (!BEHAVIOUR_CATEGORIES.has(r.meta.category) || REFERENCE_RULES.has(r.meta.id))).map((r) => r.meta.id));

/** The relation of a link a finding adds (its related resource is not at the end of a resolved link). */
const RELATION_OF_RULE: Readonly<Record<string, Relation>> = {
  "service-selector-no-match": "selects",
  "pdb-selector-no-match": "protects",
  "networkpolicy-selector-no-match": "applies-to",
  "pvc-no-matching-pv": "binds-to",
  "hpa-target-missing": "scales",
};

/**
 * The relation a finding is about when its resource and its related resource are linked more than
 * once: a StatefulSet without a readiness probe is about the traffic its Service sends (selects),
 * not about the Service governing it (governed-by), though both link the two.
 */
const ABOUT_RELATION: Readonly<Record<string, Relation>> = { ...RELATION_OF_RULE, "missing-readiness-probe": "selects" };

const ROUTE_KIND_SET: ReadonlySet<string> = new Set(ROUTE_KINDS);
const DERIVED_KINDS: ReadonlySet<string> = new Set<DerivedKind>(["Service", "Secret", "ConfigMap"]);

/** `app.kubernetes.io/name`, else `app`: the labels people group an application's resources by. */
const APP_LABELS = ["app.kubernetes.io/name", "app"];

export function buildGraph(result: LintResult, run: Pick<IndexedRun, "judged" | "index" | "sourceOf">): Graph {
  const builder = new GraphBuilder(run.index, run.sourceOf, result.kubernetesVersion);
  const located = locatedResources(run.judged, run.sourceOf);
  run.judged.forEach((r, i) => {
    if (!r.partial) builder.addResource(r, located[i].line);
  });
  for (const r of run.judged) if (!r.partial) builder.addLinks(r);
  for (const file of result.files) for (const d of file.diagnostics) builder.addFinding(file.path, d);
  return builder.finish(result.kubernetesVersion);
}

class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly nodeOf = new Map<Resource, GraphNode>();
  private readonly byId = new Map<string, GraphNode>();
  /** file + identity -> node, to place findings (a Diagnostic names its resource by file and identity). */
  private readonly byLocation = new Map<string, GraphNode>();
  private readonly edges: GraphEdge[] = [];
  private readonly edgeByKey = new Map<string, GraphEdge>();
  private readonly edgesFrom = new Map<string, GraphEdge[]>();
  private readonly findings: GraphFinding[] = [];
  constructor(
    private readonly index: ResourceIndex,
    private readonly sourceOf: IndexedRun["sourceOf"],
    /** The release the lint judged: a node's QoS class is the one its pods get there. */
    private readonly kubernetesVersion: string,
  ) {}

  addResource(r: Resource, line: number, context = false): GraphNode {
    const existing = this.nodeOf.get(r);
    if (existing) return existing;
    let id = `${r.groupKind}/${r.namespace}/${r.name}`;
    if (this.byId.has(id)) id = `${id}@${r.file}`;
    for (let n = 2; this.byId.has(id); n++) id = `${r.groupKind}/${r.namespace}/${r.name}@${r.file}#${n}`;
    const qos = qosOf(r, this.index, this.kubernetesVersion);
    const app = appOf(r);
    const node: GraphNode = {
      id,
      apiVersion: r.apiVersion,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      file: r.file,
      line,
      ...(context ? { context: true as const } : {}),
      ...(qos ? { qosClass: qos.qosClass } : {}),
      ...(app !== undefined ? { app } : {}),
      findings: { error: 0, warning: 0, info: 0 },
    };
    this.nodes.push(node);
    this.nodeOf.set(r, node);
    this.byId.set(id, node);
    const where = locationKey(r.file, r.ref);
    if (!this.byLocation.has(where)) this.byLocation.set(where, node);
    return node;
  }

  /** The node of a resource at the end of a link: a resource of the context joins the graph when a link reaches it. */
  private target(r: Resource): GraphNode {
    return this.nodeOf.get(r) ?? this.addResource(r, locatedResources([r], this.sourceOf)[0].line, true);
  }

  /** A node for an object the input refers to and does not define (or that a generator makes). */
  private externalNode(type: string, kind: string, namespace: string, name: string, external: "missing" | "generated"): GraphNode {
    const id = `missing:${type}/${namespace}/${name}`;
    const existing = this.byId.get(id);
    if (existing) return existing;
    const node: GraphNode = { id, apiVersion: "", kind, namespace, name, external, findings: { error: 0, warning: 0, info: 0 } };
    this.nodes.push(node);
    this.byId.set(id, node);
    return node;
  }

  /** One edge per (from, to, relation, label); a second field making the same link adds its path. */
  private link(from: GraphNode, to: GraphNode, relation: Relation, path: Path | undefined, label?: string): GraphEdge {
    const key = `${from.id}\u0000${to.id}\u0000${relation}\u0000${label ?? ""}`;
    let edge = this.edgeByKey.get(key);
    if (!edge) {
      edge = { id: `e${this.edges.length}`, from: from.id, to: to.id, relation, ...(label ? { label } : {}), paths: [], broken: false, findings: [] };
      this.edges.push(edge);
      this.edgeByKey.set(key, edge);
      const list = this.edgesFrom.get(from.id);
      if (list) list.push(edge);
      else this.edgesFrom.set(from.id, [edge]);
    }
    if (path) {
      const p = formatPath(path);
      if (!edge.paths.includes(p)) edge.paths.push(p);
    }
    return edge;
  }

  /**
   * A reference by name: the resource nearest the referrer (index.find), else for a Service,
   * Secret or ConfigMap the custom resource an operator makes it from or the kustomization
   * generator that makes it, else a missing object.
   */
  private refer(from: Resource, type: string, kind: string, namespace: string, name: string, relation: Relation, path: Path, label?: string): void {
    const source = this.nodeOf.get(from)!;
    const found = this.index.find(type, namespace, name, from) ?? (DERIVED_KINDS.has(type) ? this.index.producerOf(type as DerivedKind, namespace, name) : undefined);
    if (found) {
      this.link(source, this.target(found), relation, path, label);
      return;
    }
    const generated = DERIVED_KINDS.has(type) && this.index.generatedObject(type, namespace, name) !== undefined;
    this.link(source, this.externalNode(type, kind, namespace, name, generated ? "generated" : "missing"), relation, path, label);
  }

  private selects(from: Resource, relation: Relation, path: Path): void {
    const source = this.nodeOf.get(from)!;
    for (const owner of podOwnersSelectedBy(from, this.index)) if (owner !== from) this.link(source, this.target(owner), relation, path);
  }

  addLinks(r: Resource): void {
    const ns = r.namespace;
    const tpl = runningPods(r);
    if (tpl) {
      for (const ref of podReferences(tpl)) this.refer(r, ref.kind, ref.kind, ns, ref.name, "uses", ref.path.slice(0, -1), ref.via);
      (tpl.spec.volumes ?? []).forEach((v, i) => {
        const claim = v?.persistentVolumeClaim?.claimName;
        if (typeof claim === "string" && claim) this.refer(r, "PersistentVolumeClaim", "PersistentVolumeClaim", ns, claim, "mounts", [...tpl.specPath, "volumes", i, "persistentVolumeClaim"]);
      });
      const field = tpl.spec.serviceAccountName ? "serviceAccountName" : "serviceAccount";
      const account = tpl.spec[field];
      // Every namespace has a "default" ServiceAccount: drawn only when the input defines it.
      if (typeof account === "string" && account && (account !== "default" || this.index.find("ServiceAccount", ns, account))) {
        this.refer(r, "ServiceAccount", "ServiceAccount", ns, account, "runs-as", [...tpl.specPath, field]);
      }
    }
    // ruleKind: a custom resource named like a built-in kind (example.com/v1 Service) is not read as one.
    switch (r.ruleKind) {
      case "Service":
        this.selects(r, "selects", ["spec", "selector"]);
        break;
      case "PodDisruptionBudget":
        this.selects(r, "protects", ["spec", "selector"]);
        break;
      case "NetworkPolicy":
        this.selects(r, "applies-to", ["spec", "podSelector"]);
        break;
      case "Ingress":
        for (const b of ingressServiceBackends(r)) {
          const port = b.port ? ("number" in b.port ? `port ${b.port.number}` : `port ${b.port.name}`) : undefined;
          this.refer(r, "Service", "Service", ns, b.name, "routes-to", b.namePath.slice(0, -1), port);
        }
        break;
      case "StatefulSet": {
        const name = r.spec("StatefulSet")?.serviceName;
        if (typeof name === "string" && name.trim()) this.refer(r, "Service", "Service", ns, name, "governed-by", ["spec", "serviceName"]);
        break;
      }
      case "HorizontalPodAutoscaler": {
        const target = hpaTarget(r, this.index);
        if (!target) break;
        if (target.resource) this.link(this.nodeOf.get(r)!, this.target(target.resource), "scales", ["spec", "scaleTargetRef"]);
        else this.link(this.nodeOf.get(r)!, this.externalNode(target.kind, target.kind, ns, target.name, "missing"), "scales", ["spec", "scaleTargetRef"]);
        break;
      }
      case "PersistentVolumeClaim": {
        const b = claimBindings(this.index).get(r);
        if (b?.state === "bound" || b?.state === "pinned-mismatch") this.link(this.nodeOf.get(r)!, this.target(b.volume), "binds-to", ["spec"]);
        else if (b?.state === "dynamic") this.link(this.nodeOf.get(r)!, this.target(b.storageClass), "provisioned-by", ["spec", "storageClassName"]);
        break;
      }
    }
    for (const ref of webhookServiceReferences(r)) this.refer(r, "Service", "Service", ref.namespace, ref.name, "calls", ref.path, `port ${ref.port}`);
    if (ROUTE_KIND_SET.has(r.kind) && r.group === GATEWAY_GROUP) {
      for (const ref of parentRefsOf(r)) if (refersToGateway(ref)) this.refer(r, GATEWAY_TYPE, "Gateway", ref.namespace, ref.name, "attaches-to", ref.path);
      for (const ref of backendRefsOf(r)) {
        if (refersToService(ref)) this.refer(r, "Service", "Service", ref.namespace, ref.name, "routes-to", ref.path, ref.port !== undefined ? `port ${ref.port}` : undefined);
      }
    }
  }

  addFinding(file: string, d: Diagnostic): void {
    const node = d.resource.kind ? this.byLocation.get(locationKey(file, d.resource)) : undefined;
    const related = d.related ? this.byLocation.get(locationKey(d.related.file, d.related.resource)) : undefined;
    const finding: GraphFinding = {
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
      file,
      line: d.line,
      column: d.column,
      path: d.path,
      ...(node ? { node: node.id } : {}),
      ...(d.related ? { related: { ...(related ? { node: related.id } : {}), file: d.related.file, line: d.related.line, ...(d.related.message !== undefined ? { message: d.related.message } : {}) } } : {}),
    };
    const at = this.findings.push(finding) - 1;
    if (node) node.findings[d.severity]++;
    if (!node || !CROSS_RESOURCE_RULES.has(d.ruleId)) return;
    const edge = this.edgeFor(node, related, d) ?? (related && related !== node ? this.link(node, related, RELATION_OF_RULE[d.ruleId] ?? "related", undefined) : undefined);
    if (!edge) return;
    finding.edge = edge.id;
    edge.findings.push(at);
    if (d.severity !== "info" && BREAKS_LINKS.has(d.ruleId)) edge.broken = true;
  }

  /**
   * The link a finding is about: one between its resource and its related resource (of the
   * relation its rule is about, whose field holds the finding's field first), else the link whose field is the longest that holds it.
   */
  private edgeFor(node: GraphNode, related: GraphNode | undefined, d: Diagnostic): GraphEdge | undefined {
    const from = this.edgesFrom.get(node.id) ?? [];
    const holds = (e: GraphEdge) => Math.max(-1, ...e.paths.map((p) => (within(d.path, p) ? p.length : -1)));
    if (related) {
      const between = [...from.filter((e) => e.to === related.id), ...(this.edgesFrom.get(related.id) ?? []).filter((e) => e.to === node.id)];
      const about = between.filter((e) => e.relation === ABOUT_RELATION[d.ruleId]);
      const candidates = about.length ? about : between;
      if (candidates.length) return candidates.reduce((best, e) => (holds(e) > holds(best) ? e : best));
    }
    let best: GraphEdge | undefined;
    let bestLength = -1;
    for (const e of from) {
      const length = holds(e);
      if (length > bestLength) [best, bestLength] = [e, length];
    }
    return best;
  }

  finish(kubernetesVersion: string): Graph {
    const count = (s: GraphFinding["severity"]) => this.findings.filter((f) => f.severity === s).length;
    return {
      version: 1,
      kubernetesVersion,
      nodes: this.nodes,
      edges: this.edges,
      findings: this.findings,
      summary: {
        resources: this.nodes.filter((n) => !n.external).length,
        edges: this.edges.length,
        brokenEdges: this.edges.filter((e) => e.broken).length,
        errors: count("error"),
        warnings: count("warning"),
        infos: count("info"),
      },
    };
  }
}

/** Whether field `path` is `holder` or inside it (`a.b[0].c` is inside `a.b[0]` and `a.b`). */
function within(path: string, holder: string): boolean {
  return path === holder || path.startsWith(`${holder}.`) || path.startsWith(`${holder}[`);
}

function locationKey(file: string, ref: ResourceRef): string {
  return `${file}\u0000${ref.apiVersion}\u0000${ref.kind}\u0000${ref.namespace}\u0000${ref.name}`;
}

function appOf(r: Resource): string | undefined {
  const tpl = r.podTemplate;
  for (const key of APP_LABELS) {
    const v = r.labels[key] ?? tpl?.labels[key];
    if (typeof v === "string" && v) return v;
  }
  return undefined;
}
