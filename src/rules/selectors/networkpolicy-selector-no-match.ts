import { formatSelector, isEmptySelector, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { nearestOwner, noMatchVerdict, podsElsewhere, requirementPath } from "./selection.js";

export const rule = defineRule({
  id: "networkpolicy-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  appliesTo: ["NetworkPolicy"],
  summary: "A NetworkPolicy's podSelector matches no pods of any workload in its namespace.",
  explanation: `A NetworkPolicy applies to the pods its spec.podSelector selects in its own namespace
(podSelector: {} selects all of them). A selector that matches no pod template of the input
protects nothing: the pods you meant to isolate keep accepting traffic from everywhere, or,
for an allow-rule next to a default-deny policy, stay cut off because the allow never
applies to them. Nothing in the cluster reports this; traffic simply behaves as if the
policy did not exist. When the pods it matches run in another namespace of the input, the
finding names it; otherwise namespaces without any workload in the input are not judged.
Pods that operators run for custom resources of the input count (a Prometheus's pods carry
prometheus=<name>: docs/operators.md lists them). When nothing of the input nearly matches (a
typo stays a warning), the finding drops to info if a workload of the namespace may create or
relabel pods at run time (its ServiceAccount may patch or create pods by RBAC of the input), or
if custom resources of an operator k8s-lint does not know share the namespace.`,
  fix: "Set podSelector to labels that the target pod template carries, or use podSelector: {} for every pod of the namespace.",
  preventsStatus: [],
  check({ resource, index, report }) {
    const raw = resource.get(["spec", "podSelector"]);
    if (raw === undefined || raw === null || selectorProblems(raw).length) return;
    const selector = parseLabelSelector(raw);
    if (isEmptySelector(selector)) return;
    if (index.podOwnersSelectedBy(resource.namespace, selector).length) return;
    if (index.derivedPodsSelectedBy(resource.namespace, selector).length) return;
    const away = podsElsewhere(index, resource.namespace, selector);
    if (away) {
      report({
        path: ["spec", "podSelector"],
        message: `podSelector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"; the pods it matches run ${away.where} (${away.owner.kind} "${away.owner.name}")`,
        hint: `move the NetworkPolicy to namespace "${away.namespaces[0]}": a NetworkPolicy selects pods of its own namespace only`,
        related: { resource: away.owner, path: [...away.owner.podTemplate!.metadataPath, "labels"], message: "pods it would select" },
      });
      return;
    }
    if (!index.podOwnersIn(resource.namespace).length) return;
    const near = nearestOwner(index, resource.namespace, selector);
    const verdict = noMatchVerdict(index, resource.namespace, selector, near);
    if (verdict.silent) return;
    report({
      ...(verdict.severity ? { severity: verdict.severity } : {}),
      path: near ? requirementPath(raw, ["spec", "podSelector"], near.failing) : ["spec", "podSelector"],
      message: `podSelector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"${near ? `: ${near.why}` : ""}${verdict.because ? `; ${verdict.because}` : ""}`,
      hint: near ? `align the podSelector with the labels of ${near.owner.kind} "${near.owner.name}"` : "set podSelector to the labels of the pods to isolate",
      ...(near ? { related: { resource: near.owner, path: [...near.owner.podTemplate!.metadataPath, "labels"], message: "nearest pod labels" } } : {}),
    });
  },
});
