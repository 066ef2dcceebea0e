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
memory-backed emptyDir counts against the memory limit of the container that writes to it, so
filling it ends in an OOMKill; in a pod whose containers set no memory limit, only the node's
memory bounds it. With a sizeLimit the kubelet evicts only the pod that exceeds it.`,
  fix: "Set emptyDir.sizeLimit (for example 1Gi) to the most the volume should ever hold.",
  preventsStatus: ["Evicted", "OOMKilled"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    (tpl.spec.volumes ?? []).forEach((v, i) => {
      const raw = resource.get([...tpl.specPath, "volumes", i, "emptyDir"]);
      if (raw === undefined || (raw !== null && typeof raw !== "object")) return;
      if (v?.emptyDir?.sizeLimit !== undefined) return;
      const memory = v?.emptyDir?.medium === "Memory";
      // What is written to a tmpfs counts against the writing container's memory limit; without any, only the node's memory bounds it.
      const limited = memory && (tpl.spec.containers ?? []).some((c) => c?.resources?.limits?.memory !== undefined);
      const note = !memory ? "" : limited ? " (memory-backed: it counts against the memory limit)" : " (memory-backed, and no container sets a memory limit: it can fill the node's memory)";
      report({
        path: [...tpl.specPath, "volumes", i, "emptyDir"],
        target: "key",
        message: `emptyDir volume "${v?.name ?? ""}" has no sizeLimit${note}`,
        hint: "set emptyDir.sizeLimit",
      });
    });
  },
});
