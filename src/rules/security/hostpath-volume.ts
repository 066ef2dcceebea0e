import { runsNodeAgent } from "../../models/node-agent.js";
import { containersOf } from "../../models/resource.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "hostpath-volume",
  category: "security",
  severity: "warning",
  appliesTo: "workloads",
  summary: "A pod mounts a directory of the node with a hostPath volume.",
  explanation: `A hostPath volume mounts a file or directory of whichever node the pod lands on. Data
written there stays on that node (a rescheduled pod does not find it), differs between nodes,
and a writable mount of a sensitive path (/, /var/run/docker.sock, /etc) lets the container take
over the node. With type Directory or File the pod stays in ContainerCreating on nodes without
that path. The "baseline" Pod Security Standard rejects hostPath volumes. A read-only mount is
reported as info, and so is any hostPath of a node agent, which exists to work with the node's
files: a DaemonSet (log shippers, node exporters), or a CSI node plugin of any workload kind (a
hostPath under /var/lib/kubelet/plugins_registry or /var/lib/kubelet/plugins, or a
node-driver-registrar container). A hostPath volume that no container (init, sidecar or
ephemeral container included) mounts is info too: the kubelet skips a volume no container uses (processPodVolumes in
pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go), so nothing touches the
node through it, but Pod Security still refuses the pod for it.`,
  fix: "Use a PersistentVolumeClaim, an emptyDir, or a ConfigMap instead; if the node path is really needed, mount it readOnly.",
  preventsStatus: ["ContainerCreating", "RunContainerError"],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const nodeAgent = runsNodeAgent(resource.kind, tpl);
    tpl.spec.volumes?.forEach((vol, i) => {
      if (!vol.hostPath || typeof vol.name !== "string") return;
      let mounts = 0;
      let writable = 0;
      for (const { container } of containersOf(tpl, { init: true, ephemeral: true })) {
        for (const m of container.volumeMounts ?? []) {
          if (m.name !== vol.name) continue;
          mounts++;
          if (m.readOnly !== true) writable++;
        }
      }
      const path = typeof vol.hostPath.path === "string" ? vol.hostPath.path : "";
      const at = { path: [...tpl.specPath, "volumes", i, "hostPath"], target: "key" as const };
      if (mounts === 0) {
        // The kubelet never mounts an unused volume, yet Pod Security still counts it (pss-host-path-volumes).
        report({
          ...at,
          message: `volume "${vol.name}" declares node path "${path}" but no container mounts it`,
          hint: "remove the volume if no container needs it: the baseline Pod Security level refuses a hostPath volume even when nothing mounts it",
          severity: "info",
        });
        return;
      }
      const readOnly = writable === 0;
      report({
        ...at,
        message: readOnly ? `volume "${vol.name}" mounts node path "${path}" (read-only)` : `volume "${vol.name}" mounts node path "${path}" writable`,
        hint: readOnly ? "use a ConfigMap or a PersistentVolumeClaim if the data need not come from the node" : "use a PersistentVolumeClaim or emptyDir, or mount it readOnly",
        ...(readOnly || nodeAgent ? { severity: "info" as const } : {}),
      });
    });
  },
});
