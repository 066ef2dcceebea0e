/**
 * The failures that end a run with exit 2. They live apart from the modules that throw them so
 * that the CLI can recognise them without loading the engine (`--version`, `explain`).
 */

/** A config file that cannot be read or does not validate. */
export class ConfigError extends Error {}

/**
 * A value of the config file that the run cannot use (a `policies:` entry that names nothing),
 * with where it is in the config (`["policies", 1]`): the CLI places it at `file:line:col` like
 * the config's other errors (config/positions.ts).
 */
export class ConfigValueError extends ConfigError {
  constructor(
    message: string,
    readonly configPath: Array<string | number>,
  ) {
    super(message);
  }
}

/** A path that does not exist, a pattern that matches nothing, a directory without manifests. */
export class DiscoveryError extends Error {}

/** An input that cannot be read at all. */
export class LintIoError extends Error {}

/** Options that make no sense (an unknown rule id). */
export class LintUsageError extends Error {}
