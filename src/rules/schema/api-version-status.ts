/** Whether a resource's apiVersion is deprecated or removed at the target Kubernetes version. */
import { groupOf } from "../../models/api-groups.js";
import { lookupKind, versionsOfKind } from "../../models/catalogue/index.js";
import type { Resource } from "../../models/resource.js";
import { API_CHANGES, compareVersions, findApiChange, type ApiChange } from "./api-changes.js";
import { inRange, servedRange, versionsServedAt } from "../../models/catalogue/history.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../../models/kubernetes-version.js";

/**
 * A beta version still served next to a GA version of the same group: the API server marks it
 * deprecated (removal follows within three releases), so it is derived from the catalogue.
 */
function supersededBeta(apiVersion: string, kind: string, target: string): ApiChange | undefined {
  if (!/\/v\d+beta\d+$/.test(apiVersion) || !lookupKind(apiVersion, kind)) return undefined;
  // At an older target the GA version must be served there already (the history says from when).
  const servedAtTarget = (ga: string) => target === CATALOGUE_KUBERNETES_VERSION || inRange(servedRange(ga, kind, true)!, target);
  const ga = versionsOfKind(kind).find((v) => groupOf(v.apiVersion) === groupOf(apiVersion) && /\/v\d+$/.test(v.apiVersion) && servedAtTarget(v.apiVersion));
  return ga ? { apiVersion, kinds: [kind], deprecatedIn: "", removedIn: "", replacement: ga.apiVersion } : undefined;
}

/**
 * The replacement to advise at the target: the change's own replacement when the target serves
 * it, else the newest stepping stone the target serves (a version of the replacement's group
 * that migrates to the same replacement and is not removed there yet: autoscaling/v2beta2 for
 * autoscaling/v2beta1 at 1.22, where autoscaling/v2 is not served yet). `later` names the
 * replacement proper and the release that serves it from when a stepping stone is advised.
 */
function replacementAt(change: ApiChange, kind: string, target: string): ApiChange {
  const replacement = change.replacement;
  if (!replacement) return change;
  const served = versionsServedAt(kind, target);
  if (served.includes(replacement)) return change;
  // A replacement removed by the target in turn (extensions/v1beta1 PodSecurityPolicy -> policy/v1beta1, gone in 1.25): its own successor, or its note.
  const onward = findApiChange(replacement, kind);
  if (onward && compareVersions(target, onward.removedIn) >= 0) {
    const next = replacementAt(onward, kind, target);
    return { ...change, replacement: next.replacement, note: next.note, later: next.later };
  }
  const steps = API_CHANGES.filter(
    (c) => c.replacement === replacement && c.kinds.includes(kind) && c.apiVersion !== change.apiVersion && served.includes(c.apiVersion) && compareVersions(target, c.removedIn) < 0,
  ).sort((a, b) => compareVersions(b.removedIn, a.removedIn));
  if (!steps.length) return change;
  const from = servedRange(replacement, kind, !!lookupKind(replacement, kind))?.first;
  return { ...change, replacement: steps[0].apiVersion, later: from ? { apiVersion: replacement, servedFrom: from } : undefined };
}

export function apiVersionStatus(resource: Resource, target: string): { change: ApiChange; status: "deprecated" | "removed" } | undefined {
  const found = findApiChange(resource.apiVersion, resource.kind);
  const change = found && replacementAt(found, resource.kind, target);
  if (!change) {
    const beta = supersededBeta(resource.apiVersion, resource.kind, target);
    return beta ? { change: beta, status: "deprecated" } : undefined;
  }
  if (compareVersions(target, change.removedIn) >= 0) return { change, status: "removed" };
  if (compareVersions(target, change.deprecatedIn) >= 0) return { change, status: "deprecated" };
  return undefined;
}

export function replacementText(change: ApiChange): string {
  if (!change.replacement) return change.note ?? "remove it";
  return `migrate to ${change.replacement}${change.later ? `, then to ${change.later.apiVersion} from Kubernetes ${change.later.servedFrom}` : ""}`;
}

/** " (autoscaling/v2 is served from 1.23)" when a stepping stone is advised, else "". */
export function laterText(change: ApiChange): string {
  return change.later ? ` (${change.later.apiVersion} is served from ${change.later.servedFrom})` : "";
}
