/**
 * V8's linear-time regexp fallback, for the RegExps that do not run on RE2 (regex.ts): the CEL
 * standard library's matches() of cel-js. Apart from regex.ts so that the CLI's start bundle,
 * which asks v8FlagsChanged(), does not load re2js.
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
    // A runtime without the flag keeps its engine; the CEL cost limits still bound each call.
  }
}
