/**
 * How kustomize reads a scalar of the files a kustomization lists. kustomize parses them with
 * kyaml, on gopkg.in/yaml.v3, whose resolver follows YAML 1.2's core schema: only true and false
 * (also True, TRUE, False, FALSE) are booleans, while YAML 1.1's y, yes, on, n, no, off (and
 * their capitalised forms) are strings, which its encoder writes back quoted ("on") so that
 * YAML 1.1 readers after it keep them strings (yaml.v3 resolve.go, encode.go isOldBool).
 * `kubectl apply -k` therefore sends `value: "on"` where `kubectl apply -f` sends a boolean.
 * Integers, floats and nulls resolve alike in both, so booleans are the only difference.
 */
import type { ParsedDocument } from "../models/document.js";

/** The plain scalars YAML 1.1 reads as booleans and YAML 1.2's core schema as strings. */
const YAML11_ONLY_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/**
 * Reads a parsed document of a file a kustomization lists as kustomize does: each boolean written
 * as a YAML 1.1-only plain scalar becomes the string written, in place, noted in the document's
 * kustomizeStrings. `text` is the file's text.
 */
export function readAsKustomize(doc: ParsedDocument, text: string): void {
  const root = doc.value;
  if (root === null || typeof root !== "object") return;
  const seen = new Set<object>();
  const stack: object[] = [root];
  let anchors: Anchors | undefined;
  const anchorsOnce = () => (anchors ??= anchorsOf(text));
  while (stack.length) {
    const node = stack.pop()!;
    // Aliases share a node: each is read once.
    if (seen.has(node)) continue;
    seen.add(node);
    const spans = doc.spans.get(node);
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (value !== null && typeof value === "object") stack.push(value);
      else if (typeof value === "boolean") {
        const span = spans?.get(key);
        const written = span ? scalarText(text, span[2], span[3], anchorsOnce) : "";
        if (!YAML11_ONLY_BOOLEAN.test(written)) continue;
        (node as Record<string | number, unknown>)[key] = written;
        const strings = (doc.kustomizeStrings ??= new WeakMap());
        strings.set(node, (strings.get(node) ?? new Set()).add(key));
      }
    }
  }
}

/** The scalars anchored in a text (`&flag on`), by anchor name, in text order: found once per file, when an alias is met. */
type Anchors = Map<string, Array<{ at: number; scalar: string }>>;

function anchorsOf(text: string): Anchors {
  const anchors: Anchors = new Map();
  for (const m of text.matchAll(/&([^\s,[\]{}]+)[ \t]+([^\s,#\]}]+)/g)) {
    const list = anchors.get(m[1]) ?? [];
    list.push({ at: m.index, scalar: m[2] });
    anchors.set(m[1], list);
  }
  return anchors;
}

/**
 * The plain scalar written at [start, end): the text itself, or for an alias (`*flag`) the scalar
 * its anchor (`&flag on`) names, the last one before it, as YAML resolves anchors in order.
 */
function scalarText(text: string, start: number, end: number, anchors: () => Anchors): string {
  const written = text.slice(start, end);
  if (written[0] !== "*") return written;
  const list = anchors().get(written.slice(1)) ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i].at < start) return list[i].scalar;
  return "";
}
