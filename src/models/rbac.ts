/**
 * What RBAC of the input lets ServiceAccounts do at run time. An agent allowed to create, patch
 * or update pods may create pods no manifest shows, or put labels on its own pod (longhorn-manager
 * adds longhorn.io/admission-webhook to its pod), so a selector matching no pod template may
 * still select pods. An application allowed to create Secrets or ConfigMaps may create the ones
 * it refers to (metallb's controller makes the "memberlist" Secret its speakers read), and one
 * allowed to create Endpoints or EndpointSlices may fill in a Service without a selector.
 *
 * Rules are matched as the authorizer does (kubernetes pkg/apis/rbac/v1/evaluation_helpers.go:
 * VerbMatches, APIGroupMatches, ResourceMatches, ResourceNameMatches, with "*" for all); a rule
 * limited by resourceNames names objects known in advance, which an agent's own pod is not, and
 * never allows `create` (the request carries no name to match).
 */
import type { Resource } from "./resource.js";

/** The lookups this needs (the run's ResourceIndex). */
interface Objects {
  ofKind(type: string, namespace?: string): readonly Resource[];
}

/** What an agent may write at run time: the API group of each resource, and the verbs that allow it. */
export const RUN_TIME_WRITES = {
  pods: { group: "", verbs: ["create", "patch", "update", "*"] },
  secrets: { group: "", verbs: ["create", "*"] },
  configmaps: { group: "", verbs: ["create", "*"] },
  // The endpoints of a Service without a selector, which an operator manages (rook's active-mons Service).
  endpoints: { group: "", verbs: ["create", "*"] },
  endpointslices: { group: "discovery.k8s.io", verbs: ["create", "*"] },
} as const;
export type RunTimeWritten = keyof typeof RUN_TIME_WRITES;

/** The ServiceAccount a pod owner's pods run as ("default" when its template names none). */
export function serviceAccountOf(owner: Resource): string {
  const spec = owner.podTemplate!.spec;
  return spec.serviceAccountName || spec.serviceAccount || "default";
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Whether a Role or ClusterRole has a rule that allows writing `resource` (of its group, RUN_TIME_WRITES). */
function writes(role: Resource, resource: RunTimeWritten): boolean {
  const rules = role.get(["rules"]);
  if (!Array.isArray(rules)) return false;
  const { group, verbs }: { group: string; verbs: readonly string[] } = RUN_TIME_WRITES[resource];
  return rules.some((rule) => {
    if (!rule || typeof rule !== "object") return false;
    const r = rule as Record<string, unknown>;
    if (strings(r.resourceNames).length) return false;
    const groups = strings(r.apiGroups);
    const resources = strings(r.resources);
    return (groups.includes(group) || groups.includes("*")) && (resources.includes(resource) || resources.includes("*")) && strings(r.verbs).some((v) => verbs.includes(v));
  });
}

/**
 * ServiceAccounts (`namespace/name`) that may write `resource` (RUN_TIME_WRITES) in their own
 * namespace: bound there by a RoleBinding, or everywhere by a ClusterRoleBinding, to a role that
 * allows it.
 */
export function writableBy(objects: Objects, resource: RunTimeWritten): Set<string> {
  const out = new Set<string>();
  const roles = new Set(objects.ofKind("Role").filter((r) => writes(r, resource)).map((r) => `Role/${r.namespace}/${r.name}`));
  const clusterRoles = new Set(objects.ofKind("ClusterRole").filter((r) => writes(r, resource)).map((r) => `ClusterRole//${r.name}`));
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
    for (const [i, s] of subjects.entries()) {
      if (!s || typeof s !== "object" || (s as Record<string, unknown>).kind !== "ServiceAccount") continue;
      // Renamed by its kustomize build: its written name may be another app's ServiceAccount.
      if (binding.renamedReferenceAt(["subjects", i])) continue;
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
