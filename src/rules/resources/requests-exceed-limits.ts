import { containerKind } from "../../models/pods.js";
import { compareQuantities } from "../../models/quantity.js";
import { containersOf } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { suggestSet } from "../fixes.js";
import { defineRule, type Finding } from "../types.js";

export const rule = defineRule({
  id: "requests-exceed-limits",
  category: "resources",
  severity: "error",
  appliesTo: "pod-templates",
  summary: "A container requests more of a resource than its limit allows.",
  explanation: `A request is what the scheduler reserves for a container; a limit is the most it may use. A
request above its limit is contradictory and the API server rejects it ("must be less than or
equal to cpu limit"): in a Pod, and just as well in the pod template of a Deployment,
StatefulSet, DaemonSet, Job or CronJob, whose template is validated as a pod spec when the
workload is created (ValidatePodTemplateSpec -> ValidatePodSpec -> validateResourceRequirements
in pkg/apis/core/validation/validation.go), so \`kubectl apply\` fails. For resources that cannot
be overcommitted (extended resources, hugepages) the request must even equal the limit
(invalid-combination reports a request below it).`,
  fix: `Lower the request to at most the limit, or raise the limit. Quantities compare by value:
1Gi is 1024Mi, 0.5 cpu is 500m.`,
  hasSuggestions: true,
  preventsStatus: ["Pending", "Unschedulable", "OOMKilled", "Evicted"],
  check({ resource, settings, report }) {
    const tpl = resource.podTemplate!;
    const judge = (who: string, requests: Record<string, string> | undefined, limits: Record<string, string> | undefined, path: Path) => {
      if (!requests || !limits) return;
      for (const [name, req] of Object.entries(requests)) {
        const lim = limits[name];
        if (lim === undefined) continue;
        const cmp = compareQuantities(req, lim);
        if (cmp === undefined || cmp <= 0) continue;
        const finding: Finding = {
          path: [...path, "requests", name],
          message: `${who} requests ${name} "${req}", more than its limit "${lim}"`,
          hint: `lower the ${name} request to at most ${lim} or raise the limit`,
          suggestions: [
            suggestSet(resource, [...path, "requests", name], lim, `lower the ${name} request to ${lim}`),
            suggestSet(resource, [...path, "limits", name], req, `raise the ${name} limit to ${req}`),
          ],
        };
        report(finding);
      }
    };
    judge("the pod", tpl.spec.resources?.requests, tpl.spec.resources?.limits, [...tpl.specPath, "resources"]);
    for (const { container, path, init } of containersOf(tpl)) {
      const r = container?.resources;
      const kind = containerKind({ init, sidecar: init && container?.restartPolicy === "Always" }, settings.kubernetesVersion);
      judge(`${kind} "${container?.name ?? ""}"`, r?.requests, r?.limits, [...path, "resources"]);
    }
  },
});
