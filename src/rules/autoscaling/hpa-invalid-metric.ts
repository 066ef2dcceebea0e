import type { HpaMetric } from "../../models/k8s.js";
import { defineRule } from "../types.js";

const SOURCES = { Resource: "resource", ContainerResource: "containerResource", Pods: "pods", Object: "object", External: "external" } as const;
type SourceType = keyof typeof SOURCES;
const ALLOWED: Record<SourceType, string[]> = {
  Resource: ["Utilization", "AverageValue"],
  ContainerResource: ["Utilization", "AverageValue"],
  Pods: ["AverageValue"],
  Object: ["Value", "AverageValue"],
  External: ["Value", "AverageValue"],
};
const VALUE_FIELD: Record<string, "averageUtilization" | "averageValue" | "value"> = {
  Utilization: "averageUtilization",
  AverageValue: "averageValue",
  Value: "value",
};

export const rule = defineRule({
  id: "hpa-invalid-metric",
  category: "autoscaling",
  severity: "error",
  summary: "An HPA metric uses a target type its source does not support, or lacks its value.",
  explanation: `Each autoscaling/v2 metric source supports only some target types: Resource and
ContainerResource take Utilization (averageUtilization, a percentage of the request) or
AverageValue; Pods takes AverageValue only; Object and External take Value or AverageValue.
The target must also carry the field of its type (averageUtilization, averageValue or value),
and the metric needs the block matching its type (type: Resource with a resource: block).
The API server rejects an HPA that breaks these rules, so the workload is never autoscaled.`,
  fix: "Use a target type the metric source supports and set the matching averageUtilization, averageValue or value.",
  preventsStatus: [],
  examples: {
    bad: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: worker
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: worker
  maxReplicas: 10
  metrics:
    - type: Pods
      pods:
        metric:
          name: queue_depth
        target:
          type: Value
          value: "30"
`,
    good: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: worker
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: worker
  maxReplicas: 10
  metrics:
    - type: Pods
      pods:
        metric:
          name: queue_depth
        target:
          type: AverageValue
          averageValue: "30"
`,
  },
  check({ resource, report }) {
    if (resource.kind !== "HorizontalPodAutoscaler" || !resource.apiVersion.startsWith("autoscaling/v2")) return;
    resource.spec("HorizontalPodAutoscaler")?.metrics?.forEach((m: HpaMetric, i) => {
      const base = ["spec", "metrics", i];
      if (typeof m.type !== "string" || !(m.type in SOURCES)) {
        if (typeof m.type === "string") report({ path: [...base, "type"], message: `metric type "${m.type}" is not one of ${Object.keys(SOURCES).join(", ")}`, hint: "use Resource, ContainerResource, Pods, Object or External" });
        return;
      }
      const type = m.type as SourceType;
      const field = SOURCES[type];
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
      if (!ALLOWED[type].includes(t.type)) {
        report({ path: [...tPath, "type"], message: `target type "${t.type}" is not supported by ${/^[AEIOU]/.test(type) ? "an" : "a"} ${type} metric; use ${ALLOWED[type].join(" or ")}`, hint: `set type: ${ALLOWED[type][ALLOWED[type].length - 1]} with ${VALUE_FIELD[ALLOWED[type][ALLOWED[type].length - 1]]}` });
        return;
      }
      const needed = VALUE_FIELD[t.type];
      if (resource.get([...tPath, needed]) === undefined) {
        report({ path: [...tPath, "type"], message: `target type "${t.type}" needs ${needed}`, hint: `set ${needed}` });
      }
    });
  },
});
