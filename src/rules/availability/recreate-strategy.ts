import { defineRule } from "../types.js";
import { links } from "./replicas.js";

export const rule = defineRule({
  id: "recreate-strategy",
  category: "availability",
  severity: "warning",
  presets: ["production"],
  crossResource: true,
  appliesTo: ["Deployment"],
  summary: "A Deployment that a Service sends traffic to uses the Recreate strategy, so every rollout is an outage.",
  explanation: `strategy.type: Recreate makes the Deployment controller scale the old ReplicaSet to zero
and wait until all its pods are gone before creating any new pod
(pkg/controller/deployment/recreate.go). Every rollout, including an image bump or a config
change, leaves the Service without endpoints until the new pods are ready, and a new version
that fails to start leaves it down. RollingUpdate (the default) replaces pods a few at a time
and stops when new pods do not become ready. kube-score (deployment-strategy) and kube-linter
(no-rolling-update-strategy) report it. Recreate is needed when two versions must never run
together, or when pods mount a ReadWriteOnce volume that cannot attach to two nodes: Deployments
whose pods mount a PersistentVolumeClaim are not reported, nor those no Service selects.`,
  fix: "Use strategy.type: RollingUpdate (the default), e.g. with maxUnavailable: 0 and maxSurge: 1.",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    if (resource.get(["spec", "strategy", "type"]) !== "Recreate") return;
    const services = links(index, memo).servicesOf.get(resource);
    if (!services || resource.podTemplate!.spec.volumes?.some((v) => v?.persistentVolumeClaim)) return;
    report({
      path: ["spec", "strategy", "type"],
      message: `strategy Recreate stops every pod before starting new ones: Service "${services[0].name}" has no endpoints during each rollout`,
      hint: "use strategy.type: RollingUpdate",
      related: { resource: services[0], path: ["spec", "selector"], message: "sends traffic to its pods" },
    });
  },
});
