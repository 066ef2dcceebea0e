/**
 * `--format mermaid`: a flowchart that GitHub renders in markdown (and the Action in the job
 * summary). Text from the manifests goes into quoted labels with every character that means
 * something to Mermaid or HTML written as an entity code (`#quot;`), after the control characters
 * are made visible (printable): a name cannot end a label, start a directive or inject markup.
 * Beyond `collapseAbove` nodes each application (app label) or kind of a namespace is one node,
 * or each namespace when the applications are still more than that.
 */
import { printable } from "../printable.js";
import { BROKEN_COLOUR, brokenBecause, brokenSeverity, byNamespace, clip, collapse, countsText, namespaceTitle, relationText, type BrokenSeverity } from "./text.js";
import type { Graph, GraphNode } from "./types.js";

export const MERMAID_COLLAPSE_ABOVE = 100;

/** A quoted Mermaid label of input text: entity codes for the characters Mermaid or HTML read. */
export function mermaidText(text: string): string {
  return printable(text).replace(/[^\w .,:;/=()+*@'-]/gu, (c) => `#${c.codePointAt(0)};`);
}

/** Lines joined by a line break inside a label; each line is input text. */
function label(lines: readonly string[]): string {
  return `"${lines.filter(Boolean).map(mermaidText).join("<br/>")}"`;
}

export function renderMermaid(graph: Graph, options: { collapseAbove?: number } = {}): string {
  const limit = options.collapseAbove ?? MERMAID_COLLAPSE_ABOVE;
  return graph.nodes.length > limit ? collapsedChart(graph, limit) : fullChart(graph);
}

function fullChart(graph: Graph): string {
  const out = ["flowchart LR"];
  const short = new Map<string, string>(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  let ns = 0;
  for (const [namespace, nodes] of byNamespace(graph.nodes)) {
    out.push(`  subgraph ns${ns++}[${label([namespaceTitle(namespace)])}]`);
    for (const n of nodes) out.push(`    ${short.get(n.id)}[${label(nodeLines(n))}]`);
    out.push("  end");
  }
  const broken: Array<BrokenSeverity | undefined> = [];
  graph.edges.forEach((e, i) => {
    const because = brokenBecause(graph, e);
    broken[i] = brokenSeverity(graph, [e]);
    const text = e.broken ? [`✖ ${relationText(e)}`, clip(because, 90)] : [relationText(e)];
    out.push(`  ${short.get(e.from)} ${e.broken ? "-.->" : "-->"}|${label(text)}| ${short.get(e.to)}`);
  });
  out.push(...styles(graph.nodes, short));
  out.push(...linkStyles(broken));
  return `${out.join("\n")}\n`;
}

/** The linkStyle lines that draw each broken link (by its index) in the colour of its severity. */
function linkStyles(severities: ReadonlyArray<BrokenSeverity | undefined>): string[] {
  const out: string[] = [];
  for (const severity of ["error", "warning"] as const) {
    const links = severities.flatMap((s, i) => (s === severity ? [i] : []));
    if (links.length) out.push(`  linkStyle ${links.join(",")} stroke:${BROKEN_COLOUR[severity]},stroke-width:2px,color:${BROKEN_COLOUR[severity]}`);
  }
  return out;
}

function nodeLines(n: GraphNode): string[] {
  return [
    n.external === "missing" ? `${n.kind} (not defined)` : n.external === "generated" ? `${n.kind} (generated)` : n.kind,
    n.name,
    [countsText(n), n.qosClass ? `QoS ${n.qosClass}` : ""].filter(Boolean).join(" · "),
  ];
}

function styles(nodes: readonly GraphNode[], short: ReadonlyMap<string, string>): string[] {
  const of = (pick: (n: GraphNode) => boolean) => nodes.filter(pick).map((n) => short.get(n.id)!);
  const out = [
    "  classDef error fill:#ffebe9,stroke:#cf222e,color:#1f2328",
    "  classDef warning fill:#fff8c5,stroke:#9a6700,color:#1f2328",
    "  classDef missing fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:4 3,color:#57606a",
  ];
  const errors = of((n) => n.findings.error > 0);
  const warnings = of((n) => n.findings.error === 0 && n.findings.warning > 0);
  const missing = of((n) => n.external !== undefined);
  if (errors.length) out.push(`  class ${errors.join(",")} error`);
  if (warnings.length) out.push(`  class ${warnings.join(",")} warning`);
  if (missing.length) out.push(`  class ${missing.join(",")} missing`);
  return out;
}

function collapsedChart(graph: Graph, limit: number): string {
  const { units, edges } = collapse(graph, limit);
  const out = ["flowchart LR"];
  const short = new Map<string, string>(units.map((u, i) => [u.id, `c${i}`]));
  const byNs = new Map<string, typeof units>();
  for (const u of units) byNs.set(u.namespace, [...(byNs.get(u.namespace) ?? []), u]);
  let ns = 0;
  for (const [namespace, list] of byNs) {
    out.push(`  subgraph ns${ns++}[${label([namespaceTitle(namespace)])}]`);
    for (const u of list) {
      const findings = { error: 0, warning: 0, info: 0 };
      for (const m of u.members) for (const sev of ["error", "warning", "info"] as const) findings[sev] += m.findings[sev];
      const inside = u.brokenInside ? `✖ ${u.brokenInside} broken link${u.brokenInside === 1 ? "" : "s"} inside` : "";
      out.push(`    ${short.get(u.id)}[${label([u.title, countsText({ findings }), inside])}]`);
    }
    out.push("  end");
  }
  edges.forEach((e) => {
    const text = e.broken ? [`✖ ${e.broken} of ${e.count} broken`, clip(e.because, 90)] : [e.count > 1 ? `${e.count} links` : e.relation];
    out.push(`  ${short.get(e.from)} ${e.broken ? "-.->" : "-->"}|${label(text)}| ${short.get(e.to)}`);
  });
  out.push(...linkStyles(edges.map((e) => e.severity)));
  return `${out.join("\n")}\n`;
}
