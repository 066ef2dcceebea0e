/** Argument parsing for every subcommand: node's parseArgs, with did-you-mean for mistyped options. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../did-you-mean.js";
import { UsageError } from "./io.js";

export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * `parseArgs(config)`, where an unknown option is a UsageError naming the nearest known one
 * (`--max-warning` -> `--max-warnings`); other parse errors propagate (exit 2 in run.ts).
 * `command` is the one whose `--help` the message points to.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T, command = "k8s-lint"): ParsedArgs<T> {
  try {
    return parseArgs(config);
  } catch (err) {
    const unknown = /^Unknown option '([^']+)'/.exec((err as Error).message);
    if ((err as NodeJS.ErrnoException).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || !unknown) throw err;
    const hint = unknown[1].startsWith("--") ? didYouMean(unknown[1].slice(2), Object.keys(config.options ?? {}), (name) => `"--${name}"`) : "";
    throw new UsageError(`unknown option "${unknown[1]}"${hint}; \`${command} --help\` lists the options`);
  }
}
