import type { Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { links, minimumPods } from "./replicas.js";

/** A percentage as written ("50%"), or undefined. */
function percent(v: unknown): number | undefined {
  const m = typeof v === "string" ? /^(\d+)%$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

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
workloads of the input: their spec.replicas, or the minReplicas of the HPA that scales them,
since the HPA may scale down to it. Budgets selecting DaemonSet or bare pods are judged only
on maxUnavailable 0 and minAvailable 100%.`,
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
    let expected = 0;
    const hpas: Resource[] = [];
    for (const owner of selected) {
      const pods = owner.kind === "Pod" || owner.kind === "DaemonSet" || owner.kind === "Job" || owner.kind === "CronJob" ? undefined : minimumPods(owner, index, memo);
      if (!pods) return;
      expected += pods.count;
      if (pods.hpa) hpas.push(pods.hpa);
    }
    const pct = percent(minAvailable);
    const desired = pct !== undefined ? Math.ceil((pct * expected) / 100) : typeof minAvailable === "number" ? minAvailable : undefined;
    if (desired === undefined || expected === 0 || desired < expected) return;
    const what = selected.length === 1 ? `${selected[0].kind} "${selected[0].name}"` : `the ${selected.length} workloads it selects`;
    const pods = hpas.length ? `the ${expected} pod${expected === 1 ? "" : "s"} ${what} may be scaled down to (HPA "${hpas[0].name}" minReplicas)` : `the ${expected} pod${expected === 1 ? "" : "s"} of ${what}`;
    report({
      path: ["spec", "minAvailable"],
      message: `minAvailable ${JSON.stringify(minAvailable)} is not below ${pods}, so no pod may ever be evicted`,
      hint: "set maxUnavailable: 1 instead of minAvailable",
      related: { resource: hpas[0] ?? selected[0], path: hpas.length ? ["spec", "minReplicas"] : ["spec", "replicas"], message: hpas.length ? "may scale the pods down to this" : "runs the selected pods" },
    });
  },
});
