import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "cronjob-starting-deadline-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: ["CronJob"],
  summary: "A CronJob sets no startingDeadlineSeconds.",
  explanation: `Without startingDeadlineSeconds a CronJob has no limit on how late a missed run may start.
After the controller was down (a control-plane upgrade), the CronJob was suspended, or the
cluster was restored from backup, it starts the missed run whenever it catches up: the nightly
backup runs at noon, the report is mailed twice. And when it counts more than 100 missed
schedules since the last run it does not start the job at all and only logs "too many missed
start times", which leaves a frequent CronJob silently stopped (CronJob documentation, "Job
creation"). A deadline makes the controller skip runs too late to matter and count missed
schedules only within it. kube-score reports it (cronjob-has-deadline).`,
  fix: "Set spec.startingDeadlineSeconds, e.g. a fraction of the schedule's interval (300 for an hourly job).",
  preventsStatus: [],
  check({ resource, report }) {
    if (resource.get(["spec", "startingDeadlineSeconds"]) !== undefined) return;
    report({
      path: ["spec", "schedule"],
      target: "key",
      message: `CronJob "${resource.name}" sets no startingDeadlineSeconds: a missed run starts however late, or not at all after 100 misses`,
      hint: "set spec.startingDeadlineSeconds",
    });
  },
});
