import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "internal-error",
  category: "meta",
  severity: "error",
  summary: "A rule failed on this resource; the run went on without it.",
  explanation: `A check threw an exception while looking at this resource. That is a bug in k8s-lint, not in
your manifest: the other rules still ran, but this one could not judge the resource. The
message names the rule and the exception.`,
  fix: "Report it with the manifest that triggers it; meanwhile silence the failing rule for this resource with the k8s-lint.io/ignore annotation.",
  preventsStatus: [],
});
