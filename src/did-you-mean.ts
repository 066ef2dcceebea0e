/**
 * The one did-you-mean policy: field names, enum values, kinds, versions, object names, label
 * values, rule ids, status topics, config keys and command-line options all go through it.
 * One distance (`spellingDistance`: edit distance ignoring case, on fastest-levenshtein) and one threshold rule
 * (`nearness`): a candidate is near a word when it is a typo of it or the word abbreviates it.
 */
import { distance } from "fastest-levenshtein";

/** Edits a typo may take: one in a short word, up to three in a long one. */
function maxTypoDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 9 ? 2 : 3;
}

/** Shortest word taken as the start of a longer name (`privileged`, `crashloop`); shorter ones begin too many. */
const MIN_ABBREVIATION = 4;

/**
 * Whether lower-cased `word` abbreviates `candidate`: each hyphenated part of the word begins
 * the corresponding part of the candidate (`kube-version` for `kubernetes-version`), or a word
 * of four characters or more begins the candidate or one of its hyphenated parts
 * (`storageclass` for `storageclassname`, `probe` for `missing-liveness-probe`).
 */
function abbreviates(word: string, candidate: string): boolean {
  if (word.includes("-")) {
    const parts = word.split("-");
    const full = candidate.split("-");
    if (parts.length === full.length && parts.every((p, i) => p !== "" && full[i].startsWith(p))) return true;
  }
  if (word.length < MIN_ABBREVIATION || candidate.length <= word.length) return false;
  return candidate.startsWith(word) || candidate.includes(`-${word}`);
}

/** Whether `a` becomes `b` by swapping two adjacent characters (`shpo`, `shop`). */
function swapsAdjacent(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Edit distance between two names, ignoring case, a swap of two adjacent characters counting
 * as one edit (Levenshtein counts it as two): the one distance every suggestion ranks by.
 */
export function spellingDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d = distance(x, y);
  return d === 2 && swapsAdjacent(x, y) ? 1 : d;
}

/**
 * Whether `word` is `candidate` written with a typo (or as it is): within the edit budget of the
 * threshold rule, an abbreviation not counted ("prometheus" does not misspell "prometheus-operator").
 */
export function misspells(word: string, candidate: string): boolean {
  return spellingDistance(word, candidate) <= maxTypoDistance(word);
}

/**
 * The threshold rule: how near `candidate` is to `word`, lower is nearer. A typo (edit distance
 * within the word's budget: 1 up to 4 characters, 2 up to 9, 3 beyond) scores its distance; an
 * abbreviation scores just past the budget, so every typo ranks first. Undefined: not near.
 */
export function nearness(word: string, candidate: string): number | undefined {
  const budget = maxTypoDistance(word);
  const d = spellingDistance(word, candidate);
  if (d <= budget) return d;
  return abbreviates(word.toLowerCase(), candidate.toLowerCase()) ? budget + 0.5 : undefined;
}

/** The candidates near `word`, nearest first (ties in the candidates' order), at most `limit`. */
export function nearest(word: string, candidates: readonly string[], limit = Infinity): string[] {
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    const n = nearness(word, c);
    if (n !== undefined) scored.push([c, n]);
  }
  // Array.prototype.sort is stable: equally near candidates keep their order.
  return scored
    .sort((a, b) => a[1] - b[1])
    .slice(0, limit)
    .map(([c]) => c);
}

/** The candidate `word` most likely misspells or abbreviates; undefined when none is near. */
export function closestWithin(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestNearness = Infinity;
  for (const c of candidates) {
    const n = nearness(word, c);
    if (n !== undefined && n < bestNearness) {
      best = c;
      bestNearness = n;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` to append to a message, or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], quote: (s: string) => string = (s) => `"${s}"`): string {
  const near = closestWithin(word, candidates);
  return near === undefined ? "" : ` (did you mean ${quote(near)}?)`;
}

/**
 * Which of `written` (keys an object writes that its type does not declare) is `field` misspelt:
 * the same name in another case, or one whose nearest declared name is `field`. A required field
 * missing beside such a key is that key, with a typo.
 */
export function misspeltAs(field: string, written: readonly string[], declared: readonly string[]): string | undefined {
  const lower = field.toLowerCase();
  return written.find((k) => k.toLowerCase() === lower || closestWithin(k, declared) === field);
}
