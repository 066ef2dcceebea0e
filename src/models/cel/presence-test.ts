/**
 * has() on a field selection of any operand. cel-go's parser needs only a select expression
 * (parser/macro.go, MakeHas: `has(<operand>.field)`), so `has(self.matches[0].path)` and
 * `has({'a': 1}.a)` compile on the API server; cel-js 8's has() wants the selection chain to
 * start at a variable and refused them ("has() invalid argument"). Its macro cannot be replaced
 * through the public API, so a has() call cel-js refuses for that reason is compiled as a call of
 * PRESENCE_TEST, a macro of the same length registered here: positions in the expression stay
 * those of the text as written. Every other has() stays cel-js's.
 */
import { Optional, type Environment } from "@marcbachmann/cel-js";

/** The macro's name: as long as "has", so that the rewritten text keeps every position. */
const PRESENCE_TEST = "_h_";

interface Node {
  op: string;
  args: unknown;
  start: number;
}

const isNode = (n: unknown): n is Node => typeof n === "object" && n !== null && "op" in n;

interface Checker {
  check(node: unknown, ctx: unknown): unknown;
  getType(name: string): unknown;
}
interface Evaluator {
  run(node: unknown, ctx: unknown): unknown;
}

/** Whether a value has the field, as cel-js's has() tests a map or an object; a value without fields has none. */
function present(value: unknown, field: string): boolean {
  if (value instanceof Optional) return value.hasValue() && present(value.value(), field);
  if (value instanceof Map) return value.has(field);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.hasOwn(value, field) && (value as Record<string, unknown>)[field] !== undefined;
}

/**
 * Registers the macro. It type-checks its argument as the field selection it is (so the operand
 * must be a type with fields, as cel-go's checker requires) and evaluates to whether the
 * operand's value has the field.
 */
export function registerPresenceTest(env: Environment): void {
  env.registerFunction(`${PRESENCE_TEST}(ast): bool`, ({ args }: { args: Node[] }) => ({
    selection: args[0],
    typeCheck(checker: Checker, macro: { selection: Node }, ctx: unknown) {
      checker.check(macro.selection, ctx);
      return checker.getType("bool");
    },
    evaluate(evaluator: Evaluator, macro: { selection: Node }, ctx: unknown) {
      const [operand, field] = macro.selection.args as [Node, string];
      return present(evaluator.run(operand, ctx), field);
    },
  }));
}

/** Whether a has() call's argument is a field selection whose chain of selections starts elsewhere than at a variable. */
function selectsFromExpression(call: Node): boolean {
  const [name, args] = call.args as [string, unknown[]];
  if (name !== "has" || args.length !== 1 || !isNode(args[0]) || args[0].op !== ".") return false;
  let node: Node = args[0];
  while ((node.op === "." || node.op === ".?") && isNode((node.args as unknown[])[0])) node = (node.args as Node[])[0];
  return node.op !== "id";
}

/**
 * The expression to compile for a parsed one: the text with each has() call that tests a field
 * of an expression renamed to PRESENCE_TEST; the text itself when it has none; an error where the
 * text calls PRESENCE_TEST itself (an undeclared function there, as anywhere in cel-go).
 */
export function withPresenceTests(ast: unknown, expression: string): string | { message: string; start: number; end: number } {
  const renamed: number[] = [];
  let written: Node | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if (node.op === "call") {
      const name = (node.args as [string])[0];
      if (name === PRESENCE_TEST) written ??= node;
      else if (selectsFromExpression(node) && expression.startsWith("has", node.start)) renamed.push(node.start);
    }
    visit(node.args);
  };
  visit(ast);
  if (written) return { message: `undeclared reference to '${PRESENCE_TEST}'`, start: written.start, end: written.start + PRESENCE_TEST.length };
  let text = expression;
  for (const at of renamed) text = text.slice(0, at) + PRESENCE_TEST + text.slice(at + PRESENCE_TEST.length);
  return text;
}
