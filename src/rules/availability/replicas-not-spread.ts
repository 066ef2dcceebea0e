import { defineRule } from "../types.js";
import { describePods, minimumPods, REPLICATED_KINDS } from "./replicas.js";

export const rule = defineRule({
  id: "replicas-not-spread",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: REPLICATED_KINDS,
  summary: "A workload with several replicas sets neither pod anti-affinity nor topologySpreadConstraints.",
  explanation: `Replicas protect against the loss of a node only if they run on different nodes. Nothing
in the pod spec asks for that, so the scheduler may put several or all replicas on one node
(it favours nodes with the image and free room). The default scheduler's built-in spreading
(the PodTopologySpread plugin's system defaults: maxSkew 3 per node and 5 per zone, both
ScheduleAnyway) is a preference that tolerates three replicas on one node, and clusters may
turn it off. A node failure or drain then takes several replicas at once, and a zone outage
all of them. kube-score (deployment-has-host-podantiaffinity,
statefulset-has-host-podantiaffinity, pod-topology-spread-constraints), kube-linter
(no-anti-affinity) and Polaris (topologySpreadConstraint) report it. Workloads running at least
2 pods (spec.replicas or the HPA's minReplicas) are judged.`,
  fix: `Add topologySpreadConstraints with topologyKey kubernetes.io/hostname (and
topology.kubernetes.io/zone) and a labelSelector matching the pods, or a podAntiAffinity term
on kubernetes.io/hostname.`,
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const pods = minimumPods(resource, index, memo);
    if (!pods || pods.count < 2) return;
    const tpl = resource.podTemplate!;
    const spec = resource.get(tpl.specPath) as Record<string, unknown> | undefined;
    const affinity = spec?.affinity as Record<string, unknown> | undefined;
    const spread = spec?.topologySpreadConstraints;
    if (affinity?.podAntiAffinity || (Array.isArray(spread) && spread.length)) return;
    report({
      path: tpl.specPath,
      target: "key",
      message: `${resource.kind} "${resource.name}" runs ${describePods(pods)} but nothing keeps them off a single node`,
      hint: "add topologySpreadConstraints on kubernetes.io/hostname or a podAntiAffinity term",
    });
  },
});
