/** `--print-config <file>`: the configuration a lint of that file applies, as YAML or JSON. */
import { relative } from "node:path";
import { stringify } from "yaml";
import { effectiveConfig, type RunOptions } from "../engine/effective-config.js";

/**
 * The config file found (or null), then every setting resolved, every rule's severity last.
 * `file` is shown as given: the configuration does not vary by file (it is found from the
 * working directory, like a lint run's).
 */
export function printConfig(file: string, options: RunOptions & { maxWarnings?: number; configFile?: string; cwd: string; json: boolean }): string {
  const { configFile, cwd, json, ...run } = options;
  const shown = {
    file,
    configFile: configFile ? relative(cwd, configFile).split("\\").join("/") || configFile : null,
    ...effectiveConfig(run),
  };
  return json ? `${JSON.stringify(shown, null, 2)}\n` : stringify(shown);
}
