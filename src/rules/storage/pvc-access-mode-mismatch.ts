import { claimBindings } from "../../models/binding.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "pvc-access-mode-mismatch",
  category: "storage",
  severity: "error",
  crossResource: true,
  appliesTo: ["PersistentVolumeClaim"],
  summary: "A claim is pinned to a PersistentVolume whose access modes do not include the claim's.",
  explanation: `A PersistentVolumeClaim can be pinned to one PersistentVolume, by spec.volumeName on the
claim or by a claimRef on the volume. The PV controller binds them only if every access mode
the claim asks for (ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod) is among the
volume's accessModes. If not, the claim stays Pending forever ("incompatible accessMode"),
the pinned volume cannot be used by anything else, and every pod that mounts the claim stays
Pending with "unbound immediate PersistentVolumeClaims".`,
  fix: "Ask in the claim only for modes the volume offers (usually ReadWriteOnce), or add the mode to the PV if its storage really supports it (NFS does; block disks do not support ReadWriteMany).",
  preventsStatus: ["Pending", "Unschedulable", "ContainerCreating"],
  check({ resource, index, report }) {
    const b = claimBindings(index).get(resource);
    if (!b || b.state !== "pinned-mismatch" || b.mismatch.criterion !== "accessModes") return;
    report({
      path: b.mismatch.claimPath,
      message: `PersistentVolume "${b.volume.name}" cannot bind this claim: ${b.mismatch.message}`,
      hint: `ask only for access modes PersistentVolume "${b.volume.name}" offers`,
      related: { resource: b.volume, path: b.mismatch.volumePath, message: "pinned PersistentVolume" },
    });
  },
});
