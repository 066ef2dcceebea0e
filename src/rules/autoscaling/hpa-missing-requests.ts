import type { Path } from "../../types.js";
import { compareVersions } from "../schema/api-changes.js";
import { defineRule } from "../types.js";
import { hpaTarget } from "./target.js";

/** Pod-level resources serve an HPA's Resource metrics from this release on (kubernetes PR 132430). */
const HPA_POD_LEVEL_RESOURCES_SINCE = "1.34";
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
  summary: "An HPA scales on resource utilization that the target's containers do not request.",
  explanation: `Utilization is usage divided by request. When an HPA has a Resource metric with target
type Utilization (or autoscaling/v1's targetCPUUtilizationPercentage) and any container of the
target's pods has no request for that resource, the HPA cannot compute it: it reports
FailedGetResourceMetric ("missing request for cpu"), shows <unknown> as the current value forever
and never scales. For a ContainerResource metric only the named container needs the request.
A limit alone is enough, because the request then defaults to the limit.
From Kubernetes 1.34, a pod that sets pod-level resources (\`spec.resources\`, KEP-2837) for
that resource serves a Resource metric instead: the HPA divides by the pod-level request
(pkg/controller/podautoscaler/replica_calculator.go, kubernetes PR 132430), which API
defaulting fills from the pod-level limit when only the limit is written.`,
  fix: "Set resources.requests for that resource on every container of the target (or use an AverageValue target).",
  preventsStatus: [],
  check({ resource, index, settings, report }) {
    const target = hpaTarget(resource, index)?.resource;
    const tpl = target?.podTemplate;
    if (!target || !tpl) return;
    const spec = resource.spec("HorizontalPodAutoscaler")!;
    const metrics: UtilizationMetric[] = [];
    if (typeof spec.targetCPUUtilizationPercentage === "number") metrics.push({ resource: "cpu", path: ["spec", "targetCPUUtilizationPercentage"] });
    spec.metrics?.forEach((m, i) => {
      if (m.type === "Resource" && m.resource?.target?.type === "Utilization" && m.resource.name) {
        metrics.push({ resource: m.resource.name, path: ["spec", "metrics", i, "resource", "name"] });
      } else if (m.type === "ContainerResource" && m.containerResource?.target?.type === "Utilization" && m.containerResource.name) {
        metrics.push({ resource: m.containerResource.name, container: m.containerResource.container, path: ["spec", "metrics", i, "containerResource", "name"] });
      }
    });
    // Without any metric, both API versions default to 80% cpu utilization.
    if (metrics.length === 0 && !spec.metrics?.length && spec.targetCPUUtilizationPercentage === undefined) {
      metrics.push({ resource: "cpu", path: ["spec", "scaleTargetRef"], implied: true });
    }
    const containers = tpl.spec.containers ?? [];
    const podLevel = tpl.spec.resources;
    const podLevelServes = (r: string) =>
      POD_LEVEL_RESOURCES.has(r) &&
      compareVersions(settings.kubernetesVersion, HPA_POD_LEVEL_RESOURCES_SINCE) >= 0 &&
      (podLevel?.requests?.[r] !== undefined || podLevel?.limits?.[r] !== undefined);
    for (const metric of metrics) {
      if (metric.container === undefined && podLevelServes(metric.resource)) continue;
      const lacking = containers
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => metric.container === undefined || c.name === metric.container)
        .filter(({ c }) => c.resources?.requests?.[metric.resource] === undefined && c.resources?.limits?.[metric.resource] === undefined);
      if (lacking.length === 0) continue;
      const names = lacking.map(({ c }) => `"${c.name ?? "?"}"`).join(", ");
      report({
        path: metric.path,
        ...(metric.implied ? { target: "key" as const } : {}),
        message: `${metric.implied ? "the default metric, " : ""}${metric.resource} utilization needs a ${metric.resource} request, but container${lacking.length > 1 ? "s" : ""} ${names} of ${target.kind} "${target.name}" ${lacking.length > 1 ? "have" : "has"} none`,
        hint: `set resources.requests.${metric.resource} on ${lacking.length > 1 ? "those containers" : "that container"}`,
        related: { resource: target, path: [...tpl.specPath, "containers", lacking[0].i], message: `container "${lacking[0].c.name ?? ""}"` },
      });
    }
  },
});
