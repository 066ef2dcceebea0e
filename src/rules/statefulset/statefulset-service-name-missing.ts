import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "statefulset-service-name-missing",
  category: "statefulset",
  severity: "warning",
  appliesTo: ["StatefulSet"],
  summary: "A StatefulSet has no serviceName, so its pods get no stable DNS names.",
  explanation: `The stable network identity of StatefulSet pods (db-0.db.shop.svc.cluster.local) comes from
the governing headless Service named in spec.serviceName. Newer API versions accept a
StatefulSet without it, but then no per-pod DNS record exists: replicas cannot find each
other by name, so databases and quorum systems (PostgreSQL replicas, ZooKeeper, Kafka, etcd)
fail to form a cluster and crash-loop or wait forever at startup.`,
  fix: "Set spec.serviceName to a headless Service (clusterIP: None) that selects the StatefulSet's pods.",
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, report }) {
    const name = resource.get(["spec", "serviceName"]);
    if (typeof name === "string" && name.trim() !== "") return;
    report({
      path: name === undefined ? ["spec"] : ["spec", "serviceName"],
      message: `StatefulSet "${resource.name}" has no serviceName`,
      hint: "set spec.serviceName to a headless Service that selects its pods",
    });
  },
});
