/**
 * V8's linear-time regexp fallback, for the RegExps that do not run on RE2 (regex.ts): the CEL
 * standard library's matches() of cel-js.
 */
import { setV8Flag } from "../../v8-flags.js";

let linearFallback = false;

/**
 * Lets V8 fall back to its linear-time regexp engine (no backtracking) when a match backtracks
 * more than a bound: RE2's guarantee, for every RegExp compiled afterwards. Process-wide, and
 * only semantics-preserving: the fallback engine accepts exactly the RE2-compatible patterns.
 */
export function enableLinearFallback(): void {
  if (linearFallback) return;
  linearFallback = true;
  setV8Flag("--enable-experimental-regexp-engine-on-excessive-backtracks");
  setV8Flag("--regexp-backtracks-before-fallback=10000");
}
