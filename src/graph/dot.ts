/**
 * `--format dot`: Graphviz. Namespaces are clusters; a broken link is dashed, red for an error
 * and amber for a warning, with the finding's message. Input text goes into double-quoted DOT
 * strings with `"` and `\` escaped after control characters are made visible (printable), so a
 * name cannot close a string.
 */
import { printable } from "../printable.js";
import { BROKEN_COLOUR, brokenBecause, brokenSeverity, byNamespace, clip, countsText, namespaceTitle, relationText } from "./text.js";
import type { Graph, GraphNode } from "./types.js";

/** A DOT double-quoted string of input text. */
export function dotString(text: string): string {
  return `"${printable(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Lines of input text joined by DOT's centred line break. */
function lines(parts: readonly string[]): string {
  return parts.filter(Boolean).map((p) => dotString(p).slice(1, -1)).join("\\n");
}

export function renderDot(graph: Graph): string {
  const out = [
    "digraph k8s {",
    "  rankdir=LR;",
    '  graph [fontname="Helvetica", fontsize=11];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#57606a"];',
  ];
  let i = 0;
  for (const [namespace, nodes] of byNamespace(graph.nodes)) {
    out.push(`  subgraph cluster_${i++} {`, `    label=${dotString(namespaceTitle(namespace))};`, '    style="rounded"; color="#d0d7de";');
    for (const n of nodes) out.push(`    ${dotString(n.id)} [${nodeAttributes(n)}];`);
    out.push("  }");
  }
  for (const e of graph.edges) {
    const text = e.broken ? lines([`✖ ${relationText(e)}`, clip(brokenBecause(graph, e), 90)]) : lines([relationText(e)]);
    const severity = brokenSeverity(graph, [e]);
    const style = severity ? `, color="${BROKEN_COLOUR[severity]}", fontcolor="${BROKEN_COLOUR[severity]}", style=dashed, penwidth=2` : "";
    out.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label="${text}"${style}];`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}

function nodeAttributes(n: GraphNode): string {
  const title = n.external === "missing" ? `${n.kind} (not defined)` : n.external === "generated" ? `${n.kind} (generated)` : n.kind;
  const attrs = [`label="${lines([title, n.name, [countsText(n), n.qosClass ? `QoS ${n.qosClass}` : ""].filter(Boolean).join(" · ")])}"`];
  if (n.findings.error) attrs.push('fillcolor="#ffebe9"', 'color="#cf222e"');
  else if (n.findings.warning) attrs.push('fillcolor="#fff8c5"', 'color="#9a6700"');
  if (n.external) attrs.push('style="rounded,dashed"', 'fontcolor="#57606a"');
  return attrs.join(", ");
}
