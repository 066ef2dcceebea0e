import { suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";
import { PROBE_LABEL, probesOf, timing } from "./probes.js";

export const rule = defineRule({
  id: "probe-timeout-exceeds-period",
  category: "probes",
  severity: "warning",
  appliesTo: "workloads",
  summary: "A probe's timeoutSeconds is longer than its periodSeconds.",
  explanation: `The kubelet runs each probe of a container one attempt at a time, started by a ticker
of periodSeconds (default 10), and gives each attempt timeoutSeconds (default 1) to answer. A
timeout longer than the period means a slow attempt is still running when the next tick comes:
the next attempt starts late, right after it ends, and the ticks missed meanwhile are dropped
(attempts never overlap). A probe that keeps timing out thus runs every timeoutSeconds instead
of every periodSeconds, the real detection time becomes timeout x failureThreshold instead of
period x failureThreshold, and a container that hangs is noticed much later than the numbers
suggest. It usually means the two values were swapped, or the period was left at its default
while the timeout was raised.`,
  fix: "Make periodSeconds at least timeoutSeconds (for example timeoutSeconds: 5, periodSeconds: 10).",
  hasSuggestions: true,
  preventsStatus: ["CrashLoopBackOff"],
  // The prober worker's loop (pkg/kubelet/prober/worker.go, run): doProbe, then wait on a
  // time.Ticker of periodSeconds, whose channel holds one tick and drops the rest.
  check({ resource, memo, report }) {
    for (const site of probesOf(resource, memo)) {
      const t = timing(site.probe);
      if (t.timeoutSeconds <= t.periodSeconds) continue;
      // Judged after defaulting: an absent or 0 periodSeconds is 10 (SetDefaults_Probe).
      const writtenPeriod = site.raw.periodSeconds;
      const periodNote = writtenPeriod === undefined || writtenPeriod === null || writtenPeriod === 0 ? " (the default)" : "";
      report({
        path: [...site.path, site.raw.timeoutSeconds !== undefined && site.raw.timeoutSeconds !== null ? "timeoutSeconds" : "periodSeconds"],
        message: `timeoutSeconds ${t.timeoutSeconds} of the ${PROBE_LABEL[site.kind]} of container "${site.container.name ?? ""}" exceeds its periodSeconds ${t.periodSeconds}${periodNote}`,
        hint: `set periodSeconds to at least ${t.timeoutSeconds}`,
        suggestions: [
          suggestSet(resource, [...site.path, "periodSeconds"], t.timeoutSeconds),
          suggestSet(resource, [...site.path, "timeoutSeconds"], t.periodSeconds),
        ],
      });
    }
  },
});
