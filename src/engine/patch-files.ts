/**
 * What says that a file of a kustomize tree that no kustomization lists is a patch kept there (its
 * name, its folder, its opening comment, or objects that a build of the tree emits), not an
 * object of its own: configurations.ts classifies the input's files by it, and
 * turned-off-resources.ts leaves such a file to it.
 */
import { basename, dirname } from "node:path";
import { groupOf } from "../models/api-groups.js";
import { CLUSTER_SCOPED_KINDS } from "../models/k8s.js";
import { lacksRequiredField } from "../models/required-fields.js";
import { realOf } from "./entry-paths.js";
import type { FileBuilds, GivenId } from "./kustomize-builds.js";
import type { LoadedFile } from "./load.js";

/** A file name that says patch: `patch` or `patches` as a word of it (`manager_auth_proxy_patch.yaml`, `patch-replicas.yaml`), not inside one (`dispatcher.yaml`). */
const PATCH_FILE_NAME = /(^|[-_.])patch(es)?([-_.]|$)/i;
/** Folders that hold a kustomization's patches (kubebuilder's config/crd/patches, config/default/patches). */
const PATCH_FOLDERS = new Set(["patches", "patch"]);

/**
 * Whether a file that no kustomization lists (as a resource, a patch or in a comment) is a patch
 * kept in a kustomize tree: named as a patch in a kustomization's folder, or in a patches folder
 * beside a kustomization. Scaffolds and hand-kept trees leave such files that nothing applies
 * (kubeflow's tensorboard controller: patches/add_service_account.yaml,
 * manager_prometheus_metrics_patch.yaml; kueue's config/crd/patches/cainjection_in_*.yaml): a
 * Deployment of only a service account name is a patch, not an object missing its selector.
 */
export function isUnlistedPatchFile(absolute: string, kustomizationDirs: ReadonlySet<string>): boolean {
  const dir = dirname(absolute);
  if (PATCH_FOLDERS.has(basename(dir)) && kustomizationDirs.has(dirname(dir))) return true;
  return kustomizationDirs.has(dir) && PATCH_FILE_NAME.test(basename(absolute));
}

/** `patch` as a word of a comment (`# This patch injects...`, `# The following patches...`, `# patched by...`). */
export const PATCH_WORD = /\bpatch(es|ed)?\b/i;
/**
 * A comment that names a kind of patch or the command that applies one (`# Strategic merge patch
 * applied with kubectl patch --patch-file`): what says a file outside a kustomize tree is a patch,
 * where `patch` alone is as often about something else.
 */
export const PATCH_KIND = /\b(strategic[- ]merge|merge|json) patch\b|\bkubectl patch\b|--patch-file\b/i;

/**
 * Whether the comments a file opens with (before its first content; blank lines and `---` between
 * them are read past) call it a patch (`says`: PATCH_WORD beside a kustomization, PATCH_KIND
 * elsewhere). Kubebuilder and operator-sdk scaffolds open the patches they leave beside a
 * kustomization so ("# This patch inject an imagePullSecrets...", "# The following patch enables
 * a conversion webhook..."), whether or not an entry lists them (cloudnative-pg's
 * config/manager/env_override.yaml); a file for `kubectl patch --patch-file` says what it is.
 */
export function leadingCommentSaysPatch(text: string, says: RegExp): boolean {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line.startsWith("#")) {
      if (says.test(line)) return true;
    } else if (line !== "" && line !== "---") return false;
    start = end + 1;
  }
  return false;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An object's id as kustomize compares a patch's with it (api/resid ResId Equals): group, kind,
 * namespace and name, the namespace "" for `default` or none written and for a cluster-scoped
 * kind (EffectiveNamespace); undefined for a document that is no object with a kind and a name.
 */
function objectId(value: unknown, given: GivenId = { prefix: "", suffix: "" }): string | undefined {
  if (!isMap(value) || !isMap(value.metadata) || typeof value.kind !== "string" || typeof value.metadata.name !== "string") return undefined;
  const written = typeof value.metadata.namespace === "string" ? value.metadata.namespace : "";
  const namespace = CLUSTER_SCOPED_KINDS.has(value.kind) ? "" : (given.namespace ?? written);
  const group = typeof value.apiVersion === "string" ? groupOf(value.apiVersion) : "";
  return [group, value.kind, namespace === "default" ? "" : namespace, given.prefix + value.metadata.name + given.suffix].join("\u0000");
}

/** The ids of the objects `kustomize build` of a folder (a real path) emits, as written and as its builds give them (objectId); worked out once per folder asked. */
export type BuiltObjectIds = (dir: string) => ReadonlySet<string>;

/** `byPath`: the input's files by real path (entry-paths.ts realOf). */
export function builtObjectIds(builds: FileBuilds, byPath: ReadonlyMap<string, LoadedFile>): BuiltObjectIds {
  const known = new Map<string, ReadonlySet<string>>();
  return (dir) => {
    let ids = known.get(dir);
    if (!ids) {
      const found = new Set<string>();
      for (const path of builds.emittedFilesOf(dir)) {
        const given = builds.givenIdsOf(path);
        for (const doc of byPath.get(path)?.docs ?? []) {
          for (const id of [objectId(doc.value), ...given.map((g) => objectId(doc.value, g))]) if (id !== undefined) found.add(id);
        }
      }
      known.set(dir, (ids = found));
    }
    return ids;
  };
}

/**
 * Whether a file that no kustomization names (as a resource, a patch, a generator's data or in a
 * comment), in the folder of a kustomization or below one, is a copy of a patch: each of its
 * documents is an object that `kustomize build` of such a folder emits, by its id as written or
 * one a build gives it on the way, as kustomize picks a patch's object (objectId,
 * FileBuilds.givenIdsOf), and one of them leaves out a field the API requires
 * (models/required-fields.ts), as a patch does and an object to apply does not. Kong's
 * config/variants/postgres keeps beside its kustomization a copy of the strategic-merge patch its
 * Component wait/ applies: a Deployment of only containers' env, written in the namespace the
 * base gives it, not one missing its selector nor a second definition of that Deployment.
 */
export function copiesBuiltObjects(file: LoadedFile, kustomizationDirs: ReadonlySet<string>, builtIds: BuiltObjectIds): boolean {
  // A chart template's document is no object until rendered.
  if (file.docs.some((d) => d.template !== undefined)) return false;
  const objects = file.docs.map((d) => d.value).filter((v) => v !== null && v !== undefined);
  const ids = objects.map((v) => objectId(v));
  // A complete object of the same id is an alternative to the one built or a rendered copy of it, judged as the object it is.
  if (!ids.length || ids.some((id) => id === undefined) || !objects.some((v) => isMap(v) && lacksRequiredField(v))) return false;
  const trees: Array<ReadonlySet<string>> = [];
  for (let at = dirname(realOf(file.file)); ; at = dirname(at)) {
    if (kustomizationDirs.has(at)) trees.push(builtIds(at));
    if (dirname(at) === at) break;
  }
  return trees.length > 0 && ids.every((id) => trees.some((built) => built.has(id!)));
}
