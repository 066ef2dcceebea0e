/**
 * Functions of the CEL standard library and of ext.Strings whose cel-js versions differ from
 * cel-go's, replaced in our environments (node_modules stays as published):
 *
 * - string positions count Unicode code points, as cel-go's do (Go's []rune): indexOf,
 *   lastIndexOf, substring (cel-go ext/strings.go: indexOfOffset, lastIndexOfOffset, substr,
 *   substrRange; errors "index out of range: <i>"); cel-js counts UTF-16 code units, so an emoji
 *   before the searched text shifted every index by one;
 * - split and replace with an empty separator or old text cut between code points (ext/strings.go
 *   split, splitN, replace, replaceN call Go's strings.Split, SplitN, Replace, which explode a
 *   string into runes); cel-js cut between UTF-16 code units, halving an emoji;
 * - lowerAscii and upperAscii change ASCII letters only (ext/strings.go lowerASCII, upperASCII);
 *   cel-js changed every letter ('Ä'.lowerAscii() gave 'ä');
 * - int64 bounds: an int literal beyond them is a compile error, negating -2^63 overflows
 *   (cel-go's parser and common/types/int.go);
 * - matches() runs on RE2 (regex.ts) for every pattern, also one built at run time: cel-go
 *   compiles it with Go's regexp, so lookaround or a backreference is an evaluation error there,
 *   which V8's RegExp accepted.
 *
 * cel-js 8 cannot register an overload that overlaps an existing one, so the declarations of
 * the environment's own registry are swapped for copies with our handlers (the registry is
 * reached through the candidates the checker attaches to a call; each environment has its own).
 *
 * Functions of the standard library that cel-js lacks are registered through its public API
 * (registerMissingStandardFunctions).
 */
import type { Environment } from "@marcbachmann/cel-js";
import { compileRe2 } from "./regex.js";

class CelError extends Error {}

interface Declaration {
  signature: string;
  handler: (...args: never[]) => unknown;
}
interface Registry {
  functionCandidates(receiver: boolean, name: string, argCount: number): { declarations: Declaration[] };
  operatorCandidates(operator: string): { declarations: Declaration[] };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Negation of an int64: -(-2^63) overflows (cel-go common/types/int.go Negate: "integer overflow"); cel-js did not check. */
function negateInt(x: bigint): bigint {
  if (x === INT64_MIN) throw new CelError("integer overflow");
  return -x;
}

/**
 * The first int literal outside int64 (cel-go's parser: "invalid int literal"), with its place;
 * `-9223372036854775808` is one literal there. cel-js read any size as a bigint.
 */
export function outOfRangeIntLiteral(node: unknown, negated = false): { message: string; start: number; end: number } | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = outOfRangeIntLiteral(n);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== "object" || !("op" in node)) return undefined;
  const { op, args, start, end } = node as { op: string; args: unknown; start: number; end: number };
  if (op === "value" && typeof args === "bigint" && (args > INT64_MAX && !(negated && args === -INT64_MIN))) return { message: "invalid int literal", start, end };
  if (op === "-_") return outOfRangeIntLiteral(args, true);
  return outOfRangeIntLiteral(args);
}

const ASTRAL = /[\uD800-\uDFFF]/;

/** The code points of a string, or the string itself when each code unit is one (no surrogates). */
function runes(s: string): string | string[] {
  return ASTRAL.test(s) ? Array.from(s) : s;
}

function outOfRange(i: bigint | number): never {
  throw new CelError(`index out of range: ${i}`);
}

/** indexOfOffset of ext/strings.go: the first code point index of `sub` at or after `offset`. */
function indexOf(s: string, sub: string, offset: bigint): bigint {
  if (sub === "") return offset;
  const r = runes(s);
  const off = Number(offset);
  if (off < 0 || off >= r.length) outOfRange(offset);
  if (typeof r === "string") return BigInt(r.indexOf(sub, off));
  const subRunes = Array.from(sub);
  for (let i = off; i < r.length - (subRunes.length - 1); i++) if (subRunes.every((c, j) => r[i + j] === c)) return BigInt(i);
  return -1n;
}

/** lastIndexOfOffset of ext/strings.go: the last code point index of `sub` at or before `offset`. */
function lastIndexOf(s: string, sub: string, offset: bigint): bigint {
  if (sub === "") return offset;
  const r = runes(s);
  let off = Number(offset);
  if (off < 0 || off >= r.length) outOfRange(offset);
  if (typeof r === "string") return BigInt(r.lastIndexOf(sub, off));
  const subRunes = Array.from(sub);
  if (off > r.length - subRunes.length) off = r.length - subRunes.length;
  for (let i = off; i >= 0; i--) if (subRunes.every((c, j) => r[i + j] === c)) return BigInt(i);
  return -1n;
}

function substring(s: string, start: bigint, end?: bigint): string {
  const r = runes(s);
  const to = end ?? BigInt(r.length);
  // substr (one argument) checks only the start; substrRange checks the order first.
  if (end === undefined && (start < 0n || start > to)) outOfRange(start);
  if (start > to) throw new CelError(`invalid substring range. start: ${start}, end: ${to}`);
  if (start < 0n || start > BigInt(r.length)) outOfRange(start);
  if (to < 0n || to > BigInt(r.length)) outOfRange(to);
  return typeof r === "string" ? r.slice(Number(start), Number(to)) : r.slice(Number(start), Number(to)).join("");
}

/** charAt of ext/strings.go: the code point at `i`; "" at the end; an error past it. */
export function charAt(s: string, i: bigint): string {
  const r = runes(s);
  if (i < 0n || i > BigInt(r.length)) outOfRange(i);
  return r[Number(i)] ?? "";
}

/**
 * splitN of ext/strings.go, Go's strings.SplitN: n < 0 all parts, n == 0 none (an empty list),
 * otherwise at most n parts, the last holding the rest; an empty `sep` cuts between code points.
 */
function split(s: string, sep: string, limit = -1n): string[] {
  if (limit === 0n) return [];
  const parts = sep === "" ? Array.from(s) : s.split(sep);
  if (limit < 0n || BigInt(parts.length) <= limit) return parts;
  const n = Number(limit);
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/**
 * replaceN of ext/strings.go, Go's strings.Replace: the first n occurrences of `old` (all when
 * n < 0); an empty `old` matches at every code point boundary, the start and the end included.
 */
export function replace(s: string, old: string, replacement: string, limit = -1n): string {
  if (limit === 0n) return s;
  const parts = old === "" ? ["", ...Array.from(s), ""] : s.split(old);
  if (limit < 0n || BigInt(parts.length - 1) <= limit) return parts.join(replacement);
  const n = Number(limit);
  return parts.slice(0, n + 1).join(replacement) + (old === "" ? parts.slice(n + 1).join("") : old + parts.slice(n + 1).join(old));
}

const asciiCase = (s: string, upper: boolean) => s.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));

/** matches() of the standard library on RE2: an evaluation error names what RE2 refuses. */
function matches(s: string, pattern: string): boolean {
  const re = compileRe2(pattern);
  if (typeof re === "string") throw new CelError(re);
  return re.test(s);
}

const OVERRIDES: Array<[name: string, argCount: number, signature: string, handler: (...args: never[]) => unknown]> = [
  ["indexOf", 1, "string.indexOf(string): int", (s: string, sub: string) => indexOf(s, sub, 0n)],
  ["indexOf", 2, "string.indexOf(string, int): int", indexOf],
  ["lastIndexOf", 1, "string.lastIndexOf(string): int", (s: string, sub: string) => (sub === "" ? BigInt(Array.from(s).length) : lastIndexOf(s, sub, BigInt(Array.from(s).length - 1)))],
  ["lastIndexOf", 2, "string.lastIndexOf(string, int): int", lastIndexOf],
  ["substring", 1, "string.substring(int): string", (s: string, start: bigint) => substring(s, start)],
  ["substring", 2, "string.substring(int, int): string", substring],
  ["split", 1, "string.split(string): list<string>", (s: string, sep: string) => split(s, sep)],
  ["split", 2, "string.split(string, int): list<string>", split],
  ["lowerAscii", 0, "string.lowerAscii(): string", (s: string) => asciiCase(s, false)],
  ["upperAscii", 0, "string.upperAscii(): string", (s: string) => asciiCase(s, true)],
  ["matches", 1, "string.matches(string): bool", matches],
];

/**
 * `x == null` and `x != null` (either way round) for a value of each of `types`: cel-go's checker
 * lets a value of an opaque or object type, a duration or a timestamp be compared with null
 * (checker/types.go, isLegacyNullable; optional is an opaque type), and the comparison is false
 * (common/types/util.go, Equal: only null equals null); cel-js refused it ("no such overload").
 */
export function registerNullComparison(env: Environment, types: readonly string[]): void {
  for (const t of types) env.registerOperator(`${t} == null`, () => false);
}

/**
 * What cel-go's standard library and checker accept and cel-js does not declare: the global
 * `matches(string, string)` beside the method `string.matches(string)` (cel-go
 * common/stdlib/standard.go, function(overloads.Matches, ...)), on RE2 as the method is; the
 * comparison of an optional, a duration or a timestamp with null.
 */
export function registerMissingStandardFunctions(env: Environment): void {
  env.registerFunction("matches(string, string): bool", matches);
  registerNullComparison(env, ["optional<dyn>", "google.protobuf.Duration", "google.protobuf.Timestamp"]);
}

/** Replaces the cel-js declarations of OVERRIDES in the environment's registry; throws if one is not found (a cel-js upgrade moved it). */
export function overrideStandardFunctions(env: Environment): void {
  const probe = env.parse("''.size()");
  probe.check();
  const registry = (probe.ast as unknown as { candidates?: { registry?: Registry } }).candidates?.registry;
  if (!registry) throw new Error("cel-js internals changed: no registry on a checked call");
  for (const [name, argCount, signature, handler] of OVERRIDES) {
    const { declarations } = registry.functionCandidates(true, name, argCount);
    const i = declarations.findIndex((d) => d.signature === signature);
    if (i < 0) throw new Error(`cel-js internals changed: no declaration ${signature}`);
    const copy = Object.assign(Object.create(Object.getPrototypeOf(declarations[i]) as object) as Declaration, declarations[i], { handler });
    declarations[i] = Object.freeze(copy);
  }
  const negation = registry.operatorCandidates("-_").declarations;
  const i = negation.findIndex((d) => d.signature === "-_int: int");
  if (i < 0) throw new Error("cel-js internals changed: no declaration -_int: int");
  negation[i] = Object.freeze(Object.assign(Object.create(Object.getPrototypeOf(negation[i]) as object) as Declaration, negation[i], { handler: negateInt }));
}
