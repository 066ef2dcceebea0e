/**
 * Regular expressions of CEL and of OpenAPI `pattern`: Kubernetes compiles both with Go's RE2
 * (linear time, no backreferences or lookaround). Here they run on V8's RegExp after a
 * translation of the RE2-only syntax ((?i) flags, \A, \z, (?P<name>), POSIX classes), with V8's
 * linear-time engine switched on for patterns that backtrack too much (a hostile `(a+)+$` ends
 * in microseconds instead of hanging the run). Patterns RE2 refuses are refused here too.
 */
import { createRequire } from "node:module";

let linearFallback = false;

/**
 * Whether this process changed V8's flags: a V8 code cache made afterwards would not match the
 * next process's flags (src/cli/code-cache.ts writes none then).
 */
export function v8FlagsChanged(): boolean {
  return linearFallback;
}

/**
 * Lets V8 fall back to its linear-time regexp engine (no backtracking) when a match backtracks
 * more than a bound: RE2's guarantee, for every RegExp compiled afterwards. Process-wide, and
 * only semantics-preserving: the fallback engine accepts exactly the RE2-compatible patterns.
 */
export function enableLinearFallback(): void {
  if (linearFallback) return;
  linearFallback = true;
  try {
    // node:v8 is loaded only here: most runs compile no CEL or OpenAPI pattern.
    const { setFlagsFromString } = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
    setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks");
    setFlagsFromString("--regexp-backtracks-before-fallback=10000");
  } catch {
    // A runtime without the flag keeps its engine; the CEL cost budget still bounds each call.
  }
}

const POSIX: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

const cache = new Map<string, RegExp | string>();

/** The RegExp of an RE2 pattern, or why RE2 would refuse it. */
export function compileRe2(pattern: string): RegExp | string {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  enableLinearFallback();
  const compiled = translate(pattern);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function translate(pattern: string): RegExp | string {
  let flags = "u";
  let body = pattern;
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading) {
    if (leading[1].includes("U")) return "the (?U) flag is not supported";
    for (const f of leading[1]) if (!flags.includes(f)) flags += f;
    body = body.slice(leading[0].length);
  }
  if (/\\[1-9]|\(\?<?[=!]/.test(body)) return "RE2 has no backreferences or lookaround assertions";
  body = body
    .replace(/\(\?P</g, "(?<")
    .replace(/\\A/g, "^")
    .replace(/\\z/g, "$")
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, neg: string, name: string) => (POSIX[name] && !neg ? POSIX[name] : m));
  try {
    return new RegExp(body, flags);
  } catch {
    try {
      // Without the u flag, escapes RE2 accepts and V8's unicode mode refuses (\-, \_) are literal.
      return new RegExp(body, flags.replace("u", ""));
    } catch (err) {
      return `invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, "")}`;
    }
  }
}
