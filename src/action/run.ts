/**
 * The Action's run: validate the inputs, lint once, print the log format, write the SARIF file,
 * the outputs and the job summary. Every failure becomes an `::error` annotation and exit code 2.
 */
import { join, resolve } from "node:path";
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, UsageError } from "../cli/io.js";
import { writeReports, type ReportTarget } from "../cli/reports.js";
import { findConfig, loadConfig } from "../config/load.js";
import { placedConfigError } from "../config/positions.js";
import { applyUserRules } from "../config/user-rules.js";
import { IGNORE_FILE } from "../engine/discover.js";
import type { IndexedRun } from "../engine/collect.js";
import { lint, type InputFile } from "../engine/lint.js";
import { ConfigError, DiscoveryError, LintIoError, LintUsageError } from "../errors.js";
import type { LintedResource } from "../formatters/types.js";
import { buildGraph } from "../graph/build.js";
import { renderMermaid } from "../graph/mermaid.js";
import { readFailOn, readInputs, warningLimit, type ActionInputs, type FailOn } from "./inputs.js";
import { appendSummary, errorCommand, setOutputs } from "./runner.js";
import { blobBase, failureMarkdown, graphMarkdown, summaryMarkdown } from "./summary.js";

export interface ActionIO {
  /** The step's log. */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The directory paths are relative to: GITHUB_WORKSPACE, else the process's cwd. */
  cwd: string;
}

/** The failures that end a run with exit code 2 and say why; anything else is an internal error. */
const EXPECTED = [UsageError, ConfigError, DiscoveryError, LintIoError, LintUsageError];

/**
 * Runs the Action on `env` (the runner's environment, INPUT_* included) and returns the step's
 * exit code: the lint's exit code (0, 1, 2; also the `exit-code` output), or 0 with
 * `fail-on: never`, which an invalid `fail-on` cannot mean.
 */
export async function runAction(env: NodeJS.ProcessEnv, io: ActionIO): Promise<number> {
  let failOn: FailOn | undefined;
  let code: number;
  try {
    failOn = readFailOn(env);
    code = await lintOnce(readInputs(env), env, io);
  } catch (err) {
    const expected = EXPECTED.some((type) => err instanceof type);
    const message = expected ? (err as Error).message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    if (!expected) io.stderr(`${(err as Error)?.stack ?? String(err)}\n`);
    io.stdout(errorCommand(message));
    appendSummary(env, failureMarkdown(message));
    code = EXIT_FAILURE;
  }
  setOutputs(env, { "exit-code": code });
  return failOn === "never" ? EXIT_OK : code;
}

async function lintOnce(inputs: ActionInputs, env: NodeJS.ProcessEnv, io: ActionIO): Promise<number> {
  const configPath = inputs.config ? resolve(io.cwd, inputs.config) : findConfig(io.cwd);
  const config = configPath ? loadConfig(configPath, inputs.config ?? configPath) : undefined;
  await applyUserRules(config, configPath, Boolean(inputs.config), io.cwd);
  let resources: LintedResource[] | undefined;
  let indexed: IndexedRun | undefined;
  const reads: InputFile[] = [{ absolute: join(io.cwd, IGNORE_FILE) }, ...(configPath ? [{ absolute: configPath }] : [])];
  const result = await lint(inputs.paths, {
    cwd: io.cwd,
    config,
    kubernetesVersion: inputs.kubernetesVersion,
    presets: inputs.presets,
    onResources: inputs.format === "junit" ? (list) => (resources = list) : undefined,
    onInputFiles: (files) => reads.push(...files),
    onIndexed: inputs.graphSummary ? (run) => (indexed = run) : undefined,
  }).catch((err: unknown) => Promise.reject(placedConfigError(err, config, configPath ?? "the config")));
  const targets: ReportTarget[] = [{ format: inputs.format }];
  if (inputs.sarifFile) targets.push({ format: "sarif", file: inputs.sarifFile });
  await writeReports(result, targets, io, { color: false, resources, reads });

  const limit = warningLimit(inputs, config?.maxWarnings);
  const { errors, warnings, infos } = result.summary;
  const code = errors > 0 || (limit !== undefined && warnings > limit) ? EXIT_PROBLEMS : EXIT_OK;
  setOutputs(env, { errors, warnings, infos });
  appendSummary(env, summaryMarkdown(result, { failed: code !== EXIT_OK && inputs.failOn !== "never", failOn: inputs.failOn, base: blobBase(env) }));
  // The graph as `k8s-lint graph -f mermaid` draws it; GitHub renders a mermaid block in the summary.
  if (indexed) appendSummary(env, graphMarkdown(renderMermaid(buildGraph(result, indexed))));
  return code;
}
