/**
 * Which objects of one input are applied together. A whole repository linted at once often
 * holds unrelated samples or alternative variants side by side (kubernetes-engine-samples'
 * saxml, tgi and trtllm servings of one model, each `app: gemma-server`), each applied on its
 * own into the namespace of the moment. Their objects meet in one namespace only because none
 * names another: relations between them (overlapping selectors, a Service sending traffic, a
 * claim binding a volume) are the linter's, not the cluster's.
 *
 * An object's places are the folders it is applied from, as files are shown: the folders of
 * the root kustomizations whose builds emit it, else its file's folder. `kubectl apply -R -f`
 * of a folder applies everything below it, so two places are together when one holds the other.
 */
import { folderHolds, folderOf } from "../folders.js";

/** What placement reads of an object: its places and its namespace (models/resource.ts). */
export interface Placed {
  /** Undefined: applied with everything (context files, stdin, an input a GitOps controller applies). */
  readonly places?: readonly string[];
  readonly namespace: string;
  readonly namespaceCertain: boolean;
}

/**
 * Whether the namespace says where the object goes whoever applies it: certain (written, or
 * given by a build or by --default-namespace) and not "default", which samples write as often as
 * they leave it out and which is where a namespace-less object lands.
 */
export function namespaceNamed(object: Pick<Placed, "namespace" | "namespaceCertain">): boolean {
  return object.namespaceCertain && object.namespace !== "default";
}

/**
 * Whether two objects are applied apart: neither namespace is named (namespaceNamed) and no
 * place of one holds a place of the other. Objects with a named namespace are always together:
 * whoever wrote `namespace: shop` in two folders meant them for one cluster.
 */
export function appliedApart(a: Placed, b: Placed): boolean {
  const from = a.places;
  const to = b.places;
  if (!from || !to || namespaceNamed(a) || namespaceNamed(b)) return false;
  for (const x of from) for (const y of to) if (folderHolds(x, y) || folderHolds(y, x)) return false;
  return true;
}

/** Where some objects are applied from (placesOf), for appliedNear. */
export interface AppliedPlaces {
  /** One of them is applied with everything, or in a namespace it names. */
  anywhere: boolean;
  /** The places of the others. */
  folders: Set<string>;
  /** Those places and every folder above them. */
  above: Set<string>;
  /** appliedNear's answers by the places of the objects asked about (shared by the objects of one file). */
  answers: WeakMap<readonly string[], boolean>;
}

/** The places of `objects` (stops early once one is applied with everything). */
export function placesOf(objects: Iterable<Pick<Placed, "places" | "namespace" | "namespaceCertain">>, anywhere = false): AppliedPlaces {
  const out: AppliedPlaces = { anywhere, folders: new Set(), above: new Set(), answers: new WeakMap() };
  for (const o of objects) {
    if (out.anywhere) break;
    if (!o.places || namespaceNamed(o)) {
      out.anywhere = true;
      break;
    }
    for (const folder of o.places) {
      out.folders.add(folder);
      for (let d = folder; !out.above.has(d); d = folderOf(d)) {
        out.above.add(d);
        if (folderOf(d) === d) break;
      }
    }
  }
  return out;
}

/** Whether `object` is applied with one of the objects `places` describes: from one of their places, a folder above or below one. */
export function appliedNear(places: AppliedPlaces, object: Pick<Placed, "places">): boolean {
  if (places.anywhere || !object.places) return true;
  let near = places.answers.get(object.places);
  if (near === undefined) places.answers.set(object.places, (near = placedNear(places, object.places)));
  return near;
}

function placedNear(places: AppliedPlaces, own: readonly string[]): boolean {
  for (const folder of own) {
    if (places.above.has(folder)) return true;
    for (let d = folder; ; d = folderOf(d)) {
      if (places.folders.has(d)) return true;
      if (folderOf(d) === d) break;
    }
  }
  return false;
}
