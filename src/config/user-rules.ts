/**
 * The rules a config adds (customRules, plugins), compiled and loaded before the run and put in
 * the registry (rules/index.ts, setUserRules), where they behave like built-in rules. Plugins
 * are imported only from a config the user names (-c/--config, the Action's config input),
 * relative to it: a config found in the working directory may come with an untrusted checkout
 * (a pull request in CI), and importing its plugins would run that checkout's code.
 */
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { customRule, isBuiltInRule, pluginRules, setUserRules, type Rule } from "../engine/registry.js";
import { loadCel } from "../models/cel/load.js";
import { parseUserPath } from "../models/cel/user-path.js";
import { ConfigError } from "../errors.js";
import { printable } from "../printable.js";
import type { Config } from "./schema.js";

const CUSTOM_RULE_VARIABLES = ["object", "objects"];

/**
 * Loads the user rules of a config into the registry (none: the registry holds only built-in
 * rules). `named`: the user named the config; plugins of a config found on its own are refused.
 */
export async function applyUserRules(config: Config | undefined, configFile: string | undefined, named: boolean): Promise<void> {
  const rules: Rule[] = [];
  const problems: string[] = [];
  const where = configFile ?? "the config";
  if (config?.plugins?.length && !named) {
    throw new ConfigError(printable(`${where}: plugins run JavaScript, so they are loaded only from a config named with -c/--config (the Action's config input): name this config to load them, or remove plugins from it`));
  }
  if (config?.customRules?.length) {
    const cel = await loadCel();
    for (const [i, entry] of config.customRules.entries()) {
      const compiled = cel.compile(entry.expression, CUSTOM_RULE_VARIABLES);
      const wrongType = cel.isCompileError(compiled) ? undefined : cel.typeProblem(compiled.type, "bool");
      if (cel.isCompileError(compiled)) problems.push(`${where}: customRules[${i}] ("${entry.id}"): expression does not compile at character ${compiled.start + 1}: ${compiled.message}`);
      // As the API server refuses a CRD rule or a policy validation that is not a condition.
      else if (wrongType) problems.push(`${where}: customRules[${i}] ("${entry.id}"): expression ${wrongType}: ${cel.resultTypeHint("bool")}`);
      else if (entry.path !== undefined && !parseUserPath(entry.path)) problems.push(`${where}: customRules[${i}] ("${entry.id}"): path ${JSON.stringify(entry.path)} does not parse: write field names with dots and list indices as numbers (spec.containers.0.image) or in brackets (spec.containers[0].image)`);
      else rules.push(customRule(entry, where));
    }
  }
  for (const plugin of config?.plugins ?? []) {
    const file = resolve(configFile ? dirname(configFile) : process.cwd(), plugin);
    let module: unknown;
    try {
      module = await import(pathToFileURL(file).href);
    } catch (err) {
      problems.push(`${where}: plugin "${plugin}" cannot be loaded: ${(err as Error).message.split("\n")[0]}`);
      continue;
    }
    const found = pluginRules(module, plugin);
    if (typeof found === "string") problems.push(`${where}: ${found}`);
    else rules.push(...found);
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (isBuiltInRule(r.meta.id)) problems.push(`${where}: rule "${r.meta.id}" has the id of a built-in rule: rename it`);
    else if (seen.has(r.meta.id)) problems.push(`${where}: rule "${r.meta.id}" is defined twice`);
    seen.add(r.meta.id);
  }
  if (problems.length) throw new ConfigError(problems.map(printable).join("\n"));
  setUserRules(rules);
}
