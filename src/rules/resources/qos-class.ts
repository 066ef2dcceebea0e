import { defineRule } from "../types.js";
import { bestEffortPods, qosOf } from "../../models/pods.js";

export const rule = defineRule({
  id: "qos-class",
  category: "resources",
  severity: "info",
  crossResource: true,
  appliesTo: "workloads",
  summary: "Reports the QoS class the kubelet will give the pods, and the container and resource that decided it.",
  explanation: `The kubelet puts every pod in one of three Quality of Service classes, derived from the cpu
and memory requests and limits of all its containers (init containers included). Under node
memory pressure it evicts BestEffort pods first, then Burstable pods using more than they
requested, and Guaranteed pods last; the OOM killer scores containers the same way. The class
is never written in the manifest, so it is easy to lose Guaranteed by adding one sidecar or
init container without resources. The containers are read as admitted, with the defaults of
the namespace's LimitRanges written in (the value says so when one came from a LimitRange).
Pod-level resources (\`spec.resources\`) that set cpu or memory decide instead, from Kubernetes
1.34, where the PodLevelResources feature gate is on by default, as the API server defaults them:
where pod-level limits are set, an unset pod-level request becomes the containers' requests
summed when any container requests that resource, and the pod-level limit only when none does
(pkg/apis/core/v1/defaults.go defaultPodRequests), so container requests below the pod-level
limits make the pods Burstable. At an older --kubernetes-version the API server does not keep
them (pkg/api/pod/util.go dropDisabledPodLevelResources), the containers decide, and the message
says so. A restartable init container is named a sidecar container where sidecars run (1.29 on).
This rule states the class and, when the pod is not
Guaranteed, the first container and resource that kept it from being Guaranteed. BestEffort pods are
stated by the qos-besteffort warning (or qos-expected-mismatch), not here as well.`,
  fix: `Nothing to fix when the class is the one you want. For Guaranteed, give every container and
init container cpu and memory limits, with requests equal to them (or unset: they default to
the limits). Pin the intent with the annotation k8s-lint.io/expected-qos.`,
  preventsStatus: ["Evicted", "OOMKilled"],
  check({ resource, index, settings, report }) {
    const tpl = resource.podTemplate!;
    // No container, no class: an Argo Rollout with workloadRef runs the referenced workload's template.
    if (!tpl.spec.containers?.length) return;
    const qos = qosOf(resource, index, settings.kubernetesVersion)!;
    if (bestEffortPods(resource, index, settings.kubernetesVersion)) return;
    report({
      // The container's name, or the pod-level resources themselves when they decide.
      path: qos.decidingPath ? (qos.decidingContainer === "(pod)" ? qos.decidingPath : [...qos.decidingPath, "name"]) : [...tpl.specPath, "containers"],
      message:
        qos.qosClass === "Burstable"
          ? `pods get QoS class "Burstable": ${qos.reason}`
          : `pods get QoS class "${qos.qosClass}": ${qos.reason}`,
    });
  },
});
