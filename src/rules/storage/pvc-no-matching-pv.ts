import { CLASS_ANNOTATION, claimBindings, requestedClass, volumeClass, type Criterion } from "../../models/binding.js";
import { appliedApart } from "../../models/placement.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { defineRule } from "../types.js";

const VOLUMES_BY_CLASS = memoKey<Map<string, Resource[]>>("PersistentVolumes by storage class");

/** The PersistentVolumes of the input by their class (volumeClass). */
function volumesByClass(index: ResourceIndex): Map<string, Resource[]> {
  const map = new Map<string, Resource[]>();
  for (const pv of index.objectsOfKind("PersistentVolume")) {
    const cls = volumeClass(pv);
    const list = map.get(cls);
    if (list) list.push(pv);
    else map.set(cls, [pv]);
  }
  return map;
}

/**
 * What to change for each failing criterion; `pv` is the PersistentVolume named in the finding,
 * `pinned` whether the claim's volumeName names it.
 */
const HINTS: Record<Criterion, (pv: string, pinned: boolean) => string> = {
  claimRef: (pv, pinned) => `${pinned ? "pin a free PersistentVolume in volumeName" : "add a PersistentVolume for this claim"}: PersistentVolume "${pv}" belongs to another claim`,
  accessModes: (pv) => `request only access modes PersistentVolume "${pv}" offers, or add a PersistentVolume with the claim's access modes`,
  volumeMode: (pv) => `set the same volumeMode on the claim and on PersistentVolume "${pv}"`,
  capacity: (pv) => `lower the claim's storage request or give PersistentVolume "${pv}" enough capacity`,
  selector: (pv) => `change the claim's selector or the labels of PersistentVolume "${pv}"`,
  storageClassName: (pv) => `set the same storageClassName on the claim and on PersistentVolume "${pv}"`,
};

export const rule = defineRule({
  id: "pvc-no-matching-pv",
  category: "storage",
  severity: "warning",
  crossResource: true,
  appliesTo: ["PersistentVolumeClaim"],
  summary: "PersistentVolumes of the claim's storage class exist, but none can bind the claim.",
  explanation: `For a claim without dynamic provisioning the PV controller looks for a PersistentVolume of
exactly the same storageClassName that is not reserved for another claim, offers every
requested access mode, has the same volumeMode, at least the requested capacity and labels
matching the claim's selector. It tries the volumes with the fewest access modes that cover the
claim's first, and among those takes the smallest (pkg/controller/volume/persistentvolume/index.go,
findByClaim). When no volume fits, the
claim stays Pending and so does every pod that mounts it, with the event "no persistent
volumes available for this claim". This rule replays that matching over the PVs of the input
and names the criterion the nearest volume fails. Claims of a class that a StorageClass of
the input provisions dynamically, and classes with no PV in the input, are not judged; nor is
a class the input defines no StorageClass for when one of its PVs is a volume that provisioners
make (a CSI driver's, a cloud disk): the class then most likely provisions in the cluster (a
pre-provisioned Longhorn or EBS volume beside claims for new ones). A class of hand-made volumes
(hostPath, local, nfs) without a StorageClass, the \`manual\` class of the tutorials, is judged.
Volumes of a sibling folder (another sample of one repository) are not offered to a claim without a
namespace of its own (none written, or \`default\`).`,
  fix: "Change the claim or the volume so that the named criterion holds (a smaller request, the same volumeMode, matching labels or class), or add a volume that fits.",
  preventsStatus: ["Pending", "Unschedulable"],
  check({ resource, index, memo, report }) {
    const b = claimBindings(index).get(resource);
    if (!b) return;
    if (b.state === "pinned-mismatch" && b.mismatch.criterion !== "accessModes") {
      const byName = resource.spec("PersistentVolumeClaim")?.volumeName === b.volume.name;
      report({
        path: b.mismatch.claimPath,
        message: `${byName ? "volumeName pins" : "the claimRef of"} PersistentVolume "${b.volume.name}"${byName ? "" : " reserves it"} but it cannot bind this claim: ${b.mismatch.message}`,
        hint: HINTS[b.mismatch.criterion](b.volume.name, byName),
        related: { resource: b.volume, path: b.mismatch.volumePath, message: "pinned PersistentVolume" },
      });
    } else if (b.state === "unbound") {
      const cls = requestedClass(resource, index);
      // The volumes of another sample are not offered to this claim (models/placement.ts).
      if ((memo(VOLUMES_BY_CLASS, () => volumesByClass(index)).get(cls) ?? []).every((pv) => appliedApart(resource, pv))) return;
      // No class written and no default StorageClass in the input: the cluster's DefaultStorageClass
      // admission decides (plugin/pkg/admission/storage/storageclass/setdefault), so say both outcomes.
      const unset = cls === "" && resource.annotations[CLASS_ANNOTATION] === undefined && typeof resource.spec("PersistentVolumeClaim")?.storageClassName !== "string";
      report({
        path: b.mismatch.claimPath,
        message: unset
          ? `no PersistentVolume without a storage class can bind this claim, which names no storageClassName; the nearest, "${b.nearest.name}", fails on ${b.mismatch.criterion}: ${b.mismatch.message} (on a cluster with a default StorageClass the claim gets that class and a new volume, and these volumes stay unused)`
          : `no PersistentVolume ${cls === "" ? "without a storage class" : `of class "${cls}"`} can bind this claim; the nearest, "${b.nearest.name}", fails on ${b.mismatch.criterion}: ${b.mismatch.message}`,
        hint: `${HINTS[b.mismatch.criterion](b.nearest.name, false)}${unset ? '; set storageClassName: "" to bind only to a volume without a class' : ""}`,
        related: { resource: b.nearest, path: b.mismatch.volumePath, message: "nearest PersistentVolume" },
      });
    }
  },
});
