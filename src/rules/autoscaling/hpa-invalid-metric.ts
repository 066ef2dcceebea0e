import type { HpaMetric } from "../../models/k8s.js";
import { defineRule } from "../types.js";

type SourceField = "resource" | "containerResource" | "pods" | "object" | "external";
type ValueField = "averageUtilization" | "averageValue" | "value";
/** Metric type -> the block that holds its source, and the target types it supports. */
const SOURCES: ReadonlyMap<string, { field: SourceField; targets: readonly string[] }> = new Map([
  ["Resource", { field: "resource", targets: ["Utilization", "AverageValue"] }],
  ["ContainerResource", { field: "containerResource", targets: ["Utilization", "AverageValue"] }],
  ["Pods", { field: "pods", targets: ["AverageValue"] }],
  ["Object", { field: "object", targets: ["Value", "AverageValue"] }],
  ["External", { field: "external", targets: ["Value", "AverageValue"] }],
]);
/** Target type -> the field that carries its value. */
const VALUE_FIELD: ReadonlyMap<string, ValueField> = new Map<string, ValueField>([
  ["Utilization", "averageUtilization"],
  ["AverageValue", "averageValue"],
  ["Value", "value"],
]);

export const rule = defineRule({
  id: "hpa-invalid-metric",
  category: "autoscaling",
  severity: "error",
  appliesTo: ["HorizontalPodAutoscaler"],
  summary: "An HPA metric uses a target type its source does not support, or lacks its value.",
  explanation: `Each autoscaling/v2 metric source supports only some target types: Resource and
ContainerResource take Utilization (averageUtilization, a percentage of the request) or
AverageValue; Pods takes AverageValue only; Object and External take Value or AverageValue.
The target must also carry the field of its type (averageUtilization, averageValue or value),
and the metric needs the block matching its type (type: Resource with a resource: block).
The API server rejects an HPA that breaks these rules, so the workload is never autoscaled.`,
  fix: "Use a target type the metric source supports and set the matching averageUtilization, averageValue or value.",
  preventsStatus: [],
  check({ resource, report }) {
    if (!resource.apiVersion.startsWith("autoscaling/v2")) return;
    resource.spec("HorizontalPodAutoscaler")?.metrics?.forEach((m: HpaMetric, i) => {
      const base = ["spec", "metrics", i];
      const type = m.type;
      if (typeof type !== "string") return;
      const known = SOURCES.get(type);
      if (!known) {
        report({ path: [...base, "type"], message: `metric type "${type}" is not one of ${[...SOURCES.keys()].join(", ")}`, hint: "use Resource, ContainerResource, Pods, Object or External" });
        return;
      }
      const { field, targets } = known;
      const source = m[field];
      if (resource.get([...base, field]) === undefined) {
        report({ path: [...base, "type"], message: `metric of type "${type}" has no "${field}" block`, hint: `add ${field}: with the metric and its target` });
        return;
      }
      if (type === "ContainerResource" && !m.containerResource?.container) {
        report({ path: [...base, field], target: "key", message: "a ContainerResource metric must name its container", hint: "set containerResource.container" });
      }
      const t = source?.target;
      if (!t || typeof t.type !== "string") return;
      const tPath = [...base, field, "target"];
      if (!targets.includes(t.type)) {
        const suggested = targets[targets.length - 1];
        report({ path: [...tPath, "type"], message: `target type "${t.type}" is not supported by ${/^[AEIOU]/.test(type) ? "an" : "a"} ${type} metric; use ${targets.join(" or ")}`, hint: `set type: ${suggested} with ${VALUE_FIELD.get(suggested)}` });
        return;
      }
      const needed = VALUE_FIELD.get(t.type)!;
      if (resource.get([...tPath, needed]) === undefined) {
        report({ path: [...tPath, "type"], message: `target type "${t.type}" needs ${needed}`, hint: `set ${needed}` });
      }
    });
  },
});
