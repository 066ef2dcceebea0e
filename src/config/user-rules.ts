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
import { displayPath } from "../engine/discover.js";
import { ConfigError } from "../errors.js";
import { printable } from "../printable.js";
import { configProblem } from "./positions.js";
import { kindProblem, knownKinds } from "./custom-rule-kinds.js";
import type { Config } from "./schema.js";

const CUSTOM_RULE_VARIABLES = ["object", "objects"];

/** A kind a custom rule names that k8s-lint does not know: a custom resource's, presumably (custom-rule-kinds.ts). */
export interface UnfamiliarKind {
  ruleId: string;
  kind: string;
}

/**
 * Loads the user rules of a config into the registry (none: the registry holds only built-in
 * rules). `named`: the user named the config; plugins of a config found on its own are refused.
 * Returns the kinds of custom rules that no built-in or bundled kind is, for the run to check
 * that some resource has them. `cwd`: the working directory, that paths shown are relative to.
 */
export async function applyUserRules(config: Config | undefined, configFile: string | undefined, named: boolean, cwd = process.cwd()): Promise<UnfamiliarKind[]> {
  const rules: Rule[] = [];
  const problems: string[] = [];
  const unfamiliar: UnfamiliarKind[] = [];
  const where = configFile ?? "the config";
  // What a custom rule's explanation names (SARIF's rule descriptions, explain): relative to the working directory, like the report's other paths.
  const source = configFile ? displayPath(configFile, cwd) : "the config";
  const problem = (path: Array<string | number>, message: string, within?: number) => problems.push(configProblem(config, where, path, message, within));
  if (config?.plugins?.length && !named) {
    throw new ConfigError(printable(`${where}: plugins run JavaScript, so they are loaded only from a config named with -c/--config (the Action's config input): name this config to load them, or remove plugins from it`));
  }
  if (config?.customRules?.length) {
    const cel = await loadCel();
    const kinds = config.customRules.some((r) => r.kinds?.length) ? await knownKinds() : undefined;
    for (const [i, entry] of config.customRules.entries()) {
      const at = (key: string, ...rest: number[]) => ["customRules", i, key, ...rest];
      const rule = `custom rule "${entry.id}"`;
      let valid = true;
      entry.kinds?.forEach((kind, j) => {
        const wrong = kindProblem(kind, kinds!);
        if (wrong === "unfamiliar") unfamiliar.push({ ruleId: entry.id, kind });
        else if (wrong) problem(at("kinds", j), `${rule}: ${wrong}`), (valid = false);
      });
      const compiled = cel.compile(entry.expression, CUSTOM_RULE_VARIABLES);
      const wrongType = cel.isCompileError(compiled) ? undefined : cel.typeProblem(compiled.type, "bool");
      if (cel.isCompileError(compiled)) problem(at("expression"), `${rule}: expression does not compile at character ${compiled.start + 1}: ${compiled.message}`, compiled.start), (valid = false);
      // As the API server refuses a CRD rule or a policy validation that is not a condition.
      else if (wrongType) problem(at("expression"), `${rule}: expression ${wrongType}: ${cel.resultTypeHint("bool")}`), (valid = false);
      if (entry.path !== undefined && !parseUserPath(entry.path)) {
        problem(at("path"), `${rule}: path ${JSON.stringify(entry.path)} does not parse: write field names with dots and list indices as numbers (spec.containers.0.image) or in brackets (spec.containers[0].image)`);
        valid = false;
      }
      if (valid) rules.push(customRule(entry, source));
    }
  }
  for (const [i, plugin] of (config?.plugins ?? []).entries()) {
    const file = resolve(configFile ? dirname(configFile) : process.cwd(), plugin);
    let module: unknown;
    try {
      module = await import(pathToFileURL(file).href);
    } catch (err) {
      problem(["plugins", i], `plugin "${plugin}" cannot be loaded: ${(err as Error).message.split("\n")[0]}`);
      continue;
    }
    const found = pluginRules(module, plugin);
    if (typeof found === "string") problem(["plugins", i], found);
    else rules.push(...found);
  }
  const seen = new Map<string, number>();
  for (const r of rules) {
    const times = seen.get(r.meta.id) ?? 0;
    seen.set(r.meta.id, times + 1);
    // A custom rule's id is in the config (this occurrence of it); a plugin's in its module: placed at the plugins.
    const customAt = (config?.customRules ?? []).flatMap((e, i) => (e.id === r.meta.id ? [i] : []))[times];
    const path = customAt !== undefined ? ["customRules", customAt, "id"] : ["plugins"];
    if (isBuiltInRule(r.meta.id)) problem(path, `rule "${r.meta.id}" has the id of a built-in rule: rename it`);
    else if (times) problem(path, `rule "${r.meta.id}" is defined twice`);
  }
  if (problems.length) throw new ConfigError(problems.join("\n"));
  setUserRules(rules);
  return unfamiliar;
}
