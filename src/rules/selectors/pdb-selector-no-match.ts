import { isEmptySelector, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { reportUnmatchedSelector } from "./unmatched-selector.js";

export const rule = defineRule({
  id: "pdb-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  appliesTo: ["PodDisruptionBudget"],
  reportsAbsentObjects: true,
  summary: "A PodDisruptionBudget's selector matches no pods of any workload in its namespace.",
  explanation: `A PodDisruptionBudget limits voluntary disruptions (node drains, cluster upgrades,
autoscaler scale-downs) for the pods its selector matches. When the selector matches no pods
the budget protects nothing: a drain can evict every replica at once and the application goes
down during routine maintenance, although a PDB seems to be in place. A PDB without a
selector selects no pods, and in policy/v1beta1 an empty selector selected none either (in
policy/v1 it selects every pod of the namespace). A budget selects pods of its own namespace
only: when the pods it matches run in another namespace of the input, the finding names it.
Otherwise a namespace without any workload in the input is judged only under \`references:
complete\` (the default with a \`--context\` of objects): in a partial input its pods are
deployed elsewhere. Even then it is not judged when another input set of \`--per-directory\`
runs workloads there, nor beside an OLM ClusterServiceVersion, whose Deployments OLM creates.
Pods that operators run for custom resources of the input count (a Prometheus's pods carry
prometheus=<name>: docs/operators.md lists them), and so do the labels Istio's sidecar
injector adds to the pods it injects (service.istio.io/canonical-name, canonical-revision,
security.istio.io/tlsMode) in a namespace labelled for injection. When nothing of the input nearly matches (a
typo stays a warning), the finding drops to info in the namespaces the cluster's installer fills
(kube-system, kube-public, kube-node-lease), if a workload of the namespace may create or
relabel pods at run time (its ServiceAccount may patch or create pods by RBAC of the input), or
if namespaced custom resources of an operator k8s-lint does not know share the namespace (not
cluster-scoped ones such as Gatekeeper's constraints), or if a Flux HelmRelease or an Argo CD
Application of the input installs a Helm chart in the namespace, whose pods the input does not
show, or if a kustomization of the input builds into the namespace a base or a remote URL that
the run does not read; it then suggests no workload to align with.`,
  fix: "Set spec.selector.matchLabels to the labels of the workload's pod template.",
  preventsStatus: [],
  check(ctx) {
    const { resource, report } = ctx;
    const raw = resource.get(["spec", "selector"]);
    if (raw === undefined || raw === null) {
      report({ path: ["spec"], message: `PodDisruptionBudget "${resource.name}" has no selector, so it protects no pods`, hint: "add spec.selector.matchLabels" });
      return;
    }
    if (selectorProblems(raw).length) return;
    const selector = parseLabelSelector(raw);
    if (isEmptySelector(selector)) {
      if (resource.apiVersion === "policy/v1beta1") {
        report({
          path: ["spec", "selector"],
          message: "an empty selector selects no pods in policy/v1beta1",
          hint: "add spec.selector.matchLabels (or move to policy/v1, where {} selects every pod)",
        });
      }
      return;
    }
    reportUnmatchedSelector(ctx, selector, { name: "selector", path: ["spec", "selector"], raw, hint: "set the selector to the labels of the pods to protect", kustomizeSelector: true });
  },
});
