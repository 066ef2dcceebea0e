import { isEmptySelector, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { reportUnmatchedSelector } from "./unmatched-selector.js";

export const rule = defineRule({
  id: "networkpolicy-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  appliesTo: ["NetworkPolicy"],
  reportsAbsentObjects: true,
  summary: "A NetworkPolicy's podSelector matches no pods of any workload in its namespace.",
  explanation: `A NetworkPolicy applies to the pods its spec.podSelector selects in its own namespace
(podSelector: {} selects all of them). A selector that matches no pod template of the input
protects nothing: the pods you meant to isolate keep accepting traffic from everywhere, or,
for an allow-rule next to a default-deny policy, stay cut off because the allow never
applies to them. Nothing in the cluster reports this; traffic simply behaves as if the
policy did not exist. When the pods it matches run in another namespace of the input, the
finding names it; otherwise a namespace without any workload in the input is judged only under
\`references: complete\` (the default with a \`--context\` of objects): in a partial input its
pods are deployed elsewhere. Even then it is not judged when another input set of
\`--per-directory\` runs workloads there, nor beside an OLM ClusterServiceVersion.
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
  fix: "Set podSelector to labels that the target pod template carries, or use podSelector: {} for every pod of the namespace.",
  preventsStatus: [],
  check(ctx) {
    const { resource } = ctx;
    const raw = resource.get(["spec", "podSelector"]);
    if (raw === undefined || raw === null || selectorProblems(raw).length) return;
    const selector = parseLabelSelector(raw);
    if (isEmptySelector(selector)) return;
    reportUnmatchedSelector(ctx, selector, { name: "podSelector", path: ["spec", "podSelector"], raw, hint: "set podSelector to the labels of the pods to isolate", kustomizeSelector: true });
  },
});
