/** The shared check of configmap-key-missing and secret-key-missing. */
import type { CrossResourceContext } from "../types.js";
import { keysOf, podReferences, type ReferencedKind } from "./references.js";

export function checkMissingKeys(kind: ReferencedKind, { resource, index, report }: CrossResourceContext): void {
  const tpl = resource.podTemplate!;
  for (const ref of podReferences(tpl)) {
    if (ref.kind !== kind || ref.optional || ref.keys.length === 0) continue;
    const target = index.find(kind, resource.namespace, ref.name, resource);
    if (!target) continue;
    const keys = keysOf(target);
    for (const k of ref.keys) {
      if (keys.has(k.key)) continue;
      const known = [...keys].sort();
      report({
        path: k.path,
        message: `key "${k.key}" is not in ${kind} "${ref.name}"`,
        hint: known.length ? `use one of its keys: ${known.map((x) => `"${x}"`).join(", ")}` : `add the key "${k.key}" to the ${kind}`,
        related: { resource: target, path: ["metadata", "name"], message: `${kind} "${ref.name}"` },
      });
    }
  }
}
