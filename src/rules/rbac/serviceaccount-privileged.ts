import { defineRule } from "../types.js";
import { bindingsOf, CAPABILITIES, grantOf, mountsToken, serviceAccountOf, type Capability, type Grant } from "./permissions.js";

const joinAnd = (items: string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
const where = (namespace: string) => (namespace ? `in namespace "${namespace}"` : "in the cluster");

export const rule = defineRule({
  id: "serviceaccount-privileged",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: "workloads",
  summary: "A workload runs as a ServiceAccount that RBAC of the input lets read Secrets, exec into pods, run pods of its choosing or change running ones, escalate, or do anything.",
  explanation: `Every container of a pod can use its ServiceAccount's token (mounted at
/var/run/secrets/kubernetes.io/serviceaccount unless automountServiceAccountToken is false), so
whoever gets code execution in the pod (a dependency with an RCE, an SSRF that reads the token
file) gets everything the account may do. This rule works out what that is from the input: the
RoleBindings and ClusterRoleBindings naming the account, or a group it belongs to
(system:serviceaccounts, system:serviceaccounts:<namespace>, system:authenticated), the Roles
and ClusterRoles they grant, aggregated ClusterRoles included, and the bootstrap roles
cluster-admin, admin and edit. It reports the dangerous part, in the terms of the rbac-* rules:
reading Secrets, exec into pods, running pods of its choosing (creating pods or workloads,
rewriting a workload's pod template), changing the images of running pods (update or patch on
pods: the new image runs as the pod's ServiceAccount, but no pod is created and its
ServiceAccount stays), adding ephemeral containers to running pods (these three are
rbac-create-pods'; the last two are not named where the account may run pods of its choosing
in the same namespace), escalate/bind/impersonate, nodes/proxy, or everything. Matching follows the authorizer (pkg/apis/rbac/v1/evaluation_helpers.go,
pkg/registry/rbac/validation/rule.go appliesToUser). The role is reported by its own rule too;
this finding names the workload that carries the risk. A workload whose pods mount no token
(automountServiceAccountToken: false on the pod, or on its ServiceAccount) is not reported.`,
  fix: "Give the workload its own ServiceAccount bound to a Role with only what it calls; move jobs that need more (CI, operators) out of application namespaces.",
  preventsStatus: [],
  check({ resource, index, memo, settings, report }) {
    // Without a token in the pod, code in it cannot use the account's rights.
    if (!mountsToken(resource, index)) return;
    const account = serviceAccountOf(resource);
    const grants: Grant[] = [];
    for (const binding of bindingsOf(resource.namespace, account.name, index, memo, resource)) {
      const grant = grantOf(binding, index, memo, settings.kubernetesVersion);
      if (grant?.capabilities.size) grants.push(grant);
    }
    if (!grants.length) return;
    const scopes = new Map<Capability["id"], Set<string>>();
    for (const g of grants) for (const c of g.capabilities) (scopes.get(c) ?? scopes.set(c, new Set()).get(c)!).add(g.namespace);
    // Changing the images of running pods is not named where the account may run pods of its choosing anyway.
    for (const { id, within } of CAPABILITIES) {
      const wider = within && scopes.get(within);
      const own = scopes.get(id);
      if (!wider || !own) continue;
      for (const ns of own) if (wider.has(ns) || wider.has("")) own.delete(ns);
      if (!own.size) scopes.delete(id);
    }
    const ids = scopes.has("everything") ? (["everything"] as const) : CAPABILITIES.map((c) => c.id).filter((id) => scopes.has(id));
    const byScope = new Map<string, string[]>();
    for (const id of ids) {
      const ns = [...scopes.get(id)!];
      const scope = ns.includes("") ? where("") : ns.length === 1 ? where(ns[0]) : `in namespaces ${ns.map((n) => `"${n}"`).join(", ")}`;
      (byScope.get(scope) ?? byScope.set(scope, []).get(scope)!).push(CAPABILITIES.find((c) => c.id === id)!.does);
    }
    const parts = [...byScope].map(([scope, does]) => `${joinAnd(does)} ${scope}`);
    // The binding behind the message's first capability, in the widest scope the message names (a
    // ClusterRoleBinding when it says "in the cluster", not a RoleBinding listed before it).
    const leading = grants.filter((g) => g.capabilities.has(ids[0]));
    const first = leading.find((g) => g.namespace === "") ?? leading[0];
    const tpl = resource.podTemplate!;
    report({
      path: account.path ?? tpl.specPath,
      ...(account.path ? {} : { target: "key" as const }),
      message: `runs as ServiceAccount "${account.name}", which can ${parts.join(", and ")}`,
      hint: "give the workload its own ServiceAccount with only the permissions it uses",
      related: { resource: first.binding, path: ["roleRef", "name"], message: `grants ${first.roleKind} "${first.roleName}"` },
    });
  },
});
