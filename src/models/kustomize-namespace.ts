/**
 * What kustomize's namespace transformer sets on the objects of a kustomization with `namespace`
 * (a Flux Kustomization's spec.targetNamespace is the same transformer: it is written into the
 * kustomization at spec.path). It replaces the metadata.namespace written on every object that is
 * not cluster-scoped (api/filters/namespace namespace.go metaNamespaceHack sets it with SetEntry,
 * as api/internal/target kusttarget_configplugin.go builds the transformer without UnsetOnly);
 * an object that writes none is given the namespace by the engine (Resource's defaultNamespace).
 * The field specs of
 * sigs.k8s.io/kustomize api/internal/konfig/builtinpluginconsts namespace.go: a v1 Namespace's
 * metadata/name (created), an APIService's spec/service/namespace (created) and a
 * CustomResourceDefinition's conversion webhook service namespace (only replaced); and the special
 * case of api/filters/namespace namespace.go roleBindingHack in its default mode: the subjects
 * named "default" of a RoleBinding or ClusterRoleBinding get the namespace. Webhook
 * configurations are not in the field specs: their service namespace is set only by the
 * name-reference fix, from a Service of the build (kustomize-nameref.ts).
 */
import type { Path } from "../types.js";
import { groupOf } from "./api-groups.js";
import { CLUSTER_SCOPED_KINDS } from "./k8s.js";

/** The kustomization that sets the namespace of a file's objects, for messages. */
export interface NamespaceSource {
  namespace: string;
  /** Display path of the kustomization (or of the Flux Kustomization) file. */
  kustomization: string;
  /** The field that sets it: `namespace`, or a Flux Kustomization's `spec.targetNamespace`. */
  entry: string;
  /** The `namespace` field specs of the transformer configurations the kustomization accumulates (configuredNamespaceFields). */
  fields?: readonly NamespaceFieldSpec[];
}

/**
 * A `namespace` field spec of a kustomize transformer configuration (a `configurations:` file):
 * kubebuilder's webhook/kustomizeconfig.yaml adds webhooks/clientConfig/service/namespace of the
 * webhook configurations, which the namespace transformer then sets too. `path` is split at "/";
 * a list on the way is entered item by item (kustomize's field paths name no index).
 */
export interface NamespaceFieldSpec {
  kind?: string;
  group?: string;
  path: readonly string[];
  create: boolean;
}

/** The `namespace` field specs of a transformer configuration (kustomize api/types fieldspec.go FieldSpec). */
export function configuredNamespaceFields(configuration: unknown): NamespaceFieldSpec[] {
  if (!isMap(configuration) || !Array.isArray(configuration.namespace)) return [];
  return configuration.namespace.flatMap((f: unknown) => {
    if (!isMap(f) || typeof f.path !== "string" || !f.path) return [];
    const path = f.path.split("/").filter((p) => p !== "");
    if (!path.length) return [];
    return [{ ...(typeof f.kind === "string" ? { kind: f.kind } : {}), ...(typeof f.group === "string" ? { group: f.group } : {}), path, create: f.create === true }];
  });
}

/** The namespace the kustomize builds that emit a file's objects give them. */
export interface BuiltNamespace {
  /** The namespace every build gives them; undefined when builds disagree, as the objects then live in several namespaces. */
  agreed?: NamespaceSource;
  /**
   * The namespace of the fields the transformer replaces (a metadata.namespace written, a Namespace's name, binding subjects):
   * the agreed one, else the first build's when every build sets one, since the value written is
   * then never created; undefined when a build emits it as written.
   */
  renamed?: NamespaceSource;
  /** When builds disagree: every namespace they set, in build order (a build that sets none emits the objects in the namespace written). */
  several?: readonly string[];
}

/** An object as the namespace transformer builds it, and the paths it changed. */
export interface NamespacedObject {
  built: Record<string, unknown>;
  paths: Path[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `node` with the string at `key` of the map at `path` set to `value` (undefined when unchanged); `create` adds the key to the map, which must exist. */
function setAt(node: Record<string, unknown>, path: readonly (string | number)[], key: string, value: string, create: boolean): Record<string, unknown> | undefined {
  if (!path.length) return node[key] === value || (!create && !Object.hasOwn(node, key)) ? undefined : { ...node, [key]: value };
  const [head, ...rest] = path;
  const child = (node as Record<string | number, unknown>)[head];
  if (Array.isArray(child) && typeof rest[0] === "number") {
    const item = child[rest[0]];
    const next = isMap(item) ? setAt(item, rest.slice(1), key, value, create) : undefined;
    return next && { ...node, [head]: child.map((c, i) => (i === rest[0] ? next : c)) };
  }
  if (!isMap(child)) return undefined;
  const next = setAt(child, rest, key, value, create);
  return next && { ...node, [head]: next };
}

/** The fields the transformer sets on this object: the map holding each, the key, and whether it is created. */
function namespaceFields(raw: Record<string, unknown>): Array<{ map: (string | number)[]; key: string; create: boolean }> {
  const apiVersion = typeof raw.apiVersion === "string" ? raw.apiVersion : "";
  // A metadata.namespace written is replaced; one left unset is the engine's (see the file's comment).
  const written = typeof raw.kind === "string" && !CLUSTER_SCOPED_KINDS.has(raw.kind) ? [{ map: ["metadata"], key: "namespace", create: false }] : [];
  return [...written, ...otherNamespaceFields(raw, apiVersion)];
}

function otherNamespaceFields(raw: Record<string, unknown>, apiVersion: string): Array<{ map: (string | number)[]; key: string; create: boolean }> {
  switch (raw.kind) {
    case "Namespace":
      // Only the core Namespace: upstream skips metadata/name for other apiVersions (removeUnneededMetaFieldSpecs).
      return apiVersion === "v1" ? [{ map: ["metadata"], key: "name", create: true }] : [];
    case "APIService":
      return groupOf(apiVersion) === "apiregistration.k8s.io" ? [{ map: ["spec", "service"], key: "namespace", create: true }] : [];
    case "CustomResourceDefinition":
      return groupOf(apiVersion) === "apiextensions.k8s.io" ? [{ map: ["spec", "conversion", "webhook", "clientConfig", "service"], key: "namespace", create: false }] : [];
    case "RoleBinding":
    case "ClusterRoleBinding": {
      const subjects = Array.isArray(raw.subjects) ? raw.subjects : [];
      return subjects.flatMap((s, i) => (isMap(s) && s.name === "default" ? [{ map: ["subjects", i], key: "namespace", create: true }] : []));
    }
    default:
      return [];
  }
}

/**
 * The object with `namespace` set where the transformer sets it, metadata.namespace only when
 * written (the same object, and no paths, when it changes nothing). A created field needs its parent map: an
 * APIService without spec.service (served locally) is left as written, and so is an object
 * without metadata, which kustomize refuses to build.
 */
export function withNamespace(raw: Record<string, unknown>, namespace: string, configured: readonly NamespaceFieldSpec[] = []): NamespacedObject {
  let built = raw;
  const paths: Path[] = [];
  for (const { map, key, create } of [...namespaceFields(raw), ...configuredFields(raw, configured)]) {
    if (paths.some((p) => p.length === map.length + 1 && p[map.length] === key && map.every((seg, i) => p[i] === seg))) continue;
    const next = setAt(built, map, key, namespace, create);
    if (!next) continue;
    built = next;
    paths.push([...map, key]);
  }
  return { built, paths };
}

/**
 * The fields of the configured field specs that select this object (kind and group as written in
 * the spec; one that names neither selects every object), each list on the way entered item by item.
 */
function configuredFields(raw: Record<string, unknown>, configured: readonly NamespaceFieldSpec[]): Array<{ map: (string | number)[]; key: string; create: boolean }> {
  if (!configured.length) return [];
  const group = groupOf(typeof raw.apiVersion === "string" ? raw.apiVersion : "");
  const out: Array<{ map: (string | number)[]; key: string; create: boolean }> = [];
  for (const spec of configured) {
    if ((spec.kind !== undefined && spec.kind !== raw.kind) || (spec.group !== undefined && spec.group !== group)) continue;
    const key = spec.path[spec.path.length - 1];
    for (const map of mapsAt(raw, spec.path.slice(0, -1), [])) out.push({ map, key, create: spec.create });
  }
  return out;
}

/** The paths of the maps at `segments` below `node`: a list on the way stands for each of its items. */
function mapsAt(node: unknown, segments: readonly string[], at: (string | number)[]): Array<(string | number)[]> {
  if (Array.isArray(node)) return node.flatMap((item, i) => mapsAt(item, segments, [...at, i]));
  if (!isMap(node)) return [];
  if (!segments.length) return [at];
  const [head, ...rest] = segments;
  return Object.hasOwn(node, head) ? mapsAt(node[head], rest, [...at, head]) : [];
}
