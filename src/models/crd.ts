/**
 * CustomResourceDefinitions of the input: which group/kind they define, which versions they
 * serve and with which openAPIV3Schema. Indexed once per run (keyed by the run's index).
 */
import type { ResourceIndex } from "./resource-index.js";
import { groupOf, isBuiltinApiVersion } from "./api-groups.js";
import type { Resource } from "./resource.js";
import { memoKey } from "./run-memo.js";
import type { Path } from "../types.js";
import { bundledSchema, type BundledRelease } from "./bundled-crds/index.js";
import { CLUSTER_SCOPED_GROUPS } from "./operators.js";
import { CLUSTER_SCOPED_KINDS } from "./k8s.js";

/** A JSON schema as written in a CRD (read leniently: a wrong-typed keyword reads as absent). */
export type JsonSchema = Record<string, unknown>;

export interface CrdVersion {
  name: string;
  served: boolean;
  /** spec.versions[i] of the CRD. */
  path: Path;
  /** openAPIV3Schema, when the version has one. */
  schema?: JsonSchema;
  /** The status subresource is enabled: the API server ignores status on create and update. */
  statusSubresource: boolean;
}

export interface CrdDefinition {
  crd: Resource;
  group: string;
  kind: string;
  /** spec.scope: "Namespaced" or "Cluster" (undefined when not written as a string). */
  scope?: string;
  versions: CrdVersion[];
}

const CRD_API_VERSION = "apiextensions.k8s.io/v1";
/** group/kind -> the CRDs of the input that define it, in input order. */
const CRD_LOOKUP = memoKey<Map<string, CrdDefinition[]>>("CRDs by group and kind");

const key = (group: string, kind: string) => `${group}\u0000${kind}`;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function definitionOf(crd: Resource): CrdDefinition | undefined {
  const spec = crd.raw.spec;
  if (!isMap(spec) || typeof spec.group !== "string" || !isMap(spec.names) || typeof spec.names.kind !== "string") return undefined;
  const versions: CrdVersion[] = [];
  if (Array.isArray(spec.versions)) {
    spec.versions.forEach((v, i) => {
      if (!isMap(v) || typeof v.name !== "string") return;
      const schema = isMap(v.schema) && isMap(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema : undefined;
      versions.push({
        name: v.name,
        served: v.served === true,
        path: ["spec", "versions", i],
        ...(schema ? { schema } : {}),
        statusSubresource: isMap(v.subresources) && isMap(v.subresources.status),
      });
    });
  }
  return { crd, group: spec.group, kind: spec.names.kind, ...(typeof spec.scope === "string" ? { scope: spec.scope } : {}), versions };
}

/** group/kind -> the CRDs of the input that define it, in input order (several when a repository keeps variants of one CRD). */
function crdLookup(index: ResourceIndex): Map<string, CrdDefinition[]> {
  const lookup = new Map<string, CrdDefinition[]>();
  for (const crd of index.ofKind("CustomResourceDefinition")) {
    if (crd.apiVersion !== CRD_API_VERSION) continue;
    const def = definitionOf(crd);
    if (!def) continue;
    const defs = lookup.get(key(def.group, def.kind));
    if (defs) defs.push(def);
    else lookup.set(key(def.group, def.kind), [def]);
  }
  return lookup;
}

/**
 * The input's CRD for a custom resource (an apiVersion outside the built-in groups), if any. With
 * `--per-directory` the resource's own input set is asked first, then the whole input: a CRD
 * defines its kind for the cluster, whichever folder of the input holds it.
 */
export function crdOf(resource: Resource, index: ResourceIndex): CrdDefinition | undefined {
  if (!resource.apiVersion || !resource.kind || isBuiltinApiVersion(resource.apiVersion)) return undefined;
  const k = key(groupOf(resource.apiVersion), resource.kind);
  const version = versionOf(resource.apiVersion);
  return crdIn(index, k, version) ?? (index.outer && crdIn(index.outer, k, version));
}

/**
 * The CRD of an index that defines group/kind for objects of `version`: the first that serves
 * it, else the first. A repository that keeps several definitions of one CRD (an older release's
 * beside the current one, the variants a test installs in turn) applies each object with a
 * definition that serves its version; judging it by another one reported a version the cluster
 * it is meant for serves (velero's enable_api_group_versions test data).
 */
function crdIn(index: ResourceIndex, groupKind: string, version: string): CrdDefinition | undefined {
  if (!index.ofKind("CustomResourceDefinition").length) return undefined;
  const defs = index.memo.get(CRD_LOOKUP, () => crdLookup(index)).get(groupKind);
  if (!defs) return undefined;
  if (defs.length === 1) return defs[0];
  return defs.find((d) => d.versions.some((v) => v.served && v.name === version)) ?? defs[0];
}

/**
 * Whether a custom resource is cluster-scoped: its CRD in the input says scope: Cluster, or,
 * without a CRD, its API group is one whose kinds are all cluster-scoped (CLUSTER_SCOPED_GROUPS).
 * The API server clears the namespace such an object is written with (apiserver
 * pkg/registry/rest/create.go BeforeCreate), so it belongs to no namespace.
 */
export function isClusterScopedCustomResource(resource: Resource, index: ResourceIndex): boolean {
  const scope = crdOf(resource, index)?.scope;
  return scope === undefined ? CLUSTER_SCOPED_GROUPS.has(groupOf(resource.apiVersion)) : scope === "Cluster";
}

/**
 * The scope each CustomResourceDefinition among `objects` gives its kind, by `group/Kind` (a later
 * definition of a kind does not override the first). Read before the objects are made, so that a
 * cluster-scoped custom resource is in no namespace from the start (Resource.namespace).
 */
export function customResourceScopes(objects: Iterable<unknown>): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const object of objects) {
    if (!isMap(object) || object.kind !== "CustomResourceDefinition" || typeof object.apiVersion !== "string" || !object.apiVersion.startsWith("apiextensions.k8s.io/")) continue;
    const spec = object.spec;
    if (!isMap(spec) || typeof spec.group !== "string" || typeof spec.scope !== "string" || !isMap(spec.names) || typeof spec.names.kind !== "string") continue;
    const k = key(spec.group, spec.names.kind);
    if (!scopes.has(k)) scopes.set(k, spec.scope);
  }
  return scopes;
}

/**
 * Whether objects of `apiVersion` and `kind` are cluster-scoped: a built-in kind by the API's
 * list (CLUSTER_SCOPED_KINDS), a custom one by its CRD's scope in `scopes`
 * (customResourceScopes), else by the bundled projects' cluster-scoped kinds and the groups whose
 * kinds all are (CLUSTER_SCOPED_GROUPS).
 */
export function isClusterScopedKind(apiVersion: string, kind: string, scopes: ReadonlyMap<string, string>): boolean {
  if (isBuiltinApiVersion(apiVersion)) return CLUSTER_SCOPED_KINDS.has(kind);
  const group = groupOf(apiVersion);
  const scope = scopes.get(key(group, kind));
  return scope !== undefined ? scope === "Cluster" : CLUSTER_SCOPED_KINDS.has(kind) || CLUSTER_SCOPED_GROUPS.has(group);
}

/** The version of the resource's apiVersion ("v1" of "example.com/v1"). */
export function versionOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
}

/**
 * The CRD version whose schema validates this custom resource: a served version of an input
 * CRD that has a schema. Undefined for built-in kinds and for custom resources without one.
 */
export function customResourceSchema(resource: Resource, index: ResourceIndex): { definition: CrdDefinition; version: CrdVersion & { schema: JsonSchema } } | undefined {
  const definition = crdOf(resource, index);
  if (!definition) return undefined;
  const name = versionOf(resource.apiVersion);
  const version = definition.versions.find((v) => v.name === name && v.served);
  return version?.schema ? { definition, version: version as CrdVersion & { schema: JsonSchema } } : undefined;
}

/** A version's schema as written, to compare two definitions' schemas; computed once per version. */
const schemaTexts = new WeakMap<JsonSchema, string>();
function schemaText(schema: JsonSchema): string {
  let text = schemaTexts.get(schema);
  if (text === undefined) schemaTexts.set(schema, (text = JSON.stringify(schema)));
  return text;
}

/**
 * The other schemas the resource's version has among the input's definitions of its kind, when
 * they differ from the one customResourceSchema chose: a repository that keeps variants of one
 * CRD (argo-workflows' full and minimal CRDs, one release's beside another's) installs one of
 * them, and any may be the one the cluster has. Empty in the usual case of one definition, and
 * for a resource of a `--per-directory` input set that has no definition of its own.
 */
export function alternativeSchemas(resource: Resource, index: ResourceIndex, chosen: JsonSchema): ResourceSchema[] {
  const k = key(groupOf(resource.apiVersion), resource.kind);
  // With --per-directory, a set without a definition of its own takes the input's first (crdOf): the other sets' variants are theirs.
  if (!crdIn(index, k, versionOf(resource.apiVersion))) return [];
  const defs = index.memo.get(CRD_LOOKUP, () => crdLookup(index)).get(k);
  if (!defs || defs.length < 2) return [];
  const name = versionOf(resource.apiVersion);
  const out: ResourceSchema[] = [];
  const seen = new Set([schemaText(chosen)]);
  for (const definition of defs) {
    const version = definition.versions.find((v) => v.name === name && v.served);
    if (!version?.schema || seen.has(schemaText(version.schema))) continue;
    seen.add(schemaText(version.schema));
    out.push({ origin: { crd: definition, schemaPath: [...version.path, "schema", "openAPIV3Schema"] }, schema: version.schema, statusSubresource: version.statusSubresource });
  }
  return out;
}

/** Where the schema that validates a custom resource comes from: a CRD of the input (and where its openAPIV3Schema is in it), or a bundled release. */
export type SchemaOrigin = { crd: CrdDefinition; schemaPath: Path } | { bundled: BundledRelease };

export interface ResourceSchema {
  origin: SchemaOrigin;
  schema: JsonSchema;
  /** status is ignored on create (the status subresource is on). */
  statusSubresource: boolean;
}

/**
 * The schema that validates a custom resource: its CRD's, when a CRD of the input defines its
 * group and kind (even one without a schema for this version: the input's CRD wins), else the
 * bundled schema of its kind and version (models/bundled-crds), once the engine loaded them.
 */
export function resourceSchema(resource: Resource, index: ResourceIndex): ResourceSchema | undefined {
  if (!resource.apiVersion || !resource.kind || isBuiltinApiVersion(resource.apiVersion)) return undefined;
  const own = customResourceSchema(resource, index);
  if (own) return { origin: { crd: own.definition, schemaPath: [...own.version.path, "schema", "openAPIV3Schema"] }, schema: own.version.schema, statusSubresource: own.version.statusSubresource };
  if (crdOf(resource, index)) return undefined;
  const found = bundledSchema(groupOf(resource.apiVersion), resource.kind, versionOf(resource.apiVersion));
  // Every bundled kind has the status subresource: its controller writes status.
  return found && { origin: { bundled: found.release }, schema: found.schema, statusSubresource: true };
}

/** How a finding names the origin of a schema: the CRD, or the bundled release. */
export function originName(origin: SchemaOrigin): string {
  if ("crd" in origin) return `CustomResourceDefinition ${JSON.stringify(origin.crd.crd.name)}`;
  const r = origin.bundled;
  return r.upstream ? `${r.project} ${r.upstream}` : `${r.project} (${r.package}@${r.packageVersion})`;
}
