/**
 * The x-kubernetes-validations rules of a CustomResourceDefinition of the input, evaluated on
 * its custom resources as the API server does on create
 * (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go, Validator.validate):
 * each rule runs with `self` bound to the value of the schema node that declares it, for every
 * value present (an absent or null field is not validated); a false result is reported at the
 * rule's fieldPath (relative to that node) or at the node, with `message`, the string that
 * `messageExpression` returns, or "failed rule: <rule>". Transition rules (they name oldSelf)
 * only run on update: an offline linter sees no old object, so they are skipped. One cost
 * budget (RuntimeCELCostBudget) covers all rules of one object. A rule that fails to evaluate
 * (no such key, overflow...) rejects the object like a false one: validateExpressions appends a
 * field.Invalid "<error> evaluating rule: <rule>", so it is an error too. What the API server of
 * the target release does not keep of the CRD is not read: rules it drops on write
 * (x-kubernetes-validations before 1.25, with CustomResourceValidationExpressions off:
 * feature-gated-field's) or prunes on decode as a field it does not serve (x-kubernetes-validations
 * before 1.23, anywhere in the schema: unknown-field's "served from") are not run, and a rule's
 * field it does not serve yet (messageExpression before 1.27, fieldPath and reason before 1.28)
 * is read as absent.
 */
import { memoKey } from "../../models/run-memo.js";
import { exactIntegersOf, pathKey } from "../../models/exact-integers.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { customResourceSchema, type JsonSchema } from "../../models/crd.js";
import type { Path } from "../../types.js";
import type { Finding } from "../types.js";
import { celEngine, type CostBudget } from "../../models/cel/load.js";
import { celPropertyName } from "../../models/cel/escaping.js";
import { validFieldPath } from "./field-path.js";
import { asWritten, exceededMessage } from "./budget.js";
import { goTrimSpace, usableMessage } from "./message-expression.js";
import { onObject, recordWrongType } from "./wrong-types.js";
import { droppedFields, isWithin } from "../schema/gates-off.js";
import { unservedFields } from "../schema/validate.js";

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** One x-kubernetes-validations entry, where it is written in the CRD. */
export interface CrdRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  /** Path of the entry in the CRD. */
  at: Path;
}

/** Whether a CRD declares any x-kubernetes-validations (its rules need the CEL engine). */
export function hasValidationRules(crd: Resource): boolean {
  return JSON.stringify(crd.raw.spec ?? null).includes('"x-kubernetes-validations"');
}

const DECLARES_RULES = memoKey<Map<Resource, boolean>>("whether each CRD declares x-kubernetes-validations", "run");

/** hasValidationRules once per CRD of the run, not once per custom resource that it defines. */
function declaresRules(crd: Resource, index: ResourceIndex): boolean {
  const known = index.memo.get(DECLARES_RULES, () => new Map());
  let declares = known.get(crd);
  if (declares === undefined) known.set(crd, (declares = hasValidationRules(crd)));
  return declares;
}

/** Rules that only run on update: they read the old object. */
export function isTransitionRule(rule: string): boolean {
  return /\boldSelf\b/.test(rule);
}

export function rulesOf(schema: JsonSchema, at: Path): CrdRule[] {
  const list = schema["x-kubernetes-validations"];
  if (!Array.isArray(list)) return [];
  const out: CrdRule[] = [];
  list.forEach((entry, i) => {
    if (!isMap(entry) || typeof entry.rule !== "string") return;
    out.push({
      rule: entry.rule,
      // A message of only spaces is refused with the CRD ("message must be non-empty if specified"): read as none.
      ...(typeof entry.message === "string" && goTrimSpace(entry.message) ? { message: entry.message } : {}),
      ...(typeof entry.messageExpression === "string" ? { messageExpression: entry.messageExpression } : {}),
      ...(typeof entry.fieldPath === "string" ? { fieldPath: entry.fieldPath } : {}),
      ...(typeof entry.reason === "string" ? { reason: entry.reason } : {}),
      at: [...at, "x-kubernetes-validations", i],
    });
  });
  return out;
}

/**
 * A JSON value as CEL reads it under its schema (UnstructuredToVal): `type: number` is a double
 * even when written 2, other whole numbers are ints (beyond 2^53, the int64 written: `exact`,
 * by path).
 */
export function celUnderSchema(value: unknown, schema: JsonSchema | undefined, exact?: ReadonlyMap<string, bigint>, path: Array<string | number> = []): unknown {
  if (typeof value === "number") return schema?.type === "number" ? value : (exact?.get(pathKey(path)) ?? celEngine().toCel(value));
  if (Array.isArray(value)) {
    const items = schema && isMap(schema.items) ? schema.items : undefined;
    return value.map((v, i) => celUnderSchema(v, items, exact, exact ? [...path, i] : path));
  }
  if (isMap(value)) {
    const properties = schema && isMap(schema.properties) ? schema.properties : {};
    const additional = schema && isMap(schema.additionalProperties) ? schema.additionalProperties : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const declared = Object.hasOwn(properties, k) && isMap(properties[k]) ? (properties[k] as JsonSchema) : undefined;
      // A declared property is reached by its escaped name, or not at all; a map's keys are data.
      const name = declared ? celPropertyName(k) : k;
      if (name !== undefined) out[name] = celUnderSchema(v, declared ?? additional, exact, exact ? [...path, k] : path);
    }
    return out;
  }
  return value;
}

/**
 * The object as the API server judges it: every property the schema defaults and the object
 * leaves out is filled in, depth first through the defaulted values too (structural defaulting,
 * Default in k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go). The
 * written object is not changed; defaulted values are copies.
 */
export function withSchemaDefaults(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = isMap(schema.items) ? (schema.items as JsonSchema) : undefined;
    return items ? value.map((v) => withSchemaDefaults(v, items)) : value;
  }
  if (!isMap(value)) return value;
  const properties = isMap(schema.properties) ? schema.properties : {};
  const additional = isMap(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : undefined;
  const out: Record<string, unknown> = { ...value };
  for (const [key, sub] of Object.entries(properties)) {
    if (isMap(sub) && sub.default !== undefined && !Object.hasOwn(out, key)) out[key] = structuredClone(sub.default);
  }
  for (const [key, v] of Object.entries(out)) {
    const sub = Object.hasOwn(properties, key) && isMap(properties[key]) ? (properties[key] as JsonSchema) : additional;
    out[key] = withSchemaDefaults(v, sub);
  }
  return out;
}

/**
 * `self` of a rule at the root of a resource: metadata holds only name and generateName, the
 * fields the API server declares for it (WithTypeAndObjectMeta in
 * apiextensions-apiserver schema/cel/model/schemas.go; labels, annotations and the rest are not
 * readable), so an expression that reaches them dynamically fails as it does there.
 */
function withRuleObjectMeta(self: unknown): unknown {
  if (!isMap(self) || !isMap(self.metadata)) return self;
  const metadata: Record<string, unknown> = {};
  for (const key of ["name", "generateName"]) if (Object.hasOwn(self.metadata, key)) metadata[key] = self.metadata[key];
  return { ...self, metadata };
}

/** The fields of a rule entry the rule can do without. */
const OPTIONAL_RULE_FIELDS = ["message", "messageExpression", "fieldPath", "reason"] as const;

/** `rule` as the API server keeps it when the CRD loses the fields `lost`; undefined when the rule itself is lost. */
function keptRule(rule: CrdRule, lost: readonly Path[]): CrdRule | undefined {
  if (isWithin(rule.at, lost)) return undefined;
  let kept = rule;
  for (const key of OPTIONAL_RULE_FIELDS) {
    if (kept[key] === undefined || !isWithin([...rule.at, key], lost)) continue;
    kept = { ...kept };
    delete kept[key];
  }
  return kept;
}

const FINDINGS = memoKey<Map<Resource, Finding[]>>("CRD validation rule findings by resource");

const NO_FINDINGS: readonly Finding[] = [];

export function crdRuleFindings(resource: Resource, index: ResourceIndex, release: string): readonly Finding[] {
  const own = customResourceSchema(resource, index);
  // Only the resources some rule applies to take an entry of the run's memo (most have none).
  if (!own || !declaresRules(own.definition.crd, index)) return NO_FINDINGS;
  const cache = index.memo.get(FINDINGS, () => new Map());
  let found = cache.get(resource);
  if (!found) {
    found = [];
    const crd = own.definition.crd;
    const lost = [...droppedFields(crd, index.memo.get, release), ...unservedFields(crd, index.memo.get, release)];
    const walker = new RuleWalker(resource, index, crd, own.version.statusSubresource, [...own.version.path, "schema", "openAPIV3Schema"], lost, found);
    const defaulted = withSchemaDefaults(resource.raw, own.version.schema);
    walker.walk(defaulted, celUnderSchema(defaulted, own.version.schema, exactIntegersOf(resource.raw)), own.version.schema, [], []);
    cache.set(resource, found);
  }
  return found;
}

class RuleWalker {
  /** RuntimeCELCostBudget: the rules of one object share it. */
  private readonly budget: CostBudget;
  private stopped = false;

  constructor(
    private readonly resource: Resource,
    private readonly index: ResourceIndex,
    private readonly crd: Resource,
    private readonly skipStatus: boolean,
    private readonly schemaRoot: Path,
    /** Fields of the CRD the API server does not keep at the target release (dropped on write, pruned as unserved). */
    private readonly lost: readonly Path[],
    private readonly out: Finding[],
  ) {
    this.budget = { remaining: celEngine().RUNTIME_BUDGET };
  }

  /** `value` as written, `cel` its CEL form. */
  walk(value: unknown, cel: unknown, schema: JsonSchema, path: Path, schemaPath: Path): void {
    if (value === null || value === undefined || this.stopped) return;
    const resourceRoot = path.length === 0 || schema["x-kubernetes-embedded-resource"] === true;
    const declared = rulesOf(schema, [...this.schemaRoot, ...schemaPath]);
    const rules = this.lost.length ? declared.flatMap((r) => keptRule(r, this.lost) ?? []) : declared;
    if (rules.length) {
      const self = resourceRoot ? withRuleObjectMeta(cel) : cel;
      for (const rule of rules) this.evaluate(rule, self, path, schema, resourceRoot);
    }
    if (Array.isArray(value)) {
      const items = isMap(schema.items) ? schema.items : undefined;
      if (items) value.forEach((item, i) => this.walk(item, (cel as unknown[])[i], items, [...path, i], [...schemaPath, "items"]));
      return;
    }
    if (!isMap(value)) return;
    const properties = isMap(schema.properties) ? schema.properties : {};
    const additional = isMap(schema.additionalProperties) ? schema.additionalProperties : undefined;
    for (const [key, v] of Object.entries(value)) {
      if (path.length === 0 && (key === "apiVersion" || key === "kind" || key === "metadata")) continue;
      if (path.length === 0 && key === "status" && this.skipStatus) continue;
      const sub = Object.hasOwn(properties, key) && isMap(properties[key]) ? (properties[key] as JsonSchema) : undefined;
      const name = sub ? celPropertyName(key) : key;
      // A property CEL cannot reach is not in its parent's CEL form, but its own rules still run.
      const c = name === undefined ? celUnderSchema(v, sub) : (cel as Record<string, unknown>)[name];
      if (sub) this.walk(v, c, sub, [...path, key], [...schemaPath, "properties", key]);
      else if (additional) this.walk(v, c, additional, [...path, key], [...schemaPath, "additionalProperties"]);
    }
  }

  private evaluate(rule: CrdRule, self: unknown, path: Path, schema: JsonSchema, resourceRoot: boolean): void {
    if (isTransitionRule(rule.rule)) return;
    const cel = celEngine();
    const program = cel.compiled(rule.rule, ["self"]);
    // A rule that does not compile, or whose type is not bool, makes the CRD itself invalid: cel-expression-invalid reports it there.
    if (!program || cel.typeProblem(program.type, "bool")) return;
    if (resourceRoot && cel.undeclaredObjectMetaField(rule.rule)) return;
    const outcome = program.run({ self }, this.budget, true);
    const crdName = JSON.stringify(this.crd.name);
    const related = { resource: this.crd, path: [...rule.at, "rule"], message: "the rule" };
    const at = this.reportPath(rule, path, schema);
    // A rule of the root schema is about the whole object: it is reported at its kind, like other object-level findings.
    const where: Path = at.length ? at : ["kind"];
    if ("exceeded" in outcome) {
      this.stopped = outcome.exceeded === "budget";
      this.out.push({
        path: where,
        message: exceededMessage(`the rule ${asWritten(rule.rule)} of CustomResourceDefinition ${crdName}`, outcome.exceeded),
        hint: "rewrite the rule with fewer nested comprehensions, or bound the lists and strings it reads with maxItems and maxLength",
        related,
      });
      return;
    }
    if ("error" in outcome) {
      // The API server rejects the object: an evaluation error is an invalid-field error like a false rule (validation.go, "evaluating rule").
      this.out.push({
        path: where,
        message: `CustomResourceDefinition ${crdName} rejects the object: its rule ${asWritten(rule.rule)} fails to evaluate on it: ${outcome.error}`,
        hint: cel.evaluationHint(outcome, "in the rule", "set the field the rule reads, or guard it in the rule with has()"),
        related: { ...related, ...(outcome.at ? { within: outcome.at } : {}) },
      });
      return;
    }
    if (typeof outcome.value !== "boolean") {
      recordWrongType(this.index, this.crd, { path: [...rule.at, "rule"], problem: cel.valueProblem(outcome.value, "bool", onObject(this.resource))!, hint: cel.resultTypeHint("bool"), object: this.resource });
      return;
    }
    if (outcome.value) return;
    const message = this.message(rule, self);
    this.out.push({
      path: where,
      ...(rule.reason === "FieldValueRequired" || !at.length ? { target: "key" as const } : {}),
      message: `CustomResourceDefinition ${crdName} rejects ${at.length ? "this value" : "the object"}: ${asWritten(message)}${rule.reason && rule.reason !== "FieldValueInvalid" ? ` (${rule.reason})` : ""}`,
      hint: `change the value so that the rule ${asWritten(rule.rule)} holds`,
      related,
    });
  }

  /**
   * messageExpression's string when the API server takes it (trimmed; not empty, on one line,
   * at most 5120 bytes: message-expression.ts), else the message (trimmed), else "failed rule:
   * <rule>" (evalMessageExpression and ruleMessageOrDefault in validation.go).
   */
  private message(rule: CrdRule, self: unknown): string {
    if (rule.messageExpression) {
      const cel = celEngine();
      const program = cel.compiled(rule.messageExpression, ["self"]);
      const outcome = program && !cel.typeProblem(program.type, "string") ? program.run({ self }, this.budget, true) : undefined;
      if (outcome && "value" in outcome && typeof outcome.value !== "string") recordWrongType(this.index, this.crd, { path: [...rule.at, "messageExpression"], problem: cel.valueProblem(outcome.value, "string", onObject(this.resource))!, hint: cel.resultTypeHint("string"), object: this.resource });
      const usable = outcome && "value" in outcome && typeof outcome.value === "string" ? usableMessage(outcome.value) : undefined;
      if (usable !== undefined) return usable;
    }
    return rule.message !== undefined ? goTrimSpace(rule.message) : `failed rule: ${goTrimSpace(rule.rule)}`;
  }

  /** The rule's fieldPath below the node, when the schema has it (else the CRD is refused: cel-expression-invalid); else the node. */
  private reportPath(rule: CrdRule, path: Path, schema: JsonSchema): Path {
    if (!rule.fieldPath) return path;
    const valid = validFieldPath(rule.fieldPath, schema);
    if ("error" in valid) return path;
    const rel = valid.path;
    // Point at the deepest part of the fieldPath that the object writes.
    let at = path;
    for (const seg of rel) {
      const next = [...at, seg];
      if (this.resource.get(next) === undefined) break;
      at = next;
    }
    return at;
  }
}
