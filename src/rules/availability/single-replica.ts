import { defineRule } from "../types.js";
import { links, writtenReplicas, REPLICATED_KINDS } from "./replicas.js";

export const rule = defineRule({
  id: "single-replica",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: REPLICATED_KINDS,
  summary: "A workload that a Service sends traffic to runs a single replica.",
  explanation: `With one pod behind a Service, anything that stops that pod stops the service: the node it
runs on failing or being drained for an upgrade, an eviction under memory pressure, a crash
and its restart back-off, a rescheduling. Until a new pod is scheduled, pulls its image and
passes its readiness probe, the Service has no endpoints and clients get connection errors.
Two replicas (on different nodes) survive all of these. kube-score (deployment-replicas),
kube-linter (minimum-three-replicas) and Polaris (deploymentMissingReplicas) report it. Only
workloads selected by a Service of the input are judged (a singleton worker or leader-elected
controller may be one pod on purpose), and not those scaled by an HPA (hpa-single-replica
judges the HPA) or by a KEDA ScaledObject (KEDA makes the HPA that owns spec.replicas), or scaled to 0.`,
  fix: "Set spec.replicas to 2 or more (and spread the replicas over nodes).",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const l = links(index, memo);
    const services = l.servicesOf.get(resource);
    const replicas = writtenReplicas(resource);
    if (!services || l.hpaOf.has(resource) || replicas !== 1) return;
    const written = resource.get(["spec", "replicas"]) !== undefined;
    report({
      path: written ? ["spec", "replicas"] : ["spec"],
      ...(written ? {} : { target: "key" as const }),
      message: `${resource.kind} "${resource.name}" runs 1 replica${written ? "" : " (the default)"} behind Service "${services[0].name}": any restart or drain leaves it without endpoints`,
      hint: "set spec.replicas: 2 or more",
      related: { resource: services[0], path: ["spec", "selector"], message: "sends traffic to its pods" },
    });
  },
});
