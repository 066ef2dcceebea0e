/** The programmatic API: `import { lint, explainTopic, diagnose } from "k8s-lint"`. */
export { lint, type LintOptions } from "./engine/lint.js";
export type { Diagnostic, Fix, Suggestion, TextEdit, FileResult, LintResult, LintSummary, RelatedLocation, ResourceRef, Severity } from "./types.js";
export {
  explainTopic,
  explainExitCode,
  diagnose,
  DiagnoseInputError,
  type Explanation,
  type ExitCodeInfo,
  type DiagnoseResult,
  type PodReport,
  type ContainerReport,
  type WorkloadReport,
} from "./explain/index.js";
export { applyEdits, applyFixes } from "./engine/fix/apply.js";
export { fixText } from "./engine/fix/run.js";
