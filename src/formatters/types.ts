import type { LintResult } from "../types.js";

export interface FormatOptions {
  color: boolean;
  /** Print each diagnostic's explanation (and show info diagnostics in stylish). */
  explain?: boolean;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
