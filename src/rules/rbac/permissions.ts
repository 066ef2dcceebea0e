/**
 * RBAC as the API server's authorizer reads it, for the rules of this folder.
 *
 * - A PolicyRule allows a request when one of its verbs, API groups and resources matches
 *   (kubernetes pkg/apis/rbac/v1/evaluation_helpers.go: VerbMatches, APIGroupMatches,
 *   ResourceMatches; "*" matches everything, a "*" resource with a subresource matches that subresource
 *   of any resource, and "pods" does not match "pods/exec"), and, when it lists resourceNames, the
 *   object's name is one of them (ResourceNameMatches): such a rule reaches named objects only,
 *   so it grants none of the broad capabilities below.
 * - A binding applies to a ServiceAccount named in its subjects (a subject without namespace
 *   means the binding's own namespace) and to the groups every ServiceAccount belongs to:
 *   system:serviceaccounts, system:serviceaccounts:<namespace> and system:authenticated
 *   (pkg/registry/rbac/validation/rule.go appliesToUser; serviceaccount.MakeGroupNames). A
 *   RoleBinding grants in its namespace only, a ClusterRoleBinding in every namespace.
 * - A ClusterRole with an aggregationRule holds the rules of every ClusterRole whose labels one
 *   of its clusterRoleSelectors matches (pkg/controller/clusterroleaggregation): resolved here
 *   over the ClusterRoles of the input, through an index by label, transitively.
 * - cluster-admin, admin and edit are bootstrap ClusterRoles every cluster has
 *   (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go): a binding to one that the
 *   input does not define grants what upstream gives them.
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import { matches, parseLabelSelector } from "../../models/selector.js";
import type { Path } from "../../types.js";
import { compareVersions } from "../../models/catalogue/releases.js";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  /** Where the rule is, relative to its role. */
  path: Path;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Whether a resource is an RBAC object of the rbac.authorization.k8s.io group (not a custom kind that shares the name). */
export const isRbac = (r: Resource) => r.group === RBAC_GROUP;

/** The rules a Role or ClusterRole writes. */
export function policyRules(role: Resource): PolicyRule[] {
  const rules = role.get(["rules"]);
  if (!Array.isArray(rules)) return [];
  const out: PolicyRule[] = [];
  rules.forEach((r, i) => {
    if (!r || typeof r !== "object" || Array.isArray(r)) return;
    const o = r as Record<string, unknown>;
    out.push({ verbs: strings(o.verbs), apiGroups: strings(o.apiGroups), resources: strings(o.resources), resourceNames: strings(o.resourceNames), path: ["rules", i] });
  });
  return out;
}

/** VerbMatches. */
const verbMatches = (rule: PolicyRule, verb: string) => rule.verbs.some((v) => v === "*" || v === verb);
/** APIGroupMatches. */
const groupMatches = (rule: PolicyRule, group: string) => rule.apiGroups.some((g) => g === "*" || g === group);
/** ResourceMatches: "pods/exec" is requested as combined resource "pods/exec" with subresource "exec". */
function resourceMatches(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf("/");
  const sub = slash < 0 ? "" : resource.slice(slash + 1);
  return rule.resources.some((r) => r === "*" || r === resource || (sub !== "" && r === `*/${sub}`));
}

/** One kind of request: any of the verbs on any of the resources of a group. */
export interface Request {
  verbs: readonly string[];
  group: string;
  resources: readonly string[];
}

/** Whether the rule allows some request of the list, for any object name (a rule limited by resourceNames does not). */
export function allowsAny(rule: PolicyRule, requests: readonly Request[]): boolean {
  if (rule.resourceNames.length) return false;
  return requests.some((q) => groupMatches(rule, q.group) && q.verbs.some((v) => verbMatches(rule, v)) && q.resources.some((r) => resourceMatches(rule, r)));
}

/** A rule of "*" verbs on "*" resources of "*" groups: everything, as cluster-admin. */
export const isFullWildcard = (rule: PolicyRule) => rule.verbs.includes("*") && rule.apiGroups.includes("*") && rule.resources.includes("*") && !rule.resourceNames.length;

/** The permissions that let a subject take over more than its own job; each has a rule of this folder. */
export interface Capability {
  id: "everything" | "read-secrets" | "exec" | "create-pods" | "pod-images" | "ephemeral-containers" | "escalate" | "nodes-proxy";
  /** Completes "which can ...". */
  does: string;
  requests: readonly Request[];
  /** A capability this one is part of: where both hold, only that one is worth naming. */
  within?: Capability["id"];
}

/**
 * The requests that run pods of the subject's choosing (the resources of models/workloads.ts
 * WORKLOAD_KINDS): creating a Pod or a workload, and changing the pod template of an existing
 * one, which an update accepts for Deployments, ReplicaSets, StatefulSets, DaemonSets,
 * ReplicationControllers, CronJobs (spec.jobTemplate) and Argo Rollouts. Not a Job's (kubernetes
 * pkg/apis/batch/validation/validation.go validatePodTemplateUpdate: immutable but for scheduling
 * directives of a suspended Job).
 */
const RUN_PODS: readonly Request[] = [
  { verbs: ["create"], group: "", resources: ["pods"] },
  { verbs: ["create", "update", "patch"], group: "", resources: ["replicationcontrollers"] },
  { verbs: ["create", "update", "patch"], group: "apps", resources: ["deployments", "replicasets", "statefulsets", "daemonsets"] },
  { verbs: ["create"], group: "batch", resources: ["jobs"] },
  { verbs: ["create", "update", "patch"], group: "batch", resources: ["cronjobs"] },
  { verbs: ["create", "update", "patch"], group: "argoproj.io", resources: ["rollouts"] },
];

/**
 * An update of a Pod keeps its ServiceAccount, volumes and security contexts but may change the
 * image of each container and init container (pkg/apis/core/validation/validation.go
 * ValidatePodUpdate), which the kubelet then restarts: the new image runs as the pod's
 * ServiceAccount. It creates no pod. Its status subresource (pods/status) writes status only.
 */
const POD_IMAGES: readonly Request[] = [{ verbs: ["update", "patch"], group: "", resources: ["pods"] }];

/**
 * The ephemeralcontainers subresource of a pod adds a new container, with its own image, security
 * context and mounts of the pod's volumes, to a running pod (core/v1 PodSpec.EphemeralContainers).
 */
const EPHEMERAL_CONTAINERS: readonly Request[] = [{ verbs: ["update", "patch"], group: "", resources: ["pods/ephemeralcontainers"] }];

/** Every request that runs code of the subject's choosing in a pod: rbac-create-pods' scope. */
export const WORKLOAD_RESOURCES: readonly Request[] = [...RUN_PODS, ...POD_IMAGES, ...EPHEMERAL_CONTAINERS];

export const CAPABILITIES: readonly Capability[] = [
  { id: "everything", does: "do anything", requests: [] },
  { id: "read-secrets", does: "read every Secret", requests: [{ verbs: ["get", "list", "watch"], group: "", resources: ["secrets"] }] },
  { id: "exec", does: "exec into or attach to pods", requests: [{ verbs: ["create", "get"], group: "", resources: ["pods/exec", "pods/attach"] }] },
  { id: "create-pods", does: "run pods of its choosing", requests: RUN_PODS },
  { id: "pod-images", does: "change the images of running pods' containers (and so run code of its choosing as those pods' ServiceAccounts)", requests: POD_IMAGES, within: "create-pods" },
  { id: "ephemeral-containers", does: "add containers of its choosing to running pods", requests: EPHEMERAL_CONTAINERS, within: "create-pods" },
  {
    id: "escalate",
    does: "escalate, bind or impersonate",
    requests: [
      { verbs: ["escalate", "bind"], group: RBAC_GROUP, resources: ["roles", "clusterroles"] },
      { verbs: ["impersonate"], group: "", resources: ["users", "groups", "serviceaccounts"] },
    ],
  },
  { id: "nodes-proxy", does: "use nodes/proxy", requests: [{ verbs: ["get", "create"], group: "", resources: ["nodes/proxy"] }] },
];

/**
 * From this release a WebSocket exec or attach (a GET, authorized as `get`) also needs `create`
 * on the subresource, as SPDY (a POST) always did: AuthorizePodWebsocketUpgradeCreatePermission,
 * beta and on by default in 1.35 (kubernetes PR 134577, KEP-4006). `get` alone no longer execs.
 */
export const EXEC_NEEDS_CREATE_SINCE = "1.35";
const EXEC_FROM_1_35: readonly Request[] = [{ verbs: ["create"], group: "", resources: ["pods/exec", "pods/attach"] }];

/**
 * kubectl port-forward: a request on pods/portforward, which takes the methods of exec (kubernetes
 * pkg/registry/core/pod/rest/subresources.go PortForwardREST.ConnectMethods: GET for a WebSocket,
 * POST for SPDY), so `get` or `create`, and from EXEC_NEEDS_CREATE_SINCE `create` only (the
 * AuthorizePodWebsocketUpgradeCreatePermission gate covers pods/exec, pods/attach and
 * pods/portforward, pkg/features/kube_features.go). Not a capability of serviceaccount-privileged:
 * docs/DECISIONS.md "Port-forward in rbac-pod-exec".
 */
export function portForwardRequests(kubernetesVersion: string): readonly Request[] {
  const verbs = compareVersions(kubernetesVersion, EXEC_NEEDS_CREATE_SINCE) >= 0 ? ["create"] : ["create", "get"];
  return [{ verbs, group: "", resources: ["pods/portforward"] }];
}

/** The requests that give a capability at the target release. */
export function capabilityRequests(id: Capability["id"], kubernetesVersion: string): readonly Request[] {
  if (id === "exec" && compareVersions(kubernetesVersion, EXEC_NEEDS_CREATE_SINCE) >= 0) return EXEC_FROM_1_35;
  return CAPABILITIES.find((c) => c.id === id)!.requests;
}

/** What a bootstrap ClusterRole grants when the input does not define it. */
const BOOTSTRAP: ReadonlyMap<string, ReadonlySet<Capability["id"]>> = new Map([
  ["cluster-admin", new Set(CAPABILITIES.map((c) => c.id))],
  // admin and edit read Secrets, exec into pods and create workloads in their namespace; view does none of it.
  ["admin", new Set<Capability["id"]>(["read-secrets", "exec", "create-pods"])],
  ["edit", new Set<Capability["id"]>(["read-secrets", "exec", "create-pods"])],
]);

/**
 * The cluster-scoped resources the capabilities' requests name: a Role, or a ClusterRole bound by
 * a RoleBinding, grants only within its namespace, and so never these (the RBAC authorizer
 * matches a RoleBinding's rules only for requests in its namespace; a node, a ClusterRole, a user
 * or group to impersonate is in none).
 */
const CLUSTER_SCOPED_RESOURCES: ReadonlySet<string> = new Set(["nodes/proxy", "clusterroles", "users", "groups"]);

/** The requests as a grant within one namespace can allow them: without their cluster-scoped resources. */
export function withinNamespace(requests: readonly Request[]): Request[] {
  return requests.flatMap((q) => {
    const resources = q.resources.filter((r) => !CLUSTER_SCOPED_RESOURCES.has(r));
    return resources.length ? [resources.length === q.resources.length ? q : { ...q, resources }] : [];
  });
}

/** What a bootstrap ClusterRole grants through a binding (BOOTSTRAP); cluster-admin bound in one namespace reaches no node. */
function bootstrapGrant(name: string, namespaced: boolean): ReadonlySet<Capability["id"]> | undefined {
  const grant = BOOTSTRAP.get(name);
  if (!grant || !namespaced) return grant;
  return new Set([...grant].filter((id) => id === "everything" || withinNamespace(CAPABILITIES.find((c) => c.id === id)!.requests).length));
}

/**
 * The capabilities a list of rules grants at the target release; `namespaced`: granted within one
 * namespace (a Role, or a RoleBinding of a ClusterRole), where cluster-scoped resources are out of reach.
 */
export function capabilitiesOf(rules: readonly PolicyRule[], kubernetesVersion: string, namespaced = false): Set<Capability["id"]> {
  const out = new Set<Capability["id"]>();
  for (const rule of rules) {
    for (const c of CAPABILITIES) {
      if (c.id === "everything") {
        if (isFullWildcard(rule)) out.add(c.id);
        continue;
      }
      const all = capabilityRequests(c.id, kubernetesVersion);
      const requests = namespaced ? withinNamespace(all) : all;
      if (requests.length && (isFullWildcard(rule) || allowsAny(rule, requests))) out.add(c.id);
    }
  }
  return out;
}

/**
 * Subject keys: `ServiceAccount/<ns>/<name>`, `Group/<name>`, `User/<name>`. A ServiceAccount
 * subject that kustomize's name-reference fix completed in a build that renames objects has none
 * (Resource.renamedReferenceAt).
 */
export function subjectKeys(binding: Resource): Array<{ key: string; index: number }> {
  const subjects = binding.get(["subjects"]);
  if (!Array.isArray(subjects)) return [];
  const out: Array<{ key: string; index: number }> = [];
  subjects.forEach((s, index) => {
    if (!s || typeof s !== "object") return;
    const { kind, name, namespace } = s as Record<string, unknown>;
    if (typeof kind !== "string" || typeof name !== "string") return;
    if (kind === "ServiceAccount") {
      const ns = typeof namespace === "string" && namespace ? namespace : binding.namespace;
      // Renamed by its kustomize build: it reaches the ServiceAccount its build resolved (by file), not another app's of the same written name.
      const renamed = binding.renamedReferenceAt(["subjects", index]);
      if (ns) out.push({ key: renamed ? renamedAccountKey(ns, name, renamed) : `ServiceAccount/${ns}/${name}`, index });
    } else if (kind === "Group" || kind === "User") out.push({ key: `${kind}/${name}`, index });
  });
  return out;
}

export function roleRef(binding: Resource): { kind: string; name: string } | undefined {
  const ref = binding.get(["roleRef"]) as Record<string, unknown> | undefined;
  if (!ref || typeof ref.kind !== "string" || typeof ref.name !== "string") return undefined;
  return { kind: ref.kind, name: ref.name };
}

/** What a binding grants: the role it names (absent from the input for a bootstrap role) and its capabilities. */
export interface Grant {
  binding: Resource;
  role?: Resource;
  roleKind: string;
  roleName: string;
  /** "" for a ClusterRoleBinding: every namespace. */
  namespace: string;
  capabilities: ReadonlySet<Capability["id"]>;
}

interface RbacIndex {
  bySubject: Map<string, Resource[]>;
  /** name -> the namespaces in which a binding names a ServiceAccount of that name. */
  accountNamespaces: Map<string, Set<string>>;
  clusterRolesByLabel: Map<string, Resource[]>;
  grants: Map<Resource, Grant | null>;
  aggregated: Map<Resource, PolicyRule[]>;
}

const RBAC_INDEX = memoKey<RbacIndex>("RBAC bindings by subject, ClusterRoles by label");

function rbacIndex(index: ResourceIndex, memo: Memo): RbacIndex {
  return memo(RBAC_INDEX, () => {
    const bySubject = new Map<string, Resource[]>();
    for (const binding of [...index.ofKind("RoleBinding"), ...index.ofKind("ClusterRoleBinding")]) {
      if (!isRbac(binding)) continue;
      for (const { key } of subjectKeys(binding)) {
        const list = bySubject.get(key) ?? [];
        if (list[list.length - 1] !== binding) list.push(binding);
        bySubject.set(key, list);
      }
    }
    const accountNamespaces = new Map<string, Set<string>>();
    for (const key of bySubject.keys()) {
      if (!key.startsWith("ServiceAccount/") || key.includes("\u0000")) continue;
      const [, namespace, name] = key.split("/");
      (accountNamespaces.get(name) ?? accountNamespaces.set(name, new Set()).get(name)!).add(namespace);
    }
    const clusterRolesByLabel = new Map<string, Resource[]>();
    for (const role of index.ofKind("ClusterRole")) {
      if (!isRbac(role)) continue;
      for (const [k, v] of Object.entries(role.labels)) {
        const list = clusterRolesByLabel.get(`${k}=${v}`) ?? [];
        list.push(role);
        clusterRolesByLabel.set(`${k}=${v}`, list);
      }
    }
    return { bySubject, accountNamespaces, clusterRolesByLabel, grants: new Map(), aggregated: new Map() };
  });
}

/**
 * The rules of a ClusterRole: its own, and for an aggregated one those of the ClusterRoles its
 * selectors match, candidates taken from the label index (an empty selector matches all).
 */
export function effectiveRules(role: Resource, index: ResourceIndex, memo: Memo): PolicyRule[] {
  const rbac = rbacIndex(index, memo);
  const cached = rbac.aggregated.get(role);
  if (cached) return cached;
  const out: PolicyRule[] = [];
  const seen = new Set<Resource>();
  const visit = (r: Resource) => {
    if (seen.has(r)) return;
    seen.add(r);
    out.push(...policyRules(r));
    const selectors = r.kind === "ClusterRole" ? r.get(["aggregationRule", "clusterRoleSelectors"]) : undefined;
    if (!Array.isArray(selectors)) return;
    for (const raw of selectors) {
      const selector = parseLabelSelector(raw);
      if (selector.kind === "none") continue;
      let candidates: readonly Resource[] | undefined;
      for (const req of selector.requirements) {
        if (req.operator !== "In" || req.values.length !== 1) continue;
        const bucket = rbac.clusterRolesByLabel.get(`${req.key}=${req.values[0]}`) ?? [];
        if (!candidates || bucket.length < candidates.length) candidates = bucket;
      }
      for (const c of candidates ?? index.ofKind("ClusterRole")) if (c !== r && isRbac(c) && matches(selector, c.labels)) visit(c);
    }
  };
  visit(role);
  rbac.aggregated.set(role, out);
  return out;
}

/** What a binding grants at the target release, resolved once per run. */
export function grantOf(binding: Resource, index: ResourceIndex, memo: Memo, kubernetesVersion: string): Grant | undefined {
  const rbac = rbacIndex(index, memo);
  if (rbac.grants.has(binding)) return rbac.grants.get(binding) ?? undefined;
  const ref = roleRef(binding);
  let grant: Grant | null = null;
  if (ref && (ref.kind === "Role" || ref.kind === "ClusterRole") && !(binding.kind === "ClusterRoleBinding" && ref.kind === "Role")) {
    const role = ref.kind === "Role" ? index.find("Role", binding.namespace, ref.name, binding) : index.find("ClusterRole", "", ref.name, binding);
    const namespaced = binding.kind !== "ClusterRoleBinding";
    const capabilities = role ? capabilitiesOf(effectiveRules(role, index, memo), kubernetesVersion, namespaced) : ref.kind === "ClusterRole" ? bootstrapGrant(ref.name, namespaced) : undefined;
    if (capabilities) grant = { binding, ...(role ? { role } : {}), roleKind: ref.kind, roleName: ref.name, namespace: binding.kind === "ClusterRoleBinding" ? "" : binding.namespace, capabilities };
  }
  rbac.grants.set(binding, grant);
  return grant ?? undefined;
}

/** The subject keys a ServiceAccount acts as: itself and the groups of every ServiceAccount. */
export function serviceAccountKeys(namespace: string, name: string): string[] {
  return [`ServiceAccount/${namespace}/${name}`, "Group/system:serviceaccounts", `Group/system:serviceaccounts:${namespace}`, "Group/system:authenticated"];
}

/** The key of a subject kustomize renames with the ServiceAccount of `file` it resolved to in its build. */
const renamedAccountKey = (namespace: string, name: string, file: string): string => `ServiceAccount/${namespace}/${name}\u0000${file}`;

/**
 * The bindings of the input that apply to a ServiceAccount, through the index by subject. A
 * RoleBinding of another namespace than the account's grants there, not where its pods run,
 * but it is still a grant (the token works against that namespace).
 */
export function bindingsOf(namespace: string, name: string, index: ResourceIndex, memo: Memo, workload?: Resource): Resource[] {
  const rbac = rbacIndex(index, memo);
  const out = new Set<Resource>();
  const keys = serviceAccountKeys(namespace, name);
  // The account the workload's pods run as, as the input defines it: subjects kustomize renamed along with it reach it.
  const account = workload && index.find("ServiceAccount", namespace, name, workload);
  if (account) keys.push(renamedAccountKey(namespace, name, account.file));
  // A subject written with the name a build gives the account (namePrefix: p- makes "manager" "p-manager") names it too,
  // and so does one written with the account's own name when the pod names it as built (gatekeeper's serviceAccountName: gatekeeper-admin).
  if (account) for (const built of account.builtNames) if (built !== name) keys.push(`ServiceAccount/${namespace}/${built}`);
  if (account && account.name !== name) keys.push(`ServiceAccount/${namespace}/${account.name}`, renamedAccountKey(namespace, account.name, account.file));
  for (const key of keys) for (const b of rbac.bySubject.get(key) ?? []) out.add(b);
  return [...out];
}

/** The namespaces other than `namespace` in which a binding of the input names a ServiceAccount called `name`. */
export function accountBoundElsewhere(namespace: string, name: string, index: ResourceIndex, memo: Memo): string[] {
  return [...(rbacIndex(index, memo).accountNamespaces.get(name) ?? [])].filter((n) => n !== namespace);
}

/** The ServiceAccount a pod template runs as (serviceAccountName, its deprecated alias, else "default"). */
/**
 * Whether the pods of a workload get their ServiceAccount's token: automountServiceAccountToken
 * of the pod spec, else of the ServiceAccount (of the input, nearest the workload), else true
 * (plugin/pkg/admission/serviceaccount admission.go shouldAutomount).
 */
export function mountsToken(resource: Resource, index: ResourceIndex): boolean {
  const own = resource.podTemplate!.spec.automountServiceAccountToken;
  if (own !== undefined) return own !== false;
  const sa = index.find("ServiceAccount", resource.namespace, serviceAccountOf(resource).name, resource);
  return sa?.get(["automountServiceAccountToken"]) !== false;
}

export function serviceAccountOf(resource: Resource): { name: string; path?: Path } {
  const tpl = resource.podTemplate!;
  const spec = tpl.spec;
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName) return { name: spec.serviceAccountName, path: [...tpl.specPath, "serviceAccountName"] };
  if (typeof spec.serviceAccount === "string" && spec.serviceAccount) return { name: spec.serviceAccount, path: [...tpl.specPath, "serviceAccount"] };
  return { name: "default" };
}
