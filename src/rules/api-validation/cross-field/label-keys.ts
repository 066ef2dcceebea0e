/**
 * matchLabelKeys and mismatchLabelKeys of topology spread constraints and pod (anti-)affinity
 * terms (each key a label name: field-constraints.ts): label keys whose values the scheduler takes from the incoming pod's own labels and adds
 * to the term's labelSelector. Source: pkg/apis/core/validation/validation.go
 * ValidateMatchLabelKeysInTopologySpread (a topology spread constraint) and
 * ValidateMatchLabelKeysAndMismatchLabelKeys (an affinity term, and a spread constraint once
 * MatchLabelKeysInPodTopologySpreadSelectorMerge merges the keys): each key is a label name, the
 * keys need a labelSelector to add to, a key may not also be constrained by that labelSelector
 * (matchLabels or matchExpressions), and an affinity term may not name a key in both lists.
 * A field the target release drops (feature gates) is not judged: gates-off.ts.
 */
import type { Path } from "../../../types.js";
import { isMap, listOf, podNeeds, podSpecOf, POD_KINDS, type CheckContext, type CrossFieldConstraint } from "./walk.js";

const CORE = "pkg/apis/core/validation/validation.go";

/** A term that takes label keys: where it is, and whether it is an affinity term (which has mismatchLabelKeys). */
interface KeyedTerm {
  term: Record<string, unknown>;
  path: Path;
  affinity: boolean;
}

const AFFINITY_LISTS = ["podAffinity", "podAntiAffinity"] as const;

/** Every topology spread constraint and pod (anti-)affinity term of the pod spec that names label keys. */
function keyedTerms(ctx: CheckContext): KeyedTerm[] {
  const pod = podSpecOf(ctx);
  if (!pod) return [];
  const out: KeyedTerm[] = [];
  const keyed = (t: Record<string, unknown>) => listOf(t.matchLabelKeys).length > 0 || listOf(t.mismatchLabelKeys).length > 0;
  const spread = listOf(pod.spec.topologySpreadConstraints);
  for (let i = 0; i < spread.length; i++) {
    const t = spread[i];
    if (isMap(t) && keyed(t)) out.push({ term: t, path: [...pod.path, "topologySpreadConstraints", i], affinity: false });
  }
  const affinity = isMap(pod.spec.affinity) ? pod.spec.affinity : undefined;
  for (const kind of AFFINITY_LISTS) {
    const a = affinity && isMap(affinity[kind]) ? affinity[kind] : undefined;
    if (!a) continue;
    const required = listOf(a.requiredDuringSchedulingIgnoredDuringExecution);
    for (let i = 0; i < required.length; i++) {
      const t = required[i];
      if (isMap(t) && keyed(t)) out.push({ term: t, path: [...pod.path, "affinity", kind, "requiredDuringSchedulingIgnoredDuringExecution", i], affinity: true });
    }
    const preferred = listOf(a.preferredDuringSchedulingIgnoredDuringExecution);
    for (let i = 0; i < preferred.length; i++) {
      const w = preferred[i];
      const t = isMap(w) ? w.podAffinityTerm : undefined;
      if (isMap(t) && keyed(t)) out.push({ term: t, path: [...pod.path, "affinity", kind, "preferredDuringSchedulingIgnoredDuringExecution", i, "podAffinityTerm"], affinity: true });
    }
  }
  return out;
}

/** The lists of label keys a term writes: matchLabelKeys, and mismatchLabelKeys on an affinity term. */
function keyLists(t: KeyedTerm): Array<"matchLabelKeys" | "mismatchLabelKeys"> {
  return t.affinity ? ["matchLabelKeys", "mismatchLabelKeys"] : ["matchLabelKeys"];
}

/**
 * The keys a labelSelector constrains that a matchLabelKeys entry may not name: its matchLabels,
 * and its matchExpressions' keys that the pods carry. A matchExpressions key is refused when the
 * scheduler's selector merge (PrepareForCreate, MatchLabelKeysInPodAffinity and
 * MatchLabelKeysInPodTopologySpreadSelectorMerge) adds it a second time, which happens when the
 * pod has the label; before that merge existed a spread constraint refused it regardless.
 */
function selectorKeys(selector: unknown, podLabels: Readonly<Record<string, string>>): Set<string> {
  const keys = new Set<string>();
  if (!isMap(selector)) return keys;
  if (isMap(selector.matchLabels)) for (const k of Object.keys(selector.matchLabels)) keys.add(k);
  const expressions = listOf(selector.matchExpressions);
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i];
    if (isMap(e) && typeof e.key === "string" && Object.hasOwn(podLabels, e.key)) keys.add(e.key);
  }
  return keys;
}

const SPREAD_PATH = "spec.template.spec.topologySpreadConstraints[].matchLabelKeys";
const AFFINITY_PATH = "spec.template.spec.affinity.{podAffinity,podAntiAffinity}.*[].{matchLabelKeys,mismatchLabelKeys}";

export const LABEL_KEY_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: SPREAD_PATH,
    needs: podNeeds("topologySpreadConstraints"),
    kinds: POD_KINDS,
    constraint: "matchLabelKeys of a topology spread constraint need a labelSelector",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateMatchLabelKeysInTopologySpread (Forbidden "must not be specified when labelSelector is not set")`,
    check: (ctx) => judgeWithoutSelector(ctx, false),
  },
  {
    path: SPREAD_PATH,
    needs: podNeeds("topologySpreadConstraints"),
    kinds: POD_KINDS,
    constraint: "matchLabelKeys of a topology spread constraint name no key its labelSelector constrains",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateMatchLabelKeysInTopologySpread (Invalid "exists in both matchLabelKeys and labelSelector")`,
    check: (ctx) => judgeOverlap(ctx, false),
  },
  {
    path: AFFINITY_PATH,
    needs: podNeeds("affinity"),
    kinds: POD_KINDS,
    constraint: "matchLabelKeys and mismatchLabelKeys of a pod affinity term need a labelSelector",
    rule: "forbidden-value",
    upstream: `${CORE} ValidateMatchLabelKeysAndMismatchLabelKeys (Forbidden "must not be specified when labelSelector is not set")`,
    check: (ctx) => judgeWithoutSelector(ctx, true),
  },
  {
    path: AFFINITY_PATH,
    needs: podNeeds("affinity"),
    kinds: POD_KINDS,
    constraint: "matchLabelKeys and mismatchLabelKeys of a pod affinity term name no key its labelSelector constrains, nor a key in both lists",
    rule: "invalid-combination",
    upstream: `${CORE} ValidateMatchLabelKeysAndMismatchLabelKeys (Invalid "exists in both matchLabelKeys and labelSelector", "exists in both matchLabelKeys and mismatchLabelKeys")`,
    check: (ctx) => judgeOverlap(ctx, true),
  },
];

/** Keys without a labelSelector to add to: the spread constraints' (affinity false) or the affinity terms' (true). */
function judgeWithoutSelector(ctx: CheckContext, affinity: boolean): void {
  for (const t of keyedTerms(ctx)) {
    if (t.affinity !== affinity || (t.term.labelSelector !== undefined && t.term.labelSelector !== null)) continue;
    for (const list of keyLists(t)) {
      if (listOf(t.term[list]).length) {
        ctx.report({ path: [...t.path, list], target: "key", message: `${list} needs a labelSelector to add to, and this term has none`, hint: `add a labelSelector (the keys narrow it to the pod's own values), or remove ${list}` });
      }
    }
  }
}

/** Keys the labelSelector constrains already, or named in both lists. */
function judgeOverlap(ctx: CheckContext, affinity: boolean): void {
  for (const t of keyedTerms(ctx)) {
    if (t.affinity !== affinity) continue;
    const selector = t.term.labelSelector;
    if (selector === undefined || selector === null) continue;
    const constrained = selectorKeys(selector, ctx.resource.podTemplate?.labels ?? {});
    const matched = new Set<string>();
    for (const list of keyLists(t)) {
      const keys = listOf(t.term[list]);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (typeof key !== "string") continue;
        if (constrained.has(key)) {
          ctx.report({ path: [...t.path, list, k], message: `label key "${key}" is in both ${list} and the labelSelector`, hint: `remove "${key}" from ${list} or from the labelSelector` });
        } else if (list === "mismatchLabelKeys" && matched.has(key)) {
          ctx.report({ path: [...t.path, list, k], message: `label key "${key}" is in both matchLabelKeys and mismatchLabelKeys`, hint: `keep "${key}" in one of the two lists` });
        }
        if (list === "matchLabelKeys") matched.add(key);
      }
    }
  }
}
