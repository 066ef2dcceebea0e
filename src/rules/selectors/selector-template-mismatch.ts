import { isEmptySelector, matches, selectorProblems } from "../../models/selector.js";
import type { LabelSource } from "../../models/kustomize-labels.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { requirementPath, whyNot, workloadSelector } from "./selection.js";

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
is a mismatch. The usual cause is a label renamed in one place only.`,
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
    const entry = path.at(-1) === failing.key ? templateOnlyEntry(resource, [...tpl.metadataPath, "labels", failing.key]) : undefined;
    report({
      path,
      message: `selector does not match the pod template's labels: the template ${whyNot(failing, tpl.labels)}`,
      hint: entry
        ? `set includeSelectors: true on ${entry.entry} in ${entry.kustomization} so that kustomize sets "${failing.key}" in the selector too, or leave "${failing.key}" out of that entry`
        : "make the template labels satisfy the selector",
      related: { resource, path: [...tpl.metadataPath, "labels"], message: "template labels" },
    });
  },
});

/**
 * The kustomization `labels` entry without includeSelectors that put the template label at
 * `path` where the file writes another value or none: the selector, which the entry does not
 * reach, keeps the file's pair (kustomize api/types labels.go: without includeSelectors a labels
 * entry goes to metadata and, with includeTemplates, to templates only).
 */
function templateOnlyEntry(resource: Resource, path: Path): LabelSource | undefined {
  if (!resource.addedByKustomize(path) && !resource.changedByKustomize(path)) return undefined;
  return resource.kustomizeLabelSources(path).find((s) => !s.selectors);
}

