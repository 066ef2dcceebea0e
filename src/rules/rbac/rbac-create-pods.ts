import { defineRule } from "../types.js";
import { grantingRules, roleScope } from "./role-rules.js";

export const rule = defineRule({
  id: "rbac-create-pods",
  category: "rbac",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Role", "ClusterRole"],
  summary: "A Role or ClusterRole lets its subjects create pods or workloads that create pods.",
  explanation: `Creating a pod is the classic privilege escalation of Kubernetes RBAC (documented in
"Privilege escalation via workload creation", kubernetes.io RBAC good practices): the new pod
may name any ServiceAccount of the namespace and mount any Secret or ConfigMap there, so its
creator gains the rights of the most privileged account in the namespace and reads every
Secret, even without get on secrets. The same holds for Deployments, ReplicaSets,
StatefulSets, DaemonSets, Jobs, CronJobs and ReplicationControllers, whose controllers create
the pods. Where Pod Security admission is not enforced, the pod may also be privileged or use
hostPath and take over the node. kube-linter reports it (access-to-create-pods). A rule of "*"
on everything is rbac-wildcard's.`,
  fix: "Remove create on pods and workload resources; controllers and CI that deploy should use a dedicated ServiceAccount confined to its own namespace.",
  preventsStatus: [],
  check(ctx) {
    for (const { at, resource } of grantingRules(ctx, "create-pods")) {
      ctx.report({
        path: at,
        message: `rule allows creating "${resource}", so its subjects can run pods as any ServiceAccount ${roleScope(ctx)}`,
        hint: "remove create on pods and workload resources",
      });
    }
  },
});
