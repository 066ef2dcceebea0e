/**
 * How a syntax problem is shown: at the token that starts it, in the user's terms. The yaml
 * package reports some mistakes where its parser noticed them (the next line, the end of the
 * file); these are moved to the mistake itself, as kubectl's `line N: ...` messages are.
 */
import type { SyntaxProblem } from "./parse.js";

export interface ShownProblem {
  start: number;
  end: number;
  message: string;
  hint?: string;
}

/** A piece of the input for a message: whitespace runs collapsed, at most 40 characters. */
export function excerpt(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

export function explainSyntaxProblem(text: string, p: SyntaxProblem): ShownProblem {
  if (p.code === "DUPLICATE_KEY") {
    const key = /^[^:\n]*/.exec(text.slice(p.start))?.[0].trim() ?? "";
    return { start: p.start, end: p.start + Math.max(1, key.length), message: `key "${key}" appears twice in this mapping`, hint: "remove one of the two keys; the API server rejects repeated keys" };
  }
  if (p.code === "MULTILINE_IMPLICIT_KEY" || p.code === "BLOCK_AS_IMPLICIT_KEY") {
    const shown = strayListItem(text, p.start) ?? overIndentedKey(text, p.start);
    if (shown) return shown;
  }
  return { start: p.start, end: p.end, message: lowerFirst(p.message), ...(p.hint ? { hint: p.hint } : {}) };
}

/**
 * A `- item` line among the keys of a block mapping. The yaml package blames the indentation
 * before the dash, or the dash itself; the item is what is out of place.
 */
function strayListItem(text: string, at: number): ShownProblem | undefined {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const dash = lineStart + /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  if (at > dash || text[dash] !== "-" || !/^-(\s|$)/.test(text.slice(dash, dash + 2))) return undefined;
  const line = text.slice(dash, text.indexOf("\n", dash) === -1 ? text.length : text.indexOf("\n", dash));
  const item = line.replace(/\s+#.*$/, "").trimEnd();
  return {
    start: dash,
    end: dash + item.length,
    message: `list item "${excerpt(item)}" appears among the keys of a mapping`,
    hint: 'remove the "- " to make it a key of this mapping, or move the list under a key of its own',
  };
}

/** A key indented deeper than the one above it: the yaml package blames the line above, kubectl this one. */
function overIndentedKey(text: string, at: number): ShownProblem | undefined {
  const nl = text.indexOf("\n", at);
  if (nl === -1) return undefined;
  const lineStart = nl + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  const keyEnd = text.slice(lineStart + indent).search(/:(\s|$)/);
  if (keyEnd <= 0) return undefined;
  return {
    start: lineStart + indent,
    end: lineStart + indent + keyEnd,
    message: "mapping values are not allowed here: this line is indented deeper than the key above it",
    hint: "align the key with its siblings, or put a value on the line above on a line of its own",
  };
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1).replace(/\.$/, "") : s;
}
