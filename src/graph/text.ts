/** Words the renderers share: how a node, an edge and a namespace are named. */
import type { Graph, GraphEdge, GraphNode } from "./types.js";

/** `default`, or `cluster-scoped` for the objects without a namespace. */
export function namespaceTitle(namespace: string): string {
  return namespace ? `namespace ${namespace}` : "cluster-scoped";
}

/** `3 errors, 1 warning`; "" without findings. */
export function countsText(n: Pick<GraphNode, "findings">): string {
  const parts: string[] = [];
  for (const [sev, word] of [["error", "error"], ["warning", "warning"], ["info", "info"]] as const) {
    const c = n.findings[sev];
    if (c) parts.push(`${c} ${word}${c === 1 || sev === "info" ? "" : "s"}`);
  }
  return parts.join(", ");
}

/** The edge's words: `routes-to port 8080`. */
export function relationText(e: GraphEdge): string {
  return e.label ? `${e.relation} ${e.label}` : e.relation;
}

/** The first error or warning message placed on an edge, for labels; "" for a sound link. */
export function brokenBecause(graph: Graph, e: GraphEdge): string {
  const f = e.findings.map((i) => graph.findings[i]).find((x) => x.severity !== "info");
  return f ? f.message : "";
}

/** How bad a broken link is: an error when a finding about it is one, else a warning. */
export type BrokenSeverity = "error" | "warning";

/** The colour of a broken link, and of its label, by severity (the node colours' strokes). */
export const BROKEN_COLOUR: Readonly<Record<BrokenSeverity, string>> = { error: "#cf222e", warning: "#9a6700" };

/** The severity of a broken link, or of several drawn as one: the worst finding placed on them; undefined when none is broken. */
export function brokenSeverity(graph: Graph, edges: readonly GraphEdge[]): BrokenSeverity | undefined {
  let worst: BrokenSeverity | undefined;
  for (const e of edges) {
    if (!e.broken) continue;
    if (e.findings.some((i) => graph.findings[i].severity === "error")) return "error";
    worst = "warning";
  }
  return worst;
}

/** At most `max` characters, an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The namespaces of the graph in first-seen order, each with its nodes. */
export function byNamespace(nodes: readonly GraphNode[]): Map<string, GraphNode[]> {
  const out = new Map<string, GraphNode[]>();
  for (const n of nodes) {
    const list = out.get(n.namespace);
    if (list) list.push(n);
    else out.set(n.namespace, [n]);
  }
  return out;
}

/** A cluster of a large graph: the resources of one application (app label) in one namespace, else of one kind there; or the whole namespace. */
export function clusterOf(n: GraphNode, level: "app" | "namespace" = "app"): string {
  if (level === "namespace") return `${n.namespace}\u0000${namespaceTitle(n.namespace)}`;
  return `${n.namespace}\u0000${n.app !== undefined ? `app ${n.app}` : n.kind}`;
}

export interface Collapsed {
  /** Node id -> the id of what stands for it (itself, or its cluster's). */
  unitOf: Map<string, string>;
  units: Array<{ id: string; namespace: string; title: string; members: GraphNode[]; brokenInside: number }>;
  /** Unit edges: from, to, how many links, how many broken and how badly, the first broken message. */
  edges: Array<{ from: string; to: string; count: number; broken: number; severity?: BrokenSeverity; because: string; relation: string }>;
}

/**
 * The graph with each cluster of more than one resource drawn as one node (text renderers
 * beyond their threshold): applications of a namespace, or whole namespaces when there are more
 * than `limit` applications. Links between clusters are summed, broken ones inside counted.
 */
export function collapse(graph: Graph, limit = Infinity): Collapsed {
  const apps = new Set(graph.nodes.map((n) => clusterOf(n)));
  const level = apps.size > limit ? "namespace" : "app";
  const groups = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const key = clusterOf(n, level);
    const list = groups.get(key);
    if (list) list.push(n);
    else groups.set(key, [n]);
  }
  const unitOf = new Map<string, string>();
  const units: Collapsed["units"] = [];
  for (const [key, members] of groups) {
    const id = members.length === 1 ? members[0].id : `cluster:${key}`;
    const label = key.slice(key.indexOf("\u0000") + 1);
    units.push({ id, namespace: members[0].namespace, title: members.length === 1 ? `${members[0].kind} ${members[0].name}` : `${label} (${members.length} resources)`, members, brokenInside: 0 });
    for (const m of members) unitOf.set(m.id, id);
  }
  const edges = new Map<string, Collapsed["edges"][number]>();
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const e of graph.edges) {
    const from = unitOf.get(e.from)!;
    const to = unitOf.get(e.to)!;
    if (from === to) {
      if (e.broken) unitById.get(from)!.brokenInside++;
      continue;
    }
    const key = `${from}\u0000${to}`;
    let u = edges.get(key);
    if (!u) edges.set(key, (u = { from, to, count: 0, broken: 0, because: "", relation: e.relation }));
    u.count++;
    if (e.broken) {
      u.broken++;
      u.because ||= brokenBecause(graph, e);
      if (u.severity !== "error") u.severity = brokenSeverity(graph, [e]);
    }
  }
  return { unitOf, units, edges: [...edges.values()] };
}
