/**
 * The message style of STYLE.md, checked on every finding the fixture harness sees: a message
 * starts lower-case (or with a Kubernetes kind or term, which keeps its capital), names string
 * values in double quotes (a label pair too: `has "app=web"`), and ends without a period; a hint
 * starts with a verb. Numbers and booleans stay bare ("replicas 2", "hostPID is true").
 */
import { versionsOfKind } from "../src/models/catalogue/index.js";
import type { Diagnostic } from "../src/types.js";

/** The verbs hints start with; a new hint with a new verb adds it here. */
export const HINT_VERBS = new Set(
  "add align ask base64-encode bind change check close create declare enable fix fold give grant indent keep label limit list lower make migrate move nest normalise pick pin prefix put quote raise remove rename render replace request rewrite separate set shorten target use write".split(" "),
);

/** A word that keeps its capital: a kind (built in, or the resource's own), a CamelCase term (ReadWriteOnce), an acronym (TLS). */
function isKubernetesTerm(word: string, kinds: ReadonlySet<string>): boolean {
  return kinds.has(word) || versionsOfKind(word).length > 0 || /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(word) || /^[A-Z0-9]{2,}$/.test(word);
}

function textProblems(what: string, text: string, kinds: ReadonlySet<string>): string[] {
  if (!text.trim()) return [`${what} is empty`];
  const problems: string[] = [];
  const first = /^[^\s:;,]+/.exec(text)?.[0] ?? "";
  if (/^[A-Z]/.test(first) && !isKubernetesTerm(first, kinds)) problems.push(`${what} starts with a capital ("${first}"): start lower-case`);
  if (/[.!]$/.test(text)) problems.push(`${what} ends with a period`);
  if (text !== text.trim()) problems.push(`${what} has leading or trailing white space`);
  const outsideQuotes = text.replace(/"(?:[^"\\]|\\.)*"/g, "\u00ab\u00bb");
  if (outsideQuotes.includes('"')) problems.push(`${what} has an unbalanced double quote`);
  if (outsideQuotes.includes("`")) problems.push(`${what} quotes with backticks: use double quotes`);
  const pair = /(?:^|[\s(:,])([A-Za-z0-9][\w./-]*=[^\s,;)\u00ab]+)/.exec(outsideQuotes);
  if (pair) problems.push(`${what} names the label ${pair[1]} without double quotes`);
  return problems;
}

/** What is wrong with the wording of a finding; [] when it follows the style. */
export function styleProblems(d: Diagnostic): string[] {
  const kinds = new Set([d.resource.kind, d.related?.resource.kind].filter((k): k is string => typeof k === "string"));
  const problems = textProblems("message", d.message, kinds);
  if (d.hint !== undefined) {
    problems.push(...textProblems("hint", d.hint, kinds));
    const verb = /^[^\s:;,]+/.exec(d.hint)?.[0] ?? "";
    if (!HINT_VERBS.has(verb)) problems.push(`hint starts with "${verb}", not a verb (test/message-style.ts lists them)`);
  }
  if (d.related?.message !== undefined) problems.push(...textProblems("related message", d.related.message, kinds));
  return problems;
}
