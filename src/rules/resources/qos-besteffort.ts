import { defineRule } from "../types.js";
import { qosOf } from "../../models/pods.js";

export const rule = defineRule({
  id: "qos-besteffort",
  category: "resources",
  severity: "warning",
  appliesTo: "workloads",
  summary: "No container sets a cpu or memory request or limit, so the pods are BestEffort.",
  explanation: `A pod in which no container (init containers included) sets any cpu or memory request or
limit gets the BestEffort QoS class. The scheduler reserves nothing for it, so it can land on
a node that is already full; under memory pressure the kubelet evicts BestEffort pods before
any other, and their containers have the highest OOM score. In practice such pods are
Evicted or OOMKilled at the first busy moment, usually in production, never in testing.`,
  fix: `Set resources.requests for cpu and memory on every container, sized from observed usage, and
a memory limit. Requests equal to limits on every container make the pod Guaranteed.`,
  preventsStatus: ["Evicted", "OOMKilled", "Pending"],
  check({ resource, memo, report }) {
    const tpl = resource.podTemplate!;
    const qos = qosOf(resource, memo)!;
    if (qos.qosClass !== "BestEffort" || !tpl.spec.containers?.length) return;
    report({
      path: [...tpl.specPath, "containers"],
      message: `pods of ${resource.kind} "${resource.name}" are "BestEffort": no container sets a cpu or memory request or limit`,
      hint: "set cpu and memory requests (and a memory limit) on every container",
    });
  },
});
