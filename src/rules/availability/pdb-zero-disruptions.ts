import type { Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { links, minimumPods } from "./replicas.js";

/** A percentage as written ("50%"), or undefined. */
function percent(v: unknown): number | undefined {
  const m = typeof v === "string" ? /^(\d+)%$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * The fewest pods at which minAvailable leaves one to evict (all healthy): an integer m at m + 1; a
 * percentage p at the first n with ceil(p * n / 100) < n, that is n * (100 - p) >= 100 (the
 * disruption controller rounds a percentage up: getExpectedScale, GetScaledValueFromIntOrPercent).
 */
function podsToEvict(minAvailable: unknown): number | undefined {
  if (typeof minAvailable === "number") return Number.isInteger(minAvailable) ? minAvailable + 1 : undefined;
  const pct = percent(minAvailable);
  return pct === undefined || pct >= 100 ? undefined : Math.ceil(100 / (100 - pct));
}

const podCount = (n: number) => `${n} pod${n === 1 ? "" : "s"}`;

export const rule = defineRule({
  id: "pdb-zero-disruptions",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: ["PodDisruptionBudget"],
  summary: "A PodDisruptionBudget allows no disruption at all, so node drains never finish.",
  explanation: `The disruption controller allows currentHealthy - desiredHealthy evictions
(pkg/controller/disruption/disruption.go): desiredHealthy is minAvailable, or the expected pod
count minus maxUnavailable, percentages scaled against the expected count and rounded up
(intstr.GetScaledValueFromIntOrPercent). With maxUnavailable 0, minAvailable "100%", or a
minAvailable that is not below the number of pods the workload runs, the answer is 0 even when
every pod is healthy: kubectl drain retries the eviction forever, cluster upgrades and node
pool rotations hang, and managed platforms force-delete the pods after a timeout anyway.
kube-linter (pdb-max-unavailable, pdb-min-available) and Polaris (pdbDisruptionsIsZero,
pdbMinAvailableGreaterThanHPAMinReplicas) report it. The pod count is that of the selected
workloads of the input: their spec.replicas (as the kustomize builds that emit the budget set
them, with their patches and replicas entries), or any count from minReplicas to maxReplicas of the
HPA that scales them. A percentage is rounded up, so "80%" blocks every eviction at 1 to 4 pods
and allows one from 5 on: under an HPA the message says at which counts no pod may be evicted,
and says "never" only when that holds up to maxReplicas. Budgets selecting DaemonSet or bare
pods are judged only on maxUnavailable 0 and minAvailable 100%.`,
  fix: "Set maxUnavailable: 1 (or a minAvailable below the replica count) so that one pod at a time can be moved.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const spec = resource.spec("PodDisruptionBudget");
    if (!spec) return;
    const { minAvailable, maxUnavailable } = spec;
    if (maxUnavailable === 0 || percent(maxUnavailable) === 0 || maxUnavailable === "0") {
      report({ path: ["spec", "maxUnavailable"], message: `maxUnavailable ${JSON.stringify(maxUnavailable)} allows no pod to be evicted, so node drains never finish`, hint: "set maxUnavailable: 1" });
      return;
    }
    if (minAvailable === undefined) return;
    if (percent(minAvailable) !== undefined && percent(minAvailable)! >= 100) {
      report({ path: ["spec", "minAvailable"], message: `minAvailable "${String(minAvailable)}" allows no pod to be evicted, so node drains never finish`, hint: "set maxUnavailable: 1 instead of minAvailable" });
      return;
    }
    // The workloads the budget selects, from the shared index of budgets by workload.
    const selected = links(index, memo).selectedByPdb.get(resource) ?? [];
    if (!selected.length) return;
    // The pod counts the workloads may run at: their replicas, or their HPA's minReplicas to maxReplicas.
    let fewest = 0;
    let most = 0;
    const hpas: Resource[] = [];
    for (const owner of selected) {
      const pods = owner.kind === "Pod" || owner.kind === "DaemonSet" || owner.kind === "Job" || owner.kind === "CronJob" ? undefined : minimumPods(owner, index, memo, resource);
      if (!pods) return;
      fewest += pods.count;
      if (!pods.hpa) most += pods.count;
      else {
        hpas.push(pods.hpa);
        // A ScaledObject's maxReplicaCount defaults to 100 (keda scaledobject_types.go).
        const max = pods.hpa.kind === "ScaledObject" ? (pods.hpa.get(["spec", "maxReplicaCount"]) ?? 100) : pods.hpa.spec("HorizontalPodAutoscaler")?.maxReplicas;
        most += typeof max === "number" && Number.isInteger(max) ? Math.max(max, pods.count) : Infinity;
      }
    }
    const firstEvictable = podsToEvict(minAvailable);
    if (firstEvictable === undefined || fewest === 0 || fewest >= firstEvictable) return;
    const shown = JSON.stringify(minAvailable);
    const single = selected.length === 1;
    const what = single ? `${selected[0].kind} "${selected[0].name}"` : `the ${selected.length} workloads it selects`;
    if (!hpas.length) {
      report({
        path: ["spec", "minAvailable"],
        message: typeof minAvailable === "number"
          ? `minAvailable ${shown} is not below the ${podCount(fewest)} of ${what}, so no pod may ever be evicted`
          : `minAvailable ${shown} of the ${podCount(fewest)} of ${what} rounds up to ${fewest}, so no pod may ever be evicted`,
        hint: typeof minAvailable === "number" ? "set maxUnavailable: 1 instead of minAvailable" : `set maxUnavailable: 1 instead of minAvailable (with ${shown}, evictions start at ${podCount(firstEvictable)})`,
        related: { resource: selected[0], path: ["spec", "replicas"], message: "runs the selected pods" },
      });
      return;
    }
    const scaler = hpas.length === 1 ? `${hpas[0].kind === "ScaledObject" ? "ScaledObject" : "HPA"} "${hpas[0].name}"` : `their ${hpas.length} autoscalers`;
    if (most < firstEvictable) {
      report({
        path: ["spec", "minAvailable"],
        message: `minAvailable ${shown} allows no eviction at any size ${scaler} may give ${what} (${fewest} to ${podCount(most)}), so no pod may ever be evicted`,
        hint: "set maxUnavailable: 1 instead of minAvailable",
        related: { resource: hpas[0], path: ["spec", "maxReplicas"], message: "scales the pods to at most this" },
      });
      return;
    }
    const blocked = fewest === firstEvictable - 1 ? podCount(fewest) : `${fewest} to ${podCount(firstEvictable - 1)}`;
    report({
      path: ["spec", "minAvailable"],
      message: `minAvailable ${shown} allows no eviction while ${what} ${single ? "runs" : "run"} ${blocked}, and ${scaler} may scale ${single ? "it" : "them"} down to ${fewest}; evictions start at ${podCount(firstEvictable)}`,
      hint: single ? `set maxUnavailable: 1 instead of minAvailable, or raise HPA "${hpas[0].name}" minReplicas to ${firstEvictable}` : "set maxUnavailable: 1 instead of minAvailable",
      related: { resource: hpas[0], path: ["spec", "minReplicas"], message: "may scale the pods down to this" },
    });
  },
});
