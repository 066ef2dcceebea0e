/**
 * What says that a file of a kustomize tree that no kustomization lists is a patch kept there (its
 * name, its folder, its opening comment), not an object of its own: configurations.ts classifies
 * the input's files by it, and turned-off-resources.ts leaves such a file to it.
 */
import { basename, dirname } from "node:path";

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
