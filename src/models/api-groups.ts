import { versionsOfKind } from "./catalogue/index.js";

/** API groups served by a stock kube-apiserver; anything else is a custom resource (CRD). */
export const BUILTIN_GROUPS: ReadonlySet<string> = new Set([
  "",
  "admissionregistration.k8s.io",
  "apiextensions.k8s.io",
  "apiregistration.k8s.io",
  "apps",
  "authentication.k8s.io",
  "authorization.k8s.io",
  "autoscaling",
  "batch",
  "certificates.k8s.io",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "events.k8s.io",
  "extensions",
  "flowcontrol.apiserver.k8s.io",
  "internal.apiserver.k8s.io",
  "networking.k8s.io",
  "node.k8s.io",
  "policy",
  "rbac.authorization.k8s.io",
  "resource.k8s.io",
  "scheduling.k8s.io",
  // PodPreset's group, served (alpha) until 1.20: its objects are removed built-ins, not custom resources.
  "settings.k8s.io",
  "storage.k8s.io",
  "storagemigration.k8s.io",
]);

/**
 * Review kinds ("group/Kind"): a create asks the API server a question and gets the answer back
 * in the response; nothing is stored, so no name is needed. Their REST storage is not the generic
 * registry (which requires metadata.name): pkg/registry/authentication/tokenreview/storage.go and
 * selfsubjectreview/rest.go check no metadata, and pkg/apis/authorization/validation
 * (ValidateSubjectAccessReview, ValidateSelfSubjectAccessReview, ValidateLocalSubjectAccessReview)
 * requires metadata to be empty (but for LocalSubjectAccessReview's namespace).
 */
const REVIEW_KINDS: ReadonlySet<string> = new Set([
  "authentication.k8s.io/TokenReview",
  "authentication.k8s.io/SelfSubjectReview",
  "authorization.k8s.io/SubjectAccessReview",
  "authorization.k8s.io/SelfSubjectAccessReview",
  "authorization.k8s.io/SelfSubjectRulesReview",
  "authorization.k8s.io/LocalSubjectAccessReview",
]);

/** Whether objects of this group and kind are reviews, which the API server answers without storing (no name needed). */
export function isReviewKind(group: string, kind: string): boolean {
  return REVIEW_KINDS.has(`${group}/${kind}`);
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

/**
 * Answers of pure functions of the strings written, kept while few: a run asks about a handful
 * of distinct apiVersions and kinds once per rule and resource. Bounded so that a long-lived
 * process (the language server, as a user types) does not keep every spelling it saw.
 */
const MAX_REMEMBERED = 4096;

/** apiVersion -> whether its group is built in. */
const builtinVersions = new Map<string, boolean>();

export function isBuiltinApiVersion(apiVersion: string): boolean {
  let builtin = builtinVersions.get(apiVersion);
  if (builtin === undefined) {
    if (builtinVersions.size >= MAX_REMEMBERED) builtinVersions.clear();
    builtinVersions.set(apiVersion, (builtin = BUILTIN_GROUPS.has(groupOf(apiVersion))));
  }
  return builtin;
}

/**
 * Kinds served by two groups from one storage: an object written as extensions/v1beta1
 * Deployment is the apps Deployment of that name. From the cohabitating resources of the
 * storage factory (kubernetes pkg/kubeapiserver/default_storage_factory_builder.go,
 * AddCohabitatingResources), keyed "group/Kind" -> the group the object is identified by.
 */
const COHABITATING: ReadonlyMap<string, string> = new Map([
  ["extensions/Deployment", "apps"],
  ["extensions/DaemonSet", "apps"],
  ["extensions/ReplicaSet", "apps"],
  ["extensions/NetworkPolicy", "networking.k8s.io"],
  ["extensions/Ingress", "networking.k8s.io"],
  ["extensions/PodSecurityPolicy", "policy"],
  ["extensions/ReplicationController", ""],
  ["events.k8s.io/Event", ""],
  // apps/v1beta1 and v1beta2 are versions of the apps group already.
]);

/** The group an object of this group and kind is stored under (the group itself, unless it cohabits). */
export function canonicalGroup(group: string, kind: string): string {
  return COHABITATING.get(`${group}/${kind}`) ?? group;
}

/**
 * The identity of an object type, as apimachinery's GroupKind.String() writes it: `Service`
 * for the core group, `Deployment.apps`, `Gateway.gateway.networking.k8s.io`. The version is
 * not part of it: networking.istio.io/v1 and v1beta1 Gateways of one name are one object.
 */
export function groupKind(apiVersion: string, kind: string): string {
  let byKind = groupKinds.get(apiVersion);
  if (!byKind) {
    if (groupKinds.size >= MAX_REMEMBERED) groupKinds.clear();
    groupKinds.set(apiVersion, (byKind = new Map()));
  }
  let out = byKind.get(kind);
  if (out === undefined) {
    const group = canonicalGroup(groupOf(apiVersion), kind);
    if (byKind.size >= MAX_REMEMBERED) byKind.clear();
    byKind.set(kind, (out = group ? `${kind}.${group}` : kind));
  }
  return out;
}

/**
 * apiVersion -> kind -> GroupKind: one string per type, shared by every resource of it (the
 * index keys its maps by it, and a string's hash is computed once).
 */
const groupKinds = new Map<string, Map<string, string>>();

const resolved = new Map<string, string>();

/**
 * A type as rules name it, made a GroupKind: `Kind.group` is taken as written; a bare kind is
 * the built-in kind of that name (`Deployment` is `Deployment.apps`, never a custom resource
 * called Deployment), or the core group when no built-in kind has that name.
 */
export function resolveType(type: string): string {
  if (type.includes(".")) return type;
  let out = resolved.get(type);
  if (out === undefined) {
    const served = versionsOfKind(type)[0];
    out = served ? groupKind(served.apiVersion, type) : type;
    resolved.set(type, out);
  }
  return out;
}

/**
 * Kinds that define an API instead of being objects of one: a context of these only is schemas,
 * not the repository. CRD bundles ship admission policies that guard their API (Gateway API's
 * standard install: safe-upgrades.gateway.networking.k8s.io), which do not make it the repository either.
 */
const DEFINITIONS = new Set([
  "apiextensions.k8s.io/CustomResourceDefinition",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
  "admissionregistration.k8s.io/MutatingAdmissionPolicy",
  "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
]);

/** Whether a kind of `group` defines an API (DEFINITIONS). */
export function isApiDefinition(group: string, kind: string): boolean {
  return DEFINITIONS.has(`${group}/${kind}`);
}
