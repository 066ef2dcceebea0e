/**
 * Resource files that a kustomization turns off with a comment: kubebuilder's scaffolds (and the
 * operators built from them: kubeflow's profile and notebook controllers, gatekeeper, Kong) list
 * their auth proxy in config/rbac as commented-out entries (`# - auth_proxy_role_binding.yaml`)
 * and keep the files beside the ones in use. Such a file is written for the build it joins once
 * the line is turned on: a ServiceAccount subject without a namespace, which kustomize's name
 * reference fills in from the ServiceAccount of the build (api/filters/nameref), a Service in the
 * placeholder namespace `system`, which the build's `namespace` replaces. Judged alone, it was an
 * error or a warning on scaffolding nobody applies; judged as a resource of that kustomization,
 * as a base turned off by a comment is (kustomize-builds.ts turnedOffBases), it is what turning it
 * on would apply.
 */
import { basename, dirname } from "node:path";
import { buildsChartTemplates, commentedEntries, isKustomization, patchFiles, resourceEntries } from "../models/kustomization.js";
import { STDIN } from "./discover.js";
import { entryPath, realOf } from "./entry-paths.js";
import type { LoadedFile } from "./load.js";
import { isUnlistedPatchFile, leadingCommentSaysPatch, PATCH_WORD } from "./patch-files.js";

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The lists whose commented-out bare entries name resources. */
const RESOURCE_LISTS: ReadonlySet<string | undefined> = new Set(["resources", "bases"]);

/** What a kustomization's commented-out bare `resources` (or `bases`) entries name, as entryPath resolves them from its folder `dir` (a real path). */
export function commentedResourceFiles(text: string, dir: string): string[] {
  return commentedEntries(text).flatMap((e) => (e.form === "bare" && RESOURCE_LISTS.has(e.list) ? [entryPath(dir, e.path)] : []));
}

const found = new WeakMap<readonly LoadedFile[], ReadonlyMap<string, string>>();

/**
 * The files of the input (by real path) that a commented-out `resources` (or `bases`) entry of a
 * kustomization names, each with that kustomization's folder (a real path). Left out: a file that
 * a kustomization lists or applies as a patch (it is in use), a folder (turnedOffBases), a file that
 * its name, folder or opening comment calls a patch (patch-files.ts), and a file
 * that defines an object of the same kind and name as a file the kustomization lists (an
 * alternative to the one in use: `# - deployment-ha.yaml` beside `- deployment.yaml`) or to another
 * file turned off (`# - ingress-nginx.yaml` and `# - ingress-traefik.yaml` under "choose one"),
 * which is judged as the object it is. Worked out once per run's files.
 */
export function turnedOffResources(loaded: readonly LoadedFile[]): ReadonlyMap<string, string> {
  let out = found.get(loaded);
  if (!out) found.set(loaded, (out = find(loaded)));
  return out;
}

function find(loaded: readonly LoadedFile[]): ReadonlyMap<string, string> {
  const inUse = new Set<string>();
  const kustomizations: Array<{ dir: string; listed: string[]; commented: string[] }> = [];
  for (const { file, source, docs } of loaded) {
    if (file.absolute === STDIN) continue;
    const dir = dirname(realOf(file));
    let commentsRead = false;
    for (const doc of docs) {
      if (!isMap(doc.value) || !isKustomization(basename(file.absolute), doc.value) || buildsChartTemplates(doc.value)) continue;
      const listed = resourceEntries(doc.value).map((r) => entryPath(dir, r));
      for (const p of [...listed, ...patchFiles(doc.value).map((p) => entryPath(dir, p))]) inUse.add(p);
      const commented = !commentsRead && "text" in source ? commentedResourceFiles(source.text, dir) : [];
      commentsRead = true;
      kustomizations.push({ dir, listed, commented });
    }
  }
  const out = new Map<string, string>();
  if (!kustomizations.some((k) => k.commented.length)) return out;
  const byPath = new Map(loaded.map((l) => [realOf(l.file), l]));
  const kustomizationDirs = new Set(kustomizations.map((k) => k.dir));
  for (const { dir, listed, commented } of kustomizations) {
    let inBuild: Set<string> | undefined;
    const candidates: Array<{ path: string; ids: string[] }> = [];
    for (const p of commented) {
      const file = byPath.get(p);
      if (!file || inUse.has(p) || out.has(p)) continue;
      // A patch kept in the tree (`#- manager_config_patch.yaml` where an older scaffold dropped its patchesStrategicMerge key) stays a patch.
      if (isUnlistedPatchFile(p, kustomizationDirs) || ("text" in file.source && leadingCommentSaysPatch(file.source.text, PATCH_WORD))) continue;
      inBuild ??= new Set(listed.flatMap((l) => identities(byPath.get(l))));
      const ids = identities(file);
      if (!ids.some((id) => inBuild!.has(id))) candidates.push({ path: p, ids });
    }
    // Files turned off side by side that define one object are alternatives to each other (`# Choose one:` above two entries).
    const count = new Map<string, number>();
    for (const { ids } of candidates) for (const id of new Set(ids)) count.set(id, (count.get(id) ?? 0) + 1);
    for (const { path, ids } of candidates) if (!ids.some((id) => count.get(id)! > 1)) out.set(path, dir);
  }
  return out;
}

/** The kind and name of each object a file defines. */
function identities(file: LoadedFile | undefined): string[] {
  return (file?.docs ?? []).flatMap((d) => (isMap(d.value) && isMap(d.value.metadata) && typeof d.value.kind === "string" ? [`${d.value.kind}\u0000${String(d.value.metadata.name)}`] : []));
}
