import { defineRule } from "../types.js";

/** What the rule requires without configuration: the label the Kubernetes docs recommend first (kubernetes.io "Recommended Labels"). */
export const DEFAULT_REQUIRED_LABELS: readonly string[] = ["app.kubernetes.io/name"];

export const rule = defineRule({
  id: "required-metadata",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: "workloads",
  summary: "A workload lacks a label or annotation that the configuration requires (by default the label app.kubernetes.io/name).",
  explanation: `Teams rely on labels and annotations on every workload: to route alerts to an owner, to
split the cloud bill, to find what belongs to an application (kubectl get all -l
app.kubernetes.io/name=shop), or for policies that select by them. A workload without them is
invisible to those tools: its alerts go nowhere, its cost is unattributed. The keys are set in
the configuration (requiredLabels and requiredAnnotations in .k8s-lint.yaml, checked on
workloads' own metadata); without configuration the rule asks for app.kubernetes.io/name, the
first of the labels the Kubernetes documentation recommends ("Recommended Labels"), which Helm
and most charts set. kube-linter has the same check as a template (required-label-*,
required-annotation-*).`,
  fix: "Add the missing labels or annotations to metadata (and, for labels used by selectors, to the pod template).",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const labels = settings.requiredLabels ?? DEFAULT_REQUIRED_LABELS;
    const annotations = settings.requiredAnnotations ?? [];
    const missing = [
      ...labels.filter((k) => !Object.hasOwn(resource.labels, k)).map((k) => `label "${k}"`),
      ...annotations.filter((k) => !Object.hasOwn(resource.annotations, k)).map((k) => `annotation "${k}"`),
    ];
    if (!missing.length) return;
    report({
      path: ["metadata"],
      target: "key",
      message: `${resource.kind} "${resource.name}" lacks the required ${missing.join(", ")}`,
      hint: `add ${missing.join(", ")} to metadata`,
    });
  },
});
