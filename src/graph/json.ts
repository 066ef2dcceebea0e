/** `--format json`: the graph as data (docs/graph.md documents the shape). */
import type { Graph } from "./types.js";

export function renderJson(graph: Graph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
