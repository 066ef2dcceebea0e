/** The shared check of configmap-key-missing and secret-key-missing. */
import { closestWithin } from "../../did-you-mean.js";
import { OPERATOR_KINDS } from "../../models/operators.js";
import { appliedApart } from "../../models/placement.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import type { CrossResourceContext, Finding } from "../types.js";
import { keysOf, podReferences, type ReferencedKind } from "./references.js";

export interface KeyedObject {
  source?: Resource;
  keys: ReadonlySet<string>;
  producer: boolean;
}

/**
 * The object a reference reads keys from, and its keys: a manifest of the input, or the custom
 * resource an operator makes a Secret from when it lists every key (an ExternalSecret's
 * data[].secretKey); undefined when the keys are unknown. A manifest written with no keys at all
 * (`data: {}`, or no data) is a placeholder that something else fills in (a patch generated at
 * deploy time, `kubectl create secret`, a controller): its keys are unknown (docs/DECISIONS.md
 * "An empty Secret is a placeholder").
 */
export function keyedObject(index: ResourceIndex, kind: ReferencedKind, referrer: Resource, name: string, namespace = referrer.namespace): KeyedObject | undefined {
  // A generator with behavior merge or replace in the referrer's builds writes keys into the object as built,
  // whether a manifest or a base's generator makes it (kustomize api/resmap reswrangler.go appendReplaceOrMerge).
  const merged = referrer.keysMergedInto(kind, name);
  const withMerged = (keys: ReadonlySet<string>): ReadonlySet<string> => (merged.size ? new Set([...keys, ...merged]) : keys);
  const target = index.find(kind, namespace, name, referrer);
  if (target) {
    // Another input set's object (--per-directory), or one of a sample folder applied apart from the referrer: present, but maybe another sample's, so its keys are not judged.
    if (!index.holds(target) || appliedApart(referrer, target)) return undefined;
    const keys = withMerged(keysOf(target));
    return keys.size ? { source: target, keys, producer: false } : undefined;
  }
  // A kustomization generator's object, by its name or the hashed name of built output: its keys when all are known.
  const generated = index.generatedObject(kind, namespace, name);
  if (generated) return generated.keys ? { keys: withMerged(generated.keys), producer: false } : undefined;
  if (kind !== "Secret") return undefined;
  const producer = index.producerOf(kind, namespace, name);
  const keys = producer && index.holds(producer) ? OPERATOR_KINDS.get(producer.groupKind)?.secretKeys?.(producer) : undefined;
  return producer && keys ? { source: producer, keys, producer: true } : undefined;
}

/** The finding for a key its object lacks: the object's keys as the hint, and where they are listed. */
export function missingKeyFinding(kind: ReferencedKind, name: string, key: string, found: KeyedObject, path: Path): Finding {
  const { source, keys, producer } = found;
  const known = [...keys].sort();
  const near = closestWithin(key, known);
  const madeBy = !source ? ` (made by a kustomization's ${kind === "Secret" ? "secretGenerator" : "configMapGenerator"})` : producer ? ` (made by ${source.kind} "${source.name}")` : "";
  return {
    path,
    message: `key "${key}" is not in ${kind} "${name}"${madeBy}`,
    hint: near
      ? `set key to "${near}" if that is the one meant (its keys: ${known.map((x) => `"${x}"`).join(", ")})`
      : known.length
        ? `use one of its keys: ${known.map((x) => `"${x}"`).join(", ")}`
        : producer && source
          ? `add a spec.data entry with secretKey "${key}" to ${source.kind} "${source.name}"`
          : `add the key "${key}" to the ${kind}`,
    related: !source
      ? undefined
      : producer
        ? { resource: source, path: ["spec", "data"], message: `${source.kind} "${source.name}" lists the keys` }
        : { resource: source, path: ["metadata", "name"], message: `${kind} "${name}"` },
  };
}

export function checkMissingKeys(kind: ReferencedKind, { resource, index, report }: CrossResourceContext): void {
  const tpl = resource.podTemplate!;
  for (const ref of podReferences(tpl)) {
    if (ref.kind !== kind || ref.optional || ref.keys.length === 0) continue;
    const found = keyedObject(index, kind, resource, ref.name);
    if (!found) continue;
    for (const k of ref.keys) {
      if (!found.keys.has(k.key)) report(missingKeyFinding(kind, ref.name, k.key, found, k.path));
    }
  }
}
