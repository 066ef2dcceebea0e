import { defineRule } from "../types.js";
import { hpaTarget } from "../autoscaling/target.js";
import { links } from "./replicas.js";

export const rule = defineRule({
  id: "hpa-single-replica",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: ["HorizontalPodAutoscaler"],
  summary: "An HPA may scale a workload that a Service sends traffic to down to a single pod.",
  explanation: `An HPA scales its target between minReplicas (default 1) and maxReplicas. At night or on a
quiet weekend it goes down to minReplicas, and with 1 the workload then has the availability
of a single pod: a node drain, an eviction or a crash leaves its Service without endpoints
until a new pod is ready (see single-replica). kube-linter (hpa-minimum-three-replicas),
kube-score (horizontalpodautoscaler-replicas) and Polaris (hpaMinAvailability) report it. Only
HPAs whose target is a workload of the input selected by a Service are judged.`,
  fix: "Set spec.minReplicas to 2 or more.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const target = hpaTarget(resource, index)?.resource;
    const services = target && links(index, memo).servicesOf.get(target);
    if (!target || !services) return;
    const min = resource.spec("HorizontalPodAutoscaler")?.minReplicas;
    if (min !== undefined && min !== 1) return;
    report({
      path: min === undefined ? ["spec"] : ["spec", "minReplicas"],
      ...(min === undefined ? { target: "key" as const } : {}),
      message: `HPA "${resource.name}" may scale ${target.kind} "${target.name}" down to 1 pod${min === undefined ? " (minReplicas defaults to 1)" : ""}, behind Service "${services[0].name}"`,
      hint: "set spec.minReplicas: 2 or more",
      related: { resource: services[0], path: ["spec", "selector"], message: "sends traffic to its pods" },
    });
  },
});
