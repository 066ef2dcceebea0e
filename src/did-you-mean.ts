/** The one did-you-mean policy: field names, kinds, versions, rule ids, command-line options. */
import { distance } from "fastest-levenshtein";

/** Edits a typo may take: one in a short word, up to three in a long one. */
function maxTypoDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 9 ? 2 : 3;
}

/** Whether each hyphenated part of `word` starts its counterpart in `candidate` (`kube-version`). */
function abbreviates(word: string, candidate: string): boolean {
  const parts = word.split("-");
  const full = candidate.split("-");
  return parts.length > 1 && parts.length === full.length && parts.every((p, i) => p !== "" && full[i].startsWith(p));
}

/**
 * The candidate `word` most likely misspells, ignoring case: the nearest by edit distance
 * within a typo's budget, else the one a hyphenated `word` abbreviates; undefined when none is
 * close.
 */
export function closestWithin(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= maxTypoDistance(word)) return best;
  return candidates.find((c) => abbreviates(lower, c.toLowerCase()));
}

/** ` (did you mean "x"?)` to append to a message, or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], quote: (s: string) => string = (s) => `"${s}"`): string {
  const near = closestWithin(word, candidates);
  return near === undefined ? "" : ` (did you mean ${quote(near)}?)`;
}
