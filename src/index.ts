/** The programmatic API: `import { lint } from "k8s-lint"`. */
export { lint, type LintOptions } from "./engine/lint.js";
export type { Diagnostic, FileResult, LintResult, LintSummary, RelatedLocation, ResourceRef, Severity } from "./types.js";
