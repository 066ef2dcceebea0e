import { defineRule } from "../types.js";
import { allowsAny, WORKLOAD_RESOURCES, type PolicyRule, type Request } from "./permissions.js";
import { allowingResources, matchedVerbs, roleScope, rulesAllowing } from "./role-rules.js";

const EPHEMERAL = "pods/ephemeralcontainers";
const TEMPLATE_VERBS = ["update", "patch"];

/** The workload requests narrowed to some verbs (a request left with none matches nothing). */
const narrowed = (verbs: readonly string[]): Request[] => WORKLOAD_RESOURCES.map((q) => ({ ...q, verbs: q.verbs.filter((v) => verbs.includes(v)) }));
const isPod = (q: Request) => q.group === "" && q.resources.includes("pods");

/**
 * What a granting entry of a rule lets its subjects do, the widest first: create, rewrite a
 * workload's pod template, change the images of a running pod, or add a container to one.
 */
const REACH = ["create", "template", "image", "ephemeral"] as const;

function reach(rule: PolicyRule, resource: string): (typeof REACH)[number] {
  const entry = { ...rule, resources: [resource] };
  if (allowsAny(entry, narrowed(["create"]))) return "create";
  const updates = narrowed(TEMPLATE_VERBS);
  if (allowsAny(entry, updates.filter((q) => !q.resources.includes(EPHEMERAL) && !isPod(q)))) return "template";
  if (allowsAny(entry, updates.filter(isPod))) return "image";
  return "ephemeral";
}

const quoted = (verbs: readonly string[]) => verbs.map((v) => `"${v}"`).join(", ");

export const rule = defineRule({
  id: "rbac-create-pods",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects create pods or workloads, rewrite a workload's pod template, or change the images of or add containers to running pods.",
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
immutable (only scheduling fields of a suspended Job change), so update and patch on jobs are
not reported. An update of a Pod keeps its ServiceAccount, volumes and security contexts, but
the image of each container may change (ValidatePodUpdate in
pkg/apis/core/validation/validation.go) and the kubelet restarts the container with the new
one: update or patch on pods runs code of the subject's choosing as the ServiceAccount of any
running pod of the namespace, and is reported; the status subresource (pods/status), which
controllers write conditions through, is not. update or patch on pods/ephemeralcontainers
(kubectl debug) adds a container of the subject's choosing, with its own security context and
the pod's volumes, to any running pod, and is reported too. A rule limited by resourceNames
reaches the named objects only and is not reported: it is how a deploy job is confined to the
workloads it rolls out. Controllers that manage workloads by design (Reloader, operators, Argo
CD) are reported: the finding says what their ServiceAccount is worth; once that is accepted,
silence it on the role with the k8s-lint.io/ignore annotation. kube-linter reports create (access-to-create-pods); trivy
(KSV048) also reports update and patch. A rule of "*" on everything is rbac-wildcard's.`,
  fix: "Remove create, update and patch on pods and workload resources, or limit the rule to the workloads it manages with resourceNames; a controller that only writes pod status or conditions needs update or patch on pods/status, not on pods; controllers and CI that deploy should use a dedicated ServiceAccount confined to its own namespace.",
  preventsStatus: [],
  check(ctx) {
    const scope = roleScope(ctx);
    for (const { rule } of rulesAllowing(ctx, WORKLOAD_RESOURCES)) {
      // One finding per rule, for its entry of the widest reach (["pods", "replicationcontrollers"]: the template).
      const entries = allowingResources(rule, WORKLOAD_RESOURCES).map((resource) => ({ resource, how: reach(rule, resource) }));
      const { resource, how } = entries.reduce((a, b) => (REACH.indexOf(b.how) < REACH.indexOf(a.how) ? b : a));
      const at = [...rule.path, "resources", rule.resources.indexOf(resource)];
      if (how === "create") {
        ctx.report({ path: at, message: `rule allows creating "${resource}", so its subjects can run pods as any ServiceAccount ${scope}`, hint: "remove create on pods and workload resources" });
      } else if (how === "template") {
        ctx.report({
          path: at,
          message: `rule allows ${quoted(matchedVerbs(rule, TEMPLATE_VERBS))} on "${resource}", so its subjects can rewrite the pod template of existing workloads and run pods as any ServiceAccount ${scope}`,
          hint: "remove update and patch on workload resources, or list the workloads the subject manages in resourceNames",
        });
      } else if (how === "image") {
        ctx.report({
          path: at,
          message: `rule allows ${quoted(matchedVerbs(rule, TEMPLATE_VERBS))} on "${resource}", so its subjects can change the image of a running pod's containers and run code of their choosing as that pod's ServiceAccount ${scope}`,
          hint: "remove update and patch on pods; grant them on pods/status instead where the subject only writes a pod's status or conditions",
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
