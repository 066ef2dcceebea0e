import { closestWithin, didYouMean } from "../../did-you-mean.js";
import type { HpaMetric } from "../../models/k8s.js";
import { podOwnersSelectedBy } from "../../models/pod-selection.js";
import { ignoredPodLevelResourcesNote, podLevelRequirements } from "../../models/pod-level-resources.js";
import { admittedContainers, containerKind } from "../../models/pods.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { compareVersions } from "../schema/api-changes.js";
import { defineRule } from "../types.js";
import { SCALABLE_KINDS, hpaTarget } from "./target.js";

/** The HPA counts restartable init containers (native sidecars) from this release on (kubernetes PR 120001). */
const HPA_SIDECARS_SINCE = "1.29";
/** An init container's restartPolicy exists from this release on (SidecarContainers, alpha and off by default there). */
const SIDECAR_FIELD_SINCE = "1.28";
/** Pod-level resources serve an HPA's Resource metrics from this release on (kubernetes PR 132430). */
const HPA_POD_LEVEL_RESOURCES_SINCE = "1.34";
/** The target types whose computation reads the named container's usage (the only two the API accepts for ContainerResource). */
const CONTAINER_TARGET_TYPES = new Set(["Utilization", "AverageValue"]);
/** The resources a pod may set at pod level (component-helpers IsSupportedPodLevelResource; hugepages aside). */
const POD_LEVEL_RESOURCES = new Set(["cpu", "memory"]);

interface UtilizationMetric {
  resource: string;
  container?: string;
  path: Path;
  /** The default metric of an HPA that declares none. */
  implied?: boolean;
}

export const rule = defineRule({
  id: "hpa-missing-requests",
  category: "autoscaling",
  severity: "error",
  crossResource: true,
  appliesTo: ["HorizontalPodAutoscaler"],
  summary: "An HPA scales on resource utilization that the target's containers do not request, or on a container its pods do not run.",
  explanation: `Utilization is usage divided by request. When an HPA has a Resource metric with target
type Utilization (or autoscaling/v1's targetCPUUtilizationPercentage) and any container of the
target's pods has no request for that resource, the HPA cannot compute it: it reports
FailedGetResourceMetric ("missing request for cpu"), shows <unknown> as the current value forever
and never scales. For a ContainerResource metric only the named container needs the request.
A limit alone is enough, because the request then defaults to the limit, and so is a default of
a LimitRange of the namespace, which LimitRanger admission writes into every container
(plugin/pkg/admission/limitranger/admission.go mergeContainerResources).
From Kubernetes 1.29 the sum includes native sidecars, init containers with
\`restartPolicy: Always\` (replica_calculator.go calculatePodRequests, kubernetes PR 120001): a
sidecar without the request fails the metric just the same ("missing request for cpu in
container proxy").
From Kubernetes 1.34, a pod that sets pod-level resources (\`spec.resources\`, KEP-2837) for
that resource serves a Resource metric instead: the HPA divides by the pod-level request
(pkg/controller/podautoscaler/replica_calculator.go, kubernetes PR 132430), which API
defaulting fills in where pod-level limits are set: with the containers' requests summed when
any container requests that resource, else with the pod-level limit (pkg/apis/core/v1/defaults.go
defaultPodRequests).
The pods are not only the target's own: the HPA lists every pod of the namespace that the
target's selector matches (the scale subresource's status.selector; replica_calculator.go
GetResourceReplicas lists pods by it, whoever owns them), so another workload whose pods carry
the same labels and request no cpu breaks the metric too, and its pods skew the average.
Another workload counts when its namespace is as certain as the target's: one that writes
\`namespace: default\` is not held against a target without a namespace, which \`kubectl apply -n\`
may put elsewhere.
A ContainerResource metric, Utilization or AverageValue, also needs the container it names to
run in every pod the HPA lists, the target's and any other workload's its selector matches: the
resource metrics client fails the whole metric when a pod's metrics lack it
("container ... not present in metrics for pod ...", pkg/controller/podautoscaler/metrics/client.go
getContainerMetrics), and the HPA reports FailedGetContainerResourceMetric and never scales.
Only running pods are in the metrics: a workload scaled to \`replicas: 0\` and a bare Pod that
runs to completion (restartPolicy Never or OnFailure, a Helm test hook) do not count there.
The pods report the containers that run: the app containers and, from 1.29, native sidecars, not
init containers, which have exited by then, and no ephemeral container (ValidatePodTemplateSpec
forbids them in a template: "ephemeral containers not allowed in pod template").
Only a Deployment, StatefulSet, ReplicaSet or ReplicationController target is judged: a custom
scale target (an Argo Rollout with spec.workloadRef) may take its pods from elsewhere.`,
  fix: "Set resources.requests for that resource on every container of the target (or use an AverageValue target); name a container the target's pods run.",
  preventsStatus: [],
  check({ resource, index, settings, report }) {
    const target = hpaTarget(resource, index)?.resource;
    if (!target?.podTemplate) return;
    const spec = resource.spec("HorizontalPodAutoscaler")!;
    const metrics: UtilizationMetric[] = [];
    // Each version is read in its own shape: a field of the other one is an unknown-field finding and the API drops it.
    const v1 = resource.apiVersion === "autoscaling/v1";
    const cpuPercent = v1 ? spec.targetCPUUtilizationPercentage : undefined;
    const written = v1 ? [] : (spec.metrics ?? []);
    if (typeof cpuPercent === "number") metrics.push({ resource: "cpu", path: ["spec", "targetCPUUtilizationPercentage"] });
    written.forEach((m, i) => {
      const absent = m.type === "ContainerResource" ? absentContainer(resource, target, index, m, settings.kubernetesVersion) : undefined;
      if (absent) {
        // The metric fails before any request is read: one finding for it, at the container it names.
        report({ path: ["spec", "metrics", i, "containerResource", "container"], ...absent });
      } else if (m.type === "Resource" && m.resource?.target?.type === "Utilization" && m.resource.name) {
        metrics.push({ resource: m.resource.name, path: ["spec", "metrics", i, "resource", "name"] });
      } else if (m.type === "ContainerResource" && m.containerResource?.target?.type === "Utilization" && m.containerResource.name) {
        metrics.push({ resource: m.containerResource.name, container: m.containerResource.container, path: ["spec", "metrics", i, "containerResource", "name"] });
      }
    });
    // Without any metric, both API versions default to 80% cpu utilization.
    if (metrics.length === 0 && !written.length && cpuPercent === undefined) {
      metrics.push({ resource: "cpu", path: ["spec", "scaleTargetRef"], implied: true });
    }
    // The HPA averages over every pod its target's selector matches, whoever runs them (horizontal.go lists pods by the scale selector).
    const owners = [target, ...otherPodOwners(resource, target, index)];
    for (const metric of metrics) {
      for (const owner of owners) {
        if (owner !== target && metric.container !== undefined) continue;
        const lacking = lackingRequests(owner, index, metric, settings.kubernetesVersion);
        if (lacking.length === 0) continue;
        const names = lacking.map((c) => `"${c.name || "?"}"`).join(", ");
        const their = `container${lacking.length > 1 ? "s" : ""} ${names} of ${owner.kind} "${owner.name}" ${lacking.length > 1 ? "have" : "has"} none`;
        const related = { resource: owner, path: lacking[0].path, message: `${containerKind(lacking[0], settings.kubernetesVersion)} "${lacking[0].name}"` };
        if (owner === target) {
          report({
            path: metric.path,
            ...(metric.implied ? { target: "key" as const } : {}),
            message: `${metric.implied ? "the default metric, " : ""}${metric.resource} utilization needs a ${metric.resource} request, but ${their}${metric.container === undefined ? ignoredPodLevelResourcesNote(owner.podTemplate!, settings.kubernetesVersion) : ""}`,
            hint: `set resources.requests.${metric.resource} on ${lacking.length > 1 ? "those containers" : "that container"}`,
            related,
          });
        } else {
          report({
            path: metric.path,
            ...(metric.implied ? { target: "key" as const } : {}),
            message: `${metric.implied ? "the default metric, " : ""}${metric.resource} utilization is averaged over every pod the selector of ${target.kind} "${target.name}" matches, and ${their}`,
            hint: `give the two workloads selectors that tell their pods apart, or set resources.requests.${metric.resource} on ${lacking.length > 1 ? "those containers" : "that container"}`,
            related,
          });
        }
      }
    }
  },
});

/**
 * The containers (and, from 1.29, native sidecars) of a resource's pods that lack a request for a
 * metric's resource once admitted (a limit or a LimitRange default gives one), unless pod-level
 * resources serve it (where the target release keeps them and the HPA reads them).
 */
function lackingRequests(owner: Resource, index: ResourceIndex, metric: UtilizationMetric, kubernetesVersion: string) {
  const podLevel = podLevelRequirements(owner.podTemplate!, kubernetesVersion);
  const podLevelServes =
    metric.container === undefined &&
    POD_LEVEL_RESOURCES.has(metric.resource) &&
    compareVersions(kubernetesVersion, HPA_POD_LEVEL_RESOURCES_SINCE) >= 0 &&
    podLevel?.requests[metric.resource] !== undefined;
  if (podLevelServes) return [];
  const sidecars = compareVersions(kubernetesVersion, HPA_SIDECARS_SINCE) >= 0;
  const lacking = admittedContainers(owner, index).filter(
    (c) =>
      (!c.init || (sidecars && c.sidecar)) &&
      (metric.container === undefined || c.name === metric.container) &&
      c.requests[metric.resource] === undefined,
  );
  // calculatePodRequests walks the app containers before the sidecars: the first it names is an app container's.
  return [...lacking.filter((c) => !c.init), ...lacking.filter((c) => c.init)];
}

/** Built-in kinds whose pods keep running, so that the metrics of each of them name its containers. */
const LONG_RUNNING_OWNERS = new Set([...SCALABLE_KINDS, "DaemonSet", "Pod"]);

/**
 * The containers whose usage an owner's pods report (app containers first, then, from 1.29,
 * native sidecars), or undefined when they are not known: a kind whose template is not read as a
 * built-in's, or no app container or one without a name (the API rejects those, other rules say so).
 */
function reportedContainers(owner: Resource, index: ResourceIndex, sidecars: boolean) {
  if (!LONG_RUNNING_OWNERS.has(owner.kind) || owner.ruleKind !== owner.kind) return undefined;
  const all = admittedContainers(owner, index);
  const running = [...all.filter((c) => !c.init), ...all.filter((c) => c.init && sidecars && c.sidecar)];
  if (!all.some((c) => !c.init) || running.some((c) => !c.name)) return undefined;
  return { all, running };
}

/**
 * Why the HPA cannot read the container a ContainerResource metric names in the pods it averages
 * over, or undefined when it can (or the pods are not known well enough to tell). The resource
 * metrics client fails the whole metric when any pod the target's selector matches lacks the
 * container ("container ... not present in metrics for pod ...":
 * pkg/controller/podautoscaler/metrics/client.go getContainerMetrics, called by
 * replica_calculator.go GetResourceReplicas and GetRawResourceReplicas before any request is
 * read), for Utilization and AverageValue targets alike. The pods report the containers that run
 * (app containers, and from 1.29 native sidecars, which calculatePodRequests counts too), not init
 * containers, which have exited by then.
 */
function absentContainer(hpa: Resource, target: Resource, index: ResourceIndex, metric: HpaMetric, kubernetesVersion: string) {
  const name = metric.containerResource?.container;
  if (!name || !CONTAINER_TARGET_TYPES.has(metric.containerResource?.target?.type ?? "")) return undefined;
  // A custom scale target (an Argo Rollout, perhaps with spec.workloadRef) may take its pods from elsewhere.
  if (!SCALABLE_KINDS.has(target.kind)) return undefined;
  const sidecars = compareVersions(kubernetesVersion, HPA_SIDECARS_SINCE) >= 0;
  const own = reportedContainers(target, index, sidecars);
  if (!own) return undefined;
  if (own.running.some((c) => c.name === name)) return otherPodsWithout(hpa, target, index, name, sidecars);
  const names = own.running.map((c) => c.name);
  const hint = `set container to one the pods run: ${names.map((n) => `"${n}"`).join(", ")}`;
  const of = `${target.kind} "${target.name}"`;
  const init = own.all.find((c) => c.init && c.name === name);
  if (init) {
    // Not among the containers the pods run: an init container at this target, whatever its restartPolicy.
    const related = { resource: target, path: [...init.path, "name"], message: `init container "${name}"` };
    // Before 1.28 there are no sidecars at all. In 1.28 a Utilization target fails on the sidecar's
    // request (calculatePodRequests reads app containers only); an AverageValue target reads no
    // request, but the sidecar itself needs the SidecarContainers gate, off by default until 1.29,
    // without which it is a plain init container.
    const why =
      compareVersions(kubernetesVersion, SIDECAR_FIELD_SINCE) < 0
        ? `and Kubernetes ${kubernetesVersion} has no sidecar containers (they come in ${SIDECAR_FIELD_SINCE}, on by default from ${HPA_SIDECARS_SINCE})`
        : metric.containerResource?.target?.type === "Utilization"
          ? `a sidecar the HPA reads only from Kubernetes ${HPA_SIDECARS_SINCE} on`
          : `which runs as a sidecar only from Kubernetes ${HPA_SIDECARS_SINCE} on (in ${SIDECAR_FIELD_SINCE} the SidecarContainers feature gate is off by default)`;
    const message = init.sidecar
      ? `container "${name}" of ${of} is an init container with restartPolicy: Always, ${why}: the HPA cannot read this metric`
      : `container "${name}" of ${of} is an init container, which has exited by the time the pod runs: the HPA cannot read this metric`;
    return { message, hint, related };
  }
  const nearContainer = own.running.find((c) => c.name === closestWithin(name, names));
  return {
    message: `the pods of ${of} have no container "${name}": the HPA cannot read this metric${didYouMean(name, names)}`,
    hint,
    related: nearContainer
      ? { resource: target, path: [...nearContainer.path, "name"], message: `container "${nearContainer.name}"` }
      : { resource: target, path: [...target.podTemplate!.specPath, "containers"], message: `containers of ${of}` },
  };
}

/**
 * Whether an owner has pods running for the metrics server to report: not a workload scaled to
 * `replicas: 0`, not a bare Pod that runs to completion (restartPolicy Never or OnFailure, a Helm
 * test hook), which is in the metrics only for the moments it runs.
 */
function runsPods(owner: Resource): boolean {
  if (owner.kind === "Pod") {
    const policy = owner.get(["spec", "restartPolicy"]);
    return policy === undefined || policy === null || policy === "" || policy === "Always";
  }
  return owner.get(["spec", "replicas"]) !== 0;
}

/**
 * The other workloads and Pods whose pods the target's selector matches, among those whose
 * namespace is as certain as the target's: both written (or set by a listing kustomization), or
 * both left to `kubectl apply -n`. One that writes `namespace: default` is not held against a
 * target that may be applied to another namespace (as limit-range-violation judges).
 */
function otherPodOwners(hpa: Resource, target: Resource, index: ResourceIndex): Resource[] {
  return podOwnersSelectedBy(hpa, index).filter((o) => o !== target && o.namespaceCertain === target.namespaceCertain);
}

/** The first other workload whose running pods the target's selector matches and which do not run the container: their metrics fail the metric too. */
function otherPodsWithout(hpa: Resource, target: Resource, index: ResourceIndex, name: string, sidecars: boolean) {
  for (const owner of otherPodOwners(hpa, target, index)) {
    if (!runsPods(owner)) continue;
    const theirs = reportedContainers(owner, index, sidecars);
    if (!theirs || theirs.running.some((c) => c.name === name)) continue;
    return {
      message: `container "${name}" is read in every pod the selector of ${target.kind} "${target.name}" matches, and the pods of ${owner.kind} "${owner.name}" have none: the HPA cannot read this metric`,
      hint: "give the two workloads selectors that tell their pods apart",
      related: { resource: owner, path: [...owner.podTemplate!.specPath, "containers"], message: `containers of ${owner.kind} "${owner.name}"` },
    };
  }
  return undefined;
}
