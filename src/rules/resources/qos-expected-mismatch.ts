import { EXPECTED_QOS_ANNOTATION, QOS_CLASSES } from "../../models/qos.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import type { PodTemplate } from "../../models/resource.js";
import { podLevelResources } from "../../models/pod-level-resources.js";
import { containerKind, qosOf } from "../../models/pods.js";

export const rule = defineRule({
  id: "qos-expected-mismatch",
  category: "resources",
  severity: "error",
  crossResource: true,
  appliesTo: "workloads",
  summary: "The k8s-lint.io/expected-qos annotation disagrees with the QoS class the kubelet would derive.",
  explanation: `Teams that depend on a QoS class (Guaranteed for latency-critical pods that must not be
evicted or throttled by the CPU manager, BestEffort for scavenger jobs) can state it with the
annotation k8s-lint.io/expected-qos. The kubelet derives the class from every container,
init containers included, so one init container or sidecar without limits silently turns a
Guaranteed pod into a Burstable one: it loses exclusive CPUs under the static CPU manager
policy and becomes an eviction candidate. This rule recomputes the class and names the
container and resource that break the expectation.`,
  fix: `Give the named container cpu and memory limits equal to its requests (for Guaranteed), remove
the resources (for BestEffort), or correct the annotation to the class you actually want.`,
  preventsStatus: ["Evicted", "OOMKilled"],
  check({ resource, index, settings, report }) {
    const tpl = resource.podTemplate!;
    const qos = qosOf(resource, index, settings.kubernetesVersion)!;
    let annotationPath: Path | undefined;
    let value: string | undefined;
    if (resource.annotations[EXPECTED_QOS_ANNOTATION] !== undefined) {
      annotationPath = ["metadata", "annotations", EXPECTED_QOS_ANNOTATION];
      value = resource.annotations[EXPECTED_QOS_ANNOTATION];
    } else if (tpl.annotations[EXPECTED_QOS_ANNOTATION] !== undefined) {
      annotationPath = [...tpl.metadataPath, "annotations", EXPECTED_QOS_ANNOTATION];
      value = tpl.annotations[EXPECTED_QOS_ANNOTATION];
    }
    if (!annotationPath || value === undefined) return;
    const expected = QOS_CLASSES.find((c) => c.toLowerCase() === value!.trim().toLowerCase());
    if (!expected) {
      report({ path: annotationPath, message: `"${value}" is not a QoS class`, hint: `set ${QOS_CLASSES.join(", ")}` });
      return;
    }
    if (expected === qos.qosClass) return;
    const head = `expected QoS class "${expected}" but the pods are "${qos.qosClass}"`;
    if (expected === "Guaranteed" && qos.decidingPath) {
      const who = containerKind({ init: qos.decidingInit === true, sidecar: qos.decidingSidecar === true }, settings.kubernetesVersion);
      report({
        path: qos.decidingContainer === "(pod)" ? qos.decidingPath : [...qos.decidingPath, "name"],
        message: `${head}: ${qos.reason}`,
        hint:
          qos.decidingContainer === "(pod)"
            ? qos.decidingRequestSummed
              ? `set spec.resources.requests.${qos.decidingResource} equal to the pod-level limit: left unset, it is the containers' requests summed`
              : "set pod-level cpu and memory limits equal to the requests"
            : `set cpu and memory limits on ${who} "${qos.decidingContainer}" equal to its requests`,
      });
      return;
    }
    if (expected === "BestEffort") {
      const culprit = firstWithResources(tpl, settings.kubernetesVersion);
      report({
        path: culprit?.path ?? annotationPath,
        message: `${head}: ${culprit ? `${culprit.who} cpu or memory resources` : qos.reason}`,
        hint: "remove the cpu and memory requests and limits, or correct the annotation",
      });
      return;
    }
    report({ path: annotationPath, message: `${head}: ${qos.reason}`, hint: `set the annotation to "${qos.qosClass}" or change the resources` });
  },
});

/** The first place that sets cpu or memory (`who`, with its verb): the pod-level resources where the target release keeps them, else a container. */
function firstWithResources(tpl: PodTemplate, kubernetesVersion: string): { path: Path; who: string } | undefined {
  const { spec, specPath } = tpl;
  const pod = podLevelResources(tpl, kubernetesVersion);
  if (pod?.limits || pod?.requests) return { path: [...specPath, "resources"], who: "the pod-level resources set" };
  const groups: Array<["initContainers" | "containers", string]> = [
    ["initContainers", "init container"],
    ["containers", "container"],
  ];
  for (const [field, label] of groups) {
    const list = spec[field] ?? [];
    for (let i = 0; i < list.length; i++) {
      const r = list[i]?.resources;
      const any = (m?: Record<string, string>) => m && (m.cpu !== undefined || m.memory !== undefined);
      if (any(r?.requests) || any(r?.limits)) return { path: [...specPath, field, i, "resources"], who: `${label} "${list[i].name ?? ""}" sets` };
    }
  }
  return undefined;
}

