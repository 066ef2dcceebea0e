/**
 * Regular expressions of CEL (matches, find, findAll) and of OpenAPI `pattern`: Kubernetes
 * compiles both with Go's regexp package (RE2 syntax, linear-time matching, no backreferences
 * or lookaround: k8s.io/apiextensions-apiserver validation.go compiles every `pattern` with
 * regexp.Compile, and cel-go's matches() and the regex.go library use regexp too). They run here
 * on re2js, a JavaScript port of RE2: the same syntax, the same refusals and a linear bound, so a
 * hostile `(a+)+$` cannot hang the run (V8's RegExp backtracks, and its linear fallback is off for
 * the `u` and `i` flags that RE2 patterns need).
 */
import { RE2JS } from "re2js";

const REGEX_FUNCTIONS = new Set(["matches", "find", "findAll"]);

interface AstNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

/**
 * The first literal pattern of matches(), find() or findAll() in a parsed expression that RE2
 * refuses, with its place: the API server refuses such a rule when it compiles it (cel-go
 * compiles literal patterns at check time).
 */
export function refusedPattern(node: unknown): { message: string; start: number; end: number } | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const found = refusedPattern(n);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== "object" || !("op" in node)) return undefined;
  const { op, args } = node as AstNode;
  if ((op === "rcall" || op === "call") && Array.isArray(args) && REGEX_FUNCTIONS.has(args[0] as string)) {
    const params = (op === "rcall" ? args[2] : args[1]) as AstNode[];
    const pattern = params?.[op === "rcall" ? 0 : 1];
    if (pattern?.op === "value" && typeof pattern.args === "string") {
      const re = compileRe2(pattern.args);
      if (typeof re === "string") return { message: re, start: pattern.start, end: pattern.end };
    }
  }
  return refusedPattern(args);
}

/** A compiled RE2 pattern. */
export interface Re2 {
  /** Whether the pattern matches somewhere in `s` (Go's MatchString). */
  test(s: string): boolean;
  /** The leftmost match in `s`, or undefined. */
  find(s: string): string | undefined;
  /** The successive non-overlapping matches in `s`, at most `limit` when limit >= 0. */
  findAll(s: string, limit: number): string[];
}

const cache = new Map<string, Re2 | string>();

/** The compiled RE2 pattern, or why RE2 would refuse it. */
export function compileRe2(pattern: string): Re2 | string {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = compile(pattern);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function compile(pattern: string): Re2 | string {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    return (err as Error).message.replace(/^error parsing regexp: /, "invalid regular expression: ").replace(/`/g, '"');
  }
  return {
    test: (s) => re.matcher(s).find(),
    find: (s) => {
      const m = re.matcher(s);
      return m.find() ? (m.group() ?? "") : undefined;
    },
    findAll: (s, limit) => {
      const m = re.matcher(s);
      const out: string[] = [];
      while ((limit < 0 || out.length < limit) && m.find()) out.push(m.group() ?? "");
      return out;
    },
  };
}
