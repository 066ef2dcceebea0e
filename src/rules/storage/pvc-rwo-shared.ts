import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { runningPods } from "../../models/workloads.js";
import { defineRule } from "../types.js";

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
ReadWriteMany volume.`,
  fix: "Use a StatefulSet with volumeClaimTemplates for per-replica storage, a ReadWriteMany storage class for shared files, or one replica.",
  preventsStatus: ["ContainerCreating", "Pending", "Unschedulable"],
  check({ resource, index, memo, report }) {
    const tpl = resource.podTemplate!;
    const seen = new Set<string>();
    (tpl.spec.volumes ?? []).forEach((v, i) => {
      const name = v?.persistentVolumeClaim?.claimName;
      if (!name || seen.has(name)) return;
      seen.add(name);
      const claim = index.find("PersistentVolumeClaim", resource.namespace, name, resource);
      const modes = claim?.get(["spec", "accessModes"]);
      if (!claim || !Array.isArray(modes) || !modes.length || !modes.every((m) => SINGLE_NODE_MODES.has(m as string))) return;
      const mode = modes.includes("ReadWriteOncePod") ? "ReadWriteOncePod" : "ReadWriteOnce";
      const path = [...tpl.specPath, "volumes", i, "persistentVolumeClaim", "claimName"];
      const many = manyPods(resource);
      if (many) {
        report({
          path,
          message: `${mode} claim "${name}" is mounted by ${many} "${resource.name}"`,
          hint: "use volumeClaimTemplates of a StatefulSet for per-replica disks, or a ReadWriteMany claim",
          related: { resource: claim, path: ["spec", "accessModes"], message: "claim access modes" },
        });
        return;
      }
      // Copies of one workload (variant folders) are one workload.
      const mounts = memo(CLAIM_MOUNTS, () => claimMounts(index)).get(`${resource.namespace}/${name}`) ?? [];
      const others = mounts.filter((o, i) => !o.sameObject(resource) && mounts.findIndex((m) => m.sameObject(o)) === i);
      if (!others.length) return;
      report({
        path,
        message: `${mode} claim "${name}" is also mounted by ${others[0].kind} "${others[0].name}"${others.length > 1 ? ` and ${others.length - 1} more` : ""}`,
        hint: "give each workload its own claim, or use a ReadWriteMany claim",
        related: { resource: others[0], path: [...others[0].podTemplate!.specPath, "volumes"], message: "also mounts the claim" },
      });
    });
  },
});
