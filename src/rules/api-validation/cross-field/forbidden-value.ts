import { defineRule } from "../../types.js";
import { kindsOfRule, reportCrossFieldFindings } from "./constraints.js";

export const rule = defineRule({
  id: "forbidden-value",
  category: "api-validation",
  severity: "error",
  appliesTo: kindsOfRule("forbidden-value"),
  summary: "A field or value that the API server forbids where it is written (restartPolicy Never in a Deployment, probes on an init container...).",
  explanation: `Some fields and values are valid in one place and rejected in another ("Forbidden" or
"Unsupported value"). A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController
runs pods forever, so its pod template supports only restartPolicy Always and no
activeDeadlineSeconds (pkg/apis/apps/validation/validation.go); the workload object is refused,
or its controller never creates a pod. Until 1.33 a container's restartPolicy is only for init
containers, where only Always is supported (it makes a sidecar); from 1.34 the other uses are
container restart rules (ContainerRestartRules: dropped at 1.34, where feature-gated-field says so,
allowed from 1.35, where a container's restartPolicy is Always, Never or OnFailure and each rule's
action is Restart and its exitCodes operator In or NotIn, with at most 20 rules and 255 exit codes;
a sidecar takes no rules). An init container that is not a sidecar may
not have probes or lifecycle hooks; a pod template may not have ephemeral containers; a volume or
a projected source names one source; a pod with os.name windows may not set Linux-only security
settings (validateWindows), one with os.name linux no windowsOptions; hostUsers: false excludes
the host namespaces; a ClusterIP Service has no nodePort or load balancer fields; a lifecycle hook
runs one handler; a LimitRange's Pod limit has no defaults. Values younger than their field are
judged against the target release (--kubernetes-version), since the catalogue's value lists are
the newest release's: the access mode ReadWriteOncePod of a claim, a PersistentVolume or an
ephemeral volume's claim template before 1.27 (unknown before 1.22, then behind the
ReadWriteOncePod gate), a Service's trafficDistribution PreferSameZone or PreferSameNode before
1.34 (PreferSameTrafficDistribution), a Job's podFailurePolicy action FailIndex before 1.28, an
HPA's ContainerResource metric before 1.27 (HPAContainerMetrics), and a pod's
seLinuxChangePolicy MountOption while SELinuxMount is off by default. Each finding
names the upstream function that decides it. What invalid-value already judges field by field (a
readiness probe's terminationGracePeriodSeconds, a subject's apiGroup) is left to it.`,
  fix: "Remove the field or change the value as the hint says; where the field belongs elsewhere, the hint says where.",
  preventsStatus: ["Pending"],
  check({ resource, settings, memo, report }) {
    reportCrossFieldFindings(resource, "forbidden-value", memo, settings.kubernetesVersion, report);
  },
});
