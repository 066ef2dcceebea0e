import { defineRule } from "../types.js";
import { allowsAny, WORKLOAD_RESOURCES, type PolicyRule, type Request } from "./permissions.js";
import { grantingRules, matchedVerbs, roleScope } from "./role-rules.js";

const EPHEMERAL = "pods/ephemeralcontainers";
const TEMPLATE_VERBS = ["update", "patch"];

/** The workload requests narrowed to some verbs (a request left with none matches nothing). */
const narrowed = (verbs: readonly string[]): Request[] => WORKLOAD_RESOURCES.map((q) => ({ ...q, verbs: q.verbs.filter((v) => verbs.includes(v)) }));

/** What a granting entry of a rule lets its subjects do, the widest first: create, rewrite a pod template, or add a container to a running pod. */
function reach(rule: PolicyRule, resource: string): "create" | "template" | "ephemeral" {
  const entry = { ...rule, resources: [resource] };
  if (allowsAny(entry, narrowed(["create"]))) return "create";
  if (allowsAny(entry, narrowed(TEMPLATE_VERBS).filter((q) => !q.resources.includes(EPHEMERAL)))) return "template";
  return "ephemeral";
}

const quoted = (verbs: readonly string[]) => verbs.map((v) => `"${v}"`).join(", ");

export const rule = defineRule({
  id: "rbac-create-pods",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects create pods or workloads, rewrite a workload's pod template, or add containers to running pods.",
  explanation: `Creating a pod is the classic privilege escalation of Kubernetes RBAC (documented in
"Workload creation", kubernetes.io RBAC good practices): the new pod may name any ServiceAccount
of the namespace and mount any Secret or ConfigMap there, so its creator gains the rights of the
most privileged account in the namespace and reads every Secret, even without get on secrets.
Where Pod Security admission is not enforced, the pod may also be privileged or use hostPath and
take over the node. The same holds for whoever creates a Deployment, ReplicaSet, StatefulSet,
DaemonSet, Job, CronJob, ReplicationController or Argo Rollout, whose controller creates the
pods, and for whoever may update or patch one: the pod template of these objects (a CronJob's
jobTemplate) may change after creation, and the controller rolls the new template out, so
update on one existing Deployment of a namespace is as good as create. A Job's template is
immutable (only scheduling fields of a suspended Job change) and an update of a Pod keeps its
ServiceAccount, volumes and security contexts, so update and patch on jobs and pods are not
reported. update or patch on pods/ephemeralcontainers (kubectl debug) adds a container of the
subject's choosing, with its own security context and the pod's volumes, to any running pod,
and is reported too. A rule limited by resourceNames reaches the named objects only and is not
reported: it is how a deploy job is confined to the workloads it rolls out. Controllers that
manage workloads by design (Reloader, operators, Argo CD) are reported: the finding says what
their ServiceAccount is worth; once that is accepted, silence it on the role with the
k8s-lint.io/ignore annotation. kube-linter reports create (access-to-create-pods); trivy
(KSV048) also reports update and patch. A rule of "*" on everything is rbac-wildcard's.`,
  fix: "Remove create, update and patch on pods and workload resources, or limit the rule to the workloads it manages with resourceNames; controllers and CI that deploy should use a dedicated ServiceAccount confined to its own namespace.",
  preventsStatus: [],
  check(ctx) {
    const scope = roleScope(ctx);
    for (const { rule, at, resource } of grantingRules(ctx, "create-pods")) {
      const how = reach(rule, resource);
      if (how === "create") {
        ctx.report({ path: at, message: `rule allows creating "${resource}", so its subjects can run pods as any ServiceAccount ${scope}`, hint: "remove create on pods and workload resources" });
      } else if (how === "template") {
        ctx.report({
          path: at,
          message: `rule allows ${quoted(matchedVerbs(rule, TEMPLATE_VERBS))} on "${resource}", so its subjects can rewrite the pod template of existing workloads and run pods as any ServiceAccount ${scope}`,
          hint: "remove update and patch on workload resources, or list the workloads the subject manages in resourceNames",
        });
      } else {
        ctx.report({
          path: at,
          message: `rule allows ${quoted(matchedVerbs(rule, TEMPLATE_VERBS))} on "${resource}", so its subjects can add a container of their choosing to any running pod ${scope}, with that pod's ServiceAccount`,
          hint: "remove pods/ephemeralcontainers from the rule; grant kubectl debug through a separate role bound only for debugging",
        });
      }
    }
  },
});
