/** The severity a finding is reported at: the rule's level, as configured, and the finding's own lowering. */
import type { Severity, SeveritySetting } from "../types.js";

const LEVELS: readonly Severity[] = ["info", "warning", "error"];

/**
 * A configured severity moves the rule's level and every finding of the rule by the same number
 * of steps (info < warning < error), within info..error: a finding the rule lowers one step
 * below its default stays one step below the configured level, and one it lowers to info stays
 * at info unless the rule is raised. Without a configured severity (or with `off`, which never
 * reaches a finding) the finding keeps the severity the rule gave it. `ruleDefault` is undefined
 * for ids outside the registry: then the configured severity applies as written.
 */
export function reportedSeverity(found: Severity | undefined, ruleDefault: Severity | undefined, configured: SeveritySetting | undefined): Severity {
  const own = found ?? ruleDefault ?? "error";
  if (configured === undefined || configured === "off") return own;
  if (ruleDefault === undefined || found === undefined) return configured;
  const step = LEVELS.indexOf(configured) - LEVELS.indexOf(ruleDefault);
  return LEVELS[Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(found) + step))];
}
