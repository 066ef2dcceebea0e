/** Whether a resource's apiVersion is deprecated or removed at the target Kubernetes version. */
import { groupOf } from "../../models/api-groups.js";
import { lookupKind, versionsOfKind } from "../../models/catalogue/index.js";
import type { Resource } from "../../models/resource.js";
import { compareVersions, findApiChange, type ApiChange } from "./api-changes.js";
import { inRange, servedRange } from "../../models/catalogue/history.js";
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

export function apiVersionStatus(resource: Resource, target: string): { change: ApiChange; status: "deprecated" | "removed" } | undefined {
  const change = findApiChange(resource.apiVersion, resource.kind);
  if (!change) {
    const beta = supersededBeta(resource.apiVersion, resource.kind, target);
    return beta ? { change: beta, status: "deprecated" } : undefined;
  }
  if (compareVersions(target, change.removedIn) >= 0) return { change, status: "removed" };
  if (compareVersions(target, change.deprecatedIn) >= 0) return { change, status: "deprecated" };
  return undefined;
}

export function replacementText(change: ApiChange): string {
  return change.replacement ? `migrate to ${change.replacement}` : (change.note ?? "remove it");
}
