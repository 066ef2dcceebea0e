/** Finds, reads and validates the config file; errors carry the offending key and its line. */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeFailure, INPUT_LIMITS, readFileBounded } from "../engine/bounded-read.js";
import { parseText } from "../engine/parse.js";
import { LineIndex, locate } from "../engine/positions.js";
import { configSchema, type Config } from "./schema.js";
import { ConfigError } from "../errors.js";

/** Thrown here; defined with the other exit-2 failures. */
export { ConfigError };

export const CONFIG_NAMES = [".k8s-lint.yaml", ".k8s-lint.yml", ".k8s-lint.json"];

/** The nearest config file from `cwd` upwards, or undefined. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string, displayName = file): Config {
  const read = readFileBounded(file, INPUT_LIMITS.settings);
  if (!("bytes" in read)) throw new ConfigError(describeFailure(`config file ${displayName}`, read));
  const text = read.bytes.toString("utf8").replace(/^\uFEFF/, "");
  const docs = parseText(text, "1.2");
  const doc = docs[0];
  const problem = doc?.problems[0];
  if (problem) {
    const pos = new LineIndex(text).position(problem.start);
    throw new ConfigError(`${displayName}:${pos.line}:${pos.column}: ${problem.message}`);
  }
  const value = doc?.value ?? {};
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = new LineIndex(text);
  const messages = result.error.issues.map((issue) => {
    let path = issue.path as (string | number)[];
    let what = issue.message;
    if (issue.code === "unrecognized_keys") {
      path = [...path, issue.keys[0]];
      what = `unknown key "${issue.keys.join('", "')}"`;
    }
    const at = doc ? locate(doc, path, issue.code === "unrecognized_keys" ? "key" : undefined) : { start: 0 };
    const pos = lines.position(at.start);
    const where = path.length ? ` at "${path.join(".")}"` : "";
    return `${displayName}:${pos.line}:${pos.column}: ${what}${where}`;
  });
  throw new ConfigError(messages.join("\n"));
}
