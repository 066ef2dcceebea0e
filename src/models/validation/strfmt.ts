/**
 * The string formats the API server checks on custom resources, as it checks them: the formats of
 * k8s.io/apiextensions-apiserver/pkg/apiserver/validation/formats.go (supportedVersionedFormats
 * since 1.0; a CRD's other formats are stripped before validation, as are formats on a schema
 * whose type is neither string nor empty) with the validators of kube-openapi's
 * pkg/validation/strfmt Default registry (default.go, date.go, time.go, duration.go, bson.go, and
 * asaskevich/govalidator as frozen in pkg/internal/third_party/govalidator). Both look a format up
 * without its '-' (strfmt DefaultNameNormalizer): `date-time` is `datetime`. Not checked:
 * `password` (its validator accepts anything) and the k8s-short-name and k8s-long-name formats,
 * only supported from 1.34.
 */
import { cidrProblem, ipProblem } from "./formats.js";

interface StringFormat {
  /** Whether the API server accepts the value; true where unsure (only sure refusals are reported). */
  valid: (s: string) => boolean;
  /** How messages name a value of the format, with its article. */
  what: string;
}

/** Go's len(): the UTF-8 length. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** RE2's \s, narrower than JavaScript's. */
const GO_SPACE = "[\\t\\n\\f\\r ]";

/** HostnamePattern of strfmt/default.go: one label with at most one '-', right after its first character, or labels and a TLD of 2-63 letters. */
const HOST_CHAR = "[a-zA-Z0-9\\p{S}\\p{L}]";
const HOSTNAME = new RegExp(`^(${HOST_CHAR}((-?${HOST_CHAR}{0,62})?)|(${HOST_CHAR}(([a-zA-Z0-9\\-\\p{S}\\p{L}]{0,61}${HOST_CHAR})?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$`, "u");

/** strfmt IsHostname: HostnamePattern, at most 255 bytes, labels of at most 63 bytes. */
function isHostname(s: string): boolean {
  return utf8Length(s) <= 255 && HOSTNAME.test(s) && s.split(".").every((label) => utf8Length(label) <= 63);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** strfmt IsDate: time.Parse("2006-01-02"), which checks the day against the month (and leap years). */
function isDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/**
 * strfmt IsDateTime (time.go): lower-cased and split at each "t", a date before the first and
 * DateTimePattern on what follows it (anything after a second "t" is not read); no space separator.
 */
function isDateTime(s: string): boolean {
  const parts = s.toLowerCase().split("t");
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = /^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/u.exec(parts[1]);
  return m !== null && m[1] <= "23" && m[2] <= "59" && m[3] <= "59";
}

const GO_DURATION_UNITS: Record<string, bigint> = { ns: 1n, us: 1000n, "\u00b5s": 1000n, "\u03bcs": 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };
const INT64_LIMIT = 1n << 63n;

/** Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` or "0", units ns to h, within int64 nanoseconds. */
function isGoDuration(s: string): boolean {
  const neg = s.startsWith("-");
  let rest = neg || s.startsWith("+") ? s.slice(1) : s;
  if (rest === "0") return true;
  if (rest === "") return false;
  let total = 0n;
  while (rest !== "") {
    const number = /^([0-9]*)(?:\.([0-9]*))?/.exec(rest)!;
    const [whole, fraction] = [number[1], number[2] ?? ""];
    if (!whole && !fraction) return false;
    if (whole && BigInt(whole) > INT64_LIMIT) return false;
    rest = rest.slice(number[0].length);
    const name = /^[^.0-9]*/.exec(rest)![0];
    rest = rest.slice(name.length);
    const unit = Object.hasOwn(GO_DURATION_UNITS, name) ? GO_DURATION_UNITS[name] : undefined;
    if (!unit) return false;
    let v = BigInt(whole || "0");
    if (v > INT64_LIMIT / unit) return false;
    v = v * unit + (fraction ? BigInt(Math.floor(Number(`0.${fraction}`) * Number(unit))) : 0n);
    total += v;
    if (v > INT64_LIMIT || total > INT64_LIMIT) return false;
  }
  return neg || total < INT64_LIMIT;
}

/** strfmt's timeUnits: a unit is one of these, or starts with the last of its group ("days", "minutes"). */
const SCALA_UNITS = [["ns", "nano"], ["us", "\u00b5s", "micro"], ["ms", "milli"], ["s", "sec"], ["m", "min"], ["h", "hr", "hour"], ["d", "day"], ["w", "wk", "week"]];

/**
 * strfmt IsDuration (duration.go ParseDuration): Go's time.ParseDuration, else "scala" durations:
 * any number-and-unit match of `(\d+)\s*([A-Za-zµ]+)` with a known unit makes the whole text
 * valid ("30 days", "P1D", "every 5 min"); a number beyond int64 (strconv.Atoi) refuses it.
 */
function isDuration(s: string): boolean {
  if (isGoDuration(s)) return true;
  let ok = false;
  for (const m of s.matchAll(new RegExp(`(\\d+)${GO_SPACE}*([A-Za-z\u00b5]+)`, "g"))) {
    if (BigInt(m[1]) >= INT64_LIMIT) return false;
    const unit = m[2].toLowerCase();
    if (SCALA_UNITS.some((group) => group.some((v, i) => v === unit || (i === group.length - 1 && unit.startsWith(v))))) ok = true;
  }
  return ok;
}

/** govalidator IsMAC, net.ParseMAC: 6, 8 or 20 bytes as hex pairs joined by one ':' or '-' throughout, or as dotted groups of four hex digits. */
function isMAC(s: string): boolean {
  if (s.length < 14) return false;
  const colons = s[2] === ":" || s[2] === "-";
  if (!colons && s[4] !== ".") return false;
  const groups = s.split(colons ? s[2] : ".");
  const digits = colons ? 2 : 4;
  return (colons ? [6, 8, 20] : [3, 4, 10]).includes(groups.length) && groups.every((g) => g.length === digits && /^[0-9A-Fa-f]+$/.test(g));
}

/** RFC 5322 atext (ASCII), the characters of an unquoted local part or domain besides '.'. */
const BARE_ADDRESS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.@]+$/;

/**
 * strfmt IsEmail, net/mail.ParseAddress, judged only where sure: text without '@' has no
 * addr-spec; text of atext, '.' and '@' alone (around spaces or tabs) must be exactly one
 * local@domain of dot-atoms (no leading, trailing or doubled '.'; a domain needs no dot). Display
 * names, angle brackets, quoted local parts, comments, domain literals and non-ASCII text are
 * not judged.
 */
function isEmail(s: string): boolean {
  if (!s.includes("@")) return false;
  const bare = s.replace(/^[ \t]+|[ \t]+$/g, "");
  if (!BARE_ADDRESS.test(bare)) return true;
  const atoms = bare.split("@");
  return atoms.length === 2 && atoms.every((a) => a !== "" && !a.startsWith(".") && !a.endsWith(".") && !a.includes(".."));
}

/**
 * govalidator IsRequestURI, net/url.ParseRequestURI, judged only where sure: not empty, no
 * control character, "*", or a scheme (letters, then letters, digits, '+', '-', '.') and ':', or a
 * path starting with '/'; '%' in the path (before '?') starts two hex digits. The authority of
 * "scheme://" (host, port, userinfo) is not judged.
 */
function isRequestURI(s: string): boolean {
  if (s === "" || /[\x00-\x1f\x7f]/.test(s)) return false;
  if (s === "*") return true;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*|):/.exec(s);
  if (scheme && scheme[1] === "") return false;
  const rest = (scheme ? s.slice(scheme[0].length) : s).split("?")[0];
  if (!rest.startsWith("/")) return scheme !== null;
  const path = scheme && rest.startsWith("//") ? rest.slice(2).replace(/^[^/]*/, "") : rest;
  return !/%(?![0-9A-Fa-f]{2})/.test(path);
}

/** govalidator IsISBN: without spaces and '-', nine digits and a check digit or 'X' (weighted sum divisible by 11), or thirteen digits (weights 1, 3). */
function isISBN(s: string, version: 10 | 13): boolean {
  const d = s.replace(new RegExp(`(?:${GO_SPACE}|-)+`, "g"), "");
  const digit = (i: number) => d.charCodeAt(i) - 48;
  if (version === 10) {
    if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(d)) return false;
    let sum = d[9] === "X" ? 100 : 10 * digit(9);
    for (let i = 0; i < 9; i++) sum += (i + 1) * digit(i);
    return sum % 11 === 0;
  }
  if (!/^[0-9]{13}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 ? 3 : 1) * digit(i);
  return digit(12) === (10 - (sum % 10)) % 10;
}

const CREDIT_CARD = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;

/** govalidator IsCreditCard: its digits (anything else is dropped) match a card number pattern and pass the Luhn check. */
function isCreditCard(s: string): boolean {
  const d = s.replace(/[^0-9]+/g, "");
  if (!CREDIT_CARD.test(d)) return false;
  let sum = 0;
  for (let i = d.length - 1, double = false; i >= 0; i--, double = !double) {
    const n = (d.charCodeAt(i) - 48) * (double ? 2 : 1);
    sum += n >= 10 ? (n % 10) + 1 : n;
  }
  return sum % 10 === 0;
}

const RGB_PART = `${GO_SPACE}*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])${GO_SPACE}*`;
const RGB_COLOR = new RegExp(`^rgb\\(${RGB_PART},${RGB_PART},${RGB_PART}\\)$`);

/** The formats by normalized name (without '-'). */
const FORMATS: Record<string, StringFormat> = {
  bsonobjectid: { valid: (s) => /^[0-9A-Fa-f]{24}$/.test(s), what: "a BSON ObjectId (24 hex digits)" },
  uri: { valid: isRequestURI, what: "a request URI (a scheme and ':', or a path starting with '/')" },
  email: { valid: isEmail, what: "an email address" },
  hostname: { valid: isHostname, what: "a hostname (dotted labels ending in 2 to 63 letters, or one label with at most one '-', second)" },
  // strfmt isIPv4: netutils.ParseIPSloppy and a '.', so an IPv4-mapped IPv6 address counts.
  ipv4: { valid: (s) => s.includes(".") && !ipProblem(s), what: "an IPv4 address" },
  // govalidator IsIPv6: net.ParseIP and a ':'; ipProblem's sloppy parse, without its groups of more than four hex digits.
  ipv6: { valid: (s) => s.includes(":") && !ipProblem(s) && !/[0-9A-Fa-f]{5}/.test(s), what: "an IPv6 address" },
  cidr: { valid: (s) => !cidrProblem(s), what: "a CIDR" },
  mac: { valid: isMAC, what: "a MAC address" },
  uuid: { valid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s), what: "a UUID" },
  uuid3: { valid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s), what: "a version 3 UUID" },
  uuid4: { valid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s), what: "a version 4 UUID" },
  uuid5: { valid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(s), what: "a version 5 UUID" },
  isbn: { valid: (s) => isISBN(s, 10) || isISBN(s, 13), what: "an ISBN-10 or ISBN-13" },
  isbn10: { valid: (s) => isISBN(s, 10), what: "an ISBN-10" },
  isbn13: { valid: (s) => isISBN(s, 13), what: "an ISBN-13" },
  creditcard: { valid: isCreditCard, what: "a credit card number" },
  // govalidator IsSSN: 11 bytes.
  ssn: { valid: (s) => utf8Length(s) === 11 && /^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(s), what: "a U.S. social security number (123-45-6789)" },
  hexcolor: { valid: (s) => /^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s), what: "a hex color (#fff or #ffffff)" },
  rgbcolor: { valid: (s) => RGB_COLOR.test(s), what: "an rgb() color (rgb(255,255,255))" },
  // govalidator IsBase64: whole groups of the standard alphabet, the last one required (so not "").
  byte: { valid: (s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(s), what: "base64 text" },
  date: { valid: isDate, what: "a date (YYYY-MM-DD)" },
  duration: { valid: isDuration, what: "a duration (a number and a unit: 90s, 1h30m, 3 days)" },
  datetime: { valid: isDateTime, what: "an RFC 3339 date-time" },
};

/**
 * The format a CRD's schema gives its string values, when the API server checks it: a format of
 * FORMATS (its name without '-') on a schema of type string or without type.
 */
export function crdStringFormat(format: unknown, type: unknown): StringFormat | undefined {
  if (typeof format !== "string" || (type !== undefined && type !== "string")) return undefined;
  const name = format.replace(/-/g, "");
  return Object.hasOwn(FORMATS, name) ? FORMATS[name] : undefined;
}
