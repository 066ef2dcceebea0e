/**
 * Two objects glued into one document: a `---` line left out between them repeats the
 * top-level `apiVersion` and `kind` (and usually `metadata`). Each repeated key would be its own
 * "appears twice" error whose fix (remove one) is wrong; one error at the second object's start
 * says what happened, and the document, which holds two objects, is not read further.
 */
import { isMap, isScalar } from "yaml";
import type { Node as YamlNode, YAMLMap } from "yaml";
import type { SyntaxProblem } from "../models/document.js";

/** Top-level keys that start an object: their repetition means another object, not a typo. */
const TYPE_META = new Set(["apiVersion", "kind"]);

/**
 * Replaces the repeated-key problems of a block mapping at the top of a document that repeats
 * `apiVersion` or `kind` and another key with one fatal problem at the first repeated key; `problems` is
 * changed in place. Flow mappings (JSON) have no `---` to miss and are left alone.
 */
export function reportGluedObjects(root: YamlNode | null | undefined, problems: SyntaxProblem[]): void {
  if (!isMap(root) || (root as YAMLMap).flow) return;
  const seen = new Set<unknown>();
  const repeated: Array<{ name: string; at: number }> = [];
  for (const pair of (root as YAMLMap<unknown, unknown>).items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || typeof key.value !== "string") continue;
    if (seen.has(key.value)) repeated.push({ name: key.value, at: key.range?.[0] ?? 0 });
    else seen.add(key.value);
  }
  // One key repeated alone (an `apiVersion: v1` line pasted twice) is a repeated key: another object repeats more of its keys.
  if (repeated.length < 2 || !repeated.some((r) => TYPE_META.has(r.name))) return;
  const starts = new Set(repeated.map((r) => r.at));
  const kept = problems.filter((p) => !(p.code === "DUPLICATE_KEY" && starts.has(p.start)));
  const [first] = repeated;
  // Each key once, however many objects repeat it; the objects glued are one more than the repeats of apiVersion or kind.
  const unique = [...new Set(repeated.map((r) => r.name))];
  const names = unique.map((n) => `"${n}"`).join(", ");
  const objects = 1 + Math.max(...[...TYPE_META].map((k) => repeated.filter((r) => r.name === k).length));
  kept.push({
    code: "MISSING_DOCUMENT_SEPARATOR",
    start: first.at,
    end: first.at + first.name.length,
    recoverable: false,
    message: `another object seems to start here without a "---" line before it: the top-level key${unique.length > 1 ? "s" : ""} ${names} appear${unique.length > 1 ? "" : "s"} ${objects > 2 ? `again (${objects} objects seem to share this document)` : "a second time in this document"}, so it is not checked further`,
    hint: objects > 2 ? 'add a line "---" above this one and above each object after it, so that each object is a document of its own' : 'add a line "---" above this one, so that each object is a document of its own',
  });
  kept.sort((a, b) => a.start - b.start);
  problems.splice(0, problems.length, ...kept);
}
