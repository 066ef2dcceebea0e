import { templateByRef } from "../argo-rollouts/rollouts.js";
import { defineRule } from "../types.js";
import { accountBoundElsewhere, bindingsOf, serviceAccountOf } from "./permissions.js";

export const rule = defineRule({
  id: "automount-serviceaccount-token",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: "workloads",
  summary: "Pods mount a ServiceAccount token although no RBAC of the input grants the account anything.",
  explanation: `Unless automountServiceAccountToken is false (on the pod, else on its ServiceAccount: the
pod's value wins, and the default is true; shouldAutomount in
plugin/pkg/admission/serviceaccount/admission.go), every container gets a token for the API
server at /var/run/secrets/kubernetes.io/serviceaccount. An application that never calls the
API does not need it, but an attacker who can read files in the pod (path traversal, SSRF to
file://) gets a credential to the cluster: enough to enumerate the API, and everything RBAC
grants to the account or to all ServiceAccounts later. The rule judges pods running as the
namespace's "default" account, or as an account the input defines, when no RoleBinding or
ClusterRoleBinding of the input names the account or a group it belongs to: such an account
has nothing to do with the API. A workload written without a namespace is applied where the user
says (\`kubectl apply -n tools\`): a binding that names its account in some namespace counts. Polaris (automountServiceAccountToken) and the CIS Kubernetes
Benchmark (5.1.6) report it.`,
  fix: "Set automountServiceAccountToken: false on the pod spec (or on the ServiceAccount); pods that call the API get a token through a bound account.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    // A Rollout with workloadRef runs the referenced workload's template, judged there.
    if (templateByRef(resource)) return;
    const tpl = resource.podTemplate!;
    const own = tpl.spec.automountServiceAccountToken;
    if (own === false) return;
    const account = serviceAccountOf(resource);
    const sa = index.find("ServiceAccount", resource.namespace, account.name, resource);
    if (own === undefined && sa?.get(["automountServiceAccountToken"]) === false) return;
    if (!sa && account.name !== "default") return;
    if (bindingsOf(resource.namespace, account.name, index, memo, resource).length) return;
    // Written without a namespace, the workload goes where it is applied (`kubectl apply -n tools`): a binding of its account there grants it.
    if (!resource.namespaceCertain && accountBoundElsewhere(resource.namespace, account.name, index, memo).length) return;
    report({
      path: own === true ? [...tpl.specPath, "automountServiceAccountToken"] : (account.path ?? tpl.specPath),
      ...(own !== true && !account.path ? { target: "key" as const } : {}),
      message: `pods mount a token of ServiceAccount "${account.name}", which no binding of the input grants anything`,
      hint: "set automountServiceAccountToken: false on the pod spec",
    });
  },
});
