/**
 * A stream of JSON values, as kubectl decodes a file that starts with "{".
 *
 * kubectl reads a manifest file with k8s.io/apimachinery/pkg/util/yaml YAMLOrJSONDecoder: when
 * the first character that is not white space is "{" (GuessJSONStream, IsJSONBuffer) it decodes
 * JSON values one after another with encoding/json's Decoder, which needs nothing between two
 * values but optional white space (`jq -c` output, NDJSON). Only when the first or second value
 * fails to decode as JSON does it go back and read the rest as YAML. The YAML parser here reads a
 * second value after the first as text after a complete document, a syntax error, so the values
 * of such a stream are found first and parsed as documents of their own.
 */
import type { CST } from "yaml";
import { kubectlCst } from "./kubectl-lexer.js";

/** JSON's white space (RFC 8259 `ws`, what encoding/json skips between tokens and values). */
function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  return i;
}

const HEX4 = /^[0-9a-fA-F]{4}$/;
const ESCAPED = '"\\/bfnrt';

/** The offset after the JSON string that opens at `i`, or -1 when it is not one (a raw control character, a bad escape, no closing quote). */
function stringEnd(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c !== 0x5c) continue;
    const escape = text.charAt(i + 1);
    if (escape === "u") {
      if (!HEX4.test(text.slice(i + 2, i + 6))) return -1;
      i += 5;
    } else if (escape !== "" && ESCAPED.includes(escape)) i++;
    else return -1;
  }
  return -1;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERALS = ["true", "false", "null"] as const;

/** The offset after the JSON string, number or literal at `i`, or -1. */
function scalarEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === 0x22) return stringEnd(text, i);
  for (const literal of LITERALS) if (text.startsWith(literal, i)) return i + literal.length;
  NUMBER.lastIndex = i;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

const IN_OBJECT = 1;
const IN_ARRAY = 2;

/** The offset after the member name and colon at `i` (`"name" :`), or -1. */
function memberNameEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x22) return -1;
  const end = stringEnd(text, i);
  if (end < 0) return -1;
  const colon = skipSpace(text, end);
  return text.charCodeAt(colon) === 0x3a ? colon + 1 : -1;
}

/**
 * The offset after the strict JSON value that starts at `start` (no white space before it), or
 * -1 when the text there is not one. Iterative: the nesting of a hostile file costs no stack.
 */
function valueEnd(text: string, start: number): number {
  const open: number[] = [];
  let i = start;
  for (;;) {
    // A value is expected at i.
    i = skipSpace(text, i);
    const c = text.charCodeAt(i);
    let end: number;
    if (c === 0x7b || c === 0x5b) {
      const inner = skipSpace(text, i + 1);
      if (text.charCodeAt(inner) === (c === 0x7b ? 0x7d : 0x5d)) end = inner + 1;
      else if (c === 0x5b) {
        open.push(IN_ARRAY);
        i = inner;
        continue;
      } else {
        open.push(IN_OBJECT);
        i = memberNameEnd(text, inner);
        if (i < 0) return -1;
        continue;
      }
    } else {
      end = scalarEnd(text, i);
      if (end < 0) return -1;
    }
    // After a value: close the collections it ends, or go on to the next item.
    i = end;
    for (;;) {
      if (!open.length) return i;
      i = skipSpace(text, i);
      const inside = open[open.length - 1];
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i = skipSpace(text, i + 1);
        if (inside === IN_OBJECT) {
          i = memberNameEnd(text, i);
          if (i < 0) return -1;
        }
        break;
      }
      if (d !== (inside === IN_OBJECT ? 0x7d : 0x5d)) return -1;
      open.pop();
      i++;
    }
  }
}

/** The values of a JSON stream, and where text that is no JSON value follows them. */
export interface JsonStream {
  /** [start, end) of each value, in order: two or more. */
  values: Array<[number, number]>;
  /** The offset of the first text after them that is not a JSON value (kubectl stops there with an error), or -1. */
  invalidAt: number;
}

/**
 * The values of the text when kubectl decodes it as a stream of two or more JSON values: it
 * starts with "{" after white space and its first two values are strict JSON with only white
 * space between (a number or literal followed by another value needs white space, as for
 * encoding/json). Undefined otherwise: a single JSON document, YAML, or a text that kubectl goes
 * on reading as YAML after its first value (`{...}` then `---`), which the YAML parser already
 * reads as kubectl does. After two values kubectl no longer falls back to YAML: text that is not
 * a JSON value is an error there (`invalidAt`).
 */
export function jsonStreamValues(text: string): JsonStream | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return undefined;
  const values: Array<[number, number]> = [];
  while (i < text.length) {
    const end = valueEnd(text, i);
    const closed = text.charCodeAt(end - 1);
    const next = end < 0 ? -1 : skipSpace(text, end);
    const delimited = next > end || next === text.length || closed === 0x7d || closed === 0x5d || closed === 0x22;
    if (end < 0 || !delimited) return values.length > 1 ? { values, invalidAt: end < 0 ? i : end } : undefined;
    values.push([i, end]);
    i = next;
  }
  return values.length > 1 ? { values, invalidAt: -1 } : undefined;
}

/**
 * The CST tokens of a JSON stream (jsonStreamValues): each value lexed as a document of its own,
 * its tokens' offsets moved to where the value sits in `text`, so that spans, lines and problems
 * are those of the file.
 */
export function* jsonStreamCst(text: string, { values }: JsonStream): Generator<CST.Token> {
  for (const [start, end] of values) {
    for (const token of kubectlCst(text.slice(start, end))) {
      moveOffsets(token, start);
      yield token;
    }
  }
}

/** Adds `by` to every `offset` in a CST token and the tokens inside it (each object once). */
function moveOffsets(token: CST.Token, by: number): void {
  const seen = new Set<object>();
  const stack: object[] = [token];
  while (stack.length) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const fields = node as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (key === "offset" && typeof value === "number") fields[key] = value + by;
      else if (value !== null && typeof value === "object") stack.push(value);
    }
  }
}
