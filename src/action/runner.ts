/**
 * What the Action tells the GitHub runner: step outputs and the job summary through the files
 * the runner names in GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, failures as `::error` commands.
 * Formats follow actions/toolkit's @actions/core (file-command.ts, command.ts).
 */
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { escapeData, escapeProperty } from "../formatters/github.js";

/**
 * Appends `name<<delimiter`, the value and the delimiter to the GITHUB_OUTPUT file: safe for
 * values with new lines. Without GITHUB_OUTPUT (a run outside Actions) nothing is written.
 */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | number>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let text = "";
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const delimiter = `ghadelimiter_${randomUUID()}`;
    // A value cannot forge the end of its own block: the delimiter is random and checked.
    if (value.includes(delimiter) || name.includes(delimiter)) throw new Error(`output "${name}" contains its delimiter`);
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY); nothing outside Actions. */
export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

/** An `::error` workflow command not tied to a file: an annotation on the run. */
export function errorCommand(message: string): string {
  return `::error title=${escapeProperty("k8s-lint")}::${escapeData(message)}\n`;
}
