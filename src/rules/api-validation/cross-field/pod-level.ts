/**
 * Pod-level resources (spec.resources of a pod spec, PodLevelResources) against the containers'
 * (validatePodResourceConsistency in pkg/apis/core/validation/validation.go, on the defaulted pod):
 * a pod-level request that is written is at least the containers' requests summed
 * (AggregateContainerRequests, models/pod-totals.ts; a container's limit stands for its unset
 * request), a pod-level hugepages limit at least their hugepages limits summed, and no app
 * container's limit exceeds the pod-level limit of that resource. Judged where the target keeps
 * spec.resources (from 1.34); before, the API server drops it.
 */
import { podLevelResourcesKept } from "../../../models/pod-level-resources.js";
import { podTotal, quantities } from "../../../models/pod-totals.js";
import { parseQuantity } from "../../../models/quantity.js";
import { containersOf, isMap, podNeeds, podSpecOf, POD_KINDS, type CheckContext, type CrossFieldConstraint, type Obj } from "./walk.js";

const UPSTREAM = "pkg/apis/core/validation/validation.go validatePodResourceConsistency";

/** The pod spec's own resources where the target keeps them, with its requests and limits as written. */
function podLevel(ctx: CheckContext): { path: (string | number)[]; requests: Record<string, string>; limits: Record<string, string> } | undefined {
  if (!podLevelResourcesKept(ctx.kubernetesVersion)) return undefined;
  const pod = podSpecOf(ctx);
  const resources = pod?.spec.resources;
  if (!pod || !isMap(resources)) return undefined;
  return { path: [...pod.path, "resources"], requests: quantities(resources.requests), limits: quantities(resources.limits) };
}

/** The containers' requests or limits summed as the API server sums them (sidecars at 1.34 and later run). */
function summed(ctx: CheckContext, section: "requests" | "limits"): Record<string, string> {
  return podTotal(
    containersOf(ctx)
      .filter((s) => s.list !== "ephemeralContainers")
      .map((s) => {
        const resources = isMap(s.container.resources) ? (s.container.resources as Obj) : {};
        const limits = quantities(resources.limits);
        return { init: s.list === "initContainers", sidecar: s.sidecar, values: section === "limits" ? limits : { ...limits, ...quantities(resources.requests) } };
      }),
  );
}

const value = (text: string) => parseQuantity(text)?.value;

/** Reports each pod-level request (or limit) of `section` that is written below the containers' values of it summed. */
function reportBelowSum(ctx: CheckContext, section: "requests" | "limits", judged: (name: string) => boolean): void {
  const pod = podLevel(ctx);
  if (!pod) return;
  const noun = section === "requests" ? "request" : "limit";
  for (const [name, total] of Object.entries(summed(ctx, section))) {
    const written = pod[section][name];
    const own = written === undefined ? undefined : value(written);
    const sum = value(total);
    if (!judged(name) || own === undefined || sum === undefined || sum <= own) continue;
    ctx.report({
      path: [...pod.path, section, name],
      message: `the pod-level ${name} ${noun} ${written} is less than the containers' ${name} ${section} summed (${total}), which the API server refuses`,
      hint: `raise the pod-level ${name} ${noun} to at least ${total}, or lower the containers' ${section}`,
    });
  }
}

export const POD_LEVEL_CONSTRAINTS: readonly CrossFieldConstraint[] = [
  {
    path: "spec.template.spec.resources.requests",
    kinds: POD_KINDS,
    constraint: "a pod-level request that is written is at least the containers' requests summed (from 1.34)",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} (Invalid "must be greater than or equal to aggregate container requests")`,
    needs: podNeeds("resources"),
    check: (ctx) => reportBelowSum(ctx, "requests", () => true),
  },
  {
    path: "spec.template.spec.resources.limits[hugepages-<size>]",
    kinds: POD_KINDS,
    constraint: "a pod-level hugepages limit is at least the containers' hugepages limits summed (from 1.34)",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} (Invalid "must be greater than or equal to aggregate container limits")`,
    needs: podNeeds("resources"),
    check: (ctx) => reportBelowSum(ctx, "limits", (name) => name.startsWith("hugepages-")),
  },
  {
    path: "spec.template.spec.containers[].resources.limits",
    kinds: POD_KINDS,
    constraint: "no container's limit is above the pod-level limit of that resource (from 1.34)",
    rule: "invalid-combination",
    upstream: `${UPSTREAM} (Invalid "must be less than or equal to pod limits")`,
    needs: podNeeds("resources"),
    check(ctx) {
      const pod = podLevel(ctx);
      if (!pod) return;
      for (const site of containersOf(ctx)) {
        if (site.list !== "containers") continue;
        const resources = isMap(site.container.resources) ? (site.container.resources as Obj) : {};
        for (const [name, written] of Object.entries(quantities(resources.limits))) {
          const podLimit = pod.limits[name];
          const own = value(written);
          const cap = podLimit === undefined ? undefined : value(podLimit);
          if (own === undefined || cap === undefined || own <= cap) continue;
          ctx.report({
            path: [...site.path, "resources", "limits", name],
            message: `container "${String(site.container.name ?? "")}" has a ${name} limit of ${written}, above the pod-level ${name} limit ${podLimit}, which the API server refuses`,
            hint: `lower the container's ${name} limit to at most ${podLimit}, or raise the pod-level ${name} limit`,
          });
        }
      }
    },
  },
];
