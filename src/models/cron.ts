/**
 * CronJob schedules as the API server validates them: robfig/cron's standard parser
 * (`cron.ParseStandard`: five fields, or a descriptor such as `@daily`), plus the CronJob
 * rules on time zones (`TZ=` in the schedule is rejected; `spec.timeZone` must be an IANA name).
 */

interface Bounds {
  name: string;
  min: number;
  max: number;
  names?: ReadonlyMap<string, number>;
}

const MONTHS: ReadonlyMap<string, number> = new Map(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]));
const DAYS: ReadonlyMap<string, number> = new Map(["sun", "mon", "tue", "wed", "thu", "fri", "sat"].map((d, i) => [d, i]));

const FIELDS: Bounds[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 6, names: DAYS },
];

const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;

/** Go's strconv.Atoi on a non-negative field value: optional sign, decimal digits. */
function parseUint(expr: string): number | string {
  if (!/^[+-]?\d+$/.test(expr)) return `failed to parse int from "${expr}"`;
  const n = Number(expr);
  if (n < 0) return `negative number (${n}) not allowed: "${expr}"`;
  return n;
}

function parseIntOrName(expr: string, b: Bounds): number | string {
  if (b.names) {
    const named = b.names.get(expr.toLowerCase());
    if (named !== undefined) return named;
  }
  return parseUint(expr);
}

/** One comma-separated part of a field: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function checkRange(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const star = lowAndHigh[0] === "*" || lowAndHigh[0] === "?";
  let start: number;
  let end: number;
  if (star) {
    start = b.min;
    end = b.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], b);
    if (typeof s === "string") return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], b);
      if (typeof e === "string") return e;
      end = e;
    } else return `too many hyphens: "${expr}"`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const st = parseUint(rangeAndStep[1]);
    if (typeof st === "string") return st;
    step = st;
    // "n/step" means from n to the field's maximum.
    if (!star && lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: "${expr}"`;
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): "${expr}"`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): "${expr}"`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): "${expr}"`;
  if (step === 0) return `step of range should be a positive number: "${expr}"`;
  return undefined;
}

/** Why the API server rejects a new CronJob's schedule, or undefined when it accepts it. */
export function cronScheduleProblem(schedule: string): string | undefined {
  if (schedule.length === 0) return "empty spec string";
  if (schedule.includes("TZ")) return "cannot use TZ or CRON_TZ in schedule, use the timeZone field instead";
  // Descriptors are matched exactly (no trimming), as robfig/cron does.
  const spec = schedule;
  if (spec.startsWith("@")) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith("@every ")) {
      const d = spec.slice("@every ".length);
      return GO_DURATION.test(d) ? undefined : `failed to parse duration "${d}"`;
    }
    return `unrecognized descriptor: "${spec}"`;
  }
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: "${spec}"`;
  for (let i = 0; i < 5; i++) {
    for (const part of fields[i].split(",")) {
      const problem = checkRange(part, FIELDS[i]);
      if (problem) return `${FIELDS[i].name}: ${problem}`;
    }
  }
  return undefined;
}

const TZ_COMPONENT = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Why spec.timeZone is rejected, or undefined when Go's time.LoadLocation would load it. */
export function timeZoneProblem(timeZone: string): string | undefined {
  if (timeZone.length === 0) return "timeZone must be nil or a non-empty string";
  for (const part of timeZone.split("/")) {
    if (part === "." || part === ".." || part.startsWith("-") || !TZ_COMPONENT.test(part)) return `unknown time zone "${timeZone}"`;
  }
  if (timeZone.toLowerCase() === "local") return "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones";
  if (timeZone === "UTC") return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return `unknown time zone "${timeZone}"`;
  }
  // ICU matches names case-insensitively, the tz database (and Go) does not.
  const wrongCase = (resolved.toLowerCase() === timeZone.toLowerCase() && resolved !== timeZone) || timeZone.split("/").some((p) => !/^[A-Z]/.test(p));
  if (wrongCase) return `unknown time zone "${timeZone}" (time zone names are case-sensitive${resolved.toLowerCase() === timeZone.toLowerCase() ? `: "${resolved}"` : ""})`;
  return undefined;
}
