import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "volume-mount-undefined",
  category: "config",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "A container mounts a volume that the pod does not declare.",
  explanation: `Each volumeMounts[].name (and volumeDevices[].name) must name a volume of the pod's
spec.volumes, or for a StatefulSet one of its volumeClaimTemplates. The API server rejects a pod
(or the workload's template) with "volumeMounts[0].name: Not found", so nothing is deployed.
Usually the volume was renamed in one place only, or spec.volumes was indented under a container.`,
  fix: "Declare the volume under the pod's spec.volumes (or a volumeClaimTemplate), or fix the mount's name.",
  preventsStatus: ["ContainerCreating", "Init:Error", "CreateContainerError", "RunContainerError", "StartError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const declared = new Set<string>();
    for (const v of tpl.spec.volumes ?? []) if (typeof v.name === "string") declared.add(v.name);
    if (resource.kind === "StatefulSet") {
      for (const t of resource.spec("StatefulSet")?.volumeClaimTemplates ?? []) if (t.metadata?.name) declared.add(t.metadata.name);
    }
    for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
      for (const field of ["volumeMounts", "volumeDevices"] as const) {
        const list = (container as Record<string, unknown>)[field];
        if (!Array.isArray(list)) continue;
        list.forEach((m, i) => {
          const name = m && typeof m === "object" ? (m as Record<string, unknown>).name : undefined;
          if (typeof name !== "string" || name === "" || declared.has(name)) return;
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
