/**
 * The one escaping policy for text from the input (names, labels, images, messages built from
 * them) on its way to a person: a terminal or a CI log. Renderers call it on each piece of input
 * text before they add colour codes of their own.
 */

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * C0 and C1 controls, DEL, the bidirectional embeddings, overrides, isolates and marks
 * (Unicode TR9; "Trojan Source") and the line and paragraph separators U+2028 and U+2029.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A GitHub Actions workflow command is a line that starts with `::` after leading whitespace
 * (the runner's ActionCommand.TryParseV2 trims it), so a word of input text never starts with
 * `::` in human output: wherever a renderer breaks or starts a line, it cannot forge one.
 */
const COMMAND_START = /(^|\s)::/g;

/**
 * `value` with every control character shown as a visible escape (`\n`, `\x1b`, `\u202e`) and
 * a word-initial `::` as `\x3a:`. Backslashes are left as they are: the output is for reading,
 * and the exact value is in the JSON output.
 */
export function printable(value: string): string {
  return value
    .replace(UNPRINTABLE, (ch) => NAMED[ch] ?? escapeCode(ch.charCodeAt(0)))
    .replace(COMMAND_START, "$1\\x3a:");
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
