import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "duplicate-volume-name",
  category: "workloads",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "Two volumes of a pod share a name.",
  explanation: `Volume mounts refer to volumes by name, so the API server requires the names in
spec.volumes to be unique and rejects the pod or workload ("Duplicate value"). It usually comes from merging two
overlays or copying a volume block without renaming it.`,
  fix: "Rename one of the volumes (and its volumeMounts), or remove the copy.",
  preventsStatus: ["CreateContainerError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const seen = new Set<string>();
    tpl.spec.volumes?.forEach((v, i) => {
      if (typeof v.name !== "string") return;
      if (seen.has(v.name)) report({ path: [...tpl.specPath, "volumes", i, "name"], message: `volume name "${v.name}" is already used by an earlier volume`, hint: "rename one of the volumes" });
      seen.add(v.name);
    });
  },
});
