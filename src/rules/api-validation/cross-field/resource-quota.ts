/**
 * A ResourceQuota's spec as ValidateResourceQuotaSpec judges it (pkg/apis/core/validation/
 * validation.go): each hard limit's resource name (ValidateResourceQuotaResourceName) and quantity
 * (ValidateResourceQuantityValue: not negative, whole for the counted resources), its scopes
 * (validateResourceQuotaScopes) and scope selector (validateScopedResourceSelectorRequirement).
 * The helpers it calls are in pkg/apis/core/helper/helpers.go.
 *
 * Unknown scope and operator names are the schema rules' (the OpenAPI document enumerates them);
 * only the scopes that a release before the newest does not know are judged here. Status is reset
 * on create (resourceQuotaStrategy.PrepareForCreate), so it is not judged.
 */
import { closestWithin } from "../../../did-you-mean.js";
import { parseQuantity } from "../../../models/quantity.js";
import { qualifiedNameProblem } from "../../../models/validation/formats.js";
import type { Path } from "../../../types.js";
import { compareVersions } from "../../schema/api-changes.js";
import type { FieldConstraint } from "../constraint.js";
import { at, isMap, listOf, shown, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";
const HELPER = "pkg/apis/core/helper/helpers.go";
const KINDS = ["ResourceQuota"];

/** helper.standardQuotaResources: the names without a "/" a quota may limit (besides hugepages). */
const STANDARD_QUOTA_RESOURCES: readonly string[] = [
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.storage",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "persistentvolumeclaims",
  "configmaps",
  "services.nodeports",
  "services.loadbalancers",
];
const STANDARD_QUOTA_SET: ReadonlySet<string> = new Set(STANDARD_QUOTA_RESOURCES);

/** helper.integerResources: the standard names counted in whole objects. */
const INTEGER_RESOURCES: ReadonlySet<string> = new Set(["pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"]);

/** helper.IsStandardQuotaResourceName: a standard name, or hugepages (IsQuotaHugePageResourceName). */
function isStandardQuotaResource(name: string): boolean {
  return STANDARD_QUOTA_SET.has(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-");
}

/** helper.IsNativeResource: no domain, or a kubernetes.io one. */
const isNative = (name: string): boolean => !name.includes("/") || name.includes("kubernetes.io/");

/**
 * helper.IsExtendedResourceName: a domain-prefixed name outside kubernetes.io, not starting with
 * "requests.", that is still a qualified name with "requests." in front (as quota names it).
 * count/<resource>.<group> and <class>.storageclass.storage.k8s.io/<resource> are extended names too.
 */
function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith("requests.") && qualifiedNameProblem(`requests.${name}`) === undefined;
}

/** helper.IsIntegerResourceName. */
const isIntegerResource = (name: string): boolean => INTEGER_RESOURCES.has(name) || isExtended(name);

const QUOTA_NAME_HINT = "use a standard name (requests.cpu, limits.memory, requests.storage, pods, services, ...), count/<resource>.<group> for an object count, or a name with a domain such as requests.nvidia.com/gpu";

/** ValidateResourceQuotaResourceName: a qualified name; without a domain, a standard quota resource. */
function quotaResourceNameProblem(name: string): { problem: string; hint: string } | undefined {
  const qualified = qualifiedNameProblem(name);
  if (qualified) return { problem: qualified, hint: QUOTA_NAME_HINT };
  if (name.includes("/") || isStandardQuotaResource(name)) return undefined;
  // A quota counts storage of claims as requests.storage; "storage" alone is a resource of claims, not of quotas.
  // Hugepages cannot be overcommitted: a quota tracks their requests (equal to their limits).
  const near = name === "storage" ? "requests.storage" : name.startsWith("limits.hugepages-") ? `requests.${name.slice("limits.".length)}` : closestWithin(name, STANDARD_QUOTA_RESOURCES);
  return { problem: "is not a resource a quota can limit", hint: near ? `rename it to ${JSON.stringify(near)}` : QUOTA_NAME_HINT };
}

/** The value of a quantity, or undefined when it does not parse (invalid-quantity reports it). */
function valueOf(v: unknown): number | undefined {
  return typeof v === "string" || typeof v === "number" ? parseQuantity(v)?.value : undefined;
}

/** Quantity.MilliValue() % 1000 != 0: MilliValue rounds up what is below a thousandth. */
function isWhole(value: number): boolean {
  // Past 2^53 thousandths a float holds no fraction: what was written is not known to the digit.
  if (Math.abs(value) * 1000 >= Number.MAX_SAFE_INTEGER) return true;
  const milli = value * 1000;
  const nearest = Math.round(milli);
  const m = Math.abs(milli - nearest) <= Math.abs(milli) * 1e-12 + 1e-9 ? nearest : Math.ceil(milli);
  return m % 1000 === 0;
}

/**
 * The scopes a release does not know yet: VolumeAttributesClass came with quota support for
 * claims (kubernetes#124360, 1.33); CrossNamespacePodAffinity behind PodAffinityNamespaceSelector,
 * alpha in 1.21 and on by default from 1.22.
 */
const SCOPE_SINCE: ReadonlyMap<string, string> = new Map([
  ["VolumeAttributesClass", "1.33"],
  ["CrossNamespacePodAffinity", "1.22"],
]);

const scopeUnknownAt = (scope: unknown, version: string): string | undefined => {
  if (typeof scope !== "string") return undefined;
  const since = SCOPE_SINCE.get(scope);
  return since !== undefined && compareVersions(version, since) < 0 ? since : undefined;
};

export const RESOURCE_QUOTA_FIELD_CONSTRAINTS: readonly FieldConstraint[] = [
  {
    path: "spec.hard",
    kinds: KINDS,
    constraint: "resource names a quota tracks: a standard name (requests.cpu, pods, ...), hugepages-<size>, or a qualified name with a domain (count/deployments.apps, requests.nvidia.com/gpu)",
    rule: "invalid-value",
    upstream: `${CORE} ValidateResourceQuotaResourceName (IsQualifiedName, ${HELPER} IsStandardQuotaResourceName)`,
    root: "object",
    at: [["spec", "hard"]],
    check(v) {
      if (!isMap(v)) return undefined;
      let out: { sub: Path; target: "key"; message: string; hint: string }[] | undefined;
      for (const name in v) {
        const wrong = quotaResourceNameProblem(name);
        if (wrong) (out ??= []).push({ sub: [name], target: "key", message: `resource name ${JSON.stringify(name)} ${wrong.problem}`, hint: wrong.hint });
      }
      return out;
    },
  },
  {
    path: "spec.hard.*",
    kinds: KINDS,
    constraint: "not negative",
    rule: "invalid-value",
    upstream: `${CORE} ValidateResourceQuantityValue (ValidateNonnegativeQuantity)`,
    root: "object",
    at: [["spec", "hard", "*"]],
    check(v, ctx) {
      const value = valueOf(v);
      if (value === undefined || value >= 0) return undefined;
      return { message: `hard limit ${ctx.field} "${shown(v)}" must not be negative`, hint: `set ${ctx.field} to 0 or more (0 allows none)` };
    },
  },
  {
    path: "spec.hard.*",
    kinds: KINDS,
    constraint: "a whole number for object counts (pods, services, count/<resource>, ...) and extended resources",
    rule: "invalid-value",
    upstream: `${CORE} ValidateResourceQuantityValue (${HELPER} IsIntegerResourceName, "must be an integer")`,
    root: "object",
    at: [["spec", "hard", "*"]],
    check(v, ctx) {
      const value = valueOf(v);
      if (value === undefined || value < 0 || !isIntegerResource(ctx.field) || isWhole(value)) return undefined;
      return { message: `hard limit ${ctx.field} "${shown(v)}" must be a whole number: ${ctx.field} is counted in units`, hint: `set ${ctx.field} to a whole number such as ${Math.max(1, Math.floor(value))}` };
    },
  },
  {
    path: "spec.scopes[], spec.scopeSelector.matchExpressions[].scopeName",
    kinds: KINDS,
    constraint: `a scope the target release knows: VolumeAttributesClass from ${SCOPE_SINCE.get("VolumeAttributesClass")}, CrossNamespacePodAffinity from ${SCOPE_SINCE.get("CrossNamespacePodAffinity")} (other names are checked against the schema's list)`,
    rule: "invalid-value",
    upstream: `${CORE} validateResourceQuotaScopes, validateScopedResourceSelectorRequirement ("unsupported scope", ${HELPER} IsStandardResourceQuotaScope)`,
    root: "object",
    at: [
      ["spec", "scopes", "[]"],
      ["spec", "scopeSelector", "matchExpressions", "[]", "scopeName"],
    ],
    check(v, ctx) {
      const since = scopeUnknownAt(v, ctx.kubernetesVersion);
      if (since === undefined) return undefined;
      return { message: `scope "${shown(v)}" is not supported by Kubernetes ${ctx.kubernetesVersion}: it was added in ${since}`, hint: `remove the scope, or target ${since} or later (--kubernetes-version)` };
    },
  },
];

/** helper.podObjectCountQuotaResources and podComputeQuotaResources. */
const POD_RESOURCES: readonly string[] = ["pods", "cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"];

/**
 * helper.IsResourceQuotaScopeValidForResource: the standard resources each scope can track.
 * VolumeAttributesClass is left out (see docs/DECISIONS.md); any other scope tracks all.
 */
const SCOPE_RESOURCES: ReadonlyMap<string, readonly string[]> = new Map([
  ["Terminating", POD_RESOURCES],
  ["NotTerminating", POD_RESOURCES],
  ["NotBestEffort", POD_RESOURCES],
  ["PriorityClass", POD_RESOURCES],
  ["CrossNamespacePodAffinity", POD_RESOURCES],
  ["BestEffort", ["pods"]],
]);

/** The scopes upstream's invalidScopePairs forbid together. */
const CONFLICTS: ReadonlyArray<readonly [string, string]> = [
  ["BestEffort", "NotBestEffort"],
  ["Terminating", "NotTerminating"],
];

/** The scopes a selector can only ask to exist: they are states of a pod, with no values. */
const EXISTS_ONLY: ReadonlySet<string> = new Set(["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"]);

interface Scope {
  name: string;
  /** Where the scope's name is written. */
  path: Path;
}

interface Requirement extends Scope {
  req: Obj;
  /** The match expression's path. */
  at: Path;
}

function scopesOf(ctx: CheckContext): Scope[] {
  const list = listOf(at(ctx.obj, ["spec", "scopes"]));
  const out: Scope[] = [];
  for (let i = 0; i < list.length; i++) if (typeof list[i] === "string") out.push({ name: list[i] as string, path: ["spec", "scopes", i] });
  return out;
}

function requirementsOf(ctx: CheckContext): Requirement[] {
  const list = listOf(at(ctx.obj, ["spec", "scopeSelector", "matchExpressions"]));
  const out: Requirement[] = [];
  for (let i = 0; i < list.length; i++) {
    const req = list[i];
    if (!isMap(req)) continue;
    const where: Path = ["spec", "scopeSelector", "matchExpressions", i];
    out.push({ req, at: where, name: typeof req.scopeName === "string" ? req.scopeName : "", path: [...where, "scopeName"] });
  }
  return out;
}

const hardNames = (ctx: CheckContext): string[] => {
  const hard = at(ctx.obj, ["spec", "hard"]);
  return isMap(hard) ? Object.keys(hard) : [];
};

const quotedList = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");

/** " of scope "X"" when the expression names its scope (a missing or mistyped name is the schema rules'). */
const ofScope = (req: Obj): string => (typeof req.scopeName === "string" && req.scopeName !== "" ? ` of scope "${req.scopeName}"` : "");

/** How many values a match expression gives: a value of the wrong type (invalid-type's) is one. */
const valueCount = (values: unknown): number => (Array.isArray(values) ? values.length : values === undefined || values === null ? 0 : 1);

/** The two scopes of a conflicting pair both written: reported at the second. */
function reportConflicts(ctx: CheckContext, scopes: readonly Scope[], where: string): void {
  for (const [a, b] of CONFLICTS) {
    const first = scopes.find((s) => s.name === a || s.name === b);
    if (!first) continue;
    const other = first.name === a ? b : a;
    const second = scopes.find((s) => s.name === other);
    if (!second) continue;
    ctx.report({
      path: second.path,
      message: `scope "${second.name}" conflicts with "${first.name}" in ${where}: no pod is both, so the quota would track nothing`,
      hint: `keep one of "${a}" and "${b}" (write two quotas to limit both kinds of pod)`,
    });
  }
}

/** A scope that cannot track a standard resource named in spec.hard. */
function reportUntracked(ctx: CheckContext, scopes: readonly Scope[]): void {
  if (scopes.length === 0) return;
  const names = hardNames(ctx);
  for (const scope of scopes) {
    const tracks = SCOPE_RESOURCES.get(scope.name);
    if (!tracks) continue;
    const untracked = names.filter((n) => isStandardQuotaResource(n) && !tracks.includes(n));
    if (untracked.length === 0) continue;
    ctx.report({
      path: scope.path,
      message: `scope "${scope.name}" cannot track ${quotedList(untracked)} of spec.hard: a ${scope.name} quota tracks only ${quotedList(tracks)}`,
      hint: `move ${quotedList(untracked)} to a quota without the ${scope.name} scope`,
    });
  }
}

export const RESOURCE_QUOTA_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: "spec.scopes",
    kinds: KINDS,
    constraint: "not both BestEffort and NotBestEffort, nor both Terminating and NotTerminating",
    rule: "invalid-combination",
    upstream: `${CORE} validateResourceQuotaScopes ("conflicting scopes")`,
    check(ctx) {
      reportConflicts(ctx, scopesOf(ctx), "spec.scopes");
    },
  },
  {
    path: "spec.scopeSelector.matchExpressions[].scopeName",
    kinds: KINDS,
    constraint: "not both BestEffort and NotBestEffort, nor both Terminating and NotTerminating",
    rule: "invalid-combination",
    upstream: `${CORE} validateScopedResourceSelectorRequirement ("conflicting scopes")`,
    check(ctx) {
      reportConflicts(ctx, requirementsOf(ctx), "spec.scopeSelector");
    },
  },
  {
    path: "spec.scopes[], spec.scopeSelector.matchExpressions[].scopeName",
    kinds: KINDS,
    constraint: "a scope tracks the standard resources in spec.hard: BestEffort only pods; Terminating, NotTerminating, NotBestEffort, PriorityClass, CrossNamespacePodAffinity only pods, cpu, memory and their requests./limits. forms",
    rule: "invalid-combination",
    upstream: `${CORE} validateResourceQuotaScopes, validateScopedResourceSelectorRequirement ("unsupported scope applied to resource", ${HELPER} IsResourceQuotaScopeValidForResource)`,
    check(ctx) {
      reportUntracked(ctx, scopesOf(ctx));
      reportUntracked(ctx, requirementsOf(ctx));
    },
  },
  {
    path: "spec.scopeSelector.matchExpressions[].operator",
    kinds: KINDS,
    constraint: "Exists for the scopes BestEffort, NotBestEffort, Terminating, NotTerminating and CrossNamespacePodAffinity",
    rule: "invalid-combination",
    upstream: `${CORE} validateScopedResourceSelectorRequirement ("must be 'Exists' when scope is any of ...")`,
    check(ctx) {
      for (const { req, at: where, name } of requirementsOf(ctx)) {
        const op = req.operator;
        // An operator of no known name is the schema rules' finding.
        if (!EXISTS_ONLY.has(name) || (op !== "In" && op !== "NotIn" && op !== "DoesNotExist")) continue;
        ctx.report({
          path: [...where, "operator"],
          message: `operator "${op}" is not allowed for scope "${name}": a pod is in that state or not, so the scope's only operator is "Exists"`,
          hint: `set operator to Exists${op === "DoesNotExist" ? ` (for the opposite, use the opposite scope)` : ""}${valueCount(req.values) ? " and remove values" : ""}`,
        });
      }
    },
  },
  {
    path: "spec.scopeSelector.matchExpressions[].values",
    kinds: KINDS,
    constraint: "at least one value when operator is In or NotIn",
    rule: "required-value",
    upstream: `${CORE} validateScopedResourceSelectorRequirement (Required "must be at least one value when \`operator\` is 'In' or 'NotIn'")`,
    check(ctx) {
      for (const { req, at: where } of requirementsOf(ctx)) {
        const op = req.operator;
        if ((op !== "In" && op !== "NotIn") || valueCount(req.values) > 0) continue;
        ctx.report({
          path: [...where, req.values === undefined || req.values === null ? "operator" : "values"],
          message: `operator "${op}"${ofScope(req)} has no values to match`,
          hint: `add values (the names to match, e.g. values: [high]), or use operator Exists`,
        });
      }
    },
  },
  {
    path: "spec.scopeSelector.matchExpressions[].values",
    kinds: KINDS,
    constraint: "no values when operator is Exists or DoesNotExist",
    rule: "invalid-combination",
    upstream: `${CORE} validateScopedResourceSelectorRequirement ("must be no value when \`operator\` is 'Exist' or 'DoesNotExist'")`,
    check(ctx) {
      for (const { req, at: where } of requirementsOf(ctx)) {
        const op = req.operator;
        const count = valueCount(req.values);
        if ((op !== "Exists" && op !== "DoesNotExist") || count === 0) continue;
        ctx.report({
          path: [...where, "values"],
          message: `operator "${op}"${ofScope(req)} takes no values, and ${count === 1 ? "one is" : `${count} are`} given`,
          hint: typeof req.scopeName === "string" && EXISTS_ONLY.has(req.scopeName) ? "remove values" : `remove values, or set operator to ${op === "Exists" ? "In" : "NotIn"} to match those names`,
        });
      }
    },
  },
];
