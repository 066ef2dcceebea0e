/** What the rules about a Role's or ClusterRole's own rules share: which of its rules grant a capability, and where. */
import type { Finding, RuleContext } from "../types.js";
import { allowsAny, capabilityRequests, isFullWildcard, isRbac, policyRules, withinNamespace, type Capability, type PolicyRule, type Request } from "./permissions.js";

/**
 * Each rule of the role that grants the capability, with the path of its first resources entry
 * that does. Roles named "system:..." are Kubernetes' own bootstrap roles and are not judged, and
 * a rule of "*" verbs on "*" resources of "*" groups is rbac-wildcard's (one finding, not six).
 */
export function grantingRules(ctx: RuleContext, id: Capability["id"]): Array<{ rule: PolicyRule; at: Finding["path"]; resource: string }> {
  const requests = capabilityRequests(id, ctx.settings.kubernetesVersion);
  // A Role grants within its namespace: nodes/proxy, ClusterRoles, users and groups are out of its reach.
  return rulesAllowing(ctx, ctx.resource.kind === "Role" ? withinNamespace(requests) : requests);
}

/** Each rule of the role that allows one of the requests, as grantingRules finds them. */
export function rulesAllowing(ctx: RuleContext, requests: readonly Request[]): Array<{ rule: PolicyRule; at: Finding["path"]; resource: string }> {
  const { resource } = ctx;
  if (!isRbac(resource) || resource.name.startsWith("system:")) return [];
  const out: Array<{ rule: PolicyRule; at: Finding["path"]; resource: string }> = [];
  for (const rule of policyRules(resource)) {
    if (isFullWildcard(rule) || !allowsAny(rule, requests)) continue;
    const j = rule.resources.findIndex((r) => allowsAny({ ...rule, resources: [r] }, requests));
    out.push({ rule, at: [...rule.path, "resources", j], resource: rule.resources[j] });
  }
  return out;
}

/** The resources entries of a rule, as written, that allow one of the requests (pods/exec, a wildcard entry, ...). */
export function allowingResources(rule: PolicyRule, requests: readonly Request[]): string[] {
  return rule.resources.filter((r) => allowsAny({ ...rule, resources: [r] }, requests));
}

/** The hint that takes the entries out of a rule: "remove" for named subresources, "replace" when a wildcard grants them. */
export function removeResourcesHint(entries: readonly string[]): string {
  const listed = entries.map((e) => JSON.stringify(e));
  const list = listed.length > 1 ? `${listed.slice(0, -1).join(", ")} and ${listed[listed.length - 1]}` : listed[0];
  return entries.some((e) => e.includes("*")) ? `replace ${list} with the resources the subjects need` : `remove ${list} from the rule`;
}

/** `Role "x"` or `ClusterRole "x"`, with where it applies. */
export function roleScope(ctx: RuleContext): string {
  return ctx.resource.kind === "ClusterRole" ? "in every namespace it is bound for" : `in namespace "${ctx.resource.namespace}"`;
}

/** The verbs of a rule that a request list uses, as written ("*" stays "*"). */
export function matchedVerbs(rule: PolicyRule, verbs: readonly string[]): string[] {
  return rule.verbs.filter((v) => v === "*" || verbs.includes(v));
}
