/**
 * What a pod template refers to by name (ConfigMaps, Secrets), and the policy that decides when
 * a reference to an object absent from the input is worth reporting.
 */
import { closestWithin } from "../../did-you-mean.js";
import type { ResourceIndex } from "../../engine/resource-index.js";
import type { GeneratedObject } from "../../models/kustomization.js";
import { containersOf, type PodTemplate, type Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import type { CrossResourceContext } from "../types.js";

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

/** Every ConfigMap and Secret reference of a pod template, each with exact paths. */
export function podReferences(tpl: PodTemplate): ObjectReference[] {
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
 * `complete` (the default with `--context`) the input holds every object, so an absent one is
 * reported. Under `partial` it is only reported when the input manages objects of that kind in
 * that namespace (`manages`, by default: it has at least one), because then a missing one is most
 * likely a typo or a forgotten file, not an object created by other tooling.
 */
export function reportsAbsent(
  { index, settings }: Pick<CrossResourceContext, "index" | "settings">,
  kind: string,
  namespace: string,
  manages: (index: ResourceIndex, kind: string, namespace: string) => boolean = managesKind,
): boolean {
  return settings.references === "complete" || manages(index, kind, namespace);
}

/** Whether the input defines objects of that kind in the namespace (kustomization generators included; for Secrets, also a SealedSecret, ExternalSecret or Certificate). */
function managesKind(index: ResourceIndex, kind: string, namespace: string): boolean {
  if (index.ofKind(kind, namespace).length > 0 || index.generatedOfKind(kind, namespace).length > 0) return true;
  return kind === "Secret" && index.declaresSecretsIn(namespace);
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
