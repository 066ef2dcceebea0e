import { isEmptySelector, matches, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { includeSelectorsHint, requirementPath, templateOnlyLabelEntry, whyNot, workloadSelector } from "./selection.js";

export const rule = defineRule({
  id: "selector-template-mismatch",
  category: "selectors",
  severity: "error",
  appliesTo: "workloads",
  summary: "A workload's selector does not match the labels of its own pod template.",
  explanation: `A Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController or Job with a manual
selector finds its pods by its selector. If the selector does not select the template's own
labels, the controller could never count the pods it creates, so the API server rejects the
object ("selector does not match template labels"). matchExpressions count too: a NotIn or
DoesNotExist on a label the template sets, or an In whose values miss the template's value,
is a mismatch. The usual cause is a label renamed in one place only, or a kustomization's
\`labels\` entry with includeTemplates but without includeSelectors, which sets a label in the
template and leaves the selector as written: the hint then names that entry.`,
  fix: "Make the template's metadata.labels satisfy every requirement of spec.selector (selectors of apps/v1 workloads cannot be changed later, so prefer fixing the template).",
  preventsStatus: [],
  check({ resource, report }) {
    const ws = workloadSelector(resource);
    const tpl = resource.podTemplate!;
    if (!ws || ws.defaulted || ws.selector.kind === "none" || isEmptySelector(ws.selector)) return;
    if (ws.labelSelector && selectorProblems(ws.raw).length) return;
    // Validation compares with the template labels as written: controller-added labels do not count here.
    if (matches(ws.selector, tpl.labels)) return;
    const failing = ws.selector.requirements.find((r) => !matches({ kind: "requirements", requirements: [r] }, tpl.labels))!;
    const path = requirementPath(ws.raw, ws.path, failing, !ws.labelSelector);
    const entry = path.at(-1) === failing.key ? templateOnlyLabelEntry(resource, resource, failing.key) : undefined;
    report({
      path,
      message: `selector does not match the pod template's labels: the template ${whyNot(failing, tpl.labels)}`,
      hint: entry ? includeSelectorsHint(entry, failing.key) : "make the template labels satisfy the selector",
      related: { resource, path: [...tpl.metadataPath, "labels"], message: "template labels" },
    });
  },
});
