/** A rule's examples, read from its fixtures at build time (scripts/gen-examples.mjs). */
import { RULE_EXAMPLES } from "./examples.generated.js";
import type { RuleExamples } from "./types.js";

export function ruleExamples(id: string): RuleExamples | undefined {
  return Object.hasOwn(RULE_EXAMPLES, id) ? RULE_EXAMPLES[id] : undefined;
}
