/**
 * The layer table of docs/DECISIONS.md ("Layers"), enforced: every import statement of every
 * file under src/ (type-only, re-exports and dynamic imports included) goes downhill.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ROOT } from "./harness.js";

const SRC = join(ROOT, "src");

type Layer = "base" | "models" | "rules" | "registry" | "engine" | "config-schema" | "config" | "formatters" | "explain" | "docs" | "graph" | "lsp" | "cli" | "action" | "api";

/**
 * Which layers a layer may import (its own always). The registry is src/rules/index.ts, the
 * rule contract src/rules/types.ts, dispatch by scope src/rules/scope.ts and the rules' examples
 * src/rules/examples.ts: the only rule files the engine may import; above the engine,
 * src/engine/registry.ts is the way to the rules.
 */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  base: [],
  models: ["base"],
  rules: ["registry", "models", "base"],
  registry: ["rules", "models", "base"],
  engine: ["registry", "models", "config-schema", "base"],
  "config-schema": ["base"],
  config: ["config-schema", "engine", "models", "base"],
  formatters: ["base"],
  explain: ["engine", "models", "config-schema", "base"],
  docs: ["explain", "engine", "models", "base"],
  graph: ["engine", "models", "base"],
  lsp: ["explain", "config", "config-schema", "engine", "models", "base"],
  cli: ["lsp", "explain", "formatters", "config", "config-schema", "engine", "graph", "models", "base"],
  action: ["cli", "formatters", "config", "config-schema", "engine", "graph", "models", "base"],
  api: ["explain", "engine", "base"],
};

/** The layer of a file, by its path relative to src/ (forward slashes). */
function layerOf(file: string): Layer | undefined {
  if (file === "index.ts") return "api";
  if (file === "rules/index.ts" || file === "rules/types.ts" || file === "rules/examples.ts" || file === "rules/scope.ts") return "registry";
  if (file === "config/schema.ts") return "config-schema";
  if (!file.includes("/")) return "base";
  const top = file.slice(0, file.indexOf("/"));
  const dirs: Record<string, Layer> = { models: "models", rules: "rules", engine: "engine", config: "config", formatters: "formatters", explain: "explain", docs: "docs", graph: "graph", lsp: "lsp", cli: "cli", action: "action" };
  return dirs[top];
}

/** Every module specifier of a source text: import/export ... from, side-effect imports, import(). */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])([^"']+)\1/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) out.push(m[2]);
  return out;
}

/** The forbidden imports of one file, as "from -> to (layer -> layer)". */
function violations(file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [`${file}: in no layer (add its folder to the layer table in docs/DECISIONS.md and here)`];
  const out: string[] = [];
  for (const spec of specifiers(source)) {
    if (!spec.startsWith(".")) continue;
    const target = relative(SRC, resolve(SRC, dirname(file), spec)).replace(/\\/g, "/").replace(/\.js$/, ".ts");
    const to = layerOf(target);
    if (to === from || (to && MAY_IMPORT[from].includes(to))) continue;
    out.push(`${file} -> ${target} (${from} -> ${to ?? "outside src"})`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [relative(SRC, path).replace(/\\/g, "/")] : [];
  });
}

test("every import under src/ follows the layer table", () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap((f) => violations(f, readFileSync(join(SRC, f), "utf8")))).toEqual([]);
});

describe("the checker", () => {
  test.each([
    ["models/resource.ts", 'import type { ParsedDocument } from "../engine/parse.js";', "models -> engine"],
    ["models/pods.ts", 'import { rule } from "../rules/resources/qos-class.js";', "models -> rules"],
    ["models/pods.ts", 'export { allRules } from "../rules/index.js";', "models -> registry"],
    ["models/qos.ts", 'const f = await import("../formatters/stylish.js");', "models -> formatters"],
    ["models/qos.ts", 'import "../cli/run.js";', "models -> cli"],
    ["formatters/sarif.ts", 'import { allRules } from "../rules/index.js";', "formatters -> registry"],
    ["formatters/stylish.ts", 'import type { Rule } from "../rules/types.js";', "formatters -> registry"],
    ["cli/commands/qos.ts", 'import { runningPods } from "../../rules/resources/pods.js";', "cli -> rules"],
    ["cli/commands/rules.ts", 'import { allRules } from "../../rules/index.js";', "cli -> registry"],
    ["engine/lint.ts", 'import { customResourceSchema } from "../rules/schema/crd.js";', "engine -> rules"],
    ["rules/schema/validate.ts", 'import { formatPath } from "../../engine/positions.js";', "rules -> engine"],
    ["advisor/x.ts", 'import { lint } from "../engine/lint.js";', "in no layer"],
  ])("rejects %s: %s", (file, line, expected) => {
    const found = violations(file, line);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  test.each([
    ["engine/lint.ts", 'import { allRules } from "../rules/index.js";'],
    ["engine/run-rules.ts", 'import type { Finding, Rule } from "../rules/types.js";'],
    ["engine/collect.ts", 'import { ResourceIndex } from "../models/resource-index.js";'],
    ["cli/commands/rules.ts", 'import { allRules } from "../../engine/registry.js";'],
    ["rules/resources/qos-class.ts", 'import { qosOf } from "../../models/pods.js";'],
    ["formatters/sarif.ts", 'import type { Location } from "sarif";\nimport type { RuleDescription } from "../types.js";'],
  ])("accepts %s: %s", (file, line) => {
    expect(violations(file, line)).toEqual([]);
  });
});
