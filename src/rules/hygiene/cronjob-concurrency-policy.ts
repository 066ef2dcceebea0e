import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "cronjob-concurrency-policy",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["CronJob"],
  summary: "A CronJob allows concurrent runs (concurrencyPolicy Allow, the default).",
  explanation: `With concurrencyPolicy Allow (the default) the controller starts the next run on schedule
even while the previous one is still running. A job that slows down (a bigger table, a slow
API) then piles up: two backups write the same file, two migrations run at once, the copies
compete for the resources that made them slow and more overlap, until the namespace quota or
the node is exhausted. Forbid skips a run while the previous one is active; Replace stops the
previous one. Choosing one of them says what overlapping runs should do; Allow is right only
for jobs that are safe to run in parallel, and then it should be written down.`,
  fix: "Set spec.concurrencyPolicy: Forbid (or Replace); write Allow explicitly if overlapping runs are safe.",
  preventsStatus: [],
  check({ resource, report }) {
    if (resource.get(["spec", "concurrencyPolicy"]) !== undefined) return;
    report({
      path: ["spec", "schedule"],
      target: "key",
      message: `CronJob "${resource.name}" starts a new run even while the previous one is still running (concurrencyPolicy defaults to Allow)`,
      hint: "set spec.concurrencyPolicy: Forbid or Replace",
    });
  },
});
