/**
 * The namespaces kustomize's name-reference fix writes into references between the objects of
 * one build. Its field specs (sigs.k8s.io/kustomize api/internal/konfig/builtinpluginconsts
 * namereference.go) name, among others, the `subjects` of a RoleBinding and ClusterRoleBinding
 * (referring to a v1 ServiceAccount) and `webhooks/clientConfig/service` of a Mutating- and
 * ValidatingWebhookConfiguration (referring to a v1 Service): maps holding a name, which
 * api/filters/nameref nameref.go setMapping completes with the namespace of the object they name
 * when that object is part of the build and the build changed its id (selectReferral looks
 * objects up by their previous ids, which only the namespace, prefix, suffix, patch and hash
 * transformers keep). An APIService's `spec/service/name` is a scalar spec
 * (only the name is fixed); its namespace is the namespace transformer's (kustomize-namespace.ts).
 * The fix renames the reference along with the object it names (namePrefix, nameSuffix): objects
 * keep their written names here (a reference written with the built name still finds them:
 * Resource.builtNames), so a reference fixed within a build that renames either side is marked,
 * and the rules that match bindings to ServiceAccounts by name leave it out (ServiceAccounts of different apps all written `service-account`, each renamed by
 * its own base's namePrefix, are different objects once built).
 */
import type { Path } from "../types.js";
import { groupOf } from "./api-groups.js";
import type { NamespaceSource } from "./kustomize-namespace.js";

/** An object of a build that a reference can name, as the build emits it. */
export interface Referral {
  kind: "ServiceAccount" | "Service";
  name: string;
  /** metadata.namespace as written, for the references that name it with its namespace. */
  written?: string;
  /** Its namespace in the build: the one written, else the build's namespace transformer's; undefined when it has none. */
  current?: NamespaceSource;
  /** Whether a namePrefix or nameSuffix of the build renames it. */
  renamed: boolean;
  /**
   * Whether the build changed its id, keeping its previous one, which the fix looks it up by:
   * a namespace transformer or a namePrefix or nameSuffix ran on it (even leaving it as it was),
   * or a patch that keeps ids selected it (models/kustomization.ts idRecordingPatchTargets).
   */
  changed: boolean;
  /** The file that defines it (as displayed). */
  file: string;
}

/** The objects of one build that emits a file, and whether a namePrefix or nameSuffix of that build renames the file's objects. */
export interface ReferralBuild {
  referrals: readonly Referral[];
  renames: boolean;
}

/** The objects of each build that emits a file, one entry per build. */
export type ReferralBuilds = readonly ReferralBuild[];

/** A referrer field whose namespace the fix sets, and where the value comes from. */
export interface ReferencedNamespace {
  path: Path;
  source: NamespaceSource;
  /** Whether a build renames the referrer or the object it names: its written name is then not the built one. */
  renamed: boolean;
  /** The file of the object the first build resolved it to: a renamed reference reaches that object only. */
  referred: string;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The kinds whose objects refer to others by a map with name (and namespace), and where those maps are. */
function referenceMaps(raw: Record<string, unknown>): Array<{ path: (string | number)[]; map: Record<string, unknown>; target: Referral["kind"] }> {
  const apiVersion = typeof raw.apiVersion === "string" ? raw.apiVersion : "";
  switch (raw.kind) {
    case "RoleBinding":
    case "ClusterRoleBinding": {
      if (groupOf(apiVersion) !== "rbac.authorization.k8s.io" || !Array.isArray(raw.subjects)) return [];
      // The spec is the whole `subjects` list: every subject map is matched by name, whatever its kind says.
      return raw.subjects.flatMap((s, i) => (isMap(s) ? [{ path: ["subjects", i], map: s, target: "ServiceAccount" as const }] : []));
    }
    case "MutatingWebhookConfiguration":
    case "ValidatingWebhookConfiguration": {
      if (groupOf(apiVersion) !== "admissionregistration.k8s.io" || !Array.isArray(raw.webhooks)) return [];
      return raw.webhooks.flatMap((w, i) => {
        const service = isMap(w) && isMap(w.clientConfig) ? w.clientConfig.service : undefined;
        return isMap(service) ? [{ path: ["webhooks", i, "clientConfig", "service"], map: service, target: "Service" as const }] : [];
      });
    }
    default:
      return [];
  }
}

/** Whether kustomize's fix can change a reference of this object: the referrer kinds above. */
export function refersByNameMap(raw: Record<string, unknown>): boolean {
  return referenceMaps(raw).length > 0;
}

/**
 * The object of one build whose namespace the build writes into a reference map: the one object
 * of the build it names (by kind and name, and by namespace when the map has one: as written, then as built, the
 * effective "default" for none), when that object has a namespace. Only an object whose id the
 * build changed is a candidate (selectReferral keeps those with a previous id of the name
 * written: previousNameMatches): one the build leaves untouched lends its namespace to no
 * reference. Several objects of different namespaces make the build fail (selectReferral);
 * nothing is written then.
 */
function resolvedIn(build: ReferralBuild, target: Referral["kind"], map: Record<string, unknown>): Referral | undefined {
  if (typeof map.name !== "string") return undefined;
  const named = build.referrals.filter((r) => r.changed && r.kind === target && r.name === map.name);
  const namespace = map.namespace;
  let candidates = named;
  if (typeof namespace === "string") {
    const asWritten = named.filter((r) => (r.written ?? "default") === namespace);
    candidates = asWritten.length ? asWritten : named.filter((r) => (r.current?.namespace ?? "default") === namespace);
  }
  const namespaces = new Set(candidates.map((r) => r.current?.namespace));
  return namespaces.size === 1 && candidates[0].current ? candidates[0] : undefined;
}

/**
 * The object with the namespaces the fix writes into its reference maps, and the fields set.
 * Every build that emits it must write one (the first build's then stands, as for the namespace
 * transformer's other fields): a build that leaves the map as written emits it so.
 */
export function withReferencedNamespaces(raw: Record<string, unknown>, builds: ReferralBuilds): { built: Record<string, unknown>; set: ReferencedNamespace[] } {
  const set: ReferencedNamespace[] = [];
  if (!builds.length) return { built: raw, set };
  let built = raw;
  for (const { path, map, target } of referenceMaps(raw)) {
    const given = builds.map((b) => resolvedIn(b, target, map));
    const first = given[0]?.current;
    if (!first || given.some((g) => g === undefined) || map.namespace === first.namespace) continue;
    built = replaceAt(built, path, { ...map, namespace: first.namespace });
    const renamed = builds.some((b, i) => b.renames || given[i]!.renamed);
    set.push({ path: [...path, "namespace"], source: first, renamed, referred: given[0]!.file });
  }
  return { built, set };
}

/** `node` with the map at `path` replaced, copying only the maps and lists along the path. */
function replaceAt(node: Record<string, unknown>, path: readonly (string | number)[], value: Record<string, unknown>): Record<string, unknown> {
  const [head, ...rest] = path;
  const child = (node as Record<string | number, unknown>)[head];
  const next = rest.length ? (Array.isArray(child) ? replaceInList(child, rest, value) : replaceAt(child as Record<string, unknown>, rest, value)) : value;
  return { ...node, [head]: next };
}

function replaceInList(list: unknown[], path: readonly (string | number)[], value: Record<string, unknown>): unknown[] {
  const [at, ...rest] = path;
  return list.map((item, i) => (i === at ? (rest.length ? replaceAt(item as Record<string, unknown>, rest, value) : value) : item));
}
