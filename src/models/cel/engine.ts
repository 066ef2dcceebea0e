/**
 * CEL compilation and bounded evaluation on @marcbachmann/cel-js (docs/DECISIONS.md, "CEL
 * engine"), with the Kubernetes libraries (kubernetes-library.ts). Imported only through
 * load.ts, lazily: a run without CEL never loads it.
 *
 * Cost: Kubernetes stops an expression whose runtime cost exceeds PerCallLimit (1,000,000) and a
 * request whose rules together exceed RuntimeCELCostBudget (10,000,000)
 * (k8s.io/apiserver/pkg/apis/cel/config.go). cel-go's cost is roughly one unit per evaluation
 * step plus the size of the strings and lists a step produces; here every step the evaluator
 * takes is one unit and every string or list it produces costs a unit per 10 characters or per
 * element, so nested comprehensions over big lists and strings doubled in a loop stop at the
 * limit. Counting is synchronous, so a hostile expression ends with a finding instead of a hang.
 */
import { Environment } from "@marcbachmann/cel-js";
import { AUTHORIZER_TYPE, registerKubernetesLibrary } from "./kubernetes-library.js";
import { enableLinearFallback } from "./linear-fallback.js";
import { refusedPattern } from "./regex.js";
import { registerPresenceTest, withPresenceTests } from "./presence-test.js";
import { outOfRangeIntLiteral, overrideStandardFunctions, registerMissingStandardFunctions } from "./standard-overrides.js";
import { celText, describeValue, resultTypeHint, toCel, typeProblem, valueProblem, type ResultType } from "./values.js";

/** k8s.io/apiserver/pkg/apis/cel/config.go */
export const PER_CALL_LIMIT = 1_000_000;
export const RUNTIME_BUDGET = 10_000_000;

/** Where in the expression a compile error is (characters of the expression). */
export interface CelCompileError {
  message: string;
  start: number;
  end: number;
}

export type CelOutcome =
  | { value: unknown }
  /**
   * An evaluation error, with the characters of the expression where it happened and, for a
   * field the object does not have ("no such key"), the has() test that guards it.
   */
  | { error: string; at?: { start: number; end: number }; guard?: string }
  /** The per-call limit or the budget of the caller was exhausted. */
  | { exceeded: "call" | "budget" };

/** A cost budget shared by several evaluations (one custom resource, one policy binding, one run). */
export interface CostBudget {
  remaining: number;
}

export interface CelProgram {
  readonly expression: string;
  /** The type the checker gives the result (cel-go's OutputType): `bool`, `int`, `list<string>`, `dyn`... */
  readonly type: string;
  /**
   * Evaluates against JSON variables (converted to CEL values, cached per object), or against
   * values already in CEL form (`converted`: toCel or a schema-aware conversion made them).
   */
  run(variables: Record<string, unknown>, budget?: CostBudget, converted?: boolean): CelOutcome;
}

class CostExceeded extends Error {}

/** The meter of the evaluation in progress: evaluations never nest, so one is enough. */
const meter = { used: 0, limit: Number.POSITIVE_INFINITY };

function charge(units: number): void {
  meter.used += units;
  if (meter.used > meter.limit) throw new CostExceeded("cost limit");
}

type Run = (ast: unknown, ctx: unknown) => unknown;
let metered = false;

/**
 * Counts the evaluator's steps: every node evaluation goes through Evaluator#run, which is
 * reached through the first evaluation (the evaluator is private to the environment).
 */
function meterEvaluator(evaluator: object): void {
  if (metered) return;
  metered = true;
  const proto = Object.getPrototypeOf(evaluator) as { run: Run };
  const run = proto.run;
  proto.run = function (this: unknown, ast: unknown, ctx: unknown) {
    charge(1);
    const result = run.call(this, ast, ctx);
    if (typeof result === "string" && result.length > 100) charge(result.length / 10);
    else if (Array.isArray(result) && result.length > 10) charge(result.length);
    return result;
  };
}

enableLinearFallback();

const environments = new Map<string, Environment>();

/** How deep an expression may nest (cel-js maxDepth; cel-go's parser allows 250, the API server's CRD rules rarely pass 10). */
export const MAX_DEPTH = 100;

function environment(variables: readonly string[]): Environment {
  const key = [...variables].sort().join(",");
  let env = environments.get(key);
  if (!env) {
    env = new Environment({ unlistedVariablesAreDyn: false, homogeneousAggregateLiterals: false, enableOptionalTypes: true, limits: { maxAstNodes: 10_000, maxDepth: MAX_DEPTH, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 } });
    registerKubernetesLibrary(env);
    overrideStandardFunctions(env);
    registerMissingStandardFunctions(env);
    registerPresenceTest(env);
    // Every variable is dyn (the input carries no schema for it) but the authorizer, whose type carries its functions.
    for (const v of variables) env.registerVariable(v, v === "authorizer" ? AUTHORIZER_TYPE : "dyn");
    environments.set(key, env);
  }
  return env;
}

/** JSON objects -> their CEL form, converted once per object (a resource is read by many rules). */
const converted = new WeakMap<object, unknown>();

function celValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return toCel(value);
  let v = converted.get(value);
  if (v === undefined) converted.set(value, (v = toCel(value)));
  return v;
}

interface CelErrorShape {
  summary?: string;
  message?: string;
  range?: { start: number; end: number };
}

function compileError(err: unknown, expression: string): CelCompileError {
  const e = err as CelErrorShape;
  const message = (e.summary ?? e.message ?? String(err)).split("\n")[0];
  const start = Math.min(Math.max(e.range?.start ?? 0, 0), Math.max(expression.length - 1, 0));
  const end = Math.min(Math.max(e.range?.end ?? start + 1, start + 1), expression.length);
  // Lower-case start (the message style), but not of an acronym ("IP Address ...").
  const lowered = /^exceeded maxDepth|maximum call stack size exceeded/i.test(message) ? NESTING_LIMIT : /^[A-Z][a-z]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;
  return { message: lowered, start, end: Math.max(end, start) };
}

const NESTING_LIMIT = `expression nests more than ${MAX_DEPTH} levels deep (the nesting limit)`;

/**
 * A run of more than MAX_DEPTH unary operators (`!!!...x`, `---1`): cel-js parses each as one
 * more level without counting it against maxDepth, and recursion that deep ends in a stack
 * overflow. String literals are skipped (raw ones without escapes).
 */
function unaryRunTooLong(expression: string): CelCompileError | undefined {
  let run = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '"' || c === "'") {
      const raw = /[rR]/.test(expression[i - 1] ?? "") || (/[bB]/.test(expression[i - 1] ?? "") && /[rR]/.test(expression[i - 2] ?? ""));
      const quote = expression.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < expression.length && !expression.startsWith(quote, j)) j += !raw && expression[j] === "\\" ? 2 : 1;
      i = j + quote.length - 1;
      run = 0;
    } else if ((c === "!" && expression[i + 1] !== "=") || c === "-") {
      if (run++ === 0) start = i;
      if (run > MAX_DEPTH) return { message: `${NESTING_LIMIT}: more than ${MAX_DEPTH} unary operators in a row`, start, end: i + 1 };
    } else if (!/\s/.test(c)) run = 0;
  }
  return undefined;
}

/**
 * Compiles an expression over the named variables (each dynamically typed: Kubernetes types
 * them from the schema, which the input does not always carry): a program, or where it fails.
 * An expression nested beyond what the parser and checker can recurse through is a compile
 * error naming the nesting limit, never a crash.
 */
export function compile(expression: string, variables: readonly string[]): CelProgram | CelCompileError {
  const tooDeep = unaryRunTooLong(expression);
  if (tooDeep) return tooDeep;
  try {
    return compileBounded(expression, variables);
  } catch (err) {
    if (err instanceof RangeError) return { message: NESTING_LIMIT, start: 0, end: expression.length };
    throw err;
  }
}

function compileBounded(expression: string, variables: readonly string[]): CelProgram | CelCompileError {
  const env = environment(variables);
  let parsed: ReturnType<Environment["parse"]>;
  try {
    parsed = env.parse(expression);
    const text = withPresenceTests(parsed.ast, expression);
    if (typeof text !== "string") return text;
    if (text !== expression) parsed = env.parse(text);
  } catch (err) {
    return compileError(err, expression);
  }
  const checked = parsed.check();
  if (!checked.valid) return compileError(checked.error, expression);
  const refused = refusedPattern(parsed.ast) ?? outOfRangeIntLiteral(parsed.ast);
  if (refused) return refused;
  const root = parsed.ast as unknown as { evaluate: (ev: object, ast: unknown, ctx: unknown) => unknown };
  if (!metered) {
    const evaluate = root.evaluate;
    root.evaluate = function (this: unknown, ev: object, ast: unknown, ctx: unknown) {
      meterEvaluator(ev);
      return evaluate.call(this, ev, ast, ctx);
    };
  }
  return {
    expression,
    type: checked.type ?? "dyn",
    run(variables, budget, converted) {
      const context: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(variables)) context[k] = converted ? v : celValue(v);
      const limit = Math.min(PER_CALL_LIMIT, budget?.remaining ?? Number.POSITIVE_INFINITY);
      meter.used = 0;
      meter.limit = limit;
      try {
        const value = parsed(context);
        // A quantifier may absorb the error that stopped one of its steps: the meter tells.
        if (meter.used > meter.limit) throw new CostExceeded("cost limit");
        if (value instanceof Promise) return { error: "asynchronous evaluation is not supported" };
        return { value };
      } catch (err) {
        if (err instanceof CostExceeded) return { exceeded: budget && budget.remaining <= PER_CALL_LIMIT ? "budget" : "call" };
        if (err instanceof RangeError) return { exceeded: "call" };
        const e = compileError(err, expression);
        const at = (err as CelErrorShape).range ? { at: { start: e.start, end: e.end } } : {};
        const guard = /^no such key/.test(e.message) ? guardOf(expression, e.end) : undefined;
        return { error: e.message, ...at, ...(guard ? { guard } : {}) };
      } finally {
        if (budget) budget.remaining = Math.max(0, budget.remaining - meter.used);
        meter.used = 0;
        meter.limit = Number.POSITIVE_INFINITY;
      }
    },
  };
}

/**
 * The has() test that guards the field access ending at `end` (`self.limits.max` -> `has(self.limits)`
 * when "limits" is the missing key): the select chain read backwards from there, brackets
 * included. Undefined when the access is not a field selection (a map index: `in` guards it).
 */
function guardOf(expression: string, end: number): string | undefined {
  let i = end;
  let depth = 0;
  while (i > 0) {
    const c = expression[i - 1];
    if (c === "]") depth++;
    else if (c === "[" && depth > 0) depth--;
    else if (depth === 0 && !/[\w.?]/.test(c)) break;
    i--;
  }
  const chain = expression.slice(i, end).replace(/^\.+/, "");
  const index = /^(.+)\[\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\]$/.exec(chain);
  if (index) return `${index[2]} in ${index[1]}`;
  return /^[A-Za-z_][\w]*(?:\[.*\])?(?:\??\.[A-Za-z_]\w*|\[[^\]]*\])*\??\.[A-Za-z_]\w*$/.test(chain) ? `has(${chain.replace(/\?\./g, ".")})` : undefined;
}

/** The hint of an evaluation error: the test that guards the missing field (`where`: "in the rule"), else `fallback`. */
export function evaluationHint(outcome: { guard?: string }, where: string, fallback: string): string {
  return outcome.guard ? `set the field, or guard it ${where} with ${outcome.guard}` : fallback;
}

/** The fields of metadata that CEL rules of a CustomResourceDefinition may read. */
export const RULE_OBJECT_META_FIELDS: ReadonlySet<string> = new Set(["name", "generateName"]);

interface SelectNode {
  op: string;
  args: unknown;
  start: number;
  end: number;
}

const isNode = (n: unknown): n is SelectNode => typeof n === "object" && n !== null && "op" in n;

/**
 * The first `self.metadata.<field>` of a CRD rule at the root of a resource (the schema root,
 * or an x-kubernetes-embedded-resource) whose field is not name or generateName, as cel-go's
 * checker refuses it ("undefined field"): the API server declares `self` of such a rule with
 * WithTypeAndObjectMeta (apiextensions-apiserver schema/cel/model/schemas.go), whose metadata
 * has only name and generateName, so the CRD is refused at creation. has() and optional
 * selection (`.?`) are selections too.
 */
export function undeclaredObjectMetaField(expression: string): CelCompileError | undefined {
  let ast: unknown;
  try {
    ast = environment(["self"]).parse(expression).ast;
  } catch {
    return undefined;
  }
  const visit = (node: unknown): CelCompileError | undefined => {
    if (Array.isArray(node)) {
      for (const n of node) {
        const found = visit(n);
        if (found) return found;
      }
      return undefined;
    }
    if (!isNode(node)) return undefined;
    if ((node.op === "." || node.op === ".?") && Array.isArray(node.args) && typeof node.args[1] === "string") {
      const [inner, field] = node.args as [unknown, string];
      if (isNode(inner) && (inner.op === "." || inner.op === ".?") && Array.isArray(inner.args) && inner.args[1] === "metadata") {
        const base = inner.args[0];
        if (isNode(base) && base.op === "id" && base.args === "self" && !RULE_OBJECT_META_FIELDS.has(field)) {
          return { message: `undefined field '${field}'`, start: Math.max(node.end - field.length, node.start), end: node.end };
        }
      }
    }
    return visit(node.args);
  };
  return visit(ast);
}

/**
 * Whether an expression names the variable `name` (an identifier, not a field or a string of
 * that name). A comprehension variable of that name counts too: the answer errs on "reads it".
 */
export function readsVariable(expression: string, variables: readonly string[], name: string): boolean {
  let ast: unknown;
  try {
    ast = environment(variables).parse(expression).ast;
  } catch {
    return false;
  }
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (!isNode(node)) return false;
    if (node.op === "id") return node.args === name;
    return visit(node.args);
  };
  return visit(ast);
}

const programs = new Map<string, CelProgram | CelCompileError>();

/** compile(), cached by expression and variables (a rule of a CRD runs on every one of its objects). */
export function compiled(expression: string, variables: readonly string[]): CelProgram | undefined {
  const key = `${variables.join(",")}\u0000${expression}`;
  let p = programs.get(key);
  if (!p) {
    if (programs.size > 5000) programs.clear();
    programs.set(key, (p = compile(expression, variables)));
  }
  return isCompileError(p) ? undefined : p;
}

export function isCompileError(x: CelProgram | CelCompileError): x is CelCompileError {
  return "message" in x;
}

export { celText, describeValue, resultTypeHint, toCel, typeProblem, valueProblem, type ResultType };
