/**
 * What a pod template refers to by name (ConfigMaps, Secrets), and where such an object comes
 * from in the input: the one definition the reference rules and `k8s-lint graph` share.
 */
import type { ResourceIndex } from "./resource-index.js";
import type { GeneratedObject } from "./kustomization.js";
import { containersOf, type PodTemplate, type Resource } from "./resource.js";
import type { Path } from "../types.js";

export type ReferencedKind = "ConfigMap" | "Secret";

export interface KeyReference {
  key: string;
  /** Path of the key value. */
  path: Path;
}

export interface ObjectReference {
  kind: ReferencedKind;
  name: string;
  /** `optional: true`: the kubelet starts the pod without it. */
  optional: boolean;
  /** Path of the name value. */
  path: Path;
  /** Where the reference is made, for messages ("env", "envFrom", "volume", "projected volume", "imagePullSecrets"). */
  via: string;
  /** Keys the pod needs from the object (env keyRefs, volume items). */
  keys: KeyReference[];
}

/** Built on first use per template (the reference rules and the graph read them); keyed by the template object. */
const REFERENCES = new WeakMap<PodTemplate, ObjectReference[]>();

/** Every ConfigMap and Secret reference of a pod template, each with exact paths. Shared by every caller: read it, never change it. */
export function podReferences(tpl: PodTemplate): readonly ObjectReference[] {
  let cached = REFERENCES.get(tpl);
  if (!cached) REFERENCES.set(tpl, (cached = referencesOf(tpl)));
  return cached;
}

function referencesOf(tpl: PodTemplate): ObjectReference[] {
  const refs: ObjectReference[] = [];
  const add = (kind: ReferencedKind, name: unknown, optional: unknown, path: Path, via: string, keys: KeyReference[] = []) => {
    if (typeof name !== "string" || name === "") return;
    refs.push({ kind, name, optional: optional === true, path, via, keys });
  };
  for (const { container, path } of containersOf(tpl, { init: true, ephemeral: true })) {
    container.env?.forEach((env, i) => {
      const from = env.valueFrom;
      if (!from) return;
      for (const [field, kind] of [["configMapKeyRef", "ConfigMap"], ["secretKeyRef", "Secret"]] as const) {
        const ref = from[field];
        if (!ref) continue;
        const base = [...path, "env", i, "valueFrom", field];
        const keys = typeof ref.key === "string" ? [{ key: ref.key, path: [...base, "key"] }] : [];
        add(kind, ref.name, ref.optional, [...base, "name"], "env", keys);
      }
    });
    container.envFrom?.forEach((src, i) => {
      if (src.configMapRef) add("ConfigMap", src.configMapRef.name, src.configMapRef.optional, [...path, "envFrom", i, "configMapRef", "name"], "envFrom");
      if (src.secretRef) add("Secret", src.secretRef.name, src.secretRef.optional, [...path, "envFrom", i, "secretRef", "name"], "envFrom");
    });
  }
  const itemKeys = (items: Array<{ key?: string }> | undefined, base: Path): KeyReference[] =>
    (items ?? []).flatMap((it, j) => (typeof it.key === "string" ? [{ key: it.key, path: [...base, "items", j, "key"] }] : []));
  tpl.spec.volumes?.forEach((vol, i) => {
    const base = [...tpl.specPath, "volumes", i];
    if (vol.configMap) add("ConfigMap", vol.configMap.name, vol.configMap.optional, [...base, "configMap", "name"], "volume", itemKeys(vol.configMap.items, [...base, "configMap"]));
    if (vol.secret) add("Secret", vol.secret.secretName, vol.secret.optional, [...base, "secret", "secretName"], "volume", itemKeys(vol.secret.items, [...base, "secret"]));
    vol.projected?.sources?.forEach((src, j) => {
      const sb = [...base, "projected", "sources", j];
      if (src.configMap) add("ConfigMap", src.configMap.name, src.configMap.optional, [...sb, "configMap", "name"], "projected volume", itemKeys(src.configMap.items, [...sb, "configMap"]));
      if (src.secret) add("Secret", src.secret.name, src.secret.optional, [...sb, "secret", "name"], "projected volume", itemKeys(src.secret.items, [...sb, "secret"]));
    });
  });
  tpl.spec.imagePullSecrets?.forEach((s, i) => add("Secret", s.name, false, [...tpl.specPath, "imagePullSecrets", i, "name"], "imagePullSecrets"));
  return refs;
}

/**
 * The object of that kind and name in the input, or what produces it: a kustomization's
 * configMapGenerator or secretGenerator, or a custom resource an operator makes it from (a
 * SealedSecret, an ExternalSecret, a cert-manager Certificate, a CloudNativePG Cluster...: the
 * one table of producers is models/operators.ts, looked up through the index).
 */
export function findReferenced(index: ResourceIndex, kind: ReferencedKind | "Service", namespace: string, name: string): Resource | GeneratedObject | undefined {
  return index.find(kind, namespace, name) ?? index.generatedObject(kind, namespace, name) ?? index.producerOf(kind, namespace, name);
}

/**
 * The first namespace `referrer` is applied in (Resource.appliedNamespaces) where the object a
 * reference that follows its namespace names is not found (findReferenced): a base Deployment
 * that staging and prod overlays move to their namespaces reads, in each build, the ConfigMap of
 * that build's namespace. Undefined when it is found in each.
 */
export function namespaceMissing(index: ResourceIndex, kind: ReferencedKind | "Service", referrer: Resource, name: string): string | undefined {
  return referrer.appliedNamespaces.find((namespace) => !findReferenced(index, kind, namespace, name));
}
