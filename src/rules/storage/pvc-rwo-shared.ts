import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { runningPods } from "../../models/workloads.js";
import { defineRule } from "../types.js";
import { appliedApart } from "../../models/placement.js";

const SINGLE_NODE_MODES = new Set(["ReadWriteOnce", "ReadWriteOncePod"]);

const CLAIM_MOUNTS = memoKey<Map<string, Resource[]>>("workloads mounting each claim");

/** namespace/claim -> the workloads that mount it. */
function claimMounts(index: ResourceIndex): Map<string, Resource[]> {
  const map = new Map<string, Resource[]>();
  for (const owner of index.all) {
    const tpl = runningPods(owner);
    if (!tpl) continue;
    const seen = new Set<string>();
    for (const v of tpl.spec.volumes ?? []) {
      const name = v?.persistentVolumeClaim?.claimName;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const key = `${owner.namespace}/${name}`;
      const list = map.get(key);
      if (list) list.push(owner);
      else map.set(key, [owner]);
    }
  }
  return map;
}

/**
 * Provisioners whose volumes live on one node: local-path-provisioner, and the class of
 * statically created local PersistentVolumes.
 */
const NODE_LOCAL_PROVISIONERS = new Set(["rancher.io/local-path", "kubernetes.io/no-provisioner"]);

/**
 * Why the claim's volume is known to live on one node, else undefined. The PersistentVolume of
 * such a volume carries a node affinity, and the scheduler (VolumeBinding plugin) places every
 * pod that mounts it on that node: the pods share the node instead of failing to attach.
 */
function nodeLocal(claim: Resource, index: ResourceIndex): string | undefined {
  const volumeName = claim.get(["spec", "volumeName"]);
  if (typeof volumeName === "string" && volumeName) {
    const volume = index.findInSet("PersistentVolume", "", volumeName, claim);
    if (volume?.get(["spec", "local"])) return `PersistentVolume "${volumeName}" is a local volume`;
  }
  const className = claim.get(["spec", "storageClassName"]);
  if (typeof className !== "string" || !className) return undefined;
  const provisioner = index.findInSet("StorageClass", "", className, claim)?.get(["provisioner"]);
  return typeof provisioner === "string" && NODE_LOCAL_PROVISIONERS.has(provisioner) ? `StorageClass "${className}" provisions with ${provisioner}` : undefined;
}

/** How many pods of the workload may run at once, when more than one. */
function manyPods(resource: Resource): string | undefined {
  if (resource.kind === "DaemonSet") return "one pod per node of DaemonSet";
  const spec = resource.kind === "Pod" || resource.kind === "CronJob" ? undefined : resource.spec(resource.kind as "Deployment");
  if (!spec) return undefined;
  if (resource.kind === "Job") return spec.parallelism !== undefined && spec.parallelism > 1 ? `${spec.parallelism} parallel pods of Job` : undefined;
  const replicas = spec.replicas ?? 1;
  return replicas > 1 ? `${replicas} replicas of ${resource.kind}` : undefined;
}

export const rule = defineRule({
  id: "pvc-rwo-shared",
  category: "storage",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A ReadWriteOnce claim is mounted by a workload with several replicas, or by several workloads.",
  explanation: `A ReadWriteOnce volume can be attached to one node at a time (ReadWriteOncePod: one pod).
When several replicas, a DaemonSet, or several workloads mount the same claim, the first pod
gets the disk and every pod scheduled on another node hangs in ContainerCreating with a
"Multi-Attach error ... Volume is already used by pod(s)" event. It may even work by luck
while all pods land on one node, and break on the next reschedule. Replicas that need their
own disks want a StatefulSet with volumeClaimTemplates; replicas that share files need a
ReadWriteMany volume. A node-local ReadWriteOnce volume (a local PersistentVolume, or a
StorageClass provisioned by rancher.io/local-path or kubernetes.io/no-provisioner) cannot hang
that way: its node affinity makes the scheduler put every pod that mounts it on its one node.
The pods then share that node, never spread (a pod that does not fit there stays Pending), and
that is reported as info. ReadWriteOncePod admits one pod even on one node.
A workload of a sibling folder (another sample of one repository) does not share the claim
when neither names a namespace of its own (none written, or \`default\`).`,
  fix: "Use a StatefulSet with volumeClaimTemplates for per-replica storage, a ReadWriteMany storage class for shared files, or one replica.",
  preventsStatus: ["ContainerCreating", "Pending", "Unschedulable"],
  check({ resource, index, memo, report }) {
    const tpl = resource.podTemplate!;
    const seen = new Set<string>();
    (tpl.spec.volumes ?? []).forEach((v, i) => {
      const name = v?.persistentVolumeClaim?.claimName;
      if (!name || seen.has(name)) return;
      seen.add(name);
      const claim = index.findInSet("PersistentVolumeClaim", resource.namespace, name, resource);
      const modes = claim?.get(["spec", "accessModes"]);
      if (!claim || !Array.isArray(modes) || !modes.length || !modes.every((m) => SINGLE_NODE_MODES.has(m as string))) return;
      const mode = modes.includes("ReadWriteOncePod") ? "ReadWriteOncePod" : "ReadWriteOnce";
      const path = [...tpl.specPath, "volumes", i, "persistentVolumeClaim", "claimName"];
      const local = mode === "ReadWriteOnce" ? nodeLocal(claim, index) : undefined;
      const onOneNode = local ? { severity: "info" as const } : {};
      const many = manyPods(resource);
      if (many) {
        report({
          path,
          message: `${mode} claim "${name}" is mounted by ${many} "${resource.name}"${local ? `: its volume is node-local (${local}), so every pod runs on that one node` : ""}`,
          hint: local ? "use volumeClaimTemplates of a StatefulSet if the pods should spread over nodes, each with a disk of its own" : "use volumeClaimTemplates of a StatefulSet for per-replica disks, or a ReadWriteMany claim",
          related: { resource: claim, path: ["spec", "accessModes"], message: "claim access modes" },
          ...onOneNode,
        });
        return;
      }
      // Copies of one workload (variant folders) are one workload.
      const mounts = memo(CLAIM_MOUNTS, () => claimMounts(index)).get(`${resource.namespace}/${name}`) ?? [];
      const others = mounts.filter((o, i) => !o.sameObject(resource) && mounts.findIndex((m) => m.sameObject(o)) === i && !appliedApart(resource, o));
      if (!others.length) return;
      report({
        path,
        message: `${mode} claim "${name}" is also mounted by ${others[0].kind} "${others[0].name}"${others.length > 1 ? ` and ${others.length - 1} more` : ""}${local ? `: its volume is node-local (${local}), so their pods all run on that one node` : ""}`,
        hint: local ? "give each workload its own claim if their pods should run on different nodes" : "give each workload its own claim, or use a ReadWriteMany claim",
        related: { resource: others[0], path: [...others[0].podTemplate!.specPath, "volumes"], message: "also mounts the claim" },
        ...onOneNode,
      });
    });
  },
});
