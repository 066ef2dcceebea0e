/**
 * What RBAC of the input lets ServiceAccounts do to pods: an agent allowed to create, patch or
 * update pods may create pods no manifest shows, or put labels on its own pod at run time
 * (longhorn-manager adds longhorn.io/admission-webhook to its pod), so a selector matching no
 * pod template may still select pods.
 *
 * Rules are matched as the authorizer does (kubernetes pkg/apis/rbac/v1/evaluation_helpers.go:
 * VerbMatches, APIGroupMatches, ResourceMatches, with "*" for all); a rule limited by
 * resourceNames names pods known in advance, which an agent's own pod is not.
 */
import type { Resource } from "./resource.js";

/** The lookups this needs (the run's ResourceIndex). */
interface Objects {
  ofKind(type: string, namespace?: string): readonly Resource[];
}

const WRITE_VERBS = ["create", "patch", "update", "*"];

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Whether a Role or ClusterRole has a rule that allows writing pods. */
function writesPods(role: Resource): boolean {
  const rules = role.get(["rules"]);
  if (!Array.isArray(rules)) return false;
  return rules.some((rule) => {
    if (!rule || typeof rule !== "object") return false;
    const r = rule as Record<string, unknown>;
    if (strings(r.resourceNames).length) return false;
    const groups = strings(r.apiGroups);
    const resources = strings(r.resources);
    const verbs = strings(r.verbs);
    return (groups.includes("") || groups.includes("*")) && (resources.includes("pods") || resources.includes("*")) && verbs.some((v) => WRITE_VERBS.includes(v));
  });
}

/**
 * ServiceAccounts (`namespace/name`) that may write pods in their own namespace: bound there by
 * a RoleBinding, or everywhere by a ClusterRoleBinding, to a role that allows it.
 */
export function podsWritableBy(objects: Objects): Set<string> {
  const out = new Set<string>();
  const roles = new Set(objects.ofKind("Role").filter(writesPods).map((r) => `Role/${r.namespace}/${r.name}`));
  const clusterRoles = new Set(objects.ofKind("ClusterRole").filter(writesPods).map((r) => `ClusterRole//${r.name}`));
  if (!roles.size && !clusterRoles.size) return out;
  for (const binding of [...objects.ofKind("RoleBinding"), ...objects.ofKind("ClusterRoleBinding")]) {
    const cluster = binding.kind === "ClusterRoleBinding";
    const ref = binding.get(["roleRef"]) as Record<string, unknown> | undefined;
    const refKind = typeof ref?.kind === "string" ? ref.kind : "";
    const refName = typeof ref?.name === "string" ? ref.name : "";
    const granted = refKind === "ClusterRole" ? clusterRoles.has(`ClusterRole//${refName}`) : !cluster && roles.has(`Role/${binding.namespace}/${refName}`);
    if (!granted) continue;
    const subjects = binding.get(["subjects"]);
    if (!Array.isArray(subjects)) continue;
    for (const s of subjects) {
      if (!s || typeof s !== "object" || (s as Record<string, unknown>).kind !== "ServiceAccount") continue;
      const name = (s as Record<string, unknown>).name;
      const ns = (s as Record<string, unknown>).namespace;
      const namespace = typeof ns === "string" && ns ? ns : cluster ? "" : binding.namespace;
      // A RoleBinding grants in its own namespace only: the account's pods must run there.
      if (typeof name !== "string" || !namespace || (!cluster && namespace !== binding.namespace)) continue;
      out.add(`${namespace}/${name}`);
    }
  }
  return out;
}
