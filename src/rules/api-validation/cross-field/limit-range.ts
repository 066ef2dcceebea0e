/**
 * A LimitRange's limits judged against each other, per resource name: min <= defaultRequest <=
 * default <= max, maxLimitRequestRatio within max/min, default == defaultRequest for a resource
 * that cannot be overcommitted, no default for type Pod, a storage bound for type
 * PersistentVolumeClaim, one limit per type. Source: ValidateLimitRange in
 * pkg/apis/core/validation/validation.go, run on the object after SetDefaults_LimitRangeItem
 * (models/defaults.ts: for type Container an absent default is the max, an absent defaultRequest
 * the default, else the min).
 *
 * A comparison with a value the defaulter filled in repeats one between written values (a
 * default taken from max that is below min is "min above max"), so only written values are
 * compared, except the one the defaults alone decide: an extended resource whose default comes
 * from max must have that as its defaultRequest too.
 */
import { closestWithin } from "../../../did-you-mean.js";
import { parseQuantity } from "../../../models/quantity.js";
import { qualifiedNameProblem } from "../../../models/validation/formats.js";
import type { FieldConstraint } from "../constraint.js";
import type { Path } from "../../../types.js";
import { overcommitAllowed } from "./resources.js";
import { at, isMap, isSet, listOf, shown, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";
const KINDS = ["LimitRange"];

type Bound = "min" | "max" | "default" | "defaultRequest" | "maxLimitRequestRatio";

interface Item {
  /** The item after defaulting. */
  limit: Obj;
  /** The item as written. */
  written: Obj;
  path: Path;
  type: string;
}

function limitItems(ctx: CheckContext): Item[] {
  const writtenList = at(ctx.resource.raw, ["spec", "limits"]);
  const limits = listOf(at(ctx.obj, ["spec", "limits"]));
  const out: Item[] = [];
  for (let i = 0; i < limits.length; i++) {
    const limit = limits[i];
    if (!isMap(limit)) continue;
    const written = Array.isArray(writtenList) && isMap(writtenList[i]) ? writtenList[i] : limit;
    out.push({ limit, written, path: ["spec", "limits", i], type: typeof limit.type === "string" ? limit.type : "" });
  }
  return out;
}

const mapOf = (item: Obj, bound: Bound): Obj => (isMap(item[bound]) ? item[bound] : {});

/** The value of a quantity, or undefined when it does not parse (invalid-quantity reports it). */
function valueOf(v: unknown): number | undefined {
  return typeof v === "string" || typeof v === "number" ? parseQuantity(v)?.value : undefined;
}

/** a > b with the tolerance of compareQuantities: 1Gi and 1073741824 are equal. */
function greater(a: number, b: number): boolean {
  return a - b > Math.max(Math.abs(a), Math.abs(b)) * 1e-12;
}

const LABEL: Record<Bound, string> = { min: "min", max: "max", default: "default", defaultRequest: "defaultRequest", maxLimitRequestRatio: "maxLimitRequestRatio" };

/**
 * One of ValidateLimitRange's comparisons: `low` at most `high` for every resource both name
 * (written), reported at `at` (upstream's field path).
 */
function order(low: Bound, high: Bound, reportAt: Bound, upstreamMessage: string, why: string): CrossFieldConstraint {
  return {
    path: `spec.limits[].${reportAt}`,
    kinds: KINDS,
    constraint: `${low} is at most ${high}, for each resource both name`,
    rule: "invalid-combination",
    upstream: `${CORE} ValidateLimitRange ("${upstreamMessage}")`,
    check(ctx) {
      for (const { written, path } of limitItems(ctx)) {
        const lows = mapOf(written, low);
        const highs = mapOf(written, high);
        for (const name in lows) {
          if (!Object.hasOwn(highs, name)) continue;
          const a = valueOf(lows[name]);
          const b = valueOf(highs[name]);
          if (a === undefined || b === undefined || !greater(a, b)) continue;
          const other = reportAt === low ? high : low;
          ctx.report({
            path: [...path, reportAt, name],
            message: `${LABEL[low]} ${name} "${shown(lows[name])}" is greater than ${LABEL[high]} "${shown(highs[name])}": ${why}`,
            hint: `set ${reportAt}.${name} ${reportAt === low ? `to at most ${shown(highs[name])}` : `to at least ${shown(lows[name])}`}, or change ${other}.${name}`,
          });
        }
      }
    },
  };
}

const ORDER: readonly CrossFieldConstraint[] = [
  order("min", "max", "min", "min value %s is greater than max value %s", "no container can satisfy both"),
  order("min", "defaultRequest", "defaultRequest", "min value %s is greater than default request value %s", "the request it gives a container is below the minimum it enforces"),
  order("defaultRequest", "max", "defaultRequest", "default request value %s is greater than max value %s", "the request it gives a container is above the maximum it enforces"),
  order("defaultRequest", "default", "defaultRequest", "default request value %s is greater than default limit value %s", "a container would get a request above its limit"),
  order("min", "default", "default", "min value %s is greater than default value %s", "the limit it gives a container is below the minimum it enforces"),
  order("default", "max", "default", "default value %s is greater than max value %s", "the limit it gives a container is above the maximum it enforces"),
];

const RATIO: readonly CrossFieldConstraint[] = [
  {
    path: "spec.limits[].maxLimitRequestRatio",
    kinds: KINDS,
    constraint: "maxLimitRequestRatio is at most max / min, for each resource all three name",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateLimitRange ("ratio %s is greater than max/min = %f")`,
    check(ctx) {
      for (const { written, path } of limitItems(ctx)) {
        const ratios = mapOf(written, "maxLimitRequestRatio");
        const mins = mapOf(written, "min");
        const maxes = mapOf(written, "max");
        for (const name in ratios) {
          if (!Object.hasOwn(mins, name) || !Object.hasOwn(maxes, name)) continue;
          const ratio = valueOf(ratios[name]);
          const min = valueOf(mins[name]);
          const max = valueOf(maxes[name]);
          if (ratio === undefined || min === undefined || max === undefined || !greater(ratio, max / min)) continue;
          ctx.report({
            path: [...path, "maxLimitRequestRatio", name],
            message: `maxLimitRequestRatio ${name} "${shown(ratios[name])}" is greater than max / min (${shown(maxes[name])} / ${shown(mins[name])} = ${Number((max / min).toPrecision(6))}): no request and limit within min and max can reach it`,
            hint: `set maxLimitRequestRatio.${name} to at most ${Number((max / min).toPrecision(6))}, or widen min and max`,
          });
        }
      }
    },
  },
  {
    path: "spec.limits[].defaultRequest",
    kinds: KINDS,
    constraint: "for a resource that cannot be overcommitted (extended resources, hugepages), default equals defaultRequest (default is max when absent, for type Container)",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateLimitRange ("default value %s must equal to defaultRequest value %s in %s"); pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem`,
    check(ctx) {
      for (const { limit, written, path } of limitItems(ctx)) {
        const defaults = mapOf(limit, "default");
        const requests = mapOf(limit, "defaultRequest");
        const writtenRequests = mapOf(written, "defaultRequest");
        for (const name in writtenRequests) {
          if (overcommitAllowed(name) || !Object.hasOwn(defaults, name)) continue;
          const a = valueOf(defaults[name]);
          const b = valueOf(requests[name]);
          if (a === undefined || b === undefined || (!greater(a, b) && !greater(b, a))) continue;
          const fromMax = !Object.hasOwn(mapOf(written, "default"), name);
          ctx.report({
            path: [...path, "defaultRequest", name],
            message: `defaultRequest ${name} "${shown(requests[name])}" differs from ${fromMax ? "the default taken from max" : "default"} "${shown(defaults[name])}": ${name} cannot be overcommitted, so a container's request equals its limit`,
            hint: `set defaultRequest.${name} to ${shown(defaults[name])}${fromMax ? `, or add default.${name} with the same value` : `, or change default.${name}`}`,
          });
        }
      }
    },
  },
];

const TYPES: readonly CrossFieldConstraint[] = [
  {
    path: "spec.limits[].default, spec.limits[].defaultRequest",
    kinds: KINDS,
    constraint: "a limit of type Pod has no default or defaultRequest (a pod has no resources of its own to default)",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateLimitRange (Forbidden "may not be specified when \`type\` is 'Pod'")`,
    check(ctx) {
      for (const { written, path, type } of limitItems(ctx)) {
        if (type !== "Pod") continue;
        for (const bound of ["default", "defaultRequest"] as const) {
          if (!isMap(written[bound]) || Object.keys(written[bound] as Obj).length === 0) continue;
          ctx.report({ path: [...path, bound], target: "key", message: `${bound} is not allowed in a limit of type "Pod": defaults apply to containers`, hint: `move ${bound} to a limit of type Container, or remove it` });
        }
      }
    },
  },
  {
    path: "spec.limits[]",
    kinds: KINDS,
    constraint: "a limit of type PersistentVolumeClaim names min.storage or max.storage",
    rule: "required-value",
    upstream: `${CORE} ValidateLimitRange (Required "either minimum or maximum storage value is required, but neither was provided")`,
    check(ctx) {
      for (const { written, path, type } of limitItems(ctx)) {
        if (type !== "PersistentVolumeClaim" || Object.hasOwn(mapOf(written, "min"), "storage") || Object.hasOwn(mapOf(written, "max"), "storage")) continue;
        ctx.report({ path: [...path, "type"], message: `the limit of type "PersistentVolumeClaim" names neither min.storage nor max.storage`, hint: "add max: {storage: 10Gi} (or min: {storage: 1Gi}): a claim limit bounds the storage a claim requests" });
      }
    },
  },
  {
    path: "spec.limits[].type",
    kinds: KINDS,
    constraint: "each type has one limit",
    rule: "duplicate-value",
    upstream: `${CORE} ValidateLimitRange (Duplicate "type")`,
    check(ctx) {
      const seen = new Set<string>();
      for (const { limit, path, type } of limitItems(ctx)) {
        if (!isSet(limit.type)) continue;
        if (seen.has(type)) ctx.report({ path: [...path, "type"], message: `limit type "${type}" is already limited by an earlier item`, hint: "fold the two items into one (one min, max and default per type)" });
        seen.add(type);
      }
    },
  },
];

export const LIMIT_RANGE_CONSTRAINTS: readonly CrossFieldConstraint[] = [...ORDER, ...RATIO, ...TYPES];

/** helper.IsStandardLimitRangeType: the types a LimitRange item may name without a domain. */
const STANDARD_TYPES = ["Pod", "Container", "PersistentVolumeClaim"];

/** The single-field constraints of ValidateLimitRange (invalid-value): the type's name, a ratio of at least 1. */
export const LIMIT_RANGE_FIELD_CONSTRAINTS: readonly FieldConstraint[] = [
  {
    path: "spec.limits[].type",
    kinds: KINDS,
    constraint: "Pod, Container, PersistentVolumeClaim, or a qualified name with a domain (example.com/type)",
    rule: "invalid-value",
    upstream: `${CORE} validateLimitRangeTypeName (IsQualifiedName, IsStandardLimitRangeType)`,
    root: "object",
    at: [["spec", "limits", "[]", "type"]],
    check(v) {
      if (typeof v !== "string" || v === "") return undefined;
      const problem = qualifiedNameProblem(v);
      if (problem) return { message: `limit type ${JSON.stringify(v)} ${problem}`, hint: "set type to Container, Pod or PersistentVolumeClaim" };
      if (v.includes("/") || STANDARD_TYPES.includes(v)) return undefined;
      const near = closestWithin(v, STANDARD_TYPES) ?? STANDARD_TYPES.find((t) => t.toLowerCase() === v.toLowerCase());
      return { message: `limit type ${JSON.stringify(v)} is not one of "Pod", "Container", "PersistentVolumeClaim", and has no domain`, hint: near ? `set type to ${JSON.stringify(near)}` : "set type to Container, Pod or PersistentVolumeClaim" };
    },
  },
  {
    path: "spec.limits[].maxLimitRequestRatio.*",
    kinds: KINDS,
    constraint: "at least 1 (a limit is never below its request)",
    rule: "invalid-value",
    upstream: `${CORE} ValidateLimitRange ("ratio %s is less than 1")`,
    root: "object",
    at: [["spec", "limits", "[]", "maxLimitRequestRatio", "*"]],
    check(v, ctx) {
      const ratio = valueOf(v);
      if (ratio === undefined || ratio >= 1) return undefined;
      return { message: `maxLimitRequestRatio ${ctx.field} "${shown(v)}" is less than 1: a container's limit is never below its request`, hint: `set maxLimitRequestRatio.${ctx.field} to 1 or more (2 allows a limit twice the request)` };
    },
  },
];
