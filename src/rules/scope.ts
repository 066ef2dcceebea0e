/**
 * Dispatch by scope: which rules judge a resource, from each rule's `appliesTo`. Worked out once
 * per kind of the input, so a run costs one map lookup per resource on top of the checks.
 */
import type { Resource } from "../models/resource.js";
import { KIND_GROUPS, type KindGroup } from "../models/workloads.js";
import type { Rule, Scope } from "./types.js";

const isGroup = (entry: string): entry is KindGroup => Object.hasOwn(KIND_GROUPS, entry);

/** The kinds a scope names, groups expanded; undefined: every kind. */
export function kindsOf(scope: Scope | undefined): ReadonlySet<string> | undefined {
  if (scope === undefined) return undefined;
  const entries = typeof scope === "string" ? [scope] : scope;
  return new Set(entries.flatMap((e) => (isGroup(e) ? [...KIND_GROUPS[e]] : [e])));
}

/** "Applies to" as the rule pages print it: each group with its kinds. */
export function describeScope(scope: Scope | undefined): string {
  if (scope === undefined) return "every resource";
  const entries = typeof scope === "string" ? [scope] : scope;
  return entries.map((e) => (isGroup(e) ? `${e} (${[...KIND_GROUPS[e]].join(", ")})` : e)).join(", ");
}

/**
 * `rulesFor(resource)`: the rules whose scope holds the resource's kind, in registry order. A
 * kustomize patch (a partial object) gets only the rules that check patches.
 */
export function dispatchByScope(rules: readonly Rule[]): (resource: Resource) => readonly Rule[] {
  const scoped = rules.map((rule) => ({ rule, kinds: kindsOf(rule.meta.appliesTo) }));
  const byKind = new Map<string, readonly Rule[]>();
  return (resource) => {
    const kind = resource.ruleKind;
    const key = resource.partial ? `patch\u0000${kind}` : kind;
    let found = byKind.get(key);
    if (!found) {
      found = scoped
        .filter(({ rule, kinds }) => (!resource.partial || rule.meta.checksPatches) && (!kinds || kinds.has(kind)))
        .map(({ rule }) => rule);
      byKind.set(key, found);
    }
    return found;
  };
}
