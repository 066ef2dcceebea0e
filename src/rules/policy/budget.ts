/**
 * What a finding says when a CEL evaluation is stopped. The limits are the API server's, which
 * judges each request alone: the per-expression limit (PerCallLimit, 1,000,000) and the budget
 * of all expressions on one object (RuntimeCELCostBudget, 10,000,000: one per CRD object, one
 * per binding and object). They bound a run linearly in its objects, so there is no budget of
 * the whole run (it stopped valid policies on large inputs with a false error).
 */

/** Why an evaluation was stopped, in a finding's words. */
export function exceededReason(exceeded: "call" | "budget"): string {
  if (exceeded === "budget") return "the CEL expressions on this object together exceed the cost budget of 10000000 the API server allows one request";
  return "its cost exceeds the per-expression limit of 1000000 the API server applies";
}

/**
 * What a finding says when a CRD rule or a custom rule was stopped. A CRD rule stopped by the
 * per-expression limit rejects the object (validation.go: "call cost exceeds limit"); an
 * admission policy's stop follows its failurePolicy instead (admission-policy.ts).
 */
export function exceededMessage(what: string, exceeded: "call" | "budget"): string {
  return `${what} was stopped: ${exceededReason(exceeded)}${exceeded === "call" ? ' (it rejects the object with "call cost exceeds limit")' : ""}`;
}

/**
 * What a custom rule's finding says when it was stopped. Custom rules run only in k8s-lint, which
 * bounds them with the API server's limits; no server rejects anything for it.
 */
export function customRuleStoppedMessage(what: string, exceeded: "call" | "budget"): string {
  const reason = exceeded === "budget" ? "the CEL expressions on this object together exceed the cost budget of 10000000" : "its cost exceeds the per-expression limit of 1000000";
  return `${what} was stopped: ${reason} (k8s-lint bounds custom rules with the API server's CEL cost limits)`;
}

/**
 * A CEL expression, pattern or message quoted as the user wrote it (JSON.stringify would double
 * each backslash of a regular expression), on one line: the line breaks of an expression written
 * over several lines, and the indentation around them, are one space (a finding's message is one
 * line; the terminal would show each break as "\n").
 */
export function asWritten(text: string): string {
  return `"${text.replace(/[ \t]*\r?\n[ \t]*/g, " ")}"`;
}
