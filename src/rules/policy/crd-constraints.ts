/**
 * The value constraints of a CRD's openAPIV3Schema that the structural walk of
 * rules/schema/crd-validate.ts (types, enums, required, unknown fields) leaves out, checked as
 * the API server checks them on create (k8s.io/apiextensions-apiserver/pkg/apiserver/validation,
 * on kube-openapi's validate package): pattern (RE2), minLength/maxLength (in characters),
 * minimum/maximum (exclusive when exclusiveMinimum/exclusiveMaximum), multipleOf,
 * minItems/maxItems, uniqueItems, minProperties/maxProperties, format (models/validation/strfmt.ts:
 * the formats of apiextensions-apiserver's formats.go, with kube-openapi strfmt's validators),
 * x-kubernetes-list-type set and map (no two items equal, or with the same map keys), and
 * allOf/anyOf/oneOf/not over those. Only CRDs of the input: the bundled schemas carry no value
 * constraints.
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { customResourceSchema, type JsonSchema } from "../../models/crd.js";
import { compileRe2 } from "../../models/cel/regex.js";
import { crdStringFormat } from "../../models/validation/strfmt.js";
import { memoKey } from "../../models/run-memo.js";
import { placeholderNote, replacePlaceholdersHint, samplePlaceholders } from "../../models/catalogue/names.js";
import { exactIntegersOf, pathKey } from "../../models/exact-integers.js";
import type { Path } from "../../types.js";
import type { Finding } from "../types.js";

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const show = (v: unknown) => JSON.stringify(v);
/** A pattern as the user wrote it (JSON.stringify would double every backslash: "^\\d+$"). */
const showPattern = (p: string) => `"${p}"`;

const FINDINGS = memoKey<Map<Resource, Finding[]>>("CRD value constraint findings by resource");

const NO_FINDINGS: readonly Finding[] = [];

export function crdConstraintFindings(resource: Resource, index: ResourceIndex): readonly Finding[] {
  const own = customResourceSchema(resource, index);
  // Only the custom resources of an input CRD take an entry of the run's memo.
  if (!own) return NO_FINDINGS;
  const cache = index.memo.get(FINDINGS, () => new Map());
  let found = cache.get(resource);
  if (!found) {
    found = [];
    const crd = JSON.stringify(own.definition.crd.name);
    const walk: Walk = { crd, exact: exactIntegersOf(resource.raw), bounds: exactIntegersOf(own.definition.crd.raw), schemaRoot: [...own.version.path, "schema", "openAPIV3Schema"] };
    for (const [key, v] of Object.entries(resource.raw)) {
      if (key === "apiVersion" || key === "kind" || key === "metadata" || (key === "status" && own.version.statusSubresource)) continue;
      const props = isMap(own.version.schema.properties) ? own.version.schema.properties : {};
      const sub = Object.hasOwn(props, key) && isMap(props[key]) ? (props[key] as JsonSchema) : undefined;
      if (sub) check(v, sub, [key], ["properties", key], walk, found);
    }
    cache.set(resource, found);
  }
  return found;
}

/** What a walk of one custom resource reads besides its values: the CRD's name, the integers beyond 2^53 of both, as written. */
interface Walk {
  crd: string;
  /** The resource's exact integers, by path (models/exact-integers.ts). */
  exact: ReadonlyMap<string, bigint> | undefined;
  /** The CRD's exact integers, by path: a bound as written. */
  bounds: ReadonlyMap<string, bigint> | undefined;
  /** Where the version's openAPIV3Schema is in the CRD. */
  schemaRoot: Path;
}

/** How messages name the value at `path`: its field, or a list item as `field[i]`. */
function fieldName(path: Path): string {
  const last = path[path.length - 1];
  return typeof last === "number" ? `${String(path[path.length - 2] ?? "")}[${last}]` : String(last);
}

/**
 * Findings of one value against one schema (and below it); `schemaPath`: where the schema is
 * below openAPIV3Schema. `inBranch`: the schema is a branch of allOf, anyOf, oneOf or not (or
 * below one), whose enums the structural walk (crd-validate.ts) does not read: they are checked
 * here, as kube-openapi's validator checks enum in every schema.
 */
function check(value: unknown, schema: JsonSchema, path: Path, schemaPath: Path, walk: Walk, out: Finding[], inBranch = false): void {
  if (value === null || value === undefined) return;
  const crd = walk.crd;
  const field = fieldName(path);
  const report = (message: string, hint: string, target?: "key") => out.push({ path, message: `${message} (CustomResourceDefinition ${crd})`, hint, ...(target ? { target } : {}) });
  if (inBranch && Array.isArray(schema.enum) && !schema.enum.some((e) => sameValue(e, value))) {
    const allowed = schema.enum.map(show).join(", ");
    report(`${field} ${show(value)} is not one of ${allowed}`, `set ${field} to one of ${allowed}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    const max = num(schema.maxLength);
    const min = num(schema.minLength);
    if (max !== undefined && length > max) report(`${field} is ${length} characters long, more than its maxLength ${max}`, `shorten ${field} to at most ${max} characters`);
    if (min !== undefined && length < min) report(`${field} is ${length} character${length === 1 ? "" : "s"} long, less than its minLength ${min}`, `write at least ${min} characters in ${field}`);
    if (typeof schema.pattern === "string") {
      const re = compileRe2(schema.pattern);
      if (typeof re !== "string" && !re.test(value)) {
        const placeholders = samplePlaceholders(value);
        if (placeholders.length) report(`${show(value)} does not match the pattern ${showPattern(schema.pattern)} of ${field}; ${placeholderNote(placeholders)}`, replacePlaceholdersHint(placeholders));
        else report(`${show(value)} does not match the pattern ${showPattern(schema.pattern)} of ${field}`, `change ${field} to match ${showPattern(schema.pattern)}`);
      }
    }
    const format = crdStringFormat(schema.format, schema.type);
    if (format && !format.valid(value)) {
      const what = format.what;
      const placeholders = samplePlaceholders(value);
      if (placeholders.length) report(`${show(value)} is not ${what}, the format ${schema.format} of ${field}; ${placeholderNote(placeholders)}`, replacePlaceholdersHint(placeholders));
      else report(`${show(value)} is not ${what}, the format ${schema.format} of ${field}`, `write ${field} as ${what}`);
    }
  }
  if (typeof value === "number") {
    const exact = walk.exact?.get(pathKey(path));
    const exMax = schema.exclusiveMaximum === true;
    const exMin = schema.exclusiveMinimum === true;
    const max = bound(value, exact, schema, "maximum", [...walk.schemaRoot, ...schemaPath, "maximum"], walk);
    const min = bound(value, exact, schema, "minimum", [...walk.schemaRoot, ...schemaPath, "minimum"], walk);
    if (max && (exMax ? max.order >= 0 : max.order > 0)) report(exMax ? `${field} ${max.value} is not below its exclusive maximum ${max.written}${max.note}` : `${field} ${max.value} is above its maximum ${max.written}${max.note}`, `lower ${field} to ${exMax ? "below" : "at most"} ${max.shown}`);
    if (min && (exMin ? min.order <= 0 : min.order < 0)) report(exMin ? `${field} ${min.value} is not above its exclusive minimum ${min.written}${min.note}` : `${field} ${min.value} is below its minimum ${min.written}${min.note}`, `raise ${field} to ${exMin ? "above" : "at least"} ${min.shown}`);
    const multiple = num(schema.multipleOf);
    if (multiple && Math.abs(value / multiple - Math.round(value / multiple)) > 1e-9) report(`${field} ${value} is not a multiple of ${multiple}`, `set ${field} to a multiple of ${multiple}`);
    if (schema.format === "int32" && Number.isInteger(value) && (value > 2147483647 || value < -2147483648)) report(`${field} ${value} does not fit in an int32`, `set ${field} between -2147483648 and 2147483647`);
  }
  if (Array.isArray(value)) {
    const max = num(schema.maxItems);
    const min = num(schema.minItems);
    if (max !== undefined && value.length > max) report(`${field} has ${value.length} items, more than its maxItems ${max}`, `remove items from ${field} to keep at most ${max}`, "key");
    if (min !== undefined && value.length < min) report(`${field} has ${value.length} items, less than its minItems ${min}`, `add items to ${field} to have at least ${min}`, "key");
    const listType = schema["x-kubernetes-list-type"];
    const keys = Array.isArray(schema["x-kubernetes-list-map-keys"]) ? (schema["x-kubernetes-list-map-keys"] as unknown[]).filter((k): k is string => typeof k === "string") : [];
    const identity = (item: unknown) => (listType === "map" && keys.length && isMap(item) ? JSON.stringify(keys.map((k) => item[k] ?? null)) : JSON.stringify(item));
    if (listType === "set" || listType === "map" || schema.uniqueItems === true) {
      const seen = new Map<string, number>();
      value.forEach((item, i) => {
        const id = identity(item);
        const first = seen.get(id);
        if (first === undefined) return void seen.set(id, i);
        const what = listType === "map" && keys.length ? `has the same ${keys.join(", ")} as item ${first}` : `is equal to item ${first}`;
        out.push({ path: [...path, i], message: `item ${i} of ${field} ${what}: the list is a ${listType === "map" ? "map keyed by " + keys.join(", ") : "set"} (CustomResourceDefinition ${crd})`, hint: `remove the duplicate from ${field}` });
      });
    }
    const items = isMap(schema.items) ? schema.items : undefined;
    if (items) value.forEach((item, i) => check(item, items, [...path, i], [...schemaPath, "items"], walk, out, inBranch));
  } else if (isMap(value)) {
    const count = Object.keys(value).length;
    const max = num(schema.maxProperties);
    const min = num(schema.minProperties);
    if (max !== undefined && count > max) report(`${field} has ${count} entries, more than its maxProperties ${max}`, `remove entries from ${field} to keep at most ${max}`, "key");
    if (min !== undefined && count < min) report(`${field} has ${count} entries, less than its minProperties ${min}`, `add entries to ${field} to have at least ${min}`, "key");
    const props = isMap(schema.properties) ? schema.properties : {};
    const additional = isMap(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (const [key, v] of Object.entries(value)) {
      const own = Object.hasOwn(props, key) && isMap(props[key]);
      const sub = own ? (props[key] as JsonSchema) : additional;
      if (sub) check(v, sub, [...path, key], [...schemaPath, ...(own ? ["properties", key] : ["additionalProperties"])], walk, out, inBranch);
    }
  }
  combinators(value, schema, path, schemaPath, field, walk, out);
}

/** Whether a value equals an enum entry: JSON values, compared as JSON (an object or list entry by its content). */
function sameValue(entry: unknown, value: unknown): boolean {
  if (entry === value) return true;
  return typeof entry === "object" && entry !== null && typeof value === "object" && value !== null && JSON.stringify(entry) === JSON.stringify(value);
}

/**
 * A map with the defaults its schema's properties give filled in where it has no value: the API
 * server defaults a custom resource before it validates it (apiextensions-apiserver
 * pkg/structuraldefaulting, run when the request is decoded), so a branch that tells values apart
 * by a defaulted field (Gateway API's address `type`, IPAddress when absent) sees the default.
 */
function withDefaults(value: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const props = isMap(schema.properties) ? schema.properties : undefined;
  if (!props) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, sub] of Object.entries(props)) {
    if (isMap(sub) && sub.default !== undefined && (value[key] === undefined || value[key] === null)) (out ??= { ...value })[key] = sub.default;
  }
  return out ?? value;
}

/** allOf, anyOf, oneOf and not: a branch holds when checking the value (with its defaults) against it finds nothing. */
function combinators(written: unknown, schema: JsonSchema, path: Path, schemaPath: Path, field: string, walk: Walk, out: Finding[]): void {
  const value = isMap(written) ? withDefaults(written, schema) : written;
  const holds = (branch: unknown, at: Path) => {
    if (!isMap(branch)) return true;
    const found: Finding[] = [];
    check(value, branch, path, at, walk, found, true);
    return found.length === 0 && requiredHold(value, branch);
  };
  const report = (message: string, hint: string) => out.push({ path, message: `${field} ${message} (CustomResourceDefinition ${walk.crd})`, hint, ...(isMap(value) || Array.isArray(value) ? { target: "key" as const } : {}) });
  const matchHint = (keyword: string) => `change ${field} to match what ${keyword} of its schema asks`;
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((branch, i) => isMap(branch) && check(value, branch, path, [...schemaPath, "allOf", i], walk, out, true));
  if (Array.isArray(schema.anyOf) && schema.anyOf.length && !schema.anyOf.some((b, i) => holds(b, [...schemaPath, "anyOf", i]))) {
    const fields = fieldAlternatives(schema.anyOf);
    const formats = fields ? undefined : formatAlternatives(schema.anyOf);
    if (fields) report(`sets none of ${fields}: anyOf of its schema asks for at least one`, `set one of ${fields}`);
    else if (formats && typeof value === "string") report(`${JSON.stringify(value)} is in none of the formats ${formats}`, `write ${field} in one of the formats ${formats}`);
    else report("matches none of the schemas of anyOf", matchHint("anyOf"));
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.length) {
    const n = schema.oneOf.filter((b, i) => holds(b, [...schemaPath, "oneOf", i])).length;
    // Branches that only require fields (`oneOf: [{required: [s3]}, {required: [gcs]}]`) say which fields to set.
    const fields = n !== 1 ? fieldAlternatives(schema.oneOf) : undefined;
    if (fields) report(n === 0 ? `sets none of ${fields}: oneOf of its schema asks for exactly one` : `sets ${n} of ${fields}: oneOf of its schema asks for exactly one`, n === 0 ? `set one of ${fields}` : `keep only one of ${fields}`);
    else if (n === 0 && isMap(value)) {
      // Branches told apart by a value (Gateway API's address type): the one the value selects says what it lacks.
      const selected = selectedBranch(value, written, schema.oneOf, path, [...schemaPath, "oneOf"], walk);
      if (selected) {
        const why = `, which the branch of oneOf for ${selected.selector} asks`;
        for (const f of selected.found) out.push({ ...f, message: f.message.replace(/ \(CustomResourceDefinition [^)]*\)$/, `${why} (CustomResourceDefinition ${walk.crd})`) });
      } else report("matches none of the schemas of oneOf", matchHint("oneOf"));
    } else if (n !== 1) report(n === 0 ? "matches none of the schemas of oneOf" : `matches ${n} of the schemas of oneOf, not exactly one`, matchHint("oneOf"));
  }
  if (isMap(schema.not) && Object.keys(schema.not).length && holds(schema.not, [...schemaPath, "not"])) report("matches the schema it must not match (not)", "not");
}

/**
 * The one branch of a oneOf whose own selecting values hold for `value` (properties the branch
 * gives an enum or a `not` enum: `type: IPAddress`, the default filled in), with what checking
 * `value` against it finds and those values in words (`type "IPAddress" (its default)` where
 * `written` leaves it out); undefined unless
 * exactly one branch is selected so.
 */
function selectedBranch(value: Record<string, unknown>, written: unknown, branches: readonly unknown[], path: Path, schemaPath: Path, walk: Walk): { found: Finding[]; selector: string } | undefined {
  let chosen: { found: Finding[]; selector: string } | undefined;
  for (let i = 0; i < branches.length; i++) {
    const branch = branches[i];
    if (!isMap(branch) || !isMap(branch.properties)) continue;
    const selectors = Object.entries(branch.properties).filter(([, p]) => isMap(p) && (Array.isArray(p.enum) || (isMap(p.not) && Array.isArray(p.not.enum))));
    if (!selectors.length) continue;
    const selects = selectors.every(([k, p]) => {
      const sel = p as JsonSchema;
      return Array.isArray(sel.enum) ? sel.enum.some((e) => sameValue(e, value[k])) : !((sel.not as JsonSchema).enum as unknown[]).some((e) => sameValue(e, value[k]));
    });
    if (!selects) continue;
    if (chosen) return undefined;
    const found: Finding[] = [];
    check(value, branch, path, [...schemaPath, i], walk, found, true);
    const defaulted = (k: string) => !isMap(written) || written[k] === undefined || written[k] === null;
    chosen = { found, selector: selectors.map(([k]) => `${k} ${JSON.stringify(value[k])}${defaulted(k) ? " (its default)" : ""}`).join(", ") };
  }
  return chosen?.found.length ? chosen : undefined;
}

/** The formats of anyOf branches that each only give a format (`ipv4` or `ipv6`), as words; undefined when a branch asks anything else. */
function formatAlternatives(branches: readonly unknown[]): string | undefined {
  const formats: string[] = [];
  for (const branch of branches) {
    if (!isMap(branch) || Object.keys(branch).some((k) => k !== "format") || typeof branch.format !== "string") return undefined;
    formats.push(branch.format);
  }
  return formats.length > 1 ? `${formats.slice(0, -1).join(", ")} or ${formats[formats.length - 1]}` : undefined;
}

/**
 * The alternatives of oneOf or anyOf branches that each only require fields, as words:
 * `"s3" or "gcs"`, `"host" and "port" or "url"`; undefined when a branch asks anything else.
 */
function fieldAlternatives(branches: readonly unknown[]): string | undefined {
  const sets: string[] = [];
  for (const branch of branches) {
    if (!isMap(branch) || Object.keys(branch).some((k) => k !== "required") || !Array.isArray(branch.required) || !branch.required.length) return undefined;
    if (!branch.required.every((f): f is string => typeof f === "string")) return undefined;
    sets.push(branch.required.map((f) => `"${f}"`).join(" and "));
  }
  return sets.length > 1 ? `${sets.slice(0, -1).join(", ")} or ${sets[sets.length - 1]}` : undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** The int64 range (2^63 is the first float64 beyond it). */
const inInt64 = (x: number) => x >= -(2 ** 63) && x < 2 ** 63;

/**
 * Whether a bound, a float64, passes kube-openapi's IsValueValidAgainstRange for the schema's
 * type and format (validate/values.go): its shortest decimal text parses as the integer type
 * (strconv.ParseInt/ParseUint, so a fraction fails) for `type: integer`; a `type: number` bound
 * always does (float32 formats aside, which only bound the range).
 */
function boundFitsType(bound: number, schema: JsonSchema): boolean {
  if (schema.type !== "integer") return schema.format !== "float" && schema.format !== "float32" ? true : Math.abs(bound) <= 3.4028234663852886e38;
  if (!Number.isInteger(bound)) return false;
  const n = BigInt(bound);
  if (schema.format === "int32") return n >= -(2n ** 31n) && n < 2n ** 31n;
  if (schema.format === "uint32") return n >= 0n && n < 2n ** 32n;
  if (schema.format === "uint64") return n >= 0n && n < 2n ** 64n;
  return n >= INT64_MIN && n <= INT64_MAX;
}

/**
 * A value against its schema's minimum or maximum, as kube-openapi's numberValidator compares
 * them (validate/validator.go, values.go MaximumNativeType and MinimumNativeType). The bound is a
 * float64 (apiextensions v1 JSONSchemaProps.Maximum is *float64), read from YAML as the same
 * double; a whole number of the object is an int64 (apimachinery's JSON decoding), the one
 * written even beyond 2^53 (`exact`). An int64 value is compared with int64(bound), the bound's
 * integer part, when the bound fits the schema's type; otherwise both are compared as float64.
 * (A `type: number` bound beyond int64 converts to an implementation-defined int64 in Go; here it
 * is compared as a float64.) `order`: the sign of value minus bound; `written`: the bound as
 * written, `shown`: as compared, `note`: what the API server made of a bound written otherwise.
 */
function bound(value: number, exact: bigint | undefined, schema: JsonSchema, keyword: "maximum" | "minimum", at: Path, walk: Walk): { order: number; value: string; written: string; shown: string; note: string } | undefined {
  const b = num(schema[keyword]);
  if (b === undefined) return undefined;
  const written = walk.bounds?.get(pathKey(at))?.toString() ?? String(b);
  const int = exact ?? (Number.isSafeInteger(value) ? BigInt(value) : undefined);
  if (int !== undefined && inInt64(b) && boundFitsType(b, schema)) {
    const compared = BigInt(Math.trunc(b));
    const shown = compared.toString();
    const note = shown === written ? "" : `, which the API server reads as ${shown} (a bound is a float64, and a whole number is compared with its integer part)`;
    return { order: int > compared ? 1 : int < compared ? -1 : 0, value: int.toString(), written, shown, note };
  }
  const note = String(b) === written ? "" : `, which the API server reads as the float64 ${b}`;
  return { order: Math.sign(value - b), value: String(value), written, shown: String(b), note };
}

/** `required` inside a combinator branch: the usual way CRDs write "one of these fields". */
function requiredHold(value: unknown, branch: JsonSchema): boolean {
  if (!Array.isArray(branch.required)) return true;
  return isMap(value) && branch.required.every((k) => typeof k === "string" && value[k] !== undefined && value[k] !== null);
}

/** A CRD's schema and every sub-schema, with their paths, for checks of the CRD itself. */
function* schemaNodes(schema: unknown, at: Path): Generator<[JsonSchema, Path]> {
  if (!isMap(schema)) return;
  yield [schema, at];
  if (isMap(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) yield* schemaNodes(v, [...at, "properties", k]);
  for (const key of ["items", "additionalProperties", "not"]) yield* schemaNodes(schema[key], [...at, key]);
  for (const key of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[key])) for (const [i, s] of (schema[key] as unknown[]).entries()) yield* schemaNodes(s, [...at, key, i]);
}

/**
 * The `pattern`s of a CRD's schemas that Go's regexp refuses: the API server refuses the CRD
 * ("must be a valid regular expression, but isn't": ValidateCustomResourceDefinitionOpenAPISchema
 * in k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation compiles each with
 * regexp.Compile), and the pattern is applied to no value. None for other kinds.
 */
export function refusedSchemaPatterns(crd: Resource): Finding[] {
  if (crd.kind !== "CustomResourceDefinition") return [];
  const spec = isMap(crd.raw.spec) ? crd.raw.spec : {};
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const out: Finding[] = [];
  versions.forEach((v, i) => {
    if (!isMap(v) || !isMap(v.schema)) return;
    for (const [schema, at] of schemaNodes(v.schema.openAPIV3Schema, ["spec", "versions", i, "schema", "openAPIV3Schema"])) {
      if (typeof schema.pattern !== "string") continue;
      const re = compileRe2(schema.pattern);
      if (typeof re === "string") {
        out.push({ path: [...at, "pattern"], message: `pattern ${showPattern(schema.pattern)} is not a valid RE2 regular expression (${re.replace(/^invalid regular expression: /, "")}): the API server refuses the CustomResourceDefinition`, hint: "write the pattern in RE2 syntax (Go's regexp: no lookahead, lookbehind or backreferences)" });
      }
    }
  });
  return out;
}
