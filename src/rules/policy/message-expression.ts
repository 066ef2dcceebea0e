/**
 * What the API server makes of a messageExpression's string, and of a static message. Both CRD
 * rules and policy validations trim the string with Go's strings.TrimSpace and refuse it when,
 * trimmed, it is empty, holds a line break ("\n") or is longer than
 * MaxEvaluatedMessageExpressionSizeBytes (5 * 1024 bytes, k8s.io/apiserver/pkg/apis/cel/config.go);
 * a refused string falls back to the static message (trimmed), then to a default message:
 * - CRD rules: evalMessageExpression and ruleMessageOrDefault in
 *   k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go ("messageExpression
 *   should not contain line breaks", "should evaluate to a non-empty string", "beyond allowable
 *   length"; the default is "failed rule: <rule, trimmed>");
 * - policy validations: validator.Validate in
 *   k8s.io/apiserver/pkg/admission/plugin/policy/validating/validator.go (the same three refusals,
 *   logged; a message of only spaces trims to "" and falls back too; the default is
 *   "failed expression: <expression, trimmed>").
 */

/** celconfig.MaxEvaluatedMessageExpressionSizeBytes. */
export const MAX_MESSAGE_BYTES = 5 * 1024;

/** The characters Go's unicode.IsSpace holds (strings.TrimSpace trims them): not JavaScript's trim(), which also trims U+FEFF and keeps U+0085. */
const GO_SPACE = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const LEADING = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING = new RegExp(`[${GO_SPACE}]+$`);

/** Go's strings.TrimSpace. */
export function goTrimSpace(text: string): string {
  return text.replace(LEADING, "").replace(TRAILING, "");
}

/** A messageExpression's string as the API server uses it (trimmed), or undefined when it refuses it and falls back. */
export function usableMessage(value: string): string | undefined {
  const trimmed = goTrimSpace(value);
  if (!trimmed || trimmed.includes("\n") || Buffer.byteLength(trimmed, "utf8") > MAX_MESSAGE_BYTES) return undefined;
  return trimmed;
}
