import { appliedApart } from "../../models/placement.js";
import { admittedContainers, containerKind, qosOf, resourcesPath, type AdmittedContainer } from "../../models/pods.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { podLevelResourcesSet } from "./pod-level-resources.js";

/**
 * The quota resources that oblige every container to set the matching request or limit
 * (pkg/quota/v1/evaluator/core/pods.go validationSet: "do not add more resources to this list").
 */
const REQUIRED: ReadonlyMap<string, { section: "requests" | "limits"; name: "cpu" | "memory" }> = new Map([
  ["cpu", { section: "requests", name: "cpu" }],
  ["requests.cpu", { section: "requests", name: "cpu" }],
  ["limits.cpu", { section: "limits", name: "cpu" }],
  ["memory", { section: "requests", name: "memory" }],
  ["requests.memory", { section: "requests", name: "memory" }],
  ["limits.memory", { section: "limits", name: "memory" }],
]);

export const rule = defineRule({
  id: "resource-quota-violation",
  category: "resources",
  severity: "error",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A ResourceQuota of the namespace tracks cpu or memory, and a container of the pods does not set it, so admission refuses them.",
  explanation: `When a ResourceQuota of a namespace sets a hard limit on cpu or memory (\`cpu\`, \`memory\`,
\`requests.cpu\`, \`requests.memory\`, \`limits.cpu\`, \`limits.memory\`), the quota admission
plugin requires every container and init container of each new pod to set that request or
limit, and forbids the pod otherwise ("failed quota: compute: must specify limits.cpu for: api";
pkg/quota/v1/evaluator/core/pods.go Constraints, enforcePodContainerConstraints,
podComputeUsageHelper). The Deployment, StatefulSet, DaemonSet or Job is accepted, but its
controller fails to create any pod (FailedCreate events). The containers are judged as
admitted: a request that defaults to its limit, and a default of a LimitRange of the namespace
(LimitRanger admission runs before the quota's), count as set.
A quota with scopes (\`spec.scopes\`, \`spec.scopeSelector\`) applies only to the pods that match
all of them: Terminating and NotTerminating by the pod's activeDeadlineSeconds, BestEffort and
NotBestEffort by its QoS class, PriorityClass by its priorityClassName, and
CrossNamespacePodAffinity by pod affinity terms that name other namespaces (podMatchesScopeFunc).
A pod without priorityClassName matches by the input's globalDefault PriorityClass, which
priority admission gives it; without one in the input, PriorityClass scopes are not judged.
From Kubernetes 1.34 a pod that sets pod-level resources (\`spec.resources\`) is exempt (the
evaluator's Constraints skip it), and a workload is judged against the quotas whose namespace is
as certain as its own (both written, set by a listing kustomization or by --default-namespace,
or both namespace-less without it), and not those of a sibling sample folder when neither names a
namespace (applied apart).`,
  fix: `Set the request or limit the quota names on every container and init container (or give
the namespace a LimitRange whose defaults supply it).`,
  preventsStatus: [],
  check({ resource, index, settings, report }) {
    // Judged only against quotas whose namespace is as certain as the workload's: both written
    // (or set by a listing kustomization), or both left to `kubectl apply -n`.
    // A quota of another sample folder is not in the namespace when this one is applied (models/placement.ts).
    const quotas = index.objectsOfKind("ResourceQuota", resource.namespace).filter((q) => q.namespaceCertain === resource.namespaceCertain && !appliedApart(q, resource));
    if (!quotas.length) return;
    // Constraints returns nil for a pod with pod-level resources while PodLevelResources is on.
    if (podLevelResourcesSet(resource.podTemplate!, settings.kubernetesVersion)) return;
    const containers = admittedContainers(resource, index);
    if (!containers.length) return;
    for (const quota of quotas) {
      const hard = quota.get(["spec", "hard"]);
      if (!hard || typeof hard !== "object" || Array.isArray(hard)) continue;
      const required = Object.keys(hard).filter((k) => REQUIRED.has(k));
      if (!required.length || !quotaSelects(quota, resource, index, settings.kubernetesVersion)) continue;
      for (const c of containers) {
        const missing = required.filter((k) => !specifies(c, k));
        if (!missing.length) continue;
        const lacks = [...new Set(missing.map((k) => `${REQUIRED.get(k)!.name} ${REQUIRED.get(k)!.section === "requests" ? "request" : "limit"}`))];
        const fields = [...new Set(missing.map((k) => `resources.${REQUIRED.get(k)!.section}.${REQUIRED.get(k)!.name}`))];
        report({
          path: resourcesPath(c.container, c.path, REQUIRED.get(missing[0])!.section),
          message: `${containerKind(c, settings.kubernetesVersion)} "${c.name}" sets no ${lacks.join(" and no ")}, which ResourceQuota "${quota.name}" requires of every container (it tracks ${missing.map((k) => `"${k}"`).join(", ")})`,
          hint: `set ${fields.join(" and ")}`,
          related: { resource: quota, path: ["spec", "hard", missing[0]], message: `the hard limit of ResourceQuota "${quota.name}"` },
        });
      }
    }
  },
});

/** podComputeUsageHelper: a request gives "cpu" and "requests.cpu", a limit "limits.cpu" (memory alike). */
function specifies(c: AdmittedContainer, quotaResource: string): boolean {
  const { section, name } = REQUIRED.get(quotaResource)!;
  return c[section][name] !== undefined;
}

/**
 * Whether the quota applies to the resource's pods: every scope of `spec.scopes` and of
 * `spec.scopeSelector.matchExpressions` matches (generic.Matches, podMatchesScopeFunc). An
 * unknown scope matches nothing, as upstream.
 */
function quotaSelects(quota: Resource, resource: Resource, index: ResourceIndex, kubernetesVersion: string): boolean {
  const selectors: Array<{ scopeName: unknown; operator: unknown; values: unknown }> = [];
  const scopes = quota.get(["spec", "scopes"]);
  if (Array.isArray(scopes)) for (const s of scopes) selectors.push({ scopeName: s, operator: "Exists", values: undefined });
  const expressions = quota.get(["spec", "scopeSelector", "matchExpressions"]);
  if (Array.isArray(expressions)) {
    for (const e of expressions) if (e && typeof e === "object") selectors.push(e as { scopeName: unknown; operator: unknown; values: unknown });
  }
  return selectors.every((s) => scopeMatches(s, resource, index, kubernetesVersion));
}

function scopeMatches(selector: { scopeName: unknown; operator: unknown; values: unknown }, resource: Resource, index: ResourceIndex, kubernetesVersion: string): boolean {
  const tpl = resource.podTemplate!;
  const specValue = (key: string) => resource.get([...tpl.specPath, key]);
  switch (selector.scopeName) {
    case "Terminating":
    case "NotTerminating": {
      const deadline = specValue("activeDeadlineSeconds");
      const terminating = typeof deadline === "number" && deadline >= 0;
      return selector.scopeName === "Terminating" ? terminating : !terminating;
    }
    case "BestEffort":
    case "NotBestEffort": {
      const bestEffort = qosOf(resource, index, kubernetesVersion)?.qosClass === "BestEffort";
      return selector.scopeName === "BestEffort" ? bestEffort : !bestEffort;
    }
    case "PriorityClass": {
      let name = specValue("priorityClassName");
      if (typeof name !== "string" || name === "") {
        // Priority admission (plugin/pkg/admission/priority/admission.go) gives the pod the
        // globalDefault PriorityClass before the quota sees it; without one in the input, the
        // cluster's may apply: the quota is not judged.
        const fallback = globalDefaultPriorityClass(index);
        if (fallback === undefined) return false;
        name = fallback;
      }
      const has = typeof name === "string" && name !== "";
      const values = Array.isArray(selector.values) ? selector.values : [];
      switch (selector.operator) {
        case "Exists":
          return has;
        case "DoesNotExist":
          return !has;
        case "In":
          return has && values.includes(name);
        case "NotIn":
          return !has || !values.includes(name);
        default:
          return false;
      }
    }
    case "CrossNamespacePodAffinity":
      return crossNamespaceAffinity(resource, tpl.specPath);
    default:
      return false;
  }
}

/**
 * The name of the PriorityClass a pod without priorityClassName gets (priority admission
 * getDefaultPriorityClass: the globalDefault class of the highest value); undefined when the
 * input holds no global default (the cluster may hold one) or two of the highest value.
 */
function globalDefaultPriorityClass(index: ResourceIndex): string | undefined {
  const classes = index.objectsOfKind("PriorityClass");
  let best: Resource | undefined;
  let tie = false;
  for (const pc of classes) {
    if (pc.get(["globalDefault"]) !== true) continue;
    const value = Number(pc.get(["value"]) ?? 0);
    const top = Number(best?.get(["value"]) ?? 0);
    if (!best || value > top) [best, tie] = [pc, false];
    else if (value === top) tie = true;
  }
  if (tie) return undefined;
  return best ? best.name : undefined;
}

/** usesCrossNamespacePodAffinity: a pod (anti-)affinity term with namespaces or a namespaceSelector. */
function crossNamespaceAffinity(resource: Resource, specPath: Path): boolean {
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const base = [...specPath, "affinity", kind];
    const required = resource.get([...base, "requiredDuringSchedulingIgnoredDuringExecution"]);
    const preferred = resource.get([...base, "preferredDuringSchedulingIgnoredDuringExecution"]);
    const terms = [
      ...(Array.isArray(required) ? required : []),
      ...(Array.isArray(preferred) ? preferred.map((p) => (p && typeof p === "object" ? (p as Record<string, unknown>).podAffinityTerm : undefined)) : []),
    ];
    for (const t of terms) {
      if (!t || typeof t !== "object") continue;
      const term = t as Record<string, unknown>;
      if ((Array.isArray(term.namespaces) && term.namespaces.length > 0) || (term.namespaceSelector !== undefined && term.namespaceSelector !== null)) return true;
    }
  }
  return false;
}
