import { cronScheduleProblem, timeZoneProblem } from "../../models/cron.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "invalid-cron-schedule",
  category: "workloads",
  severity: "error",
  appliesTo: ["CronJob"],
  checksPatches: true,
  summary: "A CronJob's schedule or timeZone is not accepted by the API server.",
  explanation: `The API server parses spec.schedule with the standard cron parser of the CronJob
controller: exactly five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or jan-dec,
day of week 0-6 or sun-sat) with lists, ranges, steps and \`*\`/\`?\`, or a macro such as @daily,
@hourly or @every 1h. A sixth (seconds) field, 7 for Sunday, or a range outside those bounds is
rejected, so the CronJob is never created. A time zone is set with spec.timeZone (an IANA name,
case-sensitive, such as "Europe/Berlin"), not with TZ= or CRON_TZ= in the schedule.`,
  fix: `Write five fields (e.g. "0 3 * * 1-5") or a macro, and put the time zone in spec.timeZone.`,
  preventsStatus: [],
  check({ resource, report }) {
    const spec = resource.spec("CronJob");
    if (typeof spec?.schedule === "string") {
      const problem = cronScheduleProblem(spec.schedule);
      if (problem) {
        report({
          path: ["spec", "schedule"],
          message: `schedule "${spec.schedule}" is invalid: ${problem}`,
          hint: problem.includes("TZ") ? "move the time zone to spec.timeZone" : `write five fields (minute hour day-of-month month day-of-week) or a macro such as @daily`,
        });
      }
    }
    if (typeof spec?.timeZone === "string") {
      const problem = timeZoneProblem(spec.timeZone);
      if (problem) report({ path: ["spec", "timeZone"], message: `timeZone "${spec.timeZone}" is invalid: ${problem}`, hint: `use an IANA time zone name such as "Etc/UTC" or "Europe/Berlin"` });
    }
  },
});
