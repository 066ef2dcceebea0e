import { formatPath } from "../../models/path.js";
import { containersOf, type Resource } from "../../models/resource.js";
import type { Memo } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import { misplacedSubtrees } from "../schema/validate.js";
import { defineRule } from "../types.js";

/** A declaration of a volume written where nothing reads it (unknown-field reports the key as misplaced). */
interface MisplacedDeclaration {
  /** The misplaced key ("volumes", "volumeClaimTemplates") and where it is written. */
  key: string;
  written: Path;
  /** Where it belongs. */
  home: Path;
  /** What the declaration is, in words. */
  what: string;
}

const sameSegments = (segments: readonly string[], path: Path) => segments.length === path.length && segments.every((s, i) => s === path[i]);

/**
 * The volumes and claim templates of a resource, by name, that it writes in a misplaced list
 * whose home is the pod's volumes or a StatefulSet's volumeClaimTemplates.
 */
function misplacedDeclarations(resource: Resource, memo: Memo, kubernetesVersion: string): Map<string, MisplacedDeclaration> {
  const out = new Map<string, MisplacedDeclaration>();
  const volumesHome = [...resource.podTemplate!.specPath, "volumes"];
  const claimsHome = ["spec", "volumeClaimTemplates"];
  for (const { path, value, home } of misplacedSubtrees(resource, memo, kubernetesVersion)) {
    if (!Array.isArray(value)) continue;
    const claims = resource.kind === "StatefulSet" && sameSegments(home, claimsHome);
    if (!claims && !sameSegments(home, volumesHome)) continue;
    const key = String(path[path.length - 1]);
    for (const item of value) {
      const named = claims ? (item as { metadata?: { name?: unknown } } | null)?.metadata?.name : (item as { name?: unknown } | null)?.name;
      if (typeof named === "string" && !out.has(named)) out.set(named, { key, written: path, home: claims ? claimsHome : volumesHome, what: claims ? "its claim template" : "the volume" });
    }
  }
  return out;
}

export const rule = defineRule({
  id: "volume-mount-undefined",
  category: "config",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "A container mounts a volume that the pod does not declare.",
  explanation: `Each volumeMounts[].name (and volumeDevices[].name) must name a volume of the pod's
spec.volumes, or for a StatefulSet one of its volumeClaimTemplates. The API server rejects a pod
(or the workload's template) with "volumeMounts[0].name: Not found", so nothing is deployed.
Usually the volume was renamed in one place only, or spec.volumes was indented under a container.
When the volume is declared in a list written where it does not belong (volumes under a
container, a StatefulSet's volumeClaimTemplates in the pod spec: unknown-field reports the key
as misplaced), the finding says so, and the hint is the same move.`,
  fix: "Declare the volume under the pod's spec.volumes (or a volumeClaimTemplate), or fix the mount's name.",
  preventsStatus: ["ContainerCreating", "Init:Error", "CreateContainerError", "RunContainerError", "StartError"],
  check({ resource, settings, memo, report }) {
    const tpl = resource.podTemplate!;
    const declared = new Set<string>();
    for (const v of tpl.spec.volumes ?? []) if (typeof v.name === "string") declared.add(v.name);
    if (resource.kind === "StatefulSet") {
      for (const t of resource.spec("StatefulSet")?.volumeClaimTemplates ?? []) if (t.metadata?.name) declared.add(t.metadata.name);
    }
    let misplaced: Map<string, MisplacedDeclaration> | undefined;
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      for (const field of ["volumeMounts", "volumeDevices"] as const) {
        const list = (container as Record<string, unknown>)[field];
        if (!Array.isArray(list)) continue;
        list.forEach((m, i) => {
          const name = m && typeof m === "object" ? (m as Record<string, unknown>).name : undefined;
          if (typeof name !== "string" || name === "" || declared.has(name)) return;
          const away = (misplaced ??= misplacedDeclarations(resource, memo, settings.kubernetesVersion)).get(name);
          if (away) {
            report({
              path: [...path, field, i, "name"],
              message: `volume "${name}" is not declared in the pod's volumes: ${away.what} is written in ${formatPath(away.written)}, which the ${resource.kind} does not read`,
              hint: `move "${away.key}" to ${formatPath(away.home)}`,
              related: { resource, path: away.written, message: `misplaced ${away.key}` },
            });
            return;
          }
          report({
            path: [...path, field, i, "name"],
            message: `volume "${name}" is not declared in the pod's volumes`,
            hint: declared.size ? `use one of ${[...declared].map((d) => `"${d}"`).join(", ")} or declare "${name}" under volumes` : `declare "${name}" under the pod's volumes`,
          });
        });
      }
    }
  },
});
