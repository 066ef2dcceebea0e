import type { LintResult, ResourceRef, RuleDescription } from "../types.js";

/** A resource of the run and where it starts (JUnit lists resources without findings too). */
export interface LintedResource {
  file: string;
  line: number;
  resource: ResourceRef;
}

export interface FormatOptions {
  color: boolean;
  /** The rules of the catalogue, in its order: SARIF describes them, `--explain` prints theirs. */
  rules: readonly RuleDescription[];
  /** Print each diagnostic's explanation (and show info diagnostics in stylish). */
  explain?: boolean;
  /** Terminal columns for the human format (default 80); machine formats ignore it. */
  width?: number;
  /** The run linted each input set apart (`--per-directory`): the stylish footer does not suggest it for findings across folders. */
  perDirectory?: boolean;
  /** Every resource linted, when the caller knows them (the CLI does); without it JUnit lists only resources with findings. */
  resources?: LintedResource[];
}

/**
 * A rendered report: one string, or its text in order as chunks. The machine formats give
 * chunks, so that a run with a million findings never holds its report as one string (V8
 * strings end at about 512 MiB); `Array.from(report).join("")` is the whole text either way.
 */
export type Report = string | Iterable<string>;

export type Formatter = (result: LintResult, options: FormatOptions) => Report;
