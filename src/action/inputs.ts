/**
 * The Action's inputs, read as @actions/core reads them: `INPUT_<NAME>` with the name upper-cased
 * and spaces turned into `_` (dashes stay), trimmed; an empty value means the input's default.
 */
import { targetRelease } from "../models/catalogue/releases.js";
import { UsageError } from "../cli/io.js";
import { FORMATS, isFormatName, type FormatName } from "../formatters/index.js";
import { PRESET_NAMES, presetNamed } from "../presets.js";

/** When the step fails: any error, any warning as well, or never (report only). */
export type FailOn = "error" | "warning" | "never";

export interface ActionInputs {
  /** Files, directories or globs relative to the workspace; at least one (".", the default). */
  paths: string[];
  /** What the log shows. */
  format: FormatName;
  config?: string;
  failOn: FailOn;
  maxWarnings?: number;
  kubernetesVersion?: string;
  /** Where to write SARIF, relative to the workspace. */
  sarifFile?: string;
  /** Presets to enable besides the config's `extends` (as `--preset`). */
  presets: string[];
  /** Also put the resources and their links (`k8s-lint graph`'s Mermaid) in the job summary. */
  graphSummary: boolean;
}

/** The raw value of one input, as `core.getInput` returns it. */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

const FAIL_ON: readonly FailOn[] = ["error", "warning", "never"];

/**
 * `fail-on` alone: read before the others so that a later invalid input can still honour
 * `never`. Throws UsageError for anything but error, warning or never.
 */
export function readFailOn(env: NodeJS.ProcessEnv): FailOn {
  const value = getInput(env, "fail-on") || "error";
  if (!(FAIL_ON as readonly string[]).includes(value)) {
    throw new UsageError(`fail-on must be error, warning or never, got "${value}"`);
  }
  return value as FailOn;
}

/** Every input, validated; throws UsageError naming the first bad one. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failOn = readFailOn(env);
  const paths = getInput(env, "paths").split(/\s+/).filter(Boolean);
  const format = getInput(env, "format") || "github";
  if (!isFormatName(format)) throw new UsageError(`format must be one of ${FORMATS.join(", ")}, got "${format}"`);
  const maxWarningsText = getInput(env, "max-warnings");
  const maxWarnings = maxWarningsText === "" ? undefined : Number(maxWarningsText);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`max-warnings must be a whole number, got "${maxWarningsText}"`);
  }
  const graphSummary = getInput(env, "graph-summary") || "false";
  if (graphSummary !== "true" && graphSummary !== "false") throw new UsageError(`graph-summary must be true or false, got "${graphSummary}"`);
  const kubernetesVersion = getInput(env, "kubernetes-version") || undefined;
  const target = kubernetesVersion === undefined ? undefined : targetRelease(kubernetesVersion);
  if (target && "error" in target) throw new UsageError(`kubernetes-version ${target.error}`);
  const presets = getInput(env, "preset").split(/[\s,]+/).filter(Boolean);
  const unknown = presets.find((p) => !presetNamed(p));
  if (unknown !== undefined) throw new UsageError(`preset must be one of ${PRESET_NAMES.join(", ")}, got "${unknown}"`);
  return {
    paths: paths.length ? paths : ["."],
    format,
    config: getInput(env, "config") || undefined,
    failOn,
    maxWarnings,
    kubernetesVersion,
    sarifFile: getInput(env, "sarif-file") || undefined,
    presets,
    graphSummary: graphSummary === "true",
  };
}

/**
 * The warning limit of a run: `max-warnings` when given, else 0 for `fail-on: warning`, else
 * the config file's maxWarnings (as the CLI applies it).
 */
export function warningLimit(inputs: ActionInputs, configMaxWarnings: number | undefined): number | undefined {
  return inputs.maxWarnings ?? (inputs.failOn === "warning" ? 0 : configMaxWarnings);
}
