/** Pod Security Standards, restricted: policy/check_restrictedVolumes.go (restrictedVolumes_1_0, overriding hostPathVolumes). */
import { defineRule } from "../types.js";
import { asMap, podSpec, shown } from "./policy.js";

/** The volume sources restricted pods may use. */
export const ALLOWED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
]);

/** The other volume sources of the core API, as restrictedVolumes_1_0 names them. */
const RESTRICTED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder",
  "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
]);

export const rule = defineRule({
  id: "pss-restricted-volumes",
  category: "pod-security",
  severity: "warning",
  appliesTo: "workloads",
  checksPatches: true,
  presets: ["security"],
  podSecurityCheck: { id: "restrictedVolumes", level: "restricted" },
  supersedes: ["hostpath-volume"],
  summary: "Pod Security Standards (restricted): a pod uses a volume type restricted pods may not use.",
  explanation: `The restricted Pod Security Standard allows only these volume types: configMap, csi, downwardAPI,
emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret. Every other source
(hostPath, nfs, iscsi, gitRepo, the in-tree cloud disks...) mounts storage directly into the pod,
bypassing PersistentVolumes and the cluster administrator's control over them, and hostPath
exposes the node itself; a namespace enforcing restricted rejects the pod. A volume that names no
source is defaulted to emptyDir by the API server and is allowed. At the restricted level this
check replaces the baseline hostPathVolumes check.`,
  fix: "Use a PersistentVolumeClaim (bound to a PersistentVolume of that type, or a CSI driver), a ConfigMap, Secret, projected volume or emptyDir instead.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const volumes = podSpec(tpl).volumes;
    if (!Array.isArray(volumes)) return;
    volumes.forEach((v, i) => {
      const volume = asMap(v);
      if (!volume) return;
      const sources = Object.keys(volume).filter((k) => volume[k] !== null && volume[k] !== undefined);
      if (sources.some((k) => ALLOWED_VOLUME_SOURCES.has(k))) return;
      const restricted = sources.find((k) => RESTRICTED_VOLUME_SOURCES.has(k));
      if (restricted === undefined) return;
      report({
        path: [...tpl.specPath, "volumes", i, restricted],
        message: `volume ${shown(volume.name ?? "")} uses the restricted volume type "${restricted}"`,
        hint: "replace it with a PersistentVolumeClaim, ConfigMap, Secret, projected volume or emptyDir",
      });
    });
  },
});
