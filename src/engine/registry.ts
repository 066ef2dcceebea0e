/**
 * The rule registry as the layers above the engine see it: the CLI, explain, config and docs
 * reach the rules only through here, never through a rule file (docs/DECISIONS.md, layers).
 */
import { allRules } from "../rules/index.js";
import type { RuleDescription } from "../types.js";

import { ruleMetas } from "../rules/index.js";
export { allRules, getRule, setUserRules, isBuiltInRule, customRule, pluginRules, type CustomRuleEntry } from "../rules/index.js";
export { describeScope } from "../rules/scope.js";
export type { Rule, RuleCategory, RuleMeta } from "../rules/types.js";

/** What reports print about the rules (SARIF rule descriptors, `--explain`), in catalogue order. */
export const ruleDescriptions: readonly RuleDescription[] = ruleMetas;
