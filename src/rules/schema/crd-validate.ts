/**
 * Validates a custom resource against the openAPIV3Schema of its CustomResourceDefinition when
 * that CRD is part of the input, as the API server does with strict field validation: unknown
 * (pruned) fields, types, enums, int-or-string, required fields. metadata is always ObjectMeta;
 * apiVersion and kind are implicit. Reports under the same rule ids as the catalogue checks.
 * Without such a CRD, a kind of a bundled release (models/bundled-crds) is validated against
 * the bundled schema; the cluster may run a newer release, which can add fields, enum values and
 * defaults, so every finding that rests on what the bundled schema does not know (an unknown
 * field, a near miss, a misplaced key, a value outside its enum, a missing required field) is
 * info; only a value of the wrong type for a field it declares stays an error.
 */
import { isBuiltinApiVersion } from "../../models/api-groups.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import { formatPath } from "../../models/path.js";
import { ownValue } from "../../models/input-keys.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import type { Finding } from "../types.js";
import { alternativeSchemas, originName, resourceSchema, type JsonSchema, type ResourceSchema, type SchemaOrigin } from "../../models/crd.js";
import { closestWithin, misspeltAs } from "../../did-you-mean.js";
import { fieldLabelOf, fieldNameOf, isJsonFile, kindOfValue, scalarForString } from "../../models/values.js";
import { wrongTypeText } from "../../models/catalogue/names.js";
import { isPatchDirective, walkObjectMeta, type SchemaRuleId } from "./validate.js";
import { filledByWebhook } from "../../models/operators.js";

/**
 * One walk per custom resource, shared by the schema rules: rule id -> findings. The engine runs
 * every rule on a resource before the next, so the run keeps only the last resource's walk.
 */
interface LastCrdWalk {
  resource?: Resource;
  byRule?: Map<SchemaRuleId, Finding[]>;
}
const LAST_CRD_WALK = memoKey<LastCrdWalk>("CRD schema findings of the last resource");
const NO_FINDINGS: readonly Finding[] = [];

export function crdSchemaFindings(resource: Resource, rule: SchemaRuleId, index: ResourceIndex): readonly Finding[] {
  const last = index.memo.get(LAST_CRD_WALK, (): LastCrdWalk => ({}));
  if (last.resource !== resource || !last.byRule) {
    const byRule = new Map<SchemaRuleId, Finding[]>();
    const found = resourceSchema(resource, index);
    if (found) {
      new CrdWalker(resource, found, byRule).run();
      if ("crd" in found.origin && byRule.size) keepAgreedFindings(resource, index, found, byRule);
    }
    // Without its schema a custom resource's metadata is still ObjectMeta, which the API server
    // validates for every custom resource (apiextensions-apiserver customresource strategy Validate:
    // ValidateObjectMetaAccessor), whatever the CRD says; tools' own object-shaped files
    // (eksctl's ClusterConfig, whose metadata has region and tags) are configuration formats.
    else if (resource.apiVersion && resource.kind && !isBuiltinApiVersion(resource.apiVersion)) walkObjectMeta(resource, resource.raw.metadata, ["metadata"], byRule);
    last.resource = resource;
    last.byRule = byRule;
  }
  return last.byRule.get(rule) ?? NO_FINDINGS;
}

/**
 * Of the findings against the chosen CRD, those that every other definition of the input for the
 * resource's version also gives (alternativeSchemas): with two variants of one CRD in the input,
 * either may be installed, and a field one of them allows is not a mistake for certain.
 */
function keepAgreedFindings(resource: Resource, index: ResourceIndex, found: ResourceSchema, byRule: Map<SchemaRuleId, Finding[]>): void {
  for (const other of alternativeSchemas(resource, index, found.schema)) {
    const theirs = new Map<SchemaRuleId, Finding[]>();
    new CrdWalker(resource, other, theirs).run();
    for (const [rule, findings] of byRule) {
      const agreed = new Set((theirs.get(rule) ?? []).map((f) => `${formatPath(f.path)}\u0000${f.message}`));
      const kept = findings.filter((f) => agreed.has(`${formatPath(f.path)}\u0000${f.message}`));
      if (kept.length) byRule.set(rule, kept);
      else byRule.delete(rule);
    }
    if (!byRule.size) return;
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const schemaOf = (v: unknown): JsonSchema | undefined => (isMap(v) ? v : undefined);
const propertiesOf = (s: JsonSchema): Record<string, unknown> => (isMap(s.properties) ? s.properties : {});
const isIntOrString = (s: JsonSchema) => s["x-kubernetes-int-or-string"] === true || s.format === "int-or-string";

function expected(s: JsonSchema): string | undefined {
  if (isIntOrString(s)) return "an integer or a string";
  switch (s.type) {
    case "object":
      return "a map";
    case "array":
      return "a list";
    case "string":
      return "a string";
    case "integer":
      return "an integer";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean (true or false)";
    default:
      return undefined;
  }
}

function accepts(s: JsonSchema, value: unknown): boolean {
  if (isIntOrString(s)) return typeof value === "string" || Number.isInteger(value);
  switch (s.type) {
    case "object":
      return isMap(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    default:
      return true;
  }
}

interface Frame {
  schema: JsonSchema;
  path: Path;
  value: Record<string, unknown>;
}

/** How to validate against the release a cluster runs when it is newer than the bundled one. */
const UNSURE_HINT = " if your cluster runs that release; otherwise pass the CustomResourceDefinition of the release it runs with --context for an exact check";

/** What a finding against a bundled schema adds to its message: the release, and that it may be behind. */
const OLDER = "and may be older than the operator you run";

/** Keys every object of the kind has without declaring them. */
const IMPLICIT_ROOT_FIELDS = ["apiVersion", "kind", "metadata"];

class CrdWalker {
  private readonly stack: Frame[] = [];

  private readonly origin: SchemaOrigin;

  constructor(
    private readonly resource: Resource,
    private readonly found: ResourceSchema,
    private readonly out: Map<SchemaRuleId, Finding[]>,
  ) {
    this.origin = found.origin;
  }

  /**
   * Records a finding; one that rests on the schema of a CRD with a place (the input or
   * --context, not a bundled release) points at what the CRD declares there: `schemaAt`, the
   * value's path and the keyword of the schema below it (`required` and the entry, `enum`).
   */
  private report(rule: SchemaRuleId, finding: Finding, schemaAt?: { path: Path; keyword: Path }) {
    const related = schemaAt && this.declaredAt(schemaAt.path, schemaAt.keyword);
    const full = related ? { ...finding, related } : finding;
    const list = this.out.get(rule);
    if (list) list.push(full);
    else this.out.set(rule, [full]);
  }

  /** Where the CRD declares the schema of the value at `path` (and its `keyword`), as a related entry; undefined for a bundled schema. */
  private declaredAt(path: Path, keyword: Path): Finding["related"] {
    if (!("crd" in this.origin)) return undefined;
    let schema: JsonSchema = this.found.schema;
    let at: Path = this.origin.schemaPath;
    for (const step of path) {
      const own = typeof step === "string" ? schemaOf(ownValue(propertiesOf(schema), step)) : undefined;
      const [next, where] = typeof step === "number" ? [schemaOf(schema.items), ["items"]] : own ? [own, ["properties", step]] : [schemaOf(schema.additionalProperties), ["additionalProperties"]];
      if (!next) break;
      schema = next;
      at = [...at, ...where];
    }
    if (schema[keyword[0]] !== undefined) at = [...at, ...keyword];
    return { resource: this.origin.crd.crd, path: at, message: `schema of ${originName(this.origin)}` };
  }

  run() {
    this.walk(this.resource.raw, this.found.schema, [], true);
  }

  /**
   * `preserved`: the value sits where the API server's pruning skips unknown fields without
   * the schema saying so itself: an item of a list whose schema has
   * x-kubernetes-preserve-unknown-fields (apiextensions-apiserver pkg/apiserver/schema/pruning
   * algorithm.go: prune hands such a list to skipPrune, which walks its items with skipPrune
   * too; in a map, skipPrune prunes the declared properties and keeps the other keys).
   */
  private walk(value: unknown, schema: JsonSchema, path: Path, resourceRoot = false, preserved = false) {
    // Nulls are pruned (or defaulted) unless nullable: never a type error.
    if (value === null || value === undefined) return;
    const field = fieldLabelOf(path, this.resource.kind);
    if (!accepts(schema, value)) {
      const want = expected(schema)!;
      const unquoted = want === "a string" && (typeof value === "boolean" || typeof value === "number");
      this.report("invalid-type", {
        path,
        ...(unquoted
          ? scalarForString(fieldNameOf(path, this.resource.kind), value, isJsonFile(this.resource.file))
          : wrongTypeText(field, want, kindOfValue(value), value)),
      }, { path, keyword: [isIntOrString(schema) ? "x-kubernetes-int-or-string" : "type"] });
      return;
    }
    if (Array.isArray(schema.enum) && !Array.isArray(value) && !isMap(value) && !schema.enum.includes(value)) {
      const allowed = schema.enum.filter((e) => e === null || typeof e !== "object");
      const strings = allowed.filter((e): e is string => typeof e === "string");
      const near =
        typeof value === "string" ? closestWithin(value, strings) : undefined;
      const allowedList = allowed.map((a) => JSON.stringify(a)).join(", ");
      const message = `${JSON.stringify(value)} is not a valid ${field}: expected one of ${allowedList}`;
      const hint = near ? `set ${field} to ${JSON.stringify(near)}` : `set ${field} to one of ${allowed.map((a) => String(a)).join(", ")}`;
      this.report("invalid-type", {
        path,
        ...(near && isMisspelling(value as string, near)
          ? { message, hint }
          : this.unsure(message, `${JSON.stringify(value)} is not a valid ${field}: ${this.bundledSchema} expects one of ${allowedList}, ${OLDER}`, hint, "warning")),
      }, { path, keyword: ["enum"] });
      return;
    }
    if (Array.isArray(value)) {
      const items = schemaOf(schema.items);
      const keep = preserved || schema["x-kubernetes-preserve-unknown-fields"] === true;
      if (items) value.forEach((item, i) => this.walk(item, items, [...path, i], false, keep));
      return;
    }
    if (isMap(value) && (schema.type === "object" || resourceRoot || schema.properties !== undefined)) {
      this.walkObject(value, schema, path, resourceRoot || schema["x-kubernetes-embedded-resource"] === true, resourceRoot, preserved);
    }
  }

  private walkObject(value: Record<string, unknown>, schema: JsonSchema, path: Path, typeMeta: boolean, resourceRoot: boolean, preserved: boolean) {
    const properties = propertiesOf(schema);
    const additional = schema.additionalProperties;
    const preserve = preserved || schema["x-kubernetes-preserve-unknown-fields"] === true;
    this.stack.push({ schema, path, value });
    let unknownKeys: string[] | undefined;
    for (const [key, v] of Object.entries(value)) {
      if (typeMeta && (key === "apiVersion" || key === "kind")) continue;
      if (this.resource.partial && isPatchDirective(key)) continue;
      if (typeMeta && key === "metadata") {
        walkObjectMeta(this.resource, v, [...path, key], this.out);
        continue;
      }
      // status is ignored on create when the status subresource is enabled.
      if (resourceRoot && key === "status" && this.found.statusSubresource) continue;
      const sub = schemaOf(ownValue(properties, key));
      if (sub) this.walk(v, sub, [...path, key]);
      else if (isMap(additional)) this.walk(v, additional, [...path, key]);
      else if (additional !== true && !preserve) {
        this.unknownField(key, v, Object.keys(properties), path, typeMeta);
        (unknownKeys ??= []).push(key);
      }
    }
    if (Array.isArray(schema.required)) {
      for (const [i, req] of schema.required.entries()) {
        if (typeof req !== "string" || (typeMeta && IMPLICIT_ROOT_FIELDS.includes(req))) continue;
        const sub = schemaOf(ownValue(properties, req));
        // Defaulting runs before validation: a field with a default is never missing.
        if (sub && sub.default !== undefined) continue;
        const written = ownValue(value, req);
        const present = written !== undefined && (written !== null || sub?.nullable === true);
        if (present) continue;
        // An operator's mutating webhook fills it in before the schema is validated (Config Connector's parent reference).
        if (isMap(value) && filledByWebhook(this.resource.group, path, req, value)) continue;
        // `template:` with nothing after it (a comment, a placeholder left out) is null, which the API server prunes: as missing.
        const missing = `required field ${JSON.stringify(req)} ${written === null ? "is written without a value" : "is missing"}${path.length ? ` in ${formatPath(path)}` : ""}`;
        // Written beside it with a typo: the same rename as the unknown field's fixes both.
        const typo = unknownKeys && misspeltAs(req, unknownKeys, Object.keys(properties));
        const said = typo
          ? { message: `${missing}: ${originName(this.origin)} requires it (${JSON.stringify(typo)} written there is probably it, misspelt)`, hint: `rename ${JSON.stringify(typo)} to ${JSON.stringify(req)}`, ...("bundled" in this.origin ? { message: `${missing}: ${this.bundledSchema} requires it (${JSON.stringify(typo)} written there is probably it, misspelt)`, severity: "warning" as const } : {}) }
          : this.unsure(`${missing}: ${originName(this.origin)} requires it`, `${missing}: ${this.bundledSchema} requires it, ${OLDER}`, `${written === null ? "give" : "add"} ${JSON.stringify(req)}${written === null ? " a value" : ""}${path.length ? ` under ${formatPath(path)}` : ""}`, "warning");
        this.report("missing-required-field", { path: written === null ? [...path, req] : path.length ? path : ["kind"], target: "key", ...said }, { path, keyword: ["required", i] });
      }
    }
    this.stack.pop();
  }

  private unknownField(key: string, value: unknown, names: string[], path: Path, typeMeta: boolean) {
    const candidates = typeMeta ? [...new Set([...names, ...IMPLICIT_ROOT_FIELDS])] : names;
    const where = path.length ? formatPath(path) : this.resource.kind;
    const finding = (message: string, bundledMessage: string, hint: string) =>
      this.report("unknown-field", { path: [...path, key], target: "key", ...this.unsure(message, bundledMessage, hint) }, { path, keyword: ["properties"] });
    const unknown = `unknown field ${JSON.stringify(key)} in ${where}`;
    const guess = (near: string) => {
      const message = `${unknown} (did you mean ${JSON.stringify(near)}?)`;
      const hint = `rename ${JSON.stringify(key)} to ${JSON.stringify(near)}`;
      // A misspelling is one in any release; a known name with a word added may be a newer release's field.
      if (isMisspelling(key, near)) return this.report("unknown-field", { path: [...path, key], target: "key", message, hint }, { path, keyword: ["properties"] });
      finding(message, `${message}: ${this.bundledSchema} does not define it, ${OLDER}`, hint);
    };
    const sameCase = candidates.find((n) => n.toLowerCase() === key.toLowerCase());
    if (sameCase) return guess(sameCase);
    const home = this.misplacedHome(key, value, path);
    if (home) {
      const misplaced = `field ${JSON.stringify(key)} is misplaced in ${where}`;
      return finding(`${misplaced}: it belongs at ${home}`, `${misplaced}: ${this.bundledSchema} puts it at ${home}, ${OLDER}`, `move ${JSON.stringify(key)} to ${home}`);
    }
    const near = closestWithin(key, candidates);
    if (near) return guess(near);
    finding(`${unknown}: ${originName(this.origin)} does not define it`, `${unknown}: ${this.bundledSchema} does not define it, ${OLDER}`, `remove ${JSON.stringify(key)} or check its indentation`);
  }

  private get bundledSchema(): string {
    return `the bundled schema of ${originName(this.origin)}`;
  }

  /**
   * The message, hint and severity of a finding that rests on what the schema does not know.
   * Against a bundled schema it is info (a field it does not know: newer releases add fields all
   * the time), or a warning (a required field missing, a value outside its enum: what every release
   * up to the bundled one refuses, and newer ones seldom relax), as the cluster may run a newer
   * release that knows more.
   */
  private unsure(message: string, bundledMessage: string, hint: string, severity: "info" | "warning" = "info"): Pick<Finding, "message" | "hint" | "severity"> {
    if (!("bundled" in this.origin)) return { message, hint };
    return { message: bundledMessage, hint: `${hint}${UNSURE_HINT}`, severity };
  }

  /** A path one level down or up where `key` is a declared field that accepts `value`. */
  private misplacedHome(key: string, value: unknown, path: Path): string | undefined {
    const frame = this.stack[this.stack.length - 1];
    const down: string[] = [];
    for (const [name, raw] of Object.entries(propertiesOf(frame.schema))) {
      const sub = schemaOf(raw);
      if (!sub) continue;
      const list = sub.type === "array";
      const inner = list ? schemaOf(sub.items) : sub;
      if (!inner || inner.type !== "object") continue;
      const child = schemaOf(ownValue(propertiesOf(inner), key));
      if (child && accepts(child, value)) down.push(formatPath([...path, name]) + (list ? "[]" : "") + `.${key}`);
    }
    if (down.length === 1) return down[0];
    const parent = this.stack[this.stack.length - 2];
    if (parent && !Object.hasOwn(parent.value, key)) {
      const up = schemaOf(ownValue(propertiesOf(parent.schema), key));
      if (up && accepts(up, value)) return formatPath([...parent.path, key]);
    }
    return undefined;
  }
}

/**
 * Whether `written` is a misspelling of the known name `near` (a letter missing, added, swapped,
 * another case: `dnsName`, `sectionNme`, `PathPrefx`, `ecdsa`), which no release makes right;
 * not when it is `near` with a word added (`dataTo`, `onepasswordSDK`), the way operators name
 * the fields and values a newer release adds beside an old one.
 */
export function isMisspelling(written: string, near: string): boolean {
  return !(written.length > near.length && written.startsWith(near) && /^[A-Z0-9]/.test(written.slice(near.length)));
}
