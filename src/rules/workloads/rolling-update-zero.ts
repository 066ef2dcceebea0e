import { suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";

/** The API server compares the written values: 0 and "0%" are zero, any other percentage is not. */
function isZero(v: unknown): boolean {
  return v === 0 || v === "0%" || v === "0";
}

export const rule = defineRule({
  id: "rolling-update-zero",
  category: "workloads",
  severity: "error",
  appliesTo: ["Deployment", "DaemonSet"],
  summary: "A rolling update with maxSurge 0 and maxUnavailable 0 cannot make progress.",
  explanation: `A rolling update replaces pods by first adding up to maxSurge new pods or removing up to
maxUnavailable old ones. With both set to 0 it can do neither, so the API server rejects the
Deployment or DaemonSet ("may not be 0 when maxSurge is 0"). The defaults are 25%/25% for a
Deployment and maxSurge 0 / maxUnavailable 1 for a DaemonSet.`,
  fix: "Set maxUnavailable to at least 1 (or a non-zero percentage), or allow maxSurge above 0.",
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, report }) {
    let field: "strategy" | "updateStrategy";
    let defaultSurge: number | string;
    if (resource.kind === "Deployment") [field, defaultSurge] = ["strategy", "25%"];
    else [field, defaultSurge] = ["updateStrategy", 0];
    const strategy = resource.get(["spec", field]) as Record<string, unknown> | undefined;
    // SetDefaults_Deployment, SetDefaults_DaemonSet: an absent or empty type is RollingUpdate.
    if (strategy && typeof strategy === "object" && strategy.type !== undefined && strategy.type !== "" && strategy.type !== "RollingUpdate") return;
    const ru = strategy && typeof strategy === "object" ? (strategy.rollingUpdate as Record<string, unknown> | undefined) : undefined;
    if (!ru || typeof ru !== "object") return;
    const surge = ru.maxSurge ?? defaultSurge;
    if (!("maxUnavailable" in ru) || !isZero(ru.maxUnavailable) || !isZero(surge)) return;
    report({
      path: ["spec", field, "rollingUpdate", "maxUnavailable"],
      message: `maxUnavailable is 0 while maxSurge is ${JSON.stringify(surge)}: the rollout can neither add nor remove pods`,
      hint: "set maxUnavailable: 1 or maxSurge: 1",
      suggestions: [
        suggestSet(resource, ["spec", field, "rollingUpdate", "maxUnavailable"], 1),
        ...(resource.kind === "Deployment" ? [suggestSet(resource, ["spec", field, "rollingUpdate", "maxSurge"], 1)] : []),
      ],
    });
  },
});
