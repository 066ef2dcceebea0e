import { suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "hpa-replica-bounds",
  category: "autoscaling",
  severity: "error",
  appliesTo: ["HorizontalPodAutoscaler"],
  summary: "An HPA's minReplicas and maxReplicas are inconsistent.",
  explanation: `maxReplicas must be at least 1 and at least minReplicas; minReplicas (default 1) must be at
least 1 unless the alpha feature gate HPAScaleToZero is enabled. The API server rejects an HPA
that breaks these bounds ("must be greater than or equal to minReplicas"), so the workload keeps
its fixed replica count.`,
  fix: "Set 1 <= minReplicas <= maxReplicas.",
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, report }) {
    const spec = resource.spec("HorizontalPodAutoscaler");
    if (!spec) return;
    const { minReplicas, maxReplicas } = spec;
    if (typeof maxReplicas === "number" && maxReplicas < 1) {
      report({ path: ["spec", "maxReplicas"], message: `maxReplicas ${maxReplicas} must be at least 1`, hint: "set maxReplicas to 1 or more", suggestions: [suggestSet(resource, ["spec", "maxReplicas"], Math.max(1, typeof minReplicas === "number" ? minReplicas : 1))] });
      return;
    }
    if (typeof minReplicas === "number" && minReplicas < 1) {
      report({ path: ["spec", "minReplicas"], message: `minReplicas ${minReplicas} must be at least 1 (0 needs the alpha HPAScaleToZero feature gate)`, hint: "set minReplicas to 1 or more", suggestions: [suggestSet(resource, ["spec", "minReplicas"], 1)] });
    }
    if (typeof maxReplicas === "number" && maxReplicas < (minReplicas ?? 1)) {
      report({ path: ["spec", "maxReplicas"], message: `maxReplicas ${maxReplicas} is below minReplicas ${minReplicas ?? 1}`, hint: "raise maxReplicas or lower minReplicas",
        suggestions: [suggestSet(resource, ["spec", "maxReplicas"], minReplicas ?? 1), ...(minReplicas !== undefined ? [suggestSet(resource, ["spec", "minReplicas"], Math.max(1, maxReplicas))] : [])],
      });
    }
  },
});
