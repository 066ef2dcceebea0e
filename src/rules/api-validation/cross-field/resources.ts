/**
 * Container resource requirements judged across fields: requests against limits for the
 * resources that cannot be overcommitted (extended resources, hugepages), integers for extended
 * resources, hugepage sizes. Source: validateResourceRequirements and ValidateResourceQuantityValue
 * in pkg/apis/core/validation/validation.go; the name helpers (IsOvercommitAllowed,
 * IsExtendedResourceName, IsHugePageResourceName, IsHugePageResourceValueDivisible) in
 * pkg/apis/core/helper/helpers.go. A request above its limit is requests-exceed-limits' finding.
 */
import { compareQuantities, parseQuantity } from "../../../models/quantity.js";
import { isQualifiedName } from "../../../models/selector.js";
import type { Path } from "../../../types.js";
import { containerNeeds, at, containersOf, containerLabel, isMap, podSpecOf, POD_KINDS, type CheckContext, type ContainerSite, type CrossFieldConstraint, type Obj } from "./walk.js";

const UPSTREAM = "pkg/apis/core/validation/validation.go";

export function isHugePages(name: string): boolean {
  return name.startsWith("hugepages-");
}

/** IsNativeResource: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** IsOvercommitAllowed: a request may be below its limit. */
export function overcommitAllowed(name: string): boolean {
  return isNative(name) && !isHugePages(name);
}

/** IsExtendedResourceName: a domain-prefixed name outside kubernetes.io (nvidia.com/gpu). */
export function isExtended(name: string): boolean {
  if (isNative(name) || name.startsWith("requests.")) return false;
  return isQualifiedName(`requests.${name}`);
}

interface ResourceSite {
  site: ContainerSite;
  requests: Obj;
  limits: Obj;
}

/**
 * The init containers and containers whose requests or limits name a resource that cannot be
 * overcommitted (an extended resource or hugepages): the only ones the constraints of this file
 * judge (cpu, memory and ephemeral-storage are requests-exceed-limits' concern). Found once per
 * resource.
 */
function resourceSites(ctx: CheckContext): readonly ResourceSite[] {
  return (ctx.shared.strictResources ??= findResourceSites(ctx));
}

const strict = (map: Obj) => {
  for (const name in map) if (!overcommitAllowed(name)) return true;
  return false;
};

function findResourceSites(ctx: CheckContext): ResourceSite[] {
  const pod = podSpecOf(ctx);
  if (!pod) return [];
  const out: ResourceSite[] = [];
  for (const site of containersOf(ctx)) {
    if (site.list === "ephemeralContainers") continue;
    const r = site.container.resources;
    if (!isMap(r)) continue;
    const requests = isMap(r.requests) ? r.requests : {};
    const limits = isMap(r.limits) ? r.limits : {};
    if (strict(requests) || strict(limits)) out.push({ site, requests, limits });
  }
  return out;
}

function quantity(v: unknown): number | undefined {
  return typeof v === "string" || typeof v === "number" ? parseQuantity(v)?.value : undefined;
}

const quoted = (v: unknown) => `"${String(v)}"`;

/** Whether the resource as written has a value there (not one the defaults added). */
function written(ctx: CheckContext, path: Path): boolean {
  return at(ctx.resource.raw, path) !== undefined;
}

export const RESOURCE_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: "spec.template.spec.containers[].resources.requests[<extended or hugepages>]",
    needs: containerNeeds("resources"),
    kinds: POD_KINDS,
    constraint: "a request for a resource that cannot be overcommitted (extended resources, hugepages) needs a limit",
    rule: "required-value",
    upstream: `${UPSTREAM} validateResourceRequirements ("Limit must be set for non overcommitable resources")`,
    check(ctx) {
      for (const { site, requests, limits } of resourceSites(ctx)) {
        for (const name of Object.keys(requests)) {
          if (overcommitAllowed(name) || limits[name] !== undefined) continue;
          ctx.report({
            path: [...site.path, "resources", "requests", name],
            target: "key",
            message: `${containerLabel(site)} requests ${quoted(name)} without a limit; ${name} cannot be overcommitted`,
            hint: `add limits: {${name}: ${String(requests[name])}} equal to the request`,
          });
        }
      }
    },
  },
  {
    path: "spec.template.spec.containers[].resources.requests[<extended or hugepages>]",
    needs: containerNeeds("resources"),
    kinds: POD_KINDS,
    constraint: "the request of a resource that cannot be overcommitted equals its limit",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} validateResourceRequirements ("must be equal to ... limit")`,
    check(ctx) {
      for (const { site, requests, limits } of resourceSites(ctx)) {
        for (const [name, req] of Object.entries(requests)) {
          const lim = limits[name];
          if (overcommitAllowed(name) || lim === undefined) continue;
          const cmp = compareQuantities(req as string, lim as string);
          // Above the limit is requests-exceed-limits' finding: one cause, one finding.
          if (cmp === undefined || cmp >= 0) continue;
          ctx.report({
            path: [...site.path, "resources", "requests", name],
            message: `${containerLabel(site)} requests ${name} ${quoted(req)}, less than its limit ${quoted(lim)}; ${name} cannot be overcommitted, so the two must be equal`,
            hint: `set the ${name} request and limit to the same value, or remove the request (a Pod's request defaults to its limit)`,
          });
        }
      }
    },
  },
  {
    path: "spec.template.spec.containers[].resources.{requests,limits}[<extended>]",
    needs: containerNeeds("resources"),
    kinds: POD_KINDS,
    constraint: "extended resources (domain/name, e.g. nvidia.com/gpu) are whole numbers",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} ValidateResourceQuantityValue (IsIntegerResourceName, "must be an integer")`,
    check(ctx) {
      for (const { site, requests, limits } of resourceSites(ctx)) {
        for (const [section, map] of [["requests", requests], ["limits", limits]] as const) {
          for (const [name, v] of Object.entries(map)) {
            // A Pod's request copied from its limit by SetDefaults_Pod is judged once, at the limit.
            if (!isExtended(name) || !written(ctx, [...site.path, "resources", section, name])) continue;
            const q = quantity(v);
            if (q === undefined || Math.abs(q - Math.round(q)) < 1e-9) continue;
            ctx.report({
              path: [...site.path, "resources", section, name],
              message: `${name} ${quoted(v)} of ${containerLabel(site)} is not a whole number; extended resources are counted in units`,
              hint: `write a whole number of ${name}, such as ${Math.max(1, Math.ceil(q))}`,
            });
          }
        }
      }
    },
  },
  {
    path: "spec.template.spec.containers[].resources.{requests,limits}[hugepages-<size>]",
    needs: containerNeeds("resources"),
    kinds: POD_KINDS,
    constraint: "a hugepages quantity is a whole multiple of its page size",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} validateResourceQuantityHugePageValue (IsHugePageResourceValueDivisible)`,
    check(ctx) {
      for (const { site, requests, limits } of resourceSites(ctx)) {
        for (const [section, map] of [["requests", requests], ["limits", limits]] as const) {
          for (const [name, v] of Object.entries(map)) {
            if (!isHugePages(name) || !written(ctx, [...site.path, "resources", section, name])) continue;
            const size = name.slice("hugepages-".length);
            const page = quantity(size);
            const q = quantity(v);
            if (!page || q === undefined || q < 0) continue;
            const pages = q / page;
            if (Math.abs(pages - Math.round(pages)) < 1e-9) continue;
            const [, digits = "1", unit = ""] = /^(\d+)(.*)$/.exec(size) ?? [];
            ctx.report({
              path: [...site.path, "resources", section, name],
              message: `${name} ${quoted(v)} of ${containerLabel(site)} is not a whole multiple of the page size ${size}`,
              hint: `write a multiple of ${size}, such as ${Math.max(1, Math.ceil(pages)) * Number(digits)}${unit}`,
            });
          }
        }
      }
    },
  },
  {
    path: "spec.template.spec.containers[].resources",
    needs: containerNeeds("resources"),
    kinds: POD_KINDS,
    constraint: "a container that asks for hugepages also asks for cpu or memory",
    rule: "required-value",
    upstream: `${UPSTREAM} validateResourceRequirements ("HugePages require cpu or memory")`,
    check(ctx) {
      for (const { site, requests, limits } of resourceSites(ctx)) {
        const names = [...Object.keys(requests), ...Object.keys(limits)];
        const huge = names.find(isHugePages);
        if (!huge || names.some((n) => n === "cpu" || n === "memory")) continue;
        ctx.report({
          path: [...site.path, "resources"],
          target: "key",
          message: `${containerLabel(site)} asks for ${quoted(huge)} but for no cpu or memory`,
          hint: "add a memory (or cpu) request and limit beside the hugepages",
        });
      }
    },
  },
];
