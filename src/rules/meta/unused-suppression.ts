import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "unused-suppression",
  category: "meta",
  severity: "warning",
  summary: "An ignore annotation or comment directive suppresses nothing.",
  explanation: `Suppressions outlive the problem they were written for: the finding gets fixed, or the rule
is renamed, and the directive stays, silently hiding the next real problem on that line or
resource. A suppression that matched no finding in this run (or names a rule that does not
exist) is reported so it can be removed.`,
  fix: "Remove the directive, or correct the rule id it names.",
  preventsStatus: [],
});
