import { defineRule } from "../types.js";
import { ignoredPodLevelResourcesNote } from "../../models/pod-level-resources.js";
import { bestEffortPods, qosPinned } from "../../models/pods.js";

export const rule = defineRule({
  id: "qos-besteffort",
  category: "resources",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  summary: "No container sets a cpu or memory request or limit, so the pods are BestEffort.",
  explanation: `A pod in which no container (init containers included) sets any cpu or memory request or
limit gets the BestEffort QoS class. The scheduler reserves nothing for it, so it can land on
a node that is already full; under memory pressure the kubelet evicts BestEffort pods before
any other, and their containers have the highest OOM score. In practice such pods are
Evicted or OOMKilled at the first busy moment, usually in production, never in testing.
The pods are judged as admitted: a default of a LimitRange of the namespace, which LimitRanger
admission writes into every container (plugin/pkg/admission/limitranger/admission.go
mergeContainerResources), counts as set (not one of a sibling sample folder, applied apart), as
do resources a kustomize patch of every build that emits the workload sets, and so do pod-level resources (\`spec.resources\`) from
Kubernetes 1.34, where the PodLevelResources feature gate is on by default: an older release does
not keep them, so pods whose only resources are pod-level are BestEffort there.
This is one cause, so it is one finding per workload: missing-resource-requests and
missing-memory-limit do not also report each container of such pods, and this finding's hint
carries their advice. A pod whose k8s-lint.io/expected-qos annotation states the intended
class is judged by qos-expected-mismatch instead (BestEffort on purpose is then fine).`,
  fix: `Set resources.requests for cpu and memory on every container, sized from observed usage, and
a memory limit. Requests equal to limits on every container make the pod Guaranteed.`,
  preventsStatus: ["Evicted", "OOMKilled", "Pending"],
  check({ resource, index, settings, report }) {
    if (!bestEffortPods(resource, index, settings.kubernetesVersion) || qosPinned(resource)) return;
    const tpl = resource.podTemplate!;
    report({
      path: [...tpl.specPath, "containers"],
      message: `${resource.kind === "Pod" ? `Pod "${resource.name}" is` : `pods of ${resource.kind} "${resource.name}" are`} "BestEffort": no container sets a cpu or memory request or limit${ignoredPodLevelResourcesNote(tpl, settings.kubernetesVersion)}`,
      hint: "set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every container",
    });
  },
});
