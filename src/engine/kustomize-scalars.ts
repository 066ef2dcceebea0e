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
 * as a YAML 1.1-only plain scalar becomes the string written, in place. `text` is the file's text.
 */
export function readAsKustomize(doc: ParsedDocument, text: string): void {
  const root = doc.value;
  if (root === null || typeof root !== "object") return;
  const seen = new Set<object>();
  const stack: object[] = [root];
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
        const written = span ? text.slice(span[2], span[3]) : "";
        if (YAML11_ONLY_BOOLEAN.test(written)) (node as Record<string | number, unknown>)[key] = written;
      }
    }
  }
}
