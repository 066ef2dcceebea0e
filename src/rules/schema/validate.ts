/**
 * Validates one resource against the API catalogue, once; each schema rule reports its share.
 * Mirrors what the API server does on create with strict field validation: unknown fields,
 * wrong JSON types, enum values, int-or-string, quantities, required fields.
 */
import { isStdBase64 } from "../../models/base64.js";
import { closestWithin, misspeltAs } from "../../did-you-mean.js";
import { formatPath } from "../../models/path.js";
import { fieldLabelOf, fieldNameOf, filled, isJsonFile, kindOfValue, scalarForString, yamlOctalInteger } from "../../models/values.js";
import { isBuiltinApiVersion } from "../../models/api-groups.js";
import { enumValues, lookupKind, objectType, type KindInfo, type TypeCode } from "../../models/catalogue/index.js";
import { labelValue, labelValueFix, placeholderNote, placeholdersWithoutCapitals, qualifiedName, replacePlaceholdersHint, samplePlaceholders, wrongTypeText } from "../../models/catalogue/names.js";
import { isValidQuantity, QUANTITY_SUFFIXES } from "../../models/quantity.js";
import { portNameProblem } from "../../models/validation/formats.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import type { FieldFix, Finding } from "../types.js";
import { compareVersions } from "./api-changes.js";
import { fieldFirstRelease, inRange, releaseAfter, removedFieldRange, servedRange } from "../../models/catalogue/history.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../../models/kubernetes-version.js";
import { movedFields, type MovedFields } from "./moved-fields.js";
import { tolerationOperatorsAt } from "./feature-gates.js";
import { releaseValuesAt, supportedAt } from "./gated-enum-values.js";
import { conflictReason, oneOfConflict, type OneOfConflict } from "../../models/one-of.js";

export type SchemaRuleId =
  | "unknown-field"
  | "invalid-type"
  | "missing-required-field"
  | "invalid-quantity"
  | "invalid-label"
  | "secret-invalid-base64"
  | "null-map-value";

/** The type a resource is checked against. */
export interface SchemaTarget {
  info: KindInfo;
}

/**
 * The catalogue's type of the resource's own group version, or nothing to check against. A
 * group version the newest release no longer serves (apiextensions.k8s.io/v1beta1,
 * autoscaling/v2beta2) has no schema in the catalogue, only its served range: its replacement's
 * fields are not its own (a v1beta1 CustomResourceDefinitionSpec has `version`, `validation`,
 * `additionalPrinterColumns`; v1 has none of them, so a did-you-mean to v1's `versions` would
 * tell the user to break a valid object), so it is not walked; deprecated-api-version,
 * removed-api-version and unknown-api-version say what to migrate to.
 */
export function schemaTarget(resource: Resource): SchemaTarget | undefined {
  if (!resource.apiVersion || !resource.kind || !isBuiltinApiVersion(resource.apiVersion)) return undefined;
  const info = lookupKind(resource.apiVersion, resource.kind);
  return info ? { info } : undefined;
}

/**
 * A subtree written where it does not belong (unknown-field reports it as misplaced): where it is
 * written, and the path where it belongs ("[]" for every item of a list), so that other rules judge
 * its values as the type there.
 */
export interface MisplacedSubtree {
  path: Path;
  value: unknown;
  home: readonly string[];
}

/** What the walk of one resource found: rule id -> findings, the misplaced subtrees it met, and the fields the target does not serve. */
interface SchemaWalk {
  byRule: Map<SchemaRuleId, Finding[]>;
  misplaced: MisplacedSubtree[];
  unserved: Path[];
}

/**
 * One walk per resource, shared by the schema rules (cross-resource: they read the input's CRDs
 * too), null-map-value and invalid-value (misplaced subtrees), which run in the engine's earlier
 * stage. The walk is kept per resource for the engine's batch (a memo key of scope "resource"),
 * so the later stage reuses it: a walk that skipped the other rules' checks for the earlier stage
 * and a second, full walk for the later one cost more than one full walk.
 */
const SCHEMA_WALKS = memoKey<Map<Resource, SchemaWalk>>("schema walk by resource", "resource");

function schemaWalk(resource: Resource, memo: Memo, kubernetesVersion: string): SchemaWalk {
  const walks = memo(SCHEMA_WALKS, () => new Map());
  let walked = walks.get(resource);
  if (walked) return walked;
  walked = { byRule: new Map(), misplaced: [], unserved: [] };
  const target = schemaTarget(resource);
  if (target) new Walker(resource, target, walked.byRule, releaseFor(target, kubernetesVersion), walked.misplaced, walked.unserved).run();
  walks.set(resource, walked);
  return walked;
}

const NO_FINDINGS: readonly Finding[] = [];

/** The findings of one schema rule (or null-map-value). */
export function schemaFindings(resource: Resource, rule: SchemaRuleId, memo: Memo, kubernetesVersion: string): readonly Finding[] {
  return schemaWalk(resource, memo, kubernetesVersion).byRule.get(rule) ?? NO_FINDINGS;
}

/**
 * The fields of a resource that the target release does not serve yet (unknown-field reports each,
 * "served from 1.32"): the API server prunes them on decode, so nothing inside is judged by
 * another rule (engine/run-rules.ts). Empty at the newest release.
 */
export function unservedFields(resource: Resource, memo: Memo, kubernetesVersion: string): readonly Path[] {
  return schemaWalk(resource, memo, kubernetesVersion).unserved;
}

/** The misplaced subtrees of a resource (from the same walk as the schema rules). */
export function misplacedSubtrees(resource: Resource, memo: Memo, kubernetesVersion: string): readonly MisplacedSubtree[] {
  return schemaWalk(resource, memo, kubernetesVersion).misplaced;
}

/** Which fields exist at which release: the target, and the release whose fields are judged. */
interface FieldRelease {
  target: string;
  /** The target, or the first release that serves the kind when the target does not serve it yet (unknown-api-version says so). */
  judged: string;
}

/** Undefined at the newest release (every field of the catalogue exists). */
function releaseFor(target: SchemaTarget, kubernetesVersion: string): FieldRelease | undefined {
  if (kubernetesVersion === CATALOGUE_KUBERNETES_VERSION) return undefined;
  const first = servedRange(target.info.apiVersion, target.info.kind, true)?.first;
  const judged = first && compareVersions(kubernetesVersion, first) < 0 ? first : kubernetesVersion;
  return { target: kubernetesVersion, judged };
}

/**
 * Checks `metadata` of an object whose schema is not in the catalogue (a custom resource, an
 * embedded resource) as the API server does: always as ObjectMeta.
 */
export function walkObjectMeta(resource: Resource, metadata: unknown, path: Path, out: Map<SchemaRuleId, Finding[]>) {
  const info = lookupKind("v1", "ConfigMap");
  if (!info) return;
  const walker = new Walker(resource, { info }, out);
  walker.walkMetadata(metadata, path);
}

const PERCENT_FIELDS = new Set(["maxUnavailable", "maxSurge", "minAvailable"]);
const PORT_FIELDS = new Set(["targetPort", "port"]);
const PERCENT = /^[0-9]+%$/;

/** IANA service names, as container port names and named target ports must be (IsValidPortName). */
export { portNameProblem };

function expected(code: TypeCode): string {
  switch (code[0]) {
    case "s":
      return "a string";
    case "i":
      return "an integer";
    case "n":
      return "a number";
    case "b":
      return "a boolean (true or false)";
    case "q":
      return "a quantity";
    case "x":
      return "an integer or a string";
    case "y":
      return "a base64 string";
    case "e":
      return "a string";
    case "[":
      return "a list";
    case "{":
      return `a map of ${valuesOf(code.slice(1))}`;
    default:
      return "an object";
  }
}

/** What `expected` says of one value, for many of them: the values of a map. */
function valuesOf(code: TypeCode): string {
  switch (code[0]) {
    case "s":
    case "e":
      return "strings";
    case "i":
      return "integers";
    case "n":
      return "numbers";
    case "b":
      return "booleans (true or false)";
    case "q":
      return "quantities";
    case "x":
      return "integers or strings";
    case "y":
      return "base64 strings";
    case "[":
      return "lists";
    case "{":
      return "maps";
    default:
      return "objects";
  }
}

/** A missing-required-field finding whose field is written, misplaced, at `from`: where, and the move. */
function writtenElsewhere(finding: Finding, field: string, path: Path, from: Path) {
  finding.message += `: the ${JSON.stringify(field)} written at ${formatPath(from)} belongs here`;
  finding.hint = `move ${JSON.stringify(field)} from ${formatPath(from.slice(0, -1)) || "the top level"} into ${formatPath(path) || "the top level"}`;
}

/** A required field missing beside its misspelling: the finding names it, and the fix is the same rename as the unknown field's. */
function misspeltBeside(finding: Finding, field: string, typo: string) {
  finding.message += ` (${JSON.stringify(typo)} written there is probably it, misspelt)`;
  finding.hint = `rename ${JSON.stringify(typo)} to ${JSON.stringify(field)}`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The code of a list's items or a map's values: the same string each time (a slice per list and
 * map visited was garbage of every walk). A function of the catalogue's codes alone.
 */
const INNER_CODES = new Map<TypeCode, TypeCode>();
function innerCode(code: TypeCode): TypeCode {
  let inner = INNER_CODES.get(code);
  if (inner === undefined) INNER_CODES.set(code, (inner = code.slice(1)));
  return inner;
}

/** Would `value` be accepted for a field of this type (used to rank misplaced-key guesses)? */
function accepts(code: TypeCode, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (code[0]) {
    case "s":
    case "y":
      return typeof value === "string";
    case "i":
      return Number.isInteger(value);
    case "n":
      return typeof value === "number";
    case "b":
      return typeof value === "boolean";
    case "q":
      return (typeof value === "string" || typeof value === "number") && isValidQuantity(value);
    case "x":
      return typeof value === "string" || Number.isInteger(value);
    case "e":
      return typeof value === "string" && (value === "" || enumValues(code).includes(value));
    case "[":
      return Array.isArray(value);
    case "a":
      return true;
    default:
      return isMap(value);
  }
}

/** The shape `accepts` wants, an enum's values aside: any string for an enum field. */
function acceptsShape(code: TypeCode, value: unknown): boolean {
  return code[0] === "e" ? typeof value === "string" : accepts(code, value);
}

/** Where a misplaced key belongs (Walker.misplacedHome). */
interface MisplacedHome {
  at: string;
  code: TypeCode;
  segments: string[];
  /** The value fits the home as written (not only its shape). */
  exact: boolean;
  /** The home's path when it is a single place (not one of several items of a list). */
  path?: Path;
  /** The type of the object the key goes into. */
  objectCode: TypeCode;
  /** The home is two objects up (a Deployment's replicas in its pod template's spec): a likely home, but a guess, so the move is offered, not applied. */
  far?: boolean;
  /** The home is the one item of a list written beside the key: the list's path, and whether its items have a name. */
  item?: { list: string; named: boolean };
  /** The object there sets another member of the key's one-of group: no home after all (unknownField says why). */
  blocked?: { object: string; conflict: OneOfConflict };
  /**
   * The object there is not written, and writing it would set a second member of a one-of group
   * of the object holding the key (`secretKeyRef` beside an env var's `value` belongs in a
   * `valueFrom` the env var may not have beside `value`).
   */
  blockedCreate?: { field: string; conflict: OneOfConflict };
}

const NO_MOVES: readonly MovedFields[] = [];

/**
 * The fields of a CRD's JSONSchemaProps that hold a schema in one of two forms, which the OpenAPI
 * types as free-form (JSONSchemaPropsOrArray, JSONSchemaPropsOrBool, JSONSchemaPropsOrStringArray:
 * their UnmarshalJSON in k8s.io/apiextensions-apiserver pkg/apis/apiextensions/v1/marshal.go reads
 * an object as a JSONSchemaProps): items is a schema or a list of schemas, additionalProperties
 * and additionalItems a schema or a boolean, each value of dependencies a schema or a list of
 * property names.
 */
const SCHEMA_FORMS: ReadonlyMap<string, "schema or list" | "schema or boolean" | "map of schema or names"> = new Map([
  ["items", "schema or list"],
  ["additionalProperties", "schema or boolean"],
  ["additionalItems", "schema or boolean"],
  ["dependencies", "map of schema or names"],
]);

/** The catalogue's code of a CRD's JSONSchemaProps (spec.versions[].schema.openAPIV3Schema): a function of the catalogue alone. */
let schemaPropsCode: TypeCode | undefined;
function jsonSchemaPropsCode(crd: KindInfo): TypeCode | undefined {
  if (schemaPropsCode !== undefined) return schemaPropsCode;
  let code: TypeCode | undefined = crd.type;
  for (const field of ["spec", "versions", "schema", "openAPIV3Schema"]) {
    if (code?.[0] === "[") code = innerCode(code);
    code = code?.[0] === "#" ? objectType(code).fields.get(field) : undefined;
  }
  return (schemaPropsCode = code);
}

/**
 * The walk keeps one path, pushed and popped as it goes down, and copies it only into a finding
 * (a copy per node was 60 MB of garbage on 10,000 resources).
 */
class Walker {
  private readonly metaCode: TypeCode | undefined;
  private readonly path: Array<string | number> = [];
  /**
   * The objects being walked, outermost first: type, path length and value, in three lists
   * rather than a frame object per object (12 MB of garbage on 10,000 resources).
   */
  private readonly objectCodes: TypeCode[] = [];
  private readonly objectDepths: number[] = [];
  private readonly objectValues: Array<Record<string, unknown>> = [];
  /**
   * Required fields a misplaced key would supply where it belongs (`<object path>\0<field>`, to
   * the path where the key is written), and the missing-required-field findings already made, by
   * the same key. The field is still missing (the API server refuses the object, whatever is
   * done with unknown-field's finding): the finding says where the key to move is written (a
   * probe's `port` beside its `httpGet`).
   */
  private supplied: Map<string, Path> | undefined;
  private missing: Map<string, Finding> | undefined;
  /** The code of JSONSchemaProps, in a CustomResourceDefinition only: the schemas in SCHEMA_FORMS fields are walked as such. */
  private readonly schemaProps: TypeCode | undefined;

  constructor(
    private readonly resource: Resource,
    private readonly target: SchemaTarget,
    private readonly out: Map<SchemaRuleId, Finding[]>,
    private readonly release?: FieldRelease,
    private readonly misplaced?: MisplacedSubtree[],
    private readonly unserved?: Path[],
  ) {
    this.metaCode = objectType(target.info.type).fields.get("metadata");
    this.schemaProps = target.info.kind === "CustomResourceDefinition" && target.info.apiVersion === "apiextensions.k8s.io/v1" ? jsonSchemaPropsCode(target.info) : undefined;
  }

  private report(rule: SchemaRuleId, finding: Finding) {
    const list = this.out.get(rule);
    if (list) list.push(finding);
    else this.out.set(rule, [finding]);
  }

  run() {
    this.walk(this.resource.raw, this.target.info.type);
  }

  walkMetadata(metadata: unknown, path: Path) {
    if (!this.metaCode) return;
    this.path.push(...path);
    this.walk(metadata, this.metaCode);
    this.path.length = 0;
  }

  /** The field being walked, as messages name it: the last key of the path (a list item with its index), or the kind at the root. */
  private field(): string {
    return fieldLabelOf(this.path, this.resource.kind);
  }

  /** `value`, of the type `code`, below the key pushed last. */
  private walkField(key: string | number, value: unknown, code: TypeCode) {
    this.path.push(key);
    this.walk(value, code);
    this.path.pop();
  }

  private wrongType(value: unknown, code: TypeCode) {
    this.report("invalid-type", { path: this.path.slice(), ...wrongTypeText(this.field(), expected(code), kindOfValue(value), value) });
  }

  /** Judges `value` as the type `code` at the walk's path. */
  private walk(value: unknown, code: TypeCode) {
    if (value === null || value === undefined) return;
    switch (code[0]) {
      case "a":
        return;
      case "[": {
        if (!Array.isArray(value)) return this.wrongType(value, code);
        const itemCode = innerCode(code);
        for (let i = 0; i < value.length; i++) this.walkField(i, value[i], itemCode);
        return;
      }
      case "{": {
        if (!isMap(value)) return this.wrongType(value, code);
        const valueCode = innerCode(code);
        const ofStrings = valueCode[0] === "s" || valueCode[0] === "y";
        // for-in: the keys of Object.keys in its order (a parsed object inherits no enumerable key), without an array per map.
        for (const k in value) {
          const v = value[k];
          if (v === null && ofStrings) this.nullInStringMap(k);
          else this.walkField(k, v, valueCode);
        }
        return;
      }
      case "#":
        if (!isMap(value)) return this.wrongType(value, code);
        return this.walkObject(value, code);
      case "s":
        if (typeof value !== "string") {
          if (typeof value === "boolean" || typeof value === "number") return this.quoteAsWritten(value);
          this.wrongType(value, code);
        }
        return;
      case "y": {
        if (typeof value !== "string") return this.wrongType(value, code);
        if (isStdBase64(value)) return;
        const path = this.path.slice();
        const secretData = this.resource.kind === "Secret" && path.length === 2 && path[0] === "data";
        const placeholders = placeholdersWithoutCapitals(value);
        if (secretData && placeholders.length) {
          this.report("secret-invalid-base64", {
            path,
            message: `the value of key ${JSON.stringify(path[1])} is not valid base64; ${placeholderNote(placeholders)}`,
            hint: `${replacePlaceholdersHint(placeholders)}, base64-encoded (or move the key to stringData and write it as is)`,
          });
        } else if (secretData) {
          this.report("secret-invalid-base64", {
            path,
            message: `the value of key ${JSON.stringify(path[1])} is not valid base64`,
            hint: "base64-encode the value (echo -n 'value' | base64) or move it to stringData",
          });
        } else {
          this.report("invalid-type", { path, message: `${JSON.stringify(this.field())} is not valid base64`, hint: "base64-encode the value" });
        }
        return;
      }
      case "i":
        if (!Number.isInteger(value) && yamlOctalInteger(value) === undefined) this.wrongType(value, code);
        return;
      case "n":
        if (typeof value !== "number") this.wrongType(value, code);
        return;
      case "b":
        if (typeof value === "string" && this.resource.readAsStringByKustomize(this.path)) return this.kustomizeString(value);
        if (typeof value !== "boolean") this.wrongType(value, code);
        return;
      case "q": {
        if (typeof value !== "string" && typeof value !== "number") return this.wrongType(value, code);
        if (isValidQuantity(value)) return;
        const path = this.path.slice();
        const placeholders = typeof value === "string" ? placeholdersWithoutCapitals(value) : [];
        this.report(
          "invalid-quantity",
          placeholders.length
            ? { path, message: `${JSON.stringify(value)} is not a valid quantity; ${placeholderNote(placeholders)}`, hint: replacePlaceholdersHint(placeholders) }
            : { path, message: `${JSON.stringify(String(value))} is not a valid quantity`, hint: quantityHint(String(value)), ...quantityFixes(path, String(value)) },
        );
        return;
      }
      case "x":
        return this.intOrString(value, code);
      case "e": {
        if (typeof value !== "string") return this.wrongType(value, code);
        let allowed = enumValues(code);
        // A value of the newest release that the target refuses (a toleration's Gt, gated-enum-values.ts) is forbidden-value's to explain.
        if (value === "" || allowed.includes(value)) return;
        // The catalogue's enum is the newest release's: the hint offers only the values the target accepts.
        const target = this.release?.target ?? CATALOGUE_KUBERNETES_VERSION;
        if (this.isPodTolerationOperator()) {
          const { supported } = tolerationOperatorsAt(target);
          allowed = allowed.filter((a) => supported.includes(a));
        }
        const byRelease = releaseValuesAt(this.resource, this.path);
        if (byRelease) {
          const supported = supportedAt(byRelease, target);
          allowed = allowed.filter((a) => supported.includes(a));
        }
        const near = closestWithin(value, allowed);
        const field = this.field();
        const path = this.path.slice();
        this.report("invalid-type", {
          path,
          message: `${JSON.stringify(value)} is not a valid ${field}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
          hint: near ? `set ${field} to ${JSON.stringify(near)}` : `set ${field} to one of ${allowed.join(", ")}`,
          ...nearValueFixes(path, value, near),
        });
        return;
      }
      default:
    }
  }

  /** Whether the walk is at a pod spec's `tolerations[].operator` (a Pod's or a template's). */
  private isPodTolerationOperator(): boolean {
    const p = this.path;
    const n = p.length;
    return n >= 4 && p[n - 1] === "operator" && typeof p[n - 2] === "number" && p[n - 3] === "tolerations" && p[n - 4] === "spec";
  }

  /**
   * A boolean or number where a string belongs (`yes`, `on`, `1.10` unquoted): quoting the text
   * as written gives the string the author typed; YAML 1.1 read it as something else.
   */
  private quoteAsWritten(value: boolean | number) {
    const path = this.path.slice();
    this.report("invalid-type", {
      path,
      ...scalarForString(fieldNameOf(path, this.resource.kind), value, isJsonFile(this.resource.file)),
      fix: [{ op: "quote", path }],
    });
  }

  /**
   * A plain yes, on, no or off in a boolean field of a file a kustomization lists: kustomize reads
   * it with YAML 1.2 (yaml.v3), where only true and false are booleans, and sends the string,
   * which the API server refuses for a boolean; the boolean YAML 1.1 meant is what to write.
   */
  private kustomizeString(value: string) {
    const field = JSON.stringify(this.field());
    const meant = /^(?:y|yes|on)$/i.test(value);
    const path = this.path.slice();
    this.report("invalid-type", {
      path,
      message: `${field} must be a boolean (true or false), but kustomize reads the unquoted ${value} as the string ${JSON.stringify(value)} (YAML 1.2), which the API server refuses`,
      hint: `set ${field} to ${meant}: kustomize reads only true and false as booleans`,
      fix: [{ op: "set", path, value: meant }],
    });
  }

  /** A null value in a map of strings: decoded as "" on create, a deletion in apply's patch (null-map-value). */
  private nullInStringMap(key: string) {
    const field = this.field();
    const path = this.path;
    const writeOnly = path.length === 1 && path[0] === "stringData";
    this.report("null-map-value", {
      path: [...path, key],
      target: "key",
      // A Secret's stringData is write-only: the API server writes it into data and keeps none of it, so no later apply's patch finds the key to delete.
      message: writeOnly
        ? `${field} key ${JSON.stringify(key)} has a null value: the API server writes it into data as ""`
        : `${field} key ${JSON.stringify(key)} has a null value: kubectl apply creates it as "" and deletes it on the next apply`,
      hint: `write ${JSON.stringify(key)}: "" for an empty value, or remove the key`,
      suggestions: [
        { description: `write ${JSON.stringify(key)}: ""`, fix: [{ op: "set", path: [...path, key], value: "" }] },
        { description: `remove ${JSON.stringify(key)}`, fix: [{ op: "remove", path: [...path, key] }] },
      ],
    });
  }

  private intOrString(value: unknown, code: TypeCode) {
    if (typeof value === "number") {
      if (!Number.isInteger(value)) this.wrongType(value, code);
      return;
    }
    if (typeof value !== "string") return this.wrongType(value, code);
    const field = this.field();
    if (PERCENT_FIELDS.has(field) && !PERCENT.test(value)) {
      this.report("invalid-type", {
        path: this.path.slice(),
        message: `${JSON.stringify(value)} is not a valid ${field}: expected an integer or a percentage such as "25%"`,
        hint: `set ${field} to a number of pods (1) or a percentage ("25%")`,
      });
    } else if (PORT_FIELDS.has(field) && /^\d+$/.test(value)) {
      // A port name that is not an IANA service name is invalid-value's, as a container port's name.
      const problem = portNameProblem(value);
      if (problem) {
        const path = this.path.slice();
        this.report("invalid-type", {
          path,
          message: `${JSON.stringify(value)} is not a valid ${field}: a port number or a port name that ${problem}`,
          hint: `write the port as a number: ${field}: ${value}`,
          // "8080" quoted: the port the digits say.
          fix: [{ op: "set", path, value: Number(value) }] as FieldFix,
        });
      }
    }
  }

  /**
   * The fields of an object. The helpers it calls with `path` (the walk's own, still changing)
   * copy what they keep.
   */
  private walkObject(value: Record<string, unknown>, code: TypeCode) {
    const type = objectType(code);
    if (type.free) return;
    const path = this.path;
    this.objectCodes.push(code);
    this.objectDepths.push(path.length);
    this.objectValues.push(value);
    let unknown: Array<[string, unknown]> | undefined;
    const isSchema = code === this.schemaProps;
    for (const key in value) {
      if (path.length === 0 && key === "status") continue;
      if (this.resource.partial && isPatchDirective(key)) continue;
      const fieldCode = type.fields.get(key);
      if (fieldCode === undefined) {
        // In a patch, `key: null` deletes the key from the object patched: nothing is written there.
        if (!(this.resource.partial && value[key] === null)) (unknown ??= []).push([key, value[key]]);
      }
      else if (this.release && this.newerThanTarget(code, key, path)) continue;
      else if (isSchema && SCHEMA_FORMS.has(key)) this.walkSchemaForm(key, value[key], code);
      else this.walkField(key, value[key], fieldCode);
    }
    let moved = NO_MOVES;
    if (unknown) {
      moved = this.reportMovedFields(value, path, (name) => type.fields.has(name), unknown);
      for (const [key, v] of unknown) if (!moved.some((m) => m.keys.includes(key)) && !this.removedField(code, key, path)) this.unknownField(key, v, type.fields, path);
    }
    for (const req of type.required) {
      if ((value[req] === undefined || value[req] === null) && !moved.some((m) => m.supplies.includes(req)) && !reportedByOwnRule(this.resource.kind, path, req)) {
        const at = `${formatPath(path)}\0${req}`;
        const finding: Finding = {
          // Written without a value: the key is there to point at.
          path: value[req] === null ? [...path, req] : path.length ? path.slice() : ["kind"],
          target: "key",
          message: `required field ${JSON.stringify(req)} ${value[req] === null ? "is written without a value" : "is missing"}${path.length ? ` in ${formatPath(path)}` : ""}`,
          hint: `${value[req] === null ? "give" : "add"} ${JSON.stringify(req)}${value[req] === null ? " a value" : ""}${path.length ? ` under ${formatPath(path)}` : ""}`,
        };
        const from = this.supplied?.get(at);
        const typo = from || !unknown ? undefined : misspeltAs(req, unknown.map(([k]) => k), [...type.fields.keys()]);
        if (from) writtenElsewhere(finding, req, path, from);
        else if (typo) misspeltBeside(finding, req, typo);
        else (this.missing ??= new Map()).set(at, finding);
        this.report("missing-required-field", finding);
      }
    }
    if (code === this.metaCode) this.checkLabels(value, path);
    this.objectCodes.pop();
    this.objectDepths.pop();
    this.objectValues.pop();
  }

  /**
   * A SCHEMA_FORMS field of a JSONSchemaProps: its schemas are JSONSchemaProps (`schema`), its
   * other forms accepted. additionalProperties and additionalItems hold a schema or a boolean:
   * JSONSchemaPropsOrBool.UnmarshalJSON refuses anything else ("boolean or JSON schema
   * expected"), so the API server rejects the CRD; a null is the field left out.
   */
  private walkSchemaForm(key: string, value: unknown, schema: TypeCode) {
    this.path.push(key);
    const form = SCHEMA_FORMS.get(key);
    if (form === "schema or boolean" && !isMap(value) && typeof value !== "boolean" && value !== null) {
      this.report("invalid-type", {
        path: this.path.slice(),
        message: `${JSON.stringify(key)} must be a schema or a boolean (true or false), got ${kindOfValue(value)}: the API server refuses the CustomResourceDefinition (boolean or JSON schema expected)`,
        hint: `set ${JSON.stringify(key)} to true, false or a schema such as {type: string}`,
      });
    } else if (isMap(value) && form !== "map of schema or names") this.walkObject(value, schema);
    else if (Array.isArray(value) && form === "schema or list") for (let i = 0; i < value.length; i++) this.walkField(i, value[i], schema);
    else if (isMap(value)) for (const k in value) if (isMap(value[k])) this.walkField(k, value[k], schema);
    this.path.pop();
  }

  /** A field of the newest catalogue that the target release does not have yet, reported as unknown there. */
  private newerThanTarget(code: TypeCode, key: string, path: Path): boolean {
    const first = fieldFirstRelease(code, key);
    if (!first || compareVersions(this.release!.judged, first) >= 0) return false;
    const where = path.length ? formatPath(path) : this.resource.kind;
    this.unserved?.push([...path, key]);
    this.report("unknown-field", {
      path: [...path, key],
      target: "key",
      message: `field ${JSON.stringify(key)} of ${where} is served from ${first}; the target is ${this.release!.target}`,
      hint: `remove ${JSON.stringify(key)}, or target Kubernetes ${first} or later`,
    });
    return true;
  }

  /**
   * A field an older release had and the newest no longer has (Service spec.topologyKeys): served
   * at the target, it is accepted as is (its subtree is not in the catalogue); otherwise reported
   * as removed, with the release that removed it, instead of a did-you-mean to a different field.
   */
  private removedField(code: TypeCode, key: string, path: Path): boolean {
    const range = removedFieldRange(code, key);
    if (!range) return false;
    const target = this.release?.judged ?? CATALOGUE_KUBERNETES_VERSION;
    if (inRange(range, target)) return true;
    const removedIn = releaseAfter(range.last);
    if (!removedIn || compareVersions(target, range.first) < 0) return false;
    const where = path.length ? formatPath(path) : this.resource.kind;
    this.report("unknown-field", {
      path: [...path, key],
      target: "key",
      message: `field ${JSON.stringify(key)} of ${where} was removed in Kubernetes ${removedIn}; the target is ${this.release?.target ?? target}`,
      hint: `remove ${JSON.stringify(key)}, or target Kubernetes ${range.last} or earlier`,
    });
    return true;
  }

  /** One finding per group of fields written in another version's shape. */
  private reportMovedFields(value: Record<string, unknown>, path: Path, isField: (name: string) => boolean, unknown: Array<[string, unknown]>): MovedFields[] {
    const moved = movedFields(value, path, isField, unknown);
    for (const m of moved) this.report("unknown-field", { path: [...path, m.keys[0]], target: "key", message: m.message, hint: m.hint });
    return moved;
  }

  private unknownField(key: string, value: unknown, fields: ReadonlyMap<string, TypeCode>, path: Path) {
    const names = [...fields.keys()];
    const where = path.length ? formatPath(path) : this.resource.kind;
    const finding = (message: string, hint: string, fixes?: Pick<Finding, "fix" | "suggestions">) => {
      this.report("unknown-field", { path: [...path, key], target: "key", message, hint, ...fixes });
    };
    const rename = (to: string): FieldFix => [{ op: "rename", path: [...path, key], key: to }];
    // A rename that would give the object a second one-of member (`nonResourceURL` in a rule with resources) is not offered.
    const depth = this.objectCodes.length - 1;
    const renameConflict = (to: string) => (depth >= 0 ? oneOfConflict(this.objectCodes[depth], this.objectValues[depth], to) : undefined);
    const sameCase = names.find((n) => n.toLowerCase() === key.toLowerCase());
    const sameCaseConflict = sameCase && renameConflict(sameCase);
    if (sameCase && sameCaseConflict) {
      return finding(`unknown field ${JSON.stringify(key)} in ${where} (did you mean ${JSON.stringify(sameCase)}? ${where} cannot have it: ${conflictReason(sameCaseConflict, sameCase)})`, `remove ${JSON.stringify(key)}`);
    }
    // Only the case differs: the field the user meant, unless the map has it already.
    if (sameCase) return finding(`unknown field ${JSON.stringify(key)} in ${where} (did you mean ${JSON.stringify(sameCase)}?)`, `rename ${JSON.stringify(key)} to ${JSON.stringify(sameCase)}`, { fix: rename(sameCase) });
    const home = this.misplacedHome(key, value, fields, path);
    if (home?.blocked) {
      // Moved there, the key would be a second member of a one-of group, which the API server refuses.
      const { object, conflict } = home.blocked;
      // Beside a list, the key more likely starts an item of its own than replaces the one written.
      const instead = home.item
        ? `make it its own item of ${home.item.list}${home.item.named ? ", with its own name" : ""}`
        : conflict.selects
          ? `change ${conflict.member} to the one that takes ${JSON.stringify(key)} and move it to ${home.at}`
          : `move it to ${home.at} in place of ${JSON.stringify(conflict.member)}`;
      return finding(
        conflict.selects
          ? `unknown field ${JSON.stringify(key)} in ${where}: it is a field of ${object}, but ${conflictReason(conflict, key)}`
          : `unknown field ${JSON.stringify(key)} in ${where}: it is a field of ${object}, which sets ${JSON.stringify(conflict.member)} already, and ${conflictReason(conflict, key)}`,
        `remove ${JSON.stringify(key)}, or ${instead}`,
      );
    }
    if (home?.blockedCreate) {
      // Its home is in an object not written yet, which the holder may not have beside a member it sets.
      const { field, conflict } = home.blockedCreate;
      return finding(
        conflict.selects
          ? `unknown field ${JSON.stringify(key)} in ${where}: it belongs at ${home.at}, but ${conflictReason(conflict, field)}`
          : `unknown field ${JSON.stringify(key)} in ${where}: it belongs at ${home.at}, but ${where} sets ${JSON.stringify(conflict.member)}, and ${conflictReason(conflict, field)}`,
        `remove ${JSON.stringify(key)}, or ${conflict.selects ? `change ${conflict.member}` : `remove ${JSON.stringify(conflict.member)}`} and move ${JSON.stringify(key)} to ${home.at}`,
      );
    }
    if (home && !home.exact) {
      // The only field of that name nearby does not take the value (a Service's `type: ClusterIP` in a
      // Deployment): misplaced, or meant for another kind. One finding, the move a suggestion; the
      // value is not judged there, where it may never have belonged.
      const move: FieldFix | undefined = home.path && [{ op: "move", from: [...path, key], to: home.path }];
      const allowed = home.code.startsWith("e") ? enumValues(home.code) : [];
      const takes = allowed.length ? `${home.at} takes ${allowed.map((v) => JSON.stringify(v)).join(" or ")}, not ${JSON.stringify(value)}` : `${home.at} does not take ${JSON.stringify(value)}`;
      return finding(
        `field ${JSON.stringify(key)} is misplaced in ${where} or meant for another kind: ${takes}`,
        `remove ${JSON.stringify(key)}, or move it to ${home.at} with a value it takes`,
        move && { suggestions: [{ description: `move ${JSON.stringify(key)} to ${home.at}`, fix: move }] },
      );
    }
    if (home) {
      // A single home (not one of several items of a list, which would be a guess of which one) is where the user meant it.
      const move: FieldFix | undefined = home.path && [{ op: "move", from: [...path, key], to: home.path }];
      const rival = home.path && this.rivalFor(key, home, fields, path);
      if (rival) {
        // Two members of a one-of group written beside their home: moving both would be refused, and which one stays is the user's choice.
        finding(
          `field ${JSON.stringify(key)} is misplaced in ${where}: it belongs at ${home.at}, but ${JSON.stringify(rival.member)} written beside it belongs there too, and ${rival.group.of} takes only one of ${JSON.stringify(key)} and ${JSON.stringify(rival.member)}`,
          `move one of ${JSON.stringify(key)} and ${JSON.stringify(rival.member)} to ${formatPath(home.path!.slice(0, -1))} and remove the other`,
          move && { suggestions: [{ description: `move ${JSON.stringify(key)} to ${home.at}`, fix: move }] },
        );
      } else if (home.item || home.far) {
        // The one item of a list is the likely home, but a guess: the move may break a rule across the item's fields (tolerationSeconds with effect NoSchedule), so it is offered, not applied.
        // So is a home two objects up: the key may come from an embedded object (a claim template's spec) rather than the workload's.
        const hint = home.item ? `move ${JSON.stringify(key)} to ${home.at}, if that item is the one you meant` : `move ${JSON.stringify(key)} to ${home.at}`;
        finding(`field ${JSON.stringify(key)} is misplaced in ${where}: it belongs at ${home.at}`, hint, move && { suggestions: [{ description: `move ${JSON.stringify(key)} to ${home.at}`, fix: move }] });
      } else finding(`field ${JSON.stringify(key)} is misplaced in ${where}: it belongs at ${home.at}`, `move ${JSON.stringify(key)} to ${home.at}`, move && { fix: move });
      if (home.path) this.supplies(home.path, [...path, key]);
      this.misplaced?.push({ path: [...path, key], value, home: home.segments });
      // Still validated, against the type where it belongs and at the lines where it is written: a typo inside is reported now, not after the move.
      return this.walkField(key, value, home.code);
    }
    const near = closestWithin(key, names);
    const nearConflict = near && renameConflict(near);
    if (near && nearConflict) {
      return finding(`unknown field ${JSON.stringify(key)} in ${where} (did you mean ${JSON.stringify(near)}? ${where} cannot have it: ${conflictReason(nearConflict, near)})`, `remove ${JSON.stringify(key)}`);
    }
    if (near) return finding(`unknown field ${JSON.stringify(key)} in ${where} (did you mean ${JSON.stringify(near)}?)`, `rename ${JSON.stringify(key)} to ${JSON.stringify(near)}`, { suggestions: [{ description: `rename ${JSON.stringify(key)} to ${JSON.stringify(near)}`, fix: rename(near) }] });
    finding(`unknown field ${JSON.stringify(key)} in ${where}`, `remove ${JSON.stringify(key)} or check its indentation`);
  }

  /**
   * Another member of `key`'s one-of group at its home, written beside `key` and misplaced into the
   * same object (a PodDisruptionBudget's minAvailable and maxUnavailable both at its top level).
   */
  private rivalFor(key: string, home: MisplacedHome, fields: ReadonlyMap<string, TypeCode>, path: Path): OneOfConflict | undefined {
    const holder = this.objectValues[this.objectValues.length - 1];
    const rival = oneOfConflict(home.objectCode, holder, key);
    if (!rival || rival.selects || fields.has(rival.member)) return undefined;
    const its = this.misplacedHome(rival.member, holder[rival.member], fields, path);
    return its?.path && formatPath(its.path.slice(0, -1)) === formatPath(home.path!.slice(0, -1)) ? rival : undefined;
  }

  /** The field at `home` is written, misplaced, at `from`: a missing-required-field finding for it, made or to come, says so. */
  private supplies(home: Path, from: Path) {
    const at = `${formatPath(home.slice(0, -1))}\0${home[home.length - 1]}`;
    (this.supplied ??= new Map()).set(at, from);
    const made = this.missing?.get(at);
    if (made) writtenElsewhere(made, String(home[home.length - 1]), home.slice(0, -1), from);
  }

  /**
   * A path one level down or up where `key` is a field that accepts `value`, with the field's type
   * there. When no field of that name accepts the value, one whose type has the value's shape but
   * not one of its enum values still is its home if it is the only one (`spec.type: ClusterIP` in a
   * Deployment belongs at spec.strategy.type, where invalid-type then judges the value); `exact`
   * says whether the value fits as written (only then is the move a safe fix). Of several fields
   * one level down that take it, the one written beside it is its home when it is the only one
   * written (a volume's `defaultMode` beside its `configMap`: secret, configMap, downwardAPI and
   * projected all take one). A key whose object one level down (or a list's one item) is written
   * with it already is a stray copy, unless one other object written takes it: a field not written
   * is no home then (`ports` beside an ingress rule with ports is not egress's). A list
   * of one item written as a map is that item (`containerPort` beside a `ports` list of one port).
   * A home whose object sets another member of the key's one-of group comes back `blocked`.
   */
  private misplacedHome(key: string, value: unknown, fields: ReadonlyMap<string, TypeCode>, path: Path): MisplacedHome | undefined {
    return this.homeWhere(key, value, fields, path, accepts) ?? this.homeWhere(key, value, fields, path, acceptsShape);
  }

  private homeWhere(key: string, value: unknown, fields: ReadonlyMap<string, TypeCode>, path: Path, fits: (code: TypeCode, value: unknown) => boolean): MisplacedHome | undefined {
    const down: MisplacedHome[] = [];
    /** Of `down`, those whose field is written in the object holding `key`. */
    const written: MisplacedHome[] = [];
    const holder = this.objectValues[this.objectValues.length - 1];
    const exact = fits === accepts;
    const segments = (p: Path) => p.map((s) => (typeof s === "number" ? "[]" : s));
    /** An object written beside the key holds it already (a stray copy, unless another written object is its home). */
    let stray = false;
    for (const [name, code] of fields) {
      const list = code.startsWith("[#");
      const inner = list ? code.slice(1) : code;
      if (!inner.startsWith("#")) continue;
      const child = objectType(inner);
      const childCode = child.fields.get(key);
      if (child.free || childCode === undefined || !fits(childCode, value)) continue;
      const there = holder?.[name];
      // A list of one item written as an object is one place, that item; of several, a guess of which one.
      const only = list && Array.isArray(there) && there.length === 1 && isMap(there[0]) ? there[0] : undefined;
      const object = list ? only : there;
      // The object written there has the field already: this key is a stray copy, and no field left unwritten is its home (below).
      if (isMap(object) && Object.hasOwn(object, key)) {
        stray = true;
        continue;
      }
      const objectPath = only ? [...path, name, 0] : [...path, name];
      const conflict = isMap(object) ? oneOfConflict(inner, object, key) : undefined;
      const createConflict = !list && !isMap(object) && holder ? oneOfConflict(this.objectCodes[this.objectCodes.length - 1], holder, name) : undefined;
      const home: MisplacedHome = {
        at: formatPath(objectPath) + (list && !only ? "[]" : "") + `.${key}`,
        code: childCode,
        segments: [...segments(path), name, ...(list ? ["[]"] : []), key],
        exact,
        ...(list && !only ? {} : { path: [...objectPath, key] }),
        objectCode: inner,
        ...(only ? { item: { list: formatPath([...path, name]), named: child.fields.has("name") } } : {}),
        ...(conflict ? { blocked: { object: formatPath(objectPath), conflict } } : {}),
        ...(createConflict ? { blockedCreate: { field: name, conflict: createConflict } } : {}),
      };
      down.push(home);
      // Written: an object there (a list of them for a list), not a null or a scalar in its place.
      if (list ? Array.isArray(there) : isMap(there)) written.push(home);
    }
    if (stray) return written.length === 1 ? written[0] : undefined;
    if (down.length === 1) return down[0];
    if (down.length > 1) return written.length === 1 ? written[0] : undefined;
    // The object around this one; when its type has no such field, the object around that (a
    // Deployment's `replicas` in its pod template's spec), for a value that fits there as written.
    const parent = this.objectCodes.length - 2;
    if (parent < 0) return undefined;
    if (objectType(this.objectCodes[parent]).fields.has(key) || !exact) return this.homeAbove(key, value, 1, fits, exact);
    return this.homeAbove(key, value, 2, fits, exact);
  }

  /** `key` as a field of the object `levels` objects around the one holding it, if it is not written there and takes `value`. */
  private homeAbove(key: string, value: unknown, levels: number, fits: (code: TypeCode, value: unknown) => boolean, exact: boolean): MisplacedHome | undefined {
    const at = this.objectCodes.length - 1 - levels;
    if (at < 0) return undefined;
    const holder = this.objectValues[at];
    if (Object.hasOwn(holder, key)) return undefined;
    const holderCode = this.objectCodes[at];
    const code = objectType(holderCode).fields.get(key);
    if (code === undefined || !fits(code, value)) return undefined;
    const holderPath = this.path.slice(0, this.objectDepths[at]);
    const conflict = oneOfConflict(holderCode, holder, key);
    return {
      at: formatPath([...holderPath, key]),
      code,
      segments: [...holderPath.map((s) => (typeof s === "number" ? "[]" : s)), key],
      exact,
      path: [...holderPath, key],
      objectCode: holderCode,
      ...(levels > 1 ? { far: true } : {}),
      ...(conflict ? { blocked: { object: formatPath(holderPath) || this.resource.kind, conflict } } : {}),
    };
  }

  private checkLabels(meta: Record<string, unknown>, path: Path) {
    const labels = meta.labels;
    if (isMap(labels)) {
      // The object's generateName (or name) written one level too deep: missing-required-field says so, not this label's value.
      const tooDeep = path.length === 1 && !filled(meta.name) && !filled(meta.generateName) ? nameTooDeep(meta) : undefined;
      for (const [k, v] of Object.entries(labels)) {
        const keyProblems = qualifiedName(k);
        if (keyProblems.length) this.invalidKey("label", [...path, "labels", k], k, keyProblems[0]);
        if (typeof v === "string" && !(tooDeep?.under === "labels" && tooDeep.key === k)) {
          const valueProblems = labelValue(v);
          if (valueProblems.length) {
            const placeholders = samplePlaceholders(v);
            this.report("invalid-label", {
              path: [...path, "labels", k],
              message: `label value ${JSON.stringify(v)} of ${JSON.stringify(k)} is invalid: ${valueProblems[0]}${placeholders.length ? `; ${placeholderNote(placeholders)}` : ""}`,
              // A placeholder stands for a label value: it is replaced, not moved to an annotation.
              hint: placeholders.length ? labelValueFix(v) : `${labelValueFix(v)}, or move it to an annotation`,
            });
          }
        }
      }
    }
    const annotations = meta.annotations;
    if (isMap(annotations)) {
      for (const k of Object.keys(annotations)) {
        const problems = qualifiedName(k.toLowerCase());
        if (problems.length) this.invalidKey("annotation", [...path, "annotations", k], k, problems[0]);
      }
    }
  }

  /** A label or annotation key that is not a qualified name; one holding a sample's placeholder (`<key>`) says so. */
  private invalidKey(what: "label" | "annotation", path: Path, key: string, problem: string) {
    const placeholders = samplePlaceholders(key);
    this.report("invalid-label", {
      path,
      target: "key",
      message: `${what} key ${JSON.stringify(key)} is invalid: ${problem}${placeholders.length ? `; ${placeholderNote(placeholders)}` : ""}`,
      hint: placeholders.length
        ? replacePlaceholdersHint(placeholders, "key")
        : "rename the key: an optional DNS prefix and '/', then up to 63 alphanumeric, '-', '_' or '.' characters",
    });
  }
}

/**
 * Strategic-merge patch directives (`$patch`, `$retainKeys`, `$setElementOrder/<field>`,
 * `$deleteFromPrimitiveList/<field>`; k8s.io/apimachinery/pkg/util/strategicpatch): keys of a
 * patch that are not fields of the object.
 */
export function isPatchDirective(key: string): boolean {
  return key === "$patch" || key === "$retainKeys" || key.startsWith("$setElementOrder/") || key.startsWith("$deleteFromPrimitiveList/");
}

/** `512mi` -> `512Mi` (only the case of a binary suffix differs) is the fix; `512MB` offers both units it may mean. */
function quantityFixes(path: Path, text: string): Pick<Finding, "fix" | "suggestions"> {
  const m = /^([+-]?[0-9.]+)([A-Za-z]+)$/.exec(text);
  if (!m) return {};
  const binary = QUANTITY_SUFFIXES.binary.find((s) => s.toLowerCase() === m[2].toLowerCase());
  if (binary) return { fix: [{ op: "set", path, value: `${m[1]}${binary}` }] };
  if (!/^[kmgtpe]b$/i.test(m[2])) return {};
  const unit = m[2][0].toUpperCase();
  const options = [`${m[1]}${unit}i`, `${m[1]}${unit === "K" ? "k" : unit}`];
  return { suggestions: options.map((value) => ({ description: `write ${JSON.stringify(value)}`, fix: [{ op: "set", path, value }] })) };
}

/** An enum value that differs from a valid one only in case is that one; a near spelling is a suggestion. */
function nearValueFixes(path: Path, value: string, near: string | undefined): Pick<Finding, "fix" | "suggestions"> {
  if (!near) return {};
  const fix: FieldFix = [{ op: "set", path, value: near }];
  return near.toLowerCase() === value.toLowerCase() ? { fix } : { suggestions: [{ description: `set ${JSON.stringify(near)}`, fix }] };
}

function quantityHint(text: string): string {
  const m = /^([+-]?[0-9.]+)([A-Za-z]+)$/.exec(text);
  if (m) {
    const suffix = m[2];
    const binary = QUANTITY_SUFFIXES.binary.find((s) => s.toLowerCase() === suffix.toLowerCase());
    if (binary) return `write "${m[1]}${binary}": suffixes are case-sensitive ("${binary}" is the binary unit)`;
    if (/^[kmgtpe]b$/i.test(suffix)) return `write "${m[1]}${suffix[0].toUpperCase()}i" (or "${m[1]}${suffix[0].toUpperCase() === "K" ? "k" : suffix[0].toUpperCase()}"): Kubernetes units have no "B"`;
  }
  const suffixes = [...QUANTITY_SUFFIXES.decimal, ...QUANTITY_SUFFIXES.binary].join(", ");
  return `write a number with an optional suffix: ${suffixes} or an exponent such as e3 (for example "500m", "128Mi", "1.5")`;
}

/**
 * A required field whose absence a dedicated rule reports, with the choices and a fix: one cause,
 * one finding. An Ingress path's pathType is ingress-path-invalid's (docs/DECISIONS.md).
 */
function reportedByOwnRule(kind: string, path: Path, field: string): boolean {
  return field === "pathType" && kind === "Ingress" && path[path.length - 2] === "paths";
}

/** A `name` or `generateName` written one level too deep, in metadata's labels or annotations: a key there, but a string a name could be. */
export function nameTooDeep(metadata: Record<string, unknown>): { key: string; under: string } | undefined {
  for (const under of ["labels", "annotations"]) {
    const map = metadata[under];
    if (typeof map !== "object" || map === null || Array.isArray(map)) continue;
    for (const key of ["name", "generateName"]) if (filled((map as Record<string, unknown>)[key])) return { key, under };
  }
  return undefined;
}
