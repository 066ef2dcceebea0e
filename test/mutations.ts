/**
 * The mutations of the property tests (property.test.ts, fix-property.test.ts), shared with the parse differential
 * test (parse-differential.test.ts): lines deleted, duplicated, retyped, reindented or
 * swapped, keys renamed, kinds and apiVersions replaced, the text truncated, garbage inserted.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

export function manifests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) manifests(p, out);
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(p);
  }
  return out;
}

/** Names that plain JavaScript objects answer to without holding them. */
export const OBJECT_MEMBERS = ["constructor", "__proto__", "toString", "prototype", "hasOwnProperty", "valueOf", "__defineGetter__"];

/** Control characters, written as YAML escapes in double quotes and raw in plain scalars. */
const CONTROL = ['"a\u0000b"', '"\e]0;title\a\e[2J"', '"web\n::error file=x::y"', '"tab\there"', "bell", "esc[31m"];

/** Values of every YAML type, and YAML's sharp edges (anchors, tags, block scalars, merges). */
const RETYPED = [
  ...OBJECT_MEMBERS,
  ...CONTROL,
  "", "0", "-3.5", "1e3", "0x1F", "0o17", ".inf", ".nan", "true", "no", "on", "null", "~", "[]", "{}", "[a, 1, [b]]",
  "{a: b, c: [1]}", '"quoted \\u00e9 \\x41"', "'single'", "2024-01-01", "12:30:45", "|", ">-", "|2", "&anchor value",
  "*anchor", "*missing", "!!binary aGVsbG8=", "!!str 42", "!!int x", "!custom value", "<<: *anchor", "{{ .Values.x }}",
  "- item", "? complex", "a: b: c", '"unterminated', "[unclosed", "{unclosed: 1",
];

/** Bytes that mean something to YAML, JSON or a decoder. */
const GARBAGE = [
  "{", "}", "[", "]", ":", ": ", "-", "- ", "?", "&", "*", "!", "|", ">", "#", "'", '"', "%", "@", "`", ",", "\t", "\r",
  "\n", "\r\n", " ", "é", "😀", "\uFEFF", "\u2028", "\u0085", "\u0000", "\u0001", "\u001b", "\uFFFD", "{{", "}}", "---\n", "...\n",
  "<<", "&a ", "*a", "!!map ", "\\", "%YAML 1.2\n", "k: v\n", "- ", "  ",
];

/** Keys a line may be renamed to: object members, control characters, mis-cased type keys. */
const KEYS = [...OBJECT_MEMBERS, ...CONTROL, "Kind", "apiversion", "APIVersion", "kind", "apiVersion", "metadata", "spec"];

/** What a kind or an apiVersion may be replaced by (a group, a version or a kind named like an object member). */
const TYPE_META = [
  ...OBJECT_MEMBERS,
  ...OBJECT_MEMBERS.flatMap((m) => [`${m}/v1`, `apps/${m}`]),
  ...CONTROL,
  "2", "true", "[]", "{}", "null", '""', "v1", "apps/v1", "Pod", "Deployment", "List",
];

/** A mutation is data (so fast-check shrinks it and prints it readably), applied by `mutate`. */
export type Mutation =
  | { kind: "delete" | "truncate"; i: number }
  | { kind: "duplicate" | "swap"; i: number; j: number }
  | { kind: "retype"; i: number; value: string }
  | { kind: "rekey"; i: number; key: string }
  | { kind: "typeMeta"; i: number; field: "kind" | "apiVersion"; value: string }
  | { kind: "reindent"; i: number; indent: number }
  | { kind: "garbage"; i: number; bytes: string };

export const lines = (t: string) => t.split("\n");
const at = (n: number, len: number) => (len ? n % len : 0);

export function mutate(t: string, m: Mutation): string {
  const l = lines(t);
  const k = at(m.i, l.length);
  switch (m.kind) {
    case "delete":
      l.splice(k, 1);
      break;
    case "duplicate":
      l.splice(at(m.j, l.length + 1), 0, l[k]);
      break;
    case "swap": {
      const j = at(m.j, l.length);
      [l[k], l[j]] = [l[j], l[k]];
      break;
    }
    case "retype": {
      const pair = /^(\s*(?:- )?)([^:#\s][^:#]*):(\s|$)/.exec(l[k]);
      const item = /^(\s*- )/.exec(l[k]);
      l[k] = pair ? `${pair[1]}${pair[2]}: ${m.value}` : item ? `${item[1]}${m.value}` : `${/^\s*/.exec(l[k])![0]}key: ${m.value}`;
      break;
    }
    case "rekey": {
      const pair = /^(\s*(?:- )?)([^:#\s][^:#]*):(\s|$)/.exec(l[k]);
      if (pair) l[k] = `${pair[1]}${m.key}:${l[k].slice(pair[0].length - pair[3].length)}`;
      break;
    }
    case "typeMeta": {
      // The i-th line that sets this field, at any depth (items of a List, embedded objects).
      const re = new RegExp(`^(\\s*(?:- )?${m.field}:)(\\s|$)`);
      const found = l.map((line, n) => (re.test(line) ? n : -1)).filter((n) => n >= 0);
      if (found.length) {
        const n = found[at(m.i, found.length)];
        l[n] = `${re.exec(l[n])![1]} ${m.value}`;
      }
      break;
    }
    case "reindent": {
      const body = l[k].replace(/^[ \t]*/, "");
      l[k] = (m.indent === -1 ? "\t" : m.indent === -2 ? `${/^[ \t]*/.exec(l[k])![0]} ` : " ".repeat(m.indent)) + body;
      break;
    }
    case "truncate":
      return t.slice(0, at(m.i, t.length + 1));
    case "garbage": {
      const o = at(m.i, t.length + 1);
      return t.slice(0, o) + m.bytes + t.slice(o);
    }
  }
  return l.join("\n");
}

export const mutations: Record<Mutation["kind"], fc.Arbitrary<Mutation>> = {
  delete: fc.record({ kind: fc.constant("delete" as const), i: fc.nat() }),
  duplicate: fc.record({ kind: fc.constant("duplicate" as const), i: fc.nat(), j: fc.nat() }),
  retype: fc.record({ kind: fc.constant("retype" as const), i: fc.nat(), value: fc.constantFrom(...RETYPED) }),
  rekey: fc.record({ kind: fc.constant("rekey" as const), i: fc.nat(), key: fc.constantFrom(...KEYS) }),
  typeMeta: fc.record({
    kind: fc.constant("typeMeta" as const),
    i: fc.nat(),
    field: fc.constantFrom("kind" as const, "apiVersion" as const),
    value: fc.constantFrom(...TYPE_META),
  }),
  reindent: fc.record({
    kind: fc.constant("reindent" as const),
    i: fc.nat(),
    indent: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(-1), fc.constant(-2)),
  }),
  truncate: fc.record({ kind: fc.constant("truncate" as const), i: fc.nat() }),
  garbage: fc.record({
    kind: fc.constant("garbage" as const),
    i: fc.nat(),
    bytes: fc.array(fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 6 }).map((b) => b.join("")),
  }),
  swap: fc.record({ kind: fc.constant("swap" as const), i: fc.nat(), j: fc.nat() }),
};

