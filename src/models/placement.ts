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
import { posix } from "node:path";

/** What placement reads of an object: its places and its namespace (models/resource.ts). */
export interface Placed {
  /** Undefined: applied with everything (context files, stdin, an input a GitOps controller applies). */
  readonly places: readonly string[] | undefined;
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

/** Whether folder `outer` holds folder `inner` (or is it); folders as files are shown ("." is the current one). */
export function folderHolds(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (outer === ".") return !inner.startsWith("../") && inner !== ".." && !posix.isAbsolute(inner);
  return inner.startsWith(outer.endsWith("/") ? outer : `${outer}/`);
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

/** The folder of a file as files are shown ("." for a file of the current folder). */
export function folderOf(file: string): string {
  return posix.dirname(file);
}
