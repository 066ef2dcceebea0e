import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "volumeclaimtemplate-unmounted",
  category: "statefulset",
  severity: "warning",
  appliesTo: ["StatefulSet"],
  summary: "A StatefulSet volumeClaimTemplate is not mounted by any container.",
  explanation: `Each volumeClaimTemplate makes the StatefulSet controller create one PersistentVolumeClaim
per replica (<template>-<statefulset>-<ordinal>) and add a volume of the template's name to
each pod. Containers see it only through a volumeMount (or volumeDevice) of that name. When
no container mounts it, the disk is provisioned and paid for but the database writes to the
container's ephemeral filesystem instead: everything is lost on the first restart or
reschedule, which usually shows only after data loss. A renamed template or mount is the
usual cause.`,
  fix: "Add a volumeMount with the template's name (or rename the mount to match it), or remove the unused template.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const templates = resource.spec("StatefulSet")?.volumeClaimTemplates ?? [];
    if (!templates.length) return;
    const used = new Set<string>();
    for (const { path } of containersOf(tpl)) {
      for (const field of ["volumeMounts", "volumeDevices"]) {
        const list = resource.get([...path, field]);
        if (!Array.isArray(list)) continue;
        for (const m of list) if (m && typeof m === "object" && typeof (m as { name?: unknown }).name === "string") used.add((m as { name: string }).name);
      }
    }
    templates.forEach((t, i) => {
      const name = t?.metadata?.name;
      if (!name || used.has(name)) return;
      report({
        path: ["spec", "volumeClaimTemplates", i, "metadata", "name"],
        message: `volumeClaimTemplate "${name}" is not mounted by any container`,
        hint: `add a volumeMount named "${name}" to the container that stores the data`,
      });
    });
  },
});
