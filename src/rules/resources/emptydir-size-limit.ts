import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "emptydir-size-limit",
  category: "resources",
  severity: "info",
  appliesTo: "workloads",
  summary: "An emptyDir volume has no sizeLimit.",
  explanation: `An emptyDir lives on the node's disk (or in RAM with medium: Memory) for as long as the pod
runs. Without a sizeLimit a runaway log or cache fills the node's ephemeral storage until the
kubelet starts evicting pods under disk pressure, often others than the one at fault. A
memory-backed emptyDir counts against the container's memory limit, so filling it ends in an
OOMKill. With a sizeLimit the kubelet evicts only the pod that exceeds it.`,
  fix: "Set emptyDir.sizeLimit (for example 1Gi) to the most the volume should ever hold.",
  preventsStatus: ["Evicted", "OOMKilled"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    (tpl.spec.volumes ?? []).forEach((v, i) => {
      const raw = resource.get([...tpl.specPath, "volumes", i, "emptyDir"]);
      if (raw === undefined || (raw !== null && typeof raw !== "object")) return;
      if (v?.emptyDir?.sizeLimit !== undefined) return;
      const memory = v?.emptyDir?.medium === "Memory";
      report({
        path: [...tpl.specPath, "volumes", i, "emptyDir"],
        target: "key",
        message: `emptyDir volume "${v?.name ?? ""}" has no sizeLimit${memory ? " (memory-backed: it counts against the memory limit)" : ""}`,
        hint: "set emptyDir.sizeLimit",
      });
    });
  },
});
