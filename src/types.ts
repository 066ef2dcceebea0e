/** Shared types of the pipeline: files -> documents -> resources -> diagnostics -> output. */
import type { PodSecurityEnabler, PresetChoice, PresetName } from "./presets.js";

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

/**
 * Whether the input holds every object its resources refer to (`complete`), or may leave some
 * to other files and tooling (`partial`): the policy for references to absent objects.
 */
export const REFERENCE_POLICIES = ["partial", "complete"] as const;
export type ReferencePolicy = (typeof REFERENCE_POLICIES)[number];

/** A field path inside one resource, e.g. ["spec", "template", "spec", "containers", 0, "image"]. */
export type Path = ReadonlyArray<string | number>;

/** 1-based positions; endColumn is exclusive (the column just after the last character). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  resource: ResourceRef;
  path: string;
  message?: string;
}

/** What a report prints about a rule (from its meta): formatters receive these, they never import rules. */
export interface RuleDescription {
  id: string;
  category: string;
  severity: Severity;
  summary: string;
  explanation: string;
  fix: string;
  preventsStatus: readonly string[];
  /** The opt-in presets the rule belongs to; absent for the recommended set. */
  presets?: readonly PresetName[];
}

/**
 * One replacement of a file's text: [start, end) becomes `text`. Offsets are UTF-16 code units
 * of the text as decoded (a leading BOM removed and not counted, CRLF kept), like columns.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What applying one diagnostic's fix changes: edits sorted by start, never overlapping. */
export interface Fix {
  edits: TextEdit[];
}

/** A fix that needs the user's choice: shown in JSON, SARIF and the editor, never applied by `--fix`. */
export interface Suggestion {
  description: string;
  fix: Fix;
}

/** One finding, exactly as the JSON output contract (SPEC §3) prints it. */
export interface Diagnostic extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  resource: ResourceRef;
  path: string;
  hint?: string;
  related?: RelatedLocation;
  /** Template file named by a `# Source:` comment of `helm template` output. */
  source?: string;
  /** The safe fix `--fix` applies. */
  fix?: Fix;
  /** Fixes that need a choice: never applied by `--fix`. */
  suggestions?: Suggestion[];
}

/** A document recognised as a client-side configuration file (a kustomization, a kubeconfig...) and not linted. */
export interface ConfigurationDocument {
  line: number;
  /** As written; "" when absent (a kustomization.yaml may omit it). */
  apiVersion: string;
  kind: string;
  /** The tool that reads it ("kustomize", "kubeadm"...). */
  tool: string;
}

export interface FileResult {
  path: string;
  resources: number;
  diagnostics: Diagnostic[];
  /** Present when the file holds configuration documents. */
  configurations?: ConfigurationDocument[];
}

export interface LintSummary {
  files: number;
  resources: number;
  skipped: number;
  /** Configuration documents recognised and not linted; present when there are any. */
  configurations?: number;
  /** Custom resources no CRD of the input nor bundled schema describes (their fields were not checked), and their kinds as `Kind.group`; present when there are any. */
  unchecked?: { resources: number; kinds: string[] };
  /** `resources` and `components` entries of the run's kustomizations of which the run reads nothing (their objects were not linted), each with its kustomization's file: local ones, and remote ones (`remote`, as written); present when there are any. */
  unread?: Array<{ kustomization: string; entry: string; remote?: true }>;
  /** Symbolic links in the linted directories (to a folder, or a file named like a manifest) that lead out of them and out of the git repository holding them, and were not followed (`--follow-symlinks` follows them); present when there are any. */
  linksNotFollowed?: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** The object `--format json` prints and `lint()` returns. */
export interface LintResult {
  version: 1;
  kubernetesVersion: string;
  /** The enabled presets (`recommended` first): which opinionated rules ran. Absent in results made before presets existed. */
  presets?: PresetChoice[];
  /** The release asked for (--kubernetes-version, kubernetesVersion), present when another one is judged (newer than the catalogue). */
  requestedKubernetesVersion?: string;
  /** The Pod Security level the run set (--pod-security or podSecurity), which turns the pod-security rules on; absent when neither is set. */
  podSecurity?: PodSecurityEnabler;
  files: FileResult[];
  summary: LintSummary;
}
