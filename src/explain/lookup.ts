/**
 * Resolves what a user asks `explain` about: a rule id, a pod status reason (any case, with
 * kubectl's forms such as Init:0/2, Init:OOMKilled, ExitCode:1, Signal:9), or an exit code.
 * Rule links are read from the registry at runtime, in both directions.
 */
import { nearest } from "../did-you-mean.js";
import { allRules, getRule, type Rule, type RuleMeta } from "../engine/registry.js";
import { ruleExamples, type RuleExamples } from "../engine/rule-examples.js";
import type { Severity } from "../types.js";
import { presetNote, presetsOf } from "../presets.js";
import { explainExitCode, parseSignal, type ExitCodeInfo } from "./exit-codes.js";
import { statusTopics } from "./topics/index.js";
import type { StatusTopic } from "./types.js";

const byName = new Map<string, StatusTopic>();
for (const t of statusTopics) {
  byName.set(t.name.toLowerCase(), t);
  for (const a of t.aliases ?? []) byName.set(a.toLowerCase(), t);
}

export interface TopicMatch {
  topic: StatusTopic;
  /** Set when the reason was read through a kubectl form (Init:<reason>, OutOf<resource>). */
  note?: string;
}

/** The status topic a reason belongs to, or undefined. */
export function findStatusTopic(reason: string): TopicMatch | undefined {
  const key = reason.trim().toLowerCase();
  const direct = byName.get(key);
  if (direct) return { topic: direct };
  if (/^init:\d+\/\d+$/.test(key)) return { topic: byName.get("init:n/m")!, note: `${reason.trim()} is the Init:N/M form` };
  const init = /^init:(.+)$/.exec(key);
  if (init) {
    if (/^(exitcode|signal):/.test(init[1])) return { topic: byName.get("init:error")! };
    const inner = findStatusTopic(init[1]);
    if (inner) {
      return {
        topic: inner.topic,
        note: `kubectl prefixes "Init:" when an init container has this reason; app containers wait until every init container has succeeded`,
      };
    }
  }
  if (/^outof.+/.test(key)) {
    return { topic: byName.get("outofmemory")!, note: `"OutOf" + a resource name: the kubelet rejected the pod because the node lacks that resource` };
  }
  return undefined;
}

export interface RuleLink {
  id: string;
  severity: Severity;
  summary: string;
}

const link = (m: RuleMeta): RuleLink => ({ id: m.id, severity: m.severity, summary: m.summary });

/**
 * Rules that catch a topic's causes: those whose meta.preventsStatus names it (or one of its
 * aliases). The link is kept on the rule side only; this is its derived reverse.
 */
export function rulesForTopic(topic: StatusTopic): RuleLink[] {
  return allRules.filter((r) => r.meta.preventsStatus.some((s) => findStatusTopic(s)?.topic === topic)).map((r) => link(r.meta));
}

export interface StatusExplanation {
  type: "status";
  name: string;
  aliases: string[];
  summary: string;
  phase: string;
  source: string;
  meaning: string;
  causes: string[];
  commands: string[];
  rules: RuleLink[];
  seeAlso: string[];
  note?: string;
}

export interface RuleExplanation {
  type: "rule";
  id: string;
  severity: Severity;
  category: string;
  summary: string;
  explanation: string;
  fix: string;
  examples?: RuleExamples;
  preventsStatus: string[];
  /** The presets the rule belongs to (`recommended` for the default set). */
  presets: string[];
  /** For a rule of an opt-in preset: which, and how to enable it. */
  presetNote?: string;
}

export interface ExitCodeExplanation extends Omit<ExitCodeInfo, "signal"> {
  type: "exitCode";
  signal?: { number: number; name: string; meaning: string };
  note?: string;
}

export interface UnknownTopic {
  type: "unknown";
  query: string;
  suggestions: string[];
}

export type Explanation = StatusExplanation | RuleExplanation | ExitCodeExplanation | UnknownTopic;

export function explainStatus(match: TopicMatch): StatusExplanation {
  const t = match.topic;
  return {
    type: "status",
    name: t.name,
    aliases: t.aliases ?? [],
    summary: t.summary,
    phase: t.phase,
    source: t.source,
    meaning: t.meaning,
    causes: [...t.causes],
    commands: [...t.commands],
    rules: rulesForTopic(t),
    seeAlso: t.seeAlso ?? [],
    ...(match.note ? { note: match.note } : {}),
  };
}

export function explainRule(rule: Rule): RuleExplanation {
  const m = rule.meta;
  const examples = ruleExamples(m.id);
  const note = presetNote(m);
  return {
    type: "rule",
    id: m.id,
    severity: m.severity,
    category: m.category,
    summary: m.summary,
    explanation: m.explanation,
    fix: m.fix,
    ...(examples ? { examples } : {}),
    preventsStatus: [...m.preventsStatus],
    presets: [...presetsOf(m)],
    ...(note ? { presetNote: note } : {}),
  };
}

function exitCode(code: number, note?: string): ExitCodeExplanation {
  const info = explainExitCode(code);
  return { type: "exitCode", ...info, ...(note ? { note } : {}) };
}

/** Every name `explain` answers to, for suggestions and `--list`. */
export function topicNames(): { statuses: string[]; rules: string[] } {
  return { statuses: statusTopics.map((t) => t.name), rules: allRules.map((r) => r.meta.id) };
}

/** Near misses, nearest first, by the did-you-mean policy; an alias suggests its topic's name. */
export function suggest(query: string, limit = 3): string[] {
  const names = [...statusTopics.flatMap((t) => [t.name, ...(t.aliases ?? [])]), ...allRules.map((r) => r.meta.id)].sort((a, b) => a.localeCompare(b));
  const out: string[] = [];
  for (const name of nearest(query.trim(), names)) {
    // An alias suggests its topic's name, so users learn the kubectl spelling.
    const canonical = byName.get(name.toLowerCase())?.name ?? name;
    if (!out.includes(canonical)) out.push(canonical);
    if (out.length === limit) break;
  }
  return out;
}

export function explainTopic(query: string): Explanation {
  const q = query.trim();
  if (/^-?\d+$/.test(q)) {
    const n = Number(q);
    if (n >= 0 && n <= 255) return exitCode(n);
    const wrapped = ((n % 256) + 256) % 256;
    return exitCode(wrapped, `exit statuses are 8 bits: ${n} reaches the kubelet as ${wrapped}`);
  }
  const exitForm = /^(init:)?(exitcode|signal):(\d+)$/i.exec(q);
  if (exitForm) {
    const init = exitForm[1] ? "an init container" : "a container";
    const n = Number(exitForm[3]);
    if (exitForm[2].toLowerCase() === "signal") {
      const code = 128 + n;
      return exitCode(code <= 255 ? code : 255, `kubectl prints ${q} when ${init} was killed by signal ${n} and the runtime gave no reason; it equals exit code ${128 + n}`);
    }
    if (n <= 255) return exitCode(n, `kubectl prints ${q} when ${init} exited with code ${n} and the runtime gave no reason`);
  }
  const rule = getRule(q.toLowerCase());
  if (rule) return explainRule(rule);
  const status = findStatusTopic(q);
  if (status) return explainStatus(status);
  const signal = /^sig/i.test(q) ? parseSignal(q) : undefined;
  if (signal) return exitCode(128 + signal.number, `a process killed by ${signal.name} exits with 128 + ${signal.number}`);
  return { type: "unknown", query: q, suggestions: suggest(q) };
}
