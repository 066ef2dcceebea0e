import { parseServiceSelector } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { reportUnmatchedSelector } from "./unmatched-selector.js";

export const rule = defineRule({
  id: "service-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Service"],
  reportsAbsentObjects: true,
  summary: "A Service's selector matches no pods of any workload in its namespace.",
  explanation: `A Service sends traffic to the pods its selector matches, in its own namespace. When no pod
template of the input carries all the selector's labels, the Service gets no endpoints:
clients resolve its name but every connection is refused or times out, and an Ingress in
front of it answers 503. A one-letter typo in a label value, a label renamed in the
Deployment only, or a Service placed in another namespace are the usual causes. Labels that
controllers add to pods (pod-template-hash, statefulset.kubernetes.io/pod-name...) count as
present, and a Service selecting the pods of several workloads (blue/green, canary) is fine.
When the pods the selector matches run in another namespace of the input, the finding names
that namespace, even if the Service's own namespace has no workload; otherwise a namespace
without any workload in the input is judged only under \`references: complete\` (the default
with a \`--context\` of objects), and the finding says that the input runs no workload there: in a
partial input its pods are deployed elsewhere. Even then it is not judged when another input set
of \`--per-directory\` runs workloads there, nor beside an OLM ClusterServiceVersion, whose
Deployments OLM creates where it installs the bundle.
Pods that operators run for custom resources of the input count (a Prometheus's pods carry
prometheus=<name>: docs/operators.md lists them), and so do the labels Istio's sidecar
injector adds to the pods it injects (service.istio.io/canonical-name, canonical-revision,
security.istio.io/tlsMode) in a namespace labelled for injection. When nothing of the input nearly matches (a
typo stays a warning), the finding drops to info in the namespaces the cluster's installer fills
(kube-system, kube-public, kube-node-lease: kubeadm's control-plane static pods carry
component=<name> and tier=control-plane), if a workload of the namespace may create or
relabel pods at run time (its ServiceAccount may patch or create pods by RBAC of the input), or
if namespaced custom resources of an operator k8s-lint does not know share the namespace (not
cluster-scoped ones such as Gatekeeper's constraints), or if a Flux HelmRelease or an Argo CD
Application of the input installs a Helm chart in the namespace, whose pods the input does not
show, or if a kustomization of the input builds into the namespace a base or a remote URL that
the run does not read; it then suggests no workload to align with.`,
  fix: "Make the selector equal to labels that the target pod template carries (or fix the template), and keep the Service in the workload's namespace.",
  preventsStatus: ["Init:N/M"],
  check(ctx) {
    const { resource } = ctx;
    const spec = resource.spec("Service");
    if (!spec || spec.type === "ExternalName") return;
    const selector = parseServiceSelector(spec.selector);
    if (selector.kind === "none") return;
    reportUnmatchedSelector(ctx, selector, { name: "selector", path: ["spec", "selector"], raw: spec.selector, mapForm: true, hint: "set the selector to the labels of the target pod template", kustomizeSelector: true });
  },
});
