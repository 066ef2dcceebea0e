/**
 * What a pod template refers to by name (ConfigMaps, Secrets), and the policy that decides when
 * a reference to an object absent from the input is worth reporting.
 */
import { closestWithin } from "../../did-you-mean.js";
import { isBuiltinApiVersion, resolveType } from "../../models/api-groups.js";
import { namespacesWithCharts, SYSTEM_NAMESPACES } from "../../models/created-namespaces.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { CrossResourceContext, Finding } from "../types.js";
import { memoKey } from "../../models/run-memo.js";
import { appliedNear, placesOf, type AppliedPlaces } from "../../models/placement.js";

export { findReferenced, namespaceMissing, podReferences, type KeyReference, type ObjectReference, type ReferencedKind } from "../../models/pod-references.js";

/**
 * The conservative fallback for operators the table does not know: a custom resource of the
 * namespace whose name the missing name starts with (`<name>-...`, `<name>.`...), as operators
 * name what they derive. A finding it explains is lowered to info, never silenced; a name that
 * is a typo of an object of the input is not looked up here (callers check similar names first).
 */
export function unknownProducer(index: ResourceIndex, namespace: string, name: string): Resource | undefined {
  return index.unknownOperatorResources(namespace).find((cr) => cr.name && (name === cr.name || (name.startsWith(cr.name) && /^[-.]/.test(name.slice(cr.name.length)))));
}

/**
 * The policy for references to objects absent from the input, the one reader of the
 * `references` setting (rules that call it set `reportsAbsentObjects` in their meta). Under
 * `complete` (the default with a `--context` of objects, not only CRDs) the input holds every
 * object, so an absent one is reported. Under `partial` it is only reported when the input manages objects of that kind in
 * that namespace (`manages`, by default: it has at least one, no GitOps controller of the
 * input installs a Helm chart there, and no kustomization builds unread objects there, whose
 * objects are not in the input), because then a missing
 * one is most likely a typo or a forgotten file, not an object created by other tooling.
 * Those objects arm a reference of `resource` only where they are applied with it (armsNear);
 * with `manages`, only when `armedBy` names the kinds it counts (the scalable workloads for an
 * autoscaler's target).
 */
export function reportsAbsent(
  { index, settings, resource }: Pick<CrossResourceContext, "index" | "settings"> & { resource?: Resource },
  kind: string,
  namespace: string,
  manages?: (index: ResourceIndex, kind: string, namespace: string) => boolean,
  armedBy?: readonly string[],
): boolean {
  if (settings.references === "complete") return true;
  if (manages) return manages(index, kind, namespace) && (!armedBy || !resource || armsNear(index, armedBy, namespace, resource));
  return managesKind(index, kind, namespace) && (!resource || armsNear(index, [kind], namespace, resource));
}

const ARMING_PLACES = memoKey<Map<string, AppliedPlaces>>("folders of the objects that arm reference rules");

/**
 * Whether the objects that make the namespace managed (managesKind) arm a reference of
 * `resource`: one applied in a namespace it names (namespaceNamed: written or given by a build,
 * and not "default") arms every reference, any other only those applied with it (placement.ts:
 * from its places, a folder above them or below them). Unrelated sample folders of a repository
 * (knative's test images and its performance tests, kubernetes-engine-samples' tutorials that
 * all write `namespace: default`) are not applied together: a Secret of one does not tell that
 * the other's Secrets are all in the input.
 */
function armsNear(index: ResourceIndex, kinds: readonly string[], namespace: string, resource: Resource): boolean {
  const byType = index.memo.get(ARMING_PLACES, () => new Map());
  const key = `${kinds.length === 1 ? kinds[0] : kinds.join("\u0000")}\u0000\u0000${namespace}`;
  let places = byType.get(key);
  if (!places) {
    // A generator's object is placed at the roots of the builds through its kustomization; one read from stdin has no places.
    const objects = kinds.flatMap((kind) => [...index.generatedOfKind(kind, namespace), ...index.ofKind(kind, namespace)]);
    byType.set(key, (places = placesOf(objects, kinds.includes("Secret") && index.declaresSecretsIn(namespace))));
  }
  return appliedNear(places, resource);
}

/**
 * Whether the input defines objects of that kind in the namespace (kustomization generators
 * included; for Secrets, also a SealedSecret, ExternalSecret or Certificate), and is their only
 * source there: not a namespace into which a kustomization of the input builds objects the run
 * does not read (a base outside the linted paths, a remote URL), and, for a built-in kind, not a
 * namespace a chart of the input's GitOps controllers is installed in, nor one of the cluster's
 * own namespaces.
 */
function managesKind(index: ResourceIndex, kind: string, namespace: string): boolean {
  if (index.unreadBuildInto(namespace)) return false;
  // What charts and the cluster's installer create are Kubernetes' own kinds; the GitOps objects beside them (HelmReleases, Applications) are the input's.
  if ((SYSTEM_NAMESPACES.has(namespace) || namespacesWithCharts(index).has(namespace)) && isBuiltinType(kind)) return false;
  if (index.ofKind(kind, namespace).length > 0 || index.generatedOfKind(kind, namespace).length > 0) return true;
  return kind === "Secret" && index.declaresSecretsIn(namespace);
}

/** Whether a type (`Secret`, `Deployment.apps`, `HelmRelease.helm.toolkit.fluxcd.io`) is a kind of Kubernetes' own API groups. */
function isBuiltinType(type: string): boolean {
  const groupKind = resolveType(type);
  const dot = groupKind.indexOf(".");
  return dot === -1 || isBuiltinApiVersion(`${groupKind.slice(dot + 1)}/v1`);
}

/** The closest name of that kind in the namespace, when it is close enough to be a typo. */
export function similarlyNamed(index: ResourceIndex, kind: string, namespace: string, name: string): Resource | undefined {
  const candidates = index.ofKind(kind, namespace);
  const closest = closestWithin(name, candidates.map((r) => r.name));
  return closest === undefined ? undefined : candidates.find((r) => r.name === closest);
}

/** The closest name a kustomization generator gives an object of that kind in the namespace, when close enough to be a typo. */
export function similarGeneratedName(index: ResourceIndex, kind: string, namespace: string, name: string): string | undefined {
  const names = index.generatedOfKind(kind, namespace).flatMap((g) => g.names);
  return closestWithin(name, names);
}

/**
 * Keys the token controller writes into every `kubernetes.io/service-account-token` Secret
 * (kubernetes pkg/controller/serviceaccount/tokens_controller.go, generateTokenIfNeeded:
 * ServiceAccountTokenKey, ServiceAccountRootCAKey, ServiceAccountNamespaceKey).
 */
const SERVICE_ACCOUNT_TOKEN_KEYS = ["token", "ca.crt", "namespace"];

/**
 * The keys an object holds in the cluster: ConfigMap data + binaryData, Secret data +
 * stringData, plus the keys a controller fills in (service-account token Secrets).
 */
export function keysOf(resource: Resource): Set<string> {
  const fields = resource.kind === "ConfigMap" ? ["data", "binaryData"] : ["data", "stringData"];
  const keys = new Set<string>();
  if (resource.kind === "Secret" && resource.raw.type === "kubernetes.io/service-account-token") {
    for (const k of SERVICE_ACCOUNT_TOKEN_KEYS) keys.add(k);
  }
  for (const f of fields) {
    const m = resource.raw[f];
    if (m && typeof m === "object" && !Array.isArray(m)) for (const k of Object.keys(m)) keys.add(k);
  }
  return keys;
}

/** Where a reference's namespace comes from: the referring object's own, or a field of the reference (`namespace` of a backendRef). */
export type NamespaceSource = { field?: undefined } | { field: string; written: boolean };

/** A referenced object the input defines in another namespace: what the finding adds to say so. */
export interface OtherNamespace {
  found: Resource;
  /** Appended to the message: `; the input defines it in namespace "x"`. */
  clause: string;
  hint: string;
  related: NonNullable<Finding["related"]>;
}

/**
 * The object of this type and name that the input defines in another namespace than the one
 * the reference looks in (the referrer's file first), with the words that say so: most often a
 * manifest without metadata.namespace meant for `kubectl apply -n`, or a namespace slip. Found
 * through the index by name (ResourceIndex.inOtherNamespaces).
 */
export function inOtherNamespace(
  { index, resource }: Pick<CrossResourceContext, "index" | "resource">,
  ref: { type: string; kind: string; namespace: string; name: string; from?: NamespaceSource },
): OtherNamespace | undefined {
  if (!ref.namespace) return undefined;
  const all = index.inOtherNamespaces(ref.type, ref.namespace, ref.name);
  const found = all.find((r) => r.file === resource.file) ?? all[0];
  if (!found) return undefined;
  const there = found.namespace;
  const from = ref.from ?? {};
  // The object found writes no namespace, and nothing sets one: it is in "default" only if it is applied without `kubectl apply -n`.
  if (!found.namespaceCertain && resource.namespaceCertain) {
    return {
      found,
      clause: `; the input defines it without a namespace (in "${there}" unless applied with kubectl apply -n)`,
      hint: `set metadata.namespace: ${ref.namespace} on ${ref.kind} "${ref.name}" if it belongs to namespace "${ref.namespace}"`,
      related: { resource: found, path: ["metadata", "name"], message: "defined without a namespace" },
    };
  }
  let hint: string;
  if (from.field !== undefined && from.written) hint = `set ${from.field}: ${there} in the reference if ${ref.kind} "${ref.name}" of namespace "${there}" is the one meant`;
  // A base that overlays build into several namespaces: the build for this one lacks it, the others have it.
  else if (resource.builtNamespaces.includes(ref.namespace))
    hint = `add the ${ref.kind} to the kustomize build that puts this ${resource.kind} in namespace "${ref.namespace}" (its builds put it in ${resource.builtNamespaces.map((n) => `"${n}"`).join(", ")})`;
  else if (!resource.namespaceCertain)
    hint = `set metadata.namespace: ${there} on this ${resource.kind}, or lint with --default-namespace ${there} if the manifests are applied with kubectl apply -n ${there}`;
  else if (from.field !== undefined) hint = `set ${from.field}: ${there} in the reference, or add the ${ref.kind} to namespace "${ref.namespace}"`;
  else hint = `add the ${ref.kind} to namespace "${ref.namespace}", or move this ${resource.kind} to namespace "${there}": it refers to ${ref.kind}s of its own namespace only`;
  return {
    found,
    clause: `; the input defines it in namespace "${there}"`,
    hint,
    related: { resource: found, path: ["metadata", "name"], message: `defined in namespace "${there}"` },
  };
}
