import type { LintResult, ResourceRef } from "../types.js";

/** A resource of the run and where it starts (JUnit lists resources without findings too). */
export interface LintedResource {
  file: string;
  line: number;
  resource: ResourceRef;
}

export interface FormatOptions {
  color: boolean;
  /** Print each diagnostic's explanation (and show info diagnostics in stylish). */
  explain?: boolean;
  /** Every resource linted, when the caller knows them (the CLI does); without it JUnit lists only resources with findings. */
  resources?: LintedResource[];
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
