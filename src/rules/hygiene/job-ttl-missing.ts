import { defineRule } from "../types.js";

/** Annotations of tools that delete the Job themselves. */
const DELETED_BY = ["helm.sh/hook-delete-policy", "argocd.argoproj.io/hook-delete-policy"];

export const rule = defineRule({
  id: "job-ttl-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["Job"],
  summary: "A Job of the manifests sets no ttlSecondsAfterFinished, so it stays after it finished.",
  explanation: `A finished Job and its pods stay in the cluster until someone deletes them: nothing cleans
up a Job that no CronJob owns. Besides clutter and pods kept in etcd, the next apply of the
same manifest fails, because a Job's pod template is immutable ("field is immutable") while
the old Job exists, so deploy pipelines that apply a migration Job break on the second run.
ttlSecondsAfterFinished makes the TTL-after-finished controller delete the Job and its pods
that many seconds after it completes or fails. kube-linter reports it
(job-ttl-seconds-after-finished). Jobs deleted by their deploy tool (helm.sh/hook-delete-policy,
argocd.argoproj.io/hook-delete-policy) are not reported; Jobs that a CronJob creates are judged
by the CronJob's history limits.`,
  fix: "Set spec.ttlSecondsAfterFinished (e.g. 3600 to keep logs for an hour).",
  preventsStatus: [],
  check({ resource, report }) {
    if (resource.get(["spec", "ttlSecondsAfterFinished"]) !== undefined) return;
    if (DELETED_BY.some((a) => resource.annotations[a] !== undefined)) return;
    // A generateName Job is created afresh each time (kubectl create): nothing is re-applied, but each one stays.
    const generated = typeof resource.get(["metadata", "name"]) !== "string" && typeof resource.get(["metadata", "generateName"]) === "string";
    report({
      path: ["spec"],
      target: "key",
      message: generated
        ? `each Job made from this manifest (generateName "${resource.get(["metadata", "generateName"])}") is never deleted after it finishes: every run leaves its Job and pods behind`
        : `Job "${resource.name}" is never deleted after it finishes, and re-applying a changed copy fails while it exists`,
      hint: "set spec.ttlSecondsAfterFinished",
    });
  },
});
