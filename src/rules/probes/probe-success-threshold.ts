import { defineRule } from "../types.js";
import { PROBE_LABEL, probesOf } from "./probes.js";

export const rule = defineRule({
  id: "probe-success-threshold",
  category: "probes",
  severity: "error",
  appliesTo: "pod-templates",
  checksPatches: true,
  summary: "Liveness and startup probes must have successThreshold 1.",
  explanation: `successThreshold is how many consecutive successes turn a failing probe back into a passing
one. It only means something for readiness, where a pod may flap in and out of the Service's
endpoints. For liveness and startup probes one success is final, and the API server rejects
any other value ("must be 1"), so the pod, or every pod a controller tries to create, is
refused.`,
  fix: "Remove successThreshold from the liveness/startup probe, or set it to 1; use it on the readiness probe instead.",
  preventsStatus: ["CrashLoopBackOff"],
  fixable: true,
  check({ resource, memo, report }) {
    for (const site of probesOf(resource, memo)) {
      if (site.kind === "readinessProbe") continue;
      // Judged after defaulting: an absent or 0 successThreshold is 1 (SetDefaults_Probe).
      const v = site.probe.successThreshold;
      if (v === undefined || v === 1) continue;
      report({
        path: [...site.path, "successThreshold"],
        message: `successThreshold "${v}" of the ${PROBE_LABEL[site.kind]} of container "${site.container.name ?? ""}" must be 1`,
        hint: "set successThreshold: 1 or remove it",
        // 1 is the only value the API server accepts, and what an absent field defaults to.
        fix: [{ op: "set", path: [...site.path, "successThreshold"], value: 1 }],
      });
    }
  },
});
