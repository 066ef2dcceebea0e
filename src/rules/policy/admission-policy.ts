/**
 * ValidatingAdmissionPolicies of the input and their bindings, applied to the other resources
 * of the input as the API server's admission plugin applies them to a create request
 * (k8s.io/apiserver/pkg/admission/plugin/policy/validating: dispatcher.go, validator.go;
 * matching in k8s.io/apiserver/pkg/admission/plugin/policy/matching and
 * k8s.io/apiserver/pkg/admission/plugin/webhook/predicates/{rules,namespace,object}):
 *
 * - a binding applies its policy (spec.policyName) to an object that the policy's
 *   matchConstraints and the binding's matchResources both match: resourceRules (API group,
 *   version, plural resource, operation CREATE or UPDATE, scope) minus excludeResourceRules,
 *   namespaceSelector (against the Namespace of the input, or the
 *   kubernetes.io/metadata.name label every namespace carries), objectSelector (the labels);
 * - then matchConditions (all true), params (paramKind + the binding's paramRef, found in the
 *   input; none found: parameterNotFoundAction Deny denies, Allow skips), variables, and each
 *   validation with `object`, `oldObject` (null: a create), `params`, `namespaceObject`,
 *   `request` and `variables`; `object` is the object as the API server holds it when validating
 *   admission runs: defaulted, and for a Pod with DefaultTolerationSeconds' tolerations
 *   (models/defaults.ts, admittedObject);
 * - a false validation is reported with the string its messageExpression gives when the API
 *   server takes it (message-expression.ts), else its message, else "failed expression: <expression>"
 *   (and its reason), at the resource: a policy's Validation has expression, message,
 *   messageExpression and reason, and no fieldPath (k8s.io/api/admissionregistration/v1
 *   types.go, Validation; fieldPath belongs to a CRD's x-kubernetes-validations), with the
 *   binding's validationActions as severity: Deny error, Warn warning, Audit info
 *   (docs/DECISIONS.md).
 *
 * Expressions that read `authorizer` need the cluster's authorizer and are not evaluated. A
 * policy or binding whose file a Kyverno CLI Test lists under `policies` is that test's subject,
 * applied by the test to its own resources only, and not to the input (Resource.policyTest).
 */
import { celEngine, type CelOutcome, type CostBudget, type ResultType } from "../../models/cel/load.js";
import { groupOf } from "../../models/api-groups.js";
import { admittedObject } from "../../models/defaults.js";
import { CLUSTER_SCOPED_KINDS } from "../../models/k8s.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { matches, parseLabelSelector } from "../../models/selector.js";
import type { Path, Severity } from "../../types.js";
import type { Finding } from "../types.js";
import { asWritten, exceededReason } from "./budget.js";
import { goTrimSpace, usableMessage } from "./message-expression.js";
import { onObject, recordWrongType } from "./wrong-types.js";

/** The variables Kubernetes declares for policy expressions (validating/plugin.go, cel/composition.go). */
export const POLICY_VARIABLES = ["object", "oldObject", "request", "params", "namespaceObject", "variables", "authorizer"];

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === "string");

/** A CEL expression where it is written, with the variables it may read and the type it must give (none: any). */
export interface DeclaredExpression {
  path: Path;
  expression: string;
  variables: string[];
  wanted?: ResultType;
  /** A CRD rule at the root of a resource: `self.metadata` has only name and generateName. */
  resourceRoot?: boolean;
}

/** Every CEL expression of a policy with its path, for compilation (cel-expression-invalid). */
export function policyExpressions(policy: Resource): DeclaredExpression[] {
  if (policy.kind !== "ValidatingAdmissionPolicy") return [];
  const spec = isMap(policy.raw.spec) ? policy.raw.spec : {};
  const out: DeclaredExpression[] = [];
  // The types each must give: ReturnTypes() of the accessors in k8s.io/apiserver/pkg/admission/plugin/policy/validating.
  const add = (section: string, key: string, wanted?: ResultType) =>
    list(spec[section]).forEach((entry, i) => {
      if (isMap(entry) && typeof entry[key] === "string") out.push({ path: ["spec", section, i, key], expression: entry[key] as string, variables: POLICY_VARIABLES, ...(wanted ? { wanted } : {}) });
    });
  add("matchConditions", "expression", "bool");
  add("variables", "expression");
  add("validations", "expression", "bool");
  add("validations", "messageExpression", "string");
  add("auditAnnotations", "valueExpression", "string or null");
  return out;
}

/**
 * The plural resource name of a kind: the CRD's spec.names.plural when the input defines the
 * kind, else the RESTMapper's guess (k8s.io/apimachinery/pkg/api/meta/restmapper.go,
 * UnsafeGuessKindToResource), which is right for every built-in kind.
 */
function pluralOf(resource: Resource, index: ResourceIndex): string {
  const group = groupOf(resource.apiVersion);
  for (const crd of index.ofKind("CustomResourceDefinition")) {
    const spec = crd.raw.spec;
    if (isMap(spec) && spec.group === group && isMap(spec.names) && spec.names.kind === resource.kind && typeof spec.names.plural === "string") return spec.names.plural;
  }
  const kind = resource.kind.toLowerCase();
  if (kind.endsWith("s")) return `${kind}es`;
  if (kind.endsWith("y")) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}

function versionOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
}

const matchesName = (patterns: string[], value: string) => patterns.includes("*") || patterns.includes(value);

/** One rule of resourceRules (NamedRuleWithOperations): the object as a CREATE or UPDATE request. */
function ruleMatches(rule: unknown, resource: Resource, plural: string): boolean {
  if (!isMap(rule)) return false;
  const operations = strings(rule.operations);
  if (!operations.some((o) => o === "*" || o === "CREATE" || o === "UPDATE")) return false;
  if (!matchesName(strings(rule.apiGroups), groupOf(resource.apiVersion))) return false;
  if (!matchesName(strings(rule.apiVersions), versionOf(resource.apiVersion))) return false;
  // "pods", "*", "*/*" (subresources are not what a manifest creates).
  const resources = strings(rule.resources).filter((r) => !r.includes("/") || r === "*/*");
  if (!resources.some((r) => r === "*" || r === "*/*" || r === plural)) return false;
  const scope = typeof rule.scope === "string" ? rule.scope : "*";
  const namespaced = !CLUSTER_SCOPED_KINDS.has(resource.kind);
  if (scope === "Cluster" && namespaced) return false;
  if (scope === "Namespaced" && !namespaced) return false;
  const names = strings(rule.resourceNames);
  return names.length === 0 || names.includes(resource.name);
}

/** The labels a Namespace has in the cluster: its own, and kubernetes.io/metadata.name (set by the API server). */
function namespaceLabels(index: ResourceIndex, namespace: string): { labels: Record<string, string>; object: Resource | undefined } {
  const object = index.ofKind("Namespace").find((n) => n.name === namespace);
  return { labels: { ...(object?.labels ?? {}), "kubernetes.io/metadata.name": namespace }, object };
}

/** MatchResources (a policy's matchConstraints, a binding's matchResources); absent: matches everything. */
function matchResources(constraints: unknown, resource: Resource, index: ResourceIndex, plural: string, requireRules: boolean): boolean {
  if (!isMap(constraints)) return !requireRules;
  const rules = list(constraints.resourceRules);
  if (requireRules || rules.length) if (!rules.some((r) => ruleMatches(r, resource, plural))) return false;
  if (list(constraints.excludeResourceRules).some((r) => ruleMatches(r, resource, plural))) return false;
  // namespaceSelector applies to namespaced objects (and to Namespaces themselves).
  if (isMap(constraints.namespaceSelector) && (!CLUSTER_SCOPED_KINDS.has(resource.kind) || resource.kind === "Namespace")) {
    const ns = resource.kind === "Namespace" ? resource.name : resource.namespace;
    if (!matches(parseLabelSelector(constraints.namespaceSelector), namespaceLabels(index, ns).labels)) return false;
  }
  if (isMap(constraints.objectSelector) && !matches(parseLabelSelector(constraints.objectSelector), resource.labels)) return false;
  return true;
}

interface Binding {
  binding: Resource;
  policy: Resource;
  severity: Severity;
  actions: string[];
}

const BINDINGS = memoKey<Binding[]>("ValidatingAdmissionPolicyBindings with their policies");

/** validationActions -> severity: the strongest action (Deny error, Warn warning, Audit info). */
function severityOf(actions: string[]): Severity {
  if (actions.includes("Deny") || !actions.length) return "error";
  if (actions.includes("Warn")) return "warning";
  return "info";
}

function bindingsOf(index: ResourceIndex): Binding[] {
  const policies = new Map(index.objectsOfKind("ValidatingAdmissionPolicy").map((p) => [p.name, p]));
  const out: Binding[] = [];
  for (const binding of index.objectsOfKind("ValidatingAdmissionPolicyBinding")) {
    const spec = isMap(binding.raw.spec) ? binding.raw.spec : {};
    const policy = typeof spec.policyName === "string" ? policies.get(spec.policyName) : undefined;
    // A Kyverno CLI Test applies the policies it lists to its own resources only (models/policy-tests.ts).
    if (!policy || binding.policyTest !== undefined || policy.policyTest !== undefined) continue;
    const actions = strings(spec.validationActions);
    out.push({ binding, policy, severity: severityOf(actions), actions });
  }
  return out;
}

/** Whether the input has policies to apply (the CEL engine is loaded for them). */
export function hasPolicies(index: ResourceIndex): boolean {
  return index.ofKind("ValidatingAdmissionPolicy").length > 0 && index.ofKind("ValidatingAdmissionPolicyBinding").length > 0;
}

/** The params a binding gives its policy for an object: resources, or "none" when paramKind is set and nothing is found. */
function paramsFor(b: Binding, resource: Resource, index: ResourceIndex): Array<Resource | null> | { missing: string; deny: boolean } {
  const policySpec = isMap(b.policy.raw.spec) ? b.policy.raw.spec : {};
  const paramKind = isMap(policySpec.paramKind) ? policySpec.paramKind : undefined;
  if (!paramKind || typeof paramKind.kind !== "string") return [null];
  const spec = isMap(b.binding.raw.spec) ? b.binding.raw.spec : {};
  const ref = isMap(spec.paramRef) ? spec.paramRef : undefined;
  const deny = ref?.parameterNotFoundAction !== "Allow";
  const kind = paramKind.kind;
  const apiVersion = typeof paramKind.apiVersion === "string" ? paramKind.apiVersion : "";
  if (!ref) return { missing: `the binding has no paramRef for the policy's paramKind ${kind}`, deny: true };
  const namespaced = !CLUSTER_SCOPED_KINDS.has(kind);
  // An unset paramRef.namespace means the namespace of the object being admitted (for namespaced params).
  const namespace = typeof ref.namespace === "string" ? ref.namespace : namespaced ? resource.namespace : undefined;
  const candidates = index.objectsOfKind(kind, namespaced ? namespace : undefined).filter((p) => !apiVersion || p.apiVersion === apiVersion);
  let found: Resource[];
  if (typeof ref.name === "string") found = candidates.filter((p) => p.name === ref.name);
  else if (isMap(ref.selector)) found = candidates.filter((p) => matches(parseLabelSelector(ref.selector), p.labels));
  else found = [];
  if (found.length) return found;
  const what = typeof ref.name === "string" ? `${kind} ${JSON.stringify(ref.name)}` : `no ${kind} matching the paramRef selector`;
  return { missing: `${what}${namespace ? ` in namespace ${JSON.stringify(namespace)}` : ""} is not in the input`, deny };
}

/** The `request` variable of a create request (AdmissionRequest as CEL sees it). */
function requestOf(resource: Resource, plural: string): Record<string, unknown> {
  const group = groupOf(resource.apiVersion);
  const version = versionOf(resource.apiVersion);
  return {
    uid: "",
    kind: { group, version, kind: resource.kind },
    resource: { group, version, resource: plural },
    requestKind: { group, version, kind: resource.kind },
    requestResource: { group, version, resource: plural },
    name: resource.name,
    namespace: resource.namespace,
    operation: "CREATE",
    userInfo: { username: "", groups: [] },
    dryRun: false,
    options: { apiVersion: "meta.k8s.io/v1", kind: "CreateOptions" },
  };
}

const readsAuthorizer = (expression: string) => /\bauthorizer\b/.test(expression);

interface Evaluation {
  binding: Binding;
  resource: Resource;
  index: ResourceIndex;
  budget: CostBudget;
  out: Finding[];
}

const FINDINGS = memoKey<Map<Resource, Finding[]>>("admission policy findings by resource");

/**
 * The findings of every binding whose policy applies to the resource, evaluated once per
 * resource (cel-expression-invalid runs the policies too, for the types their expressions give).
 */
export function policyFindings(resource: Resource, index: ResourceIndex): readonly Finding[] {
  if (resource.kind === "ValidatingAdmissionPolicy" || resource.kind === "ValidatingAdmissionPolicyBinding") return NO_FINDINGS;
  const bindings = index.memo.get(BINDINGS, () => bindingsOf(index));
  // Without bindings nothing applies: no resource takes an entry of the run's memo.
  if (!bindings.length) return NO_FINDINGS;
  const cache = index.memo.get(FINDINGS, () => new Map());
  let found = cache.get(resource);
  if (!found) cache.set(resource, (found = evaluateBindings(resource, index, bindings)));
  return found;
}

const NO_FINDINGS: readonly Finding[] = [];

function evaluateBindings(resource: Resource, index: ResourceIndex, bindings: readonly Binding[]): Finding[] {
  const plural = pluralOf(resource, index);
  const out: Finding[] = [];
  for (const b of bindings) {
    const policySpec = isMap(b.policy.raw.spec) ? b.policy.raw.spec : {};
    const bindingSpec = isMap(b.binding.raw.spec) ? b.binding.raw.spec : {};
    if (!matchResources(policySpec.matchConstraints, resource, index, plural, true)) continue;
    if (!matchResources(bindingSpec.matchResources, resource, index, plural, false)) continue;
    // RuntimeCELCostBudget: per binding and object.
    const e: Evaluation = { binding: b, resource, index, budget: { remaining: celEngine().RUNTIME_BUDGET }, out };
    const params = paramsFor(b, resource, index);
    if (!Array.isArray(params)) {
      if (params.deny) report(e, [], `ValidatingAdmissionPolicyBinding ${JSON.stringify(b.binding.name)} denies it: ${params.missing} (parameterNotFoundAction Deny)`, "add the params object to the input, or set paramRef.parameterNotFoundAction: Allow", { resource: b.binding, path: ["spec", "paramRef"], message: "the paramRef" });
      continue;
    }
    for (const param of params) evaluatePolicy(e, plural, param);
  }
  return out;
}

function report(e: Evaluation, path: Path, message: string, hint: string, related: Finding["related"], severity?: Severity): void {
  e.out.push({ path: path.length ? path : ["kind"], ...(path.length ? {} : { target: "key" as const }), message, hint, severity: severity ?? e.binding.severity, related });
}

/** The verb of a denial under the binding's validationActions. */
function verbOf(severity: Severity): string {
  return severity === "error" ? "denies" : severity === "warning" ? "warns about" : "audits";
}

/**
 * A matchCondition or validation that fails to evaluate. Under failurePolicy Fail (the
 * default) the API server treats it as a failed validation, enforced by the binding's
 * validationActions; under Ignore it admits the request and the policy checks nothing
 * (validator.go, policyDecisionActionForError: Ignore -> ActionAdmit, else ActionDeny; the
 * dispatcher applies validationActions to every ActionDeny). The latter is an info finding: the
 * object is admitted, but the policy does not judge it.
 */
function evaluationFailed(e: Evaluation, what: string, outcome: { error: string; at?: { start: number; end: number } }, hint: string, related: NonNullable<Finding["related"]>, failed = "cannot be evaluated"): void {
  const policySpec = isMap(e.binding.policy.raw.spec) ? e.binding.policy.raw.spec : {};
  const policyName = JSON.stringify(e.binding.policy.name);
  const within = outcome.at ? { within: outcome.at } : {};
  if (policySpec.failurePolicy === "Ignore") {
    report(e, [], `ValidatingAdmissionPolicy ${policyName} does not check it: ${what} ${failed} (${outcome.error}), and failurePolicy Ignore admits the request`, hint, { ...related, ...within }, "info");
    return;
  }
  report(e, [], `ValidatingAdmissionPolicy ${policyName} ${verbOf(e.binding.severity)} it: ${what} ${failed}: ${outcome.error} (failurePolicy Fail)`, hint, { ...related, ...within });
}

/**
 * An expression stopped by the cost limits is an evaluation error too, under the same
 * failurePolicy: the per-expression limit fails that expression ("operation cancelled: actual
 * cost limit exceeded", Evaluate in k8s.io/apiserver/pkg/admission/plugin/cel/activation.go),
 * the budget of the binding and object (ErrOutOfBudget) fails the whole evaluation (ForInput
 * returns it; validator.go turns it into one decision by policyDecisionActionForError). Under
 * Ignore the object is admitted: an info finding, as for other evaluation errors.
 */
function evaluationStopped(e: Evaluation, expression: string, path: Path, exceeded: "call" | "budget"): void {
  evaluationFailed(e, `the expression ${asWritten(expression)}`, { error: exceededReason(exceeded) }, "rewrite the expression with fewer nested comprehensions over lists", { resource: e.binding.policy, path, message: "the expression" }, "was stopped");
}

function evaluatePolicy(e: Evaluation, plural: string, param: Resource | null): void {
  const cel = celEngine();
  const { policy, binding } = e.binding;
  const spec = isMap(policy.raw.spec) ? policy.raw.spec : {};
  const namespaceObject = CLUSTER_SCOPED_KINDS.has(e.resource.kind) ? null : (namespaceLabels(e.index, e.resource.namespace).object?.raw ?? null);
  const vars: Record<string, unknown> = {
    object: admittedObject(e.resource, e.index.memo.get),
    oldObject: null,
    params: param?.raw ?? null,
    namespaceObject,
    request: requestOf(e.resource, plural),
    authorizer: null,
  };
  const variables: Record<string, unknown> = {};
  /** An outcome, or undefined when the expression is not judged (authorizer, no compile, wrong type: cel-expression-invalid). */
  const evaluate = (expression: string, path: Path, wanted?: ResultType): CelOutcome | undefined => {
    if (readsAuthorizer(expression)) return undefined;
    const program = cel.compiled(expression, POLICY_VARIABLES);
    if (!program || (wanted && cel.typeProblem(program.type, wanted))) return undefined;
    // A fresh object: the conversion cache is keyed by object, and variables grow as they are evaluated.
    const outcome = program.run({ ...vars, variables: { ...variables } }, e.budget);
    if ("exceeded" in outcome) evaluationStopped(e, expression, path, outcome.exceeded);
    const problem = wanted && "value" in outcome ? cel.valueProblem(outcome.value, wanted, onObject(e.resource)) : undefined;
    if (problem && wanted) {
      recordWrongType(e.index, policy, { path, problem, hint: cel.resultTypeHint(wanted), object: e.resource });
      return undefined;
    }
    return outcome;
  };
  const policyName = JSON.stringify(policy.name);
  for (const [i, condition] of list(spec.matchConditions).entries()) {
    if (!isMap(condition) || typeof condition.expression !== "string") continue;
    const outcome = evaluate(condition.expression, ["spec", "matchConditions", i, "expression"], "bool");
    if (!outcome || "exceeded" in outcome) return;
    if ("error" in outcome) {
      evaluationFailed(e, `matchCondition ${JSON.stringify(condition.name ?? i)}`, outcome, cel.evaluationHint(outcome, "in the condition", "guard the fields the condition reads with has(), or set failurePolicy: Ignore"), { resource: policy, path: ["spec", "matchConditions", i, "expression"], message: "the match condition" });
      return;
    }
    if (outcome.value !== true) return;
  }
  for (const [i, variable] of list(spec.variables).entries()) {
    if (!isMap(variable) || typeof variable.name !== "string" || typeof variable.expression !== "string") continue;
    const outcome = evaluate(variable.expression, ["spec", "variables", i, "expression"]);
    if (!outcome || "exceeded" in outcome) return;
    if ("value" in outcome) variables[variable.name] = outcome.value;
  }
  const bindingName = JSON.stringify(binding.name);
  const verb = verbOf(e.binding.severity);
  for (const [i, validation] of list(spec.validations).entries()) {
    if (!isMap(validation) || typeof validation.expression !== "string") continue;
    const at: Path = ["spec", "validations", i, "expression"];
    const outcome = evaluate(validation.expression, at, "bool");
    if (!outcome) continue;
    // Stopped: by the per-expression limit, this validation fails and the next ones run; by the budget, the evaluation ends.
    if ("exceeded" in outcome) {
      if (outcome.exceeded === "budget") return;
      continue;
    }
    const related = { resource: policy, path: at, message: `the validation, bound by ValidatingAdmissionPolicyBinding ${bindingName}` };
    if ("error" in outcome) {
      evaluationFailed(e, `the validation ${asWritten(validation.expression)}`, outcome, cel.evaluationHint(outcome, "in the policy", "set the field the expression reads, or guard it in the policy with has()"), related);
      continue;
    }
    if (outcome.value === true) continue;
    // validator.go: messageExpression's string when usable (message-expression.ts), else the message trimmed, else "failed expression".
    const m = typeof validation.messageExpression === "string" ? evaluate(validation.messageExpression, ["spec", "validations", i, "messageExpression"], "string") : undefined;
    const fromExpression = m && "value" in m && typeof m.value === "string" ? usableMessage(m.value) : undefined;
    const staticMessage = typeof validation.message === "string" ? goTrimSpace(validation.message) : "";
    const message = fromExpression ?? (staticMessage || `failed expression: ${goTrimSpace(validation.expression)}`);
    const reason = typeof validation.reason === "string" && validation.reason !== "Invalid" ? ` (${validation.reason})` : "";
    report(e, [], `ValidatingAdmissionPolicy ${policyName} ${verb} it: ${asWritten(message)}${reason}`, "change the object so that the policy's validation holds, or exclude it from the binding's matchResources", related);
  }
}
