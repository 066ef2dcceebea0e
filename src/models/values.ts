/** How a finding names the field at `path` (a list item by its place in its list: `item 1 of "modes"`), quoted. */
export function fieldNameOf(path: ReadonlyArray<string | number>, rootName: string): string {
  const last = path.length ? path[path.length - 1] : rootName;
  if (typeof last !== "number") return JSON.stringify(String(last));
  return `item ${last} of ${JSON.stringify(String(path.length > 1 ? path[path.length - 2] : rootName))}`;
}

/**
 * Why a boolean or number stands where a string belongs: YAML read the unquoted text as that
 * type (`on`, `yes`, `1.10`); YAML 1.1, which kubectl reads, takes y/n, yes/no and on/off for booleans.
 */
/**
 * The field at `path` as an enum message names it, unquoted: its key, a list item by its list's key
 * and index (`accessModes[1]`, `matrix[0][2]`), `rootName` at the root.
 */
export function fieldLabelOf(path: ReadonlyArray<string | number>, rootName: string): string {
  let i = path.length - 1;
  let indices = "";
  for (; i >= 0 && typeof path[i] === "number"; i--) indices = `[${path[i]}]${indices}`;
  return `${i >= 0 ? String(path[i]) : rootName}${indices}`;
}

function unquotedScalarProblem(value: boolean | number): string {
  return `the unquoted value was read as ${kindOfValue(value)}${typeof value === "boolean" ? " (unquoted y, n, yes, no, on and off are booleans in YAML 1.1, which kubectl reads)" : ""}`;
}

/**
 * A boolean or number where a string belongs, as a finding words it. In YAML the text was unquoted
 * and YAML 1.1 read it as that type; in a JSON file (`json`) the author wrote that type.
 */
export function scalarForString(field: string, value: boolean | number, json: boolean): { message: string; hint: string } {
  if (json) return { message: `${field} must be a string, got ${kindOfValue(value)}`, hint: `write it as a string: ${JSON.stringify(String(value))}` };
  return { message: `${field} must be a string, but ${unquotedScalarProblem(value)}`, hint: "quote the value as written to keep it a string" };
}

/** Whether a display path names a JSON file (its findings speak of JSON values, not of unquoted YAML). */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

/** How messages name a JSON value that has the wrong type: "a list", "the string \"x\"". */
export function kindOfValue(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `the boolean ${v}`;
  return `"${String(v)}"`;
}

/**
 * A plain scalar our YAML 1.1 reading keeps as a string but kubectl reads as an integer: the
 * YAML 1.2 octal `0o644`. sigs.k8s.io/yaml decodes with goyaml v2, whose resolve() tries
 * strconv.ParseInt(plain, 0, 64) after dropping "_" (gopkg.in/yaml.v2 resolve.go), and Go's base
 * 0 accepts the 0o prefix since Go 1.13. Undefined for anything else. A quoted "0o644" is a
 * string to kubectl, but the parsed value no longer says it was quoted: it is read as the number.
 */
export function yamlOctalInteger(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^([-+]?)0o([0-7_]+)$/.exec(value);
  if (!m || !/[0-7]/.test(m[2])) return undefined;
  const n = Number.parseInt(m[2].replace(/_/g, ""), 8);
  return Number.isSafeInteger(n) ? (m[1] === "-" ? -n : n) : undefined;
}

/**
 * Whether a field holds a value, for the checks that ask if it is there (a toleration without a
 * key, a claim without access modes): Go's `len(x) > 0`, or `!= nil` for a number or a boolean,
 * read as the API server reads the value once it has its type. A value of the wrong type is there
 * (`key: y`, which YAML 1.1 reads as the boolean true; `verbs: get` where a list belongs; even
 * `apiGroups: ""`): invalid-type reports it and the object is refused for it, so no check reports
 * the field missing as well. An empty string, list or map is not.
 */
export function filled(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") {
    for (const _ in v) return true;
    return false;
  }
  return true;
}

/** `filled` for a list or map field: any value that is not a list or a map (even "") is one of the wrong type, so it is there. */
export function filledList(v: unknown): boolean {
  return typeof v === "object" && v !== null ? filled(v) : v !== undefined && v !== null;
}
