/**
 * Applying text edits: one fix's edits together, and many fixes in one pass where those that
 * overlap an accepted one wait for the next pass (ESLint's rule: the first fix wins).
 */
import type { Fix, TextEdit } from "../../types.js";

/** The text with the edits of one fix applied; throws when they overlap or fall outside it. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start || e.end > text.length) throw new Error(`edit [${e.start}, ${e.end}) overlaps another or lies outside the text`);
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Whether two edits touch: overlapping ranges, or insertions at the same point (their order would be a guess). */
function touches(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies the fixes that do not touch one accepted before them, in the order given; the others
 * are deferred (a next pass recomputes them on the new text).
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; deferred: number; accepted: Fix[] } {
  const accepted: TextEdit[] = [];
  const acceptedFixes: Fix[] = [];
  let applied = 0;
  let deferred = 0;
  for (const fix of fixes) {
    if (!fix.edits.length) continue;
    const own = [...fix.edits].sort((a, b) => a.start - b.start);
    const selfOverlap = own.some((e, i) => i > 0 && e.start < own[i - 1].end);
    if (selfOverlap || own.some((e) => accepted.some((a) => touches(a, e)))) {
      deferred++;
      continue;
    }
    accepted.push(...own);
    acceptedFixes.push(fix);
    applied++;
  }
  return { text: applied ? applyEdits(text, accepted) : text, applied, deferred, accepted: acceptedFixes };
}
