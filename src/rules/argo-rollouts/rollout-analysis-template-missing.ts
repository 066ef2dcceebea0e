import type { ResourceIndex } from "../../models/resource-index.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { ARGO_GROUP, analysisReferences, clusterObject } from "./rollouts.js";

const TEMPLATE = "AnalysisTemplate.argoproj.io";
const CLUSTER_TEMPLATE = "ClusterAnalysisTemplate.argoproj.io";

/** Whether the input defines templates of that type: in the namespace, or anywhere for the cluster-scoped kind. */
function managesTemplates(index: ResourceIndex, type: string, namespace: string): boolean {
  return type === CLUSTER_TEMPLATE ? index.ofKind(type).length > 0 : index.ofKind(type, namespace).length > 0;
}

export const rule = defineRule({
  id: "rollout-analysis-template-missing",
  category: "argo-rollouts",
  severity: "error",
  crossResource: true,
  appliesTo: ["Rollout"],
  reportsAbsentObjects: true,
  summary: "An Argo Rollout runs an AnalysisTemplate or ClusterAnalysisTemplate that the manifests do not define.",
  explanation: `A Rollout's analyses (canary.analysis, the analysis and experiment steps, blue-green
pre- and post-promotion analysis) name AnalysisTemplates of the Rollout's namespace, or
ClusterAnalysisTemplates with clusterScope: true. The controller resolves every referenced
template before it reconciles (validation_references.go ValidateAnalysisTemplatesWithType): a
missing one leaves the Rollout Degraded with InvalidSpec, and the new revision is never
analysed nor promoted. Reported when the input defines templates of that kind (in the namespace,
or anywhere for ClusterAnalysisTemplates) under \`references: partial\`.`,
  fix: "Add the AnalysisTemplate to the Rollout's namespace (or the ClusterAnalysisTemplate, with clusterScope: true), or fix templateName.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== ARGO_GROUP) return;
    for (const ref of analysisReferences(resource)) {
      const type = ref.clusterScope ? CLUSTER_TEMPLATE : TEMPLATE;
      const found = ref.clusterScope ? clusterObject(index, type, ref.name) : index.find(type, resource.namespace, ref.name);
      if (found) continue;
      if (!reportsAbsent(ctx, type, resource.namespace, managesTemplates)) continue;
      const kind = ref.clusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate";
      const similar = similarlyNamed(index, type, ref.clusterScope ? "" : resource.namespace, ref.name);
      // A template of the other scope with that name: clusterScope is what is wrong.
      const otherScope = ref.clusterScope ? index.find(TEMPLATE, resource.namespace, ref.name) : clusterObject(index, CLUSTER_TEMPLATE, ref.name);
      const elsewhere = otherScope || ref.clusterScope ? undefined : inOtherNamespace(ctx, { type, kind, namespace: resource.namespace, name: ref.name });
      if (elsewhere) {
        report({ path: ref.path, message: `${kind} "${ref.name}" is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      report({
        path: ref.path,
        message: `${kind} "${ref.name}" is not defined${ref.clusterScope ? "" : ` in namespace "${resource.namespace}"`}`,
        hint: otherScope
          ? `${ref.clusterScope ? "remove clusterScope: true" : "set clusterScope: true"}: "${ref.name}" is ${otherScope.kind === "AnalysisTemplate" ? "an" : "a"} ${otherScope.kind}`
          : similar
            ? `rename the reference to "${similar.name}" if that is the one meant`
            : `add the ${kind} or fix templateName`,
        ...(otherScope
          ? { related: { resource: otherScope, path: ["metadata", "name"], message: `${otherScope.kind} "${ref.name}"` } }
          : similar
            ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } }
            : {}),
      });
    }
  },
});
