import { formatSelector, isEmptySelector, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { nearestOwner, podsElsewhere, requirementPath } from "./selection.js";

export const rule = defineRule({
  id: "pdb-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  summary: "A PodDisruptionBudget's selector matches no pods of any workload in its namespace.",
  explanation: `A PodDisruptionBudget limits voluntary disruptions (node drains, cluster upgrades,
autoscaler scale-downs) for the pods its selector matches. When the selector matches no pods
the budget protects nothing: a drain can evict every replica at once and the application goes
down during routine maintenance, although a PDB seems to be in place. A PDB without a
selector selects no pods, and in policy/v1beta1 an empty selector selected none either (in
policy/v1 it selects every pod of the namespace). A budget selects pods of its own namespace
only: when the pods it matches run in another namespace of the input, the finding names it.
Otherwise namespaces without any workload in the input are not judged for a written selector.`,
  fix: "Set spec.selector.matchLabels to the labels of the workload's pod template.",
  preventsStatus: [],
  examples: {
    bad: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web-frontend
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
    good: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  check({ resource, index, report }) {
    if (resource.kind !== "PodDisruptionBudget") return;
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
    if (index.podOwnersSelectedBy(resource.namespace, selector).length) return;
    const away = podsElsewhere(index, resource.namespace, selector);
    if (away) {
      report({
        path: ["spec", "selector"],
        message: `selector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"; the pods it matches run ${away.where} (${away.owner.kind} "${away.owner.name}")`,
        hint: `move the PodDisruptionBudget to namespace "${away.namespaces[0]}": a PodDisruptionBudget selects pods of its own namespace only`,
        related: { resource: away.owner, path: [...away.owner.podTemplate!.metadataPath, "labels"], message: "pods it would select" },
      });
      return;
    }
    if (!index.podOwnersIn(resource.namespace).length) return;
    const near = nearestOwner(index, resource.namespace, selector);
    report({
      path: near ? requirementPath(raw, ["spec", "selector"], near.failing) : ["spec", "selector"],
      message: `selector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"${near ? `: ${near.why}` : ""}`,
      hint: near ? `align the selector with the labels of ${near.owner.kind} "${near.owner.name}"` : "set the selector to the labels of the pods to protect",
      ...(near ? { related: { resource: near.owner, path: [...near.owner.podTemplate!.metadataPath, "labels"], message: "nearest pod labels" } } : {}),
    });
  },
});
