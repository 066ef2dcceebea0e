/**
 * How service-, pdb-, networkpolicy- and podmonitor-selector-no-match report a selector that
 * selects no pod of its namespace, and which namespaces they judge: one where the input runs no
 * pods only when the `references` policy says the input is complete (reportsAbsent).
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import { formatSelector, type Selector } from "../../models/selector.js";
import type { Path } from "../../types.js";
import { inOlmBundle } from "../../models/olm.js";
import { reportsAbsent } from "../config/references.js";
import type { CrossResourceContext } from "../types.js";
import { includeSelectorsHint, nearestOwner, noMatchVerdict, podsElsewhere, requirementPath, shownNearMiss, templateOnlyLabelEntry } from "./selection.js";

/** Where a selector rule's selector is written, and what to suggest when no pod owner nearly matches. */
export interface SelectorField {
  /** The field's name in messages: "selector" or "podSelector". */
  name: string;
  /** The field's path in the resource, and its value as written. */
  path: Path;
  raw: unknown;
  /** A Service's selector is a plain label map, not a LabelSelector. */
  mapForm?: boolean;
  /** The hint when no pod owner of the namespace nearly matches. */
  hint: string;
  /** The hint when the pods it matches run in another namespace; default: move the resource there. */
  elsewhereHint?: (namespace: string) => string;
  /** Whether kustomize's commonLabels field specs reach the selector's label pairs, so that a labels entry with includeSelectors sets them. */
  kustomizeSelector?: boolean;
}

/** Under `partial`: the input manages the namespace's pods when it runs some there (a workload or a Pod). */
function runsPods(index: ResourceIndex, _kind: string, namespace: string): boolean {
  return index.podOwnersIn(namespace).length > 0;
}

/**
 * Whether a selector that selects no pod of the namespace is judged there: always where the
 * input runs pods; where it runs none, only under `references: complete` (otherwise its pods
 * are taken to be deployed elsewhere), and not where the whole input runs pods when this is one
 * of its input sets (`--per-directory` splits a folder whose files define one object twice, a
 * guess at what is applied together), nor for an object of an OLM bundle, whose
 * ClusterServiceVersion deploys the pods in the namespace the bundle is installed in.
 */
export function judgesPodsIn(ctx: Pick<CrossResourceContext, "index" | "settings" | "resource">, namespace: string): boolean {
  const { index, resource } = ctx;
  if (!reportsAbsent(ctx, "Pod", namespace, runsPods)) return false;
  return runsPods(index, "Pod", namespace) || !((index.outer && runsPods(index.outer, "Pod", namespace)) || (resource !== undefined && inOlmBundle(index, resource)));
}

/** The words for a namespace where the input runs no pods: the message's clause and the hint. */
export function noPodsThere(where: string): { clause: string; hint: string } {
  return { clause: ": the input runs no workload there", hint: `add the workload whose pods it is meant to select ${where}` };
}

/**
 * The shared verdict of service-, pdb-, networkpolicy- and podmonitor-selector-no-match: silent
 * when pods of the namespace (or pods an operator derives there) match; else the namespace where
 * matching pods run; else, in a namespace judgesPodsIn judges, the pod owner whose labels nearly
 * match, lowered by noMatchVerdict, or the absence of any pods there.
 */
export function reportUnmatchedSelector(ctx: CrossResourceContext, selector: Selector, field: SelectorField): void {
  const { resource, index } = ctx;
  const selects = (ns: string) => index.podOwnersSelectedBy(ns, selector, resource).length > 0 || index.derivedPodsSelectedBy(ns, selector).length > 0;
  // Kustomize builds that put the object in several namespaces (two overlays of one base): it selects pods in each. Where it selects
  // none in any, one finding; where it selects some in one, a finding for each namespace without them.
  const applied = resource.appliedNamespaces;
  const served = applied.length > 1 ? applied.filter(selects) : [];
  if (!served.length) {
    // Its namespace as judged, unless every build puts it elsewhere (a base that writes none, under overlays that set theirs).
    const ns = applied.includes(resource.namespace) ? resource.namespace : applied[0];
    if (!selects(ns)) reportIn(ctx, selector, field, { ns, served });
    return;
  }
  for (const ns of applied) if (!served.includes(ns)) reportIn(ctx, selector, field, { ns, served });
}

/**
 * The finding in one namespace the object is applied in, where its selector matches no pod.
 * `served`: the other namespaces a build puts it in where it does match pods; the pods are then
 * not elsewhere by mistake, they are missing from this namespace's build.
 */
function reportIn(ctx: CrossResourceContext, selector: Selector, field: SelectorField, { ns, served }: { ns: string; served: readonly string[] }): void {
  const { resource, index, report } = ctx;
  const away = served.length ? undefined : podsElsewhere(index, ns, selector);
  if (away) {
    report({
      path: field.path,
      message: `${field.name} "${formatSelector(selector)}" matches no pods in namespace "${ns}"; the pods it matches run ${away.where} (${away.owner.kind} "${away.owner.name}")`,
      hint: field.elsewhereHint?.(away.namespaces[0]) ?? `move the ${resource.kind} to namespace "${away.namespaces[0]}": a ${resource.kind} selects pods of its own namespace only`,
      related: { resource: away.owner, path: [...away.owner.podTemplate!.metadataPath, "labels"], message: "pods it would select" },
    });
    return;
  }
  if (!judgesPodsIn(ctx, ns)) return;
  const none = index.podOwnersIn(ns).length ? undefined : noPodsThere(`in namespace "${ns}"`);
  const nearest = nearestOwner(index, ns, selector);
  const verdict = noMatchVerdict(index, ns, selector, nearest);
  if (verdict.silent) return;
  const near = shownNearMiss(verdict, nearest);
  const path = near ? requirementPath(field.raw, field.path, near.failing, field.mapForm) : field.path;
  const entry = near && field.kustomizeSelector && path.at(-1) === near.failing.key ? templateOnlyLabelEntry(resource, near.owner, near.failing.key) : undefined;
  // The pods it selects in the namespace another build puts it in, which this namespace's build does not run.
  const builds = served.length ? `; a kustomize build puts this ${resource.kind} in namespace "${ns}", and the pods it selects run where another puts it, ${served.map((n) => `"${n}"`).join(", ")}` : "";
  report({
    ...(verdict.severity ? { severity: verdict.severity } : {}),
    path,
    message: `${field.name} "${formatSelector(selector)}" matches no pods in namespace "${ns}"${near ? `: ${near.why}` : (none?.clause ?? "")}${verdict.because ? `; ${verdict.because}` : ""}${builds}`,
    hint: entry ? includeSelectorsHint(entry, near!.failing.key, field.name) : near ? `align the ${field.name} with the labels of ${near.owner.kind} "${near.owner.name}"` : served.length ? `add the workload to the build that puts the ${resource.kind} in namespace "${ns}", or leave the ${resource.kind} out of that build` : (none?.hint ?? field.hint),
    ...(near ? { related: { resource: near.owner, path: [...near.owner.podTemplate!.metadataPath, "labels"], message: "nearest pod labels" } } : {}),
  });
}
