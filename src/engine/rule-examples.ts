/**
 * The rules' examples (read from their fixtures at build time), for explain and the docs. Kept
 * out of registry.ts: a lint run never reads them, and the bundle then leaves them out of its
 * start-up chunk.
 */
export { ruleExamples } from "../rules/examples.js";
export type { RuleExamples } from "../rules/types.js";
