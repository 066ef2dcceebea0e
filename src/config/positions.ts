/**
 * Where the values of a loaded config are written: problems found after the schema check (a
 * custom rule whose expression does not compile, a plugin that does not load) are reported at
 * `file:line:col` like the schema's own. Kept apart from load.ts, so that reading a position
 * does not load the config schema (zod).
 */
import type { ParsedDocument } from "../models/document.js";
import { LineIndex, locate } from "../engine/positions.js";
import { valueOffsets } from "../engine/scalar-offsets.js";
import { ConfigError, ConfigValueError } from "../errors.js";
import { printable } from "../printable.js";

interface ConfigSource {
  text: string;
  doc: ParsedDocument | undefined;
  displayName: string;
}

const sources = new WeakMap<object, ConfigSource>();

/** Records where a config's values come from (config/load.ts, once per loaded file). */
export function rememberConfigSource(config: object, source: ConfigSource): void {
  sources.set(config, source);
}

/**
 * A config problem as one line, `file:line:col: message at "path"`: at the value of `path`, or
 * at character `within` of its string value (a compile error in an expression). Without a
 * recorded source (a config built in code), `fallback: message at "path"`.
 */
export function configProblem(config: object | undefined, fallback: string, path: Array<string | number>, message: string, within?: number): string {
  const source = config ? sources.get(config) : undefined;
  const where = ` at "${path.join(".")}"`;
  if (!source?.doc) return printable(`${fallback}: ${message}${where}`);
  const span = locate(source.doc, path, "value");
  let offset = span.start;
  if (within !== undefined && span.exact) {
    let value: unknown = source.doc.value;
    for (const seg of path) value = (value as Record<string | number, unknown> | undefined)?.[seg];
    const offsets = typeof value === "string" ? valueOffsets(source.text, span.start, span.end, value) : undefined;
    if (offsets && within < offsets.length) offset = offsets[within];
  }
  const pos = new LineIndex(source.text).position(offset);
  return printable(`${source.displayName}:${pos.line}:${pos.column}: ${message}${where}`);
}

/** An error of the run, with a ConfigValueError (a `policies:` entry that names nothing) placed in the config file like the config's other problems. */
export function placedConfigError(err: unknown, config: object | undefined, fallback: string): unknown {
  return err instanceof ConfigValueError ? new ConfigError(configProblem(config, fallback, err.configPath, err.message)) : err;
}
