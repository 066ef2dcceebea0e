/** `--print-config <file>`: the configuration a lint of that file applies, as YAML or JSON. */
import { relative } from "node:path";
import { stringify } from "yaml";
import { effectiveConfig, type RunOptions } from "../engine/effective-config.js";
import { printable } from "../printable.js";

/**
 * The config file found (or null), then every setting resolved, every rule's severity last.
 * `file` is shown as given: the configuration does not vary by file (it is found from the
 * working directory, like a lint run's). The YAML is for reading in a terminal or CI log, so every
 * string in it (values from the untrusted config file) is made printable, one line each; the
 * JSON is exact (it parses to the values), with the characters a terminal acts on as `\u` escapes.
 */
export function printConfig(file: string, options: RunOptions & { maxWarnings?: number; configFile?: string; cwd: string; json: boolean }): string {
  const { configFile, cwd, json, ...run } = options;
  const shown = {
    file,
    configFile: configFile ? relative(cwd, configFile).split("\\").join("/") || configFile : null,
    ...effectiveConfig(run),
  };
  return json ? `${JSON.stringify(shown, null, 2).replace(RAW_IN_JSON, jsonEscape)}\n` : stringify(printableStrings(shown), { lineWidth: 0 });
}

/** What JSON.stringify leaves raw that a terminal acts on: DEL, C1 controls, bidi marks, line separators. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same character as a JSON escape: the JSON parses to the exact value still. */
function jsonEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** `value` with every string in it, keys too, passed through printable. */
function printableStrings(value: unknown): unknown {
  if (typeof value === "string") return printable(value);
  if (Array.isArray(value)) return value.map(printableStrings);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [printable(k), printableStrings(v)]));
  return value;
}
