import { defineRule } from "../types.js";

const NODE_LOCAL = ["hostPath", "local"] as const;
const MULTI_NODE_MODES = new Set(["ReadWriteMany", "ReadOnlyMany"]);

export const rule = defineRule({
  id: "pv-access-mode-unsupported",
  category: "storage",
  severity: "warning",
  appliesTo: ["PersistentVolume"],
  summary: "A hostPath or local PersistentVolume offers ReadWriteMany or ReadOnlyMany, which node-local storage cannot provide.",
  explanation: `ReadWriteMany and ReadOnlyMany promise that pods on several nodes can mount the volume at
the same time. A hostPath or local volume is a directory on one node's disk (the access modes
table of the Kubernetes docs lists ReadWriteOnce alone for both): pods scheduled elsewhere
either get an empty directory of their own node (hostPath, so replicas silently write to
different disks and lose data on rescheduling) or are all scheduled to that one node (local,
pinned by node affinity: they stay Pending once it is full). The API server accepts the PV,
and on a single-node cluster (kind, minikube) the mode works, so this is a warning: the promise
breaks when the cluster has more nodes.`,
  fix: "Use ReadWriteOnce (or ReadWriteOncePod) for hostPath and local volumes; use networked storage (NFS, CephFS, a CSI driver with RWX support) when pods on several nodes must share data.",
  preventsStatus: ["Pending", "Unschedulable"],
  check({ resource, report }) {
    const source = NODE_LOCAL.find((s) => {
      const v = resource.get(["spec", s]);
      return v !== undefined && v !== null;
    });
    if (!source) return;
    const modes = resource.get(["spec", "accessModes"]);
    if (!Array.isArray(modes)) return;
    modes.forEach((m, i) => {
      if (typeof m !== "string" || !MULTI_NODE_MODES.has(m)) return;
      report({
        path: ["spec", "accessModes", i],
        message: `access mode "${m}" is not supported by a ${source} volume, which lives on one node`,
        hint: "use ReadWriteOnce, or networked storage for sharing across nodes",
      });
    });
  },
});
