/**
 * CronJob schedules as the API server validates them (robfig/cron's ParseStandard, plus the
 * CronJob rules on TZ in the schedule) and spec.timeZone as Go's time.LoadLocation loads it.
 */
import { cronScheduleProblem, timeZoneProblem } from "../src/models/cron.js";

const accepted = [
  "* * * * *",
  "0 3 * * *",
  "*/15 * * * *",
  "0 9-17 * * 1-5",
  "0 0 1 1 *",
  "0 0 * * sun",
  "0 0 * JAN-DEC MON-FRI",
  "0 0 * jan,jul Sat",
  "5/10 * * * *",
  "0 0 ? * *",
  "1,2,3 * * * *",
  "0-59/5 * * * *",
  "59 23 31 12 6",
  "0 0 1-31/2 * *",
  "0 0 * * 0",
  "0 0  * * *",
  "0\t0 * * *",
  "+5 * * * *",
  "*-5 * * * *",
  "@yearly",
  "@annually",
  "@monthly",
  "@weekly",
  "@daily",
  "@midnight",
  "@hourly",
  "@every 1h30m",
  "@every 5m",
  "@every 1.5h",
];
const rejected = [
  "",
  "* * * *",
  "0 0 3 * * *",
  "60 * * * *",
  "* 24 * * *",
  "* * 0 * *",
  "* * 32 * *",
  "* * * 13 *",
  "* * * 0 *",
  "* * * * 7",
  "5-1 * * * *",
  "*/0 * * * *",
  "1-2-3 * * * *",
  "*/5/2 * * * *",
  "a * * * *",
  "* * * * mon-fro",
  "* * * foo *",
  "1,,2 * * * *",
  "*/ * * * *",
  "-1 * * * *",
  "L * * * *",
  "0 0 * * 1#2",
  "@every",
  "@every 5",
  "@every 5x",
  "@reboot",
  "@daily ",
  " @daily",
  "CRON_TZ=UTC 0 * * * *",
  "TZ=Europe/Berlin 0 3 * * *",
];

describe("cron schedules (robfig/cron standard parser)", () => {
  test.each(accepted)("accepts %j", (s) => {
    expect(cronScheduleProblem(s)).toBeUndefined();
  });
  test.each(rejected)("rejects %j", (s) => {
    expect(cronScheduleProblem(s)).toEqual(expect.any(String));
  });
  test("names the field and the bound", () => {
    expect(cronScheduleProblem("* * * * 7")).toMatch(/day of week.*above maximum \(6\)/);
    expect(cronScheduleProblem("0 0 3 * * *")).toMatch(/exactly 5 fields, found 6/);
  });
  test.each(["0 0 1 constructor *", "0 0 * * valueOf", "0 0 * toString *", "0 0 * * __proto__"])("a month or weekday named like an object member is no name: %j", (s) => {
    expect(cronScheduleProblem(s)).toMatch(/failed to parse int from/);
  });
});

describe("CronJob timeZone (time.LoadLocation)", () => {
  test.each(["Europe/Berlin", "America/New_York", "UTC", "Etc/UTC", "US/Eastern", "America/Argentina/Buenos_Aires", "Etc/GMT+2", "Asia/Kolkata"])("accepts %j", (tz) => {
    expect(timeZoneProblem(tz)).toBeUndefined();
  });
  test.each(["", "Local", "local", "europe/berlin", "utc", "Mars/Olympus", "UTC+2", "../etc/passwd", "Europe/Berlin/", "America/Los Angeles", "Europe/-Berlin"])("rejects %j", (tz) => {
    expect(timeZoneProblem(tz)).toEqual(expect.any(String));
  });
});
