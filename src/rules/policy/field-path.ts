/**
 * The relative field paths CEL rules name (x-kubernetes-validations fieldPath, a policy
 * validation's fieldPath): `.spec.replicas`, `.spec['x.y']`, `.items[0]`, as
 * k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/model validates them
 * (ValidFieldPath: dot-separated names, quoted map keys, numeric list indices). Undefined when it
 * does not parse.
 */
import type { Path } from "../../types.js";

export function parseFieldPath(text: string): Path | undefined {
  const path: Array<string | number> = [];
  let rest = text.trim();
  while (rest) {
    let m = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
    if (m) {
      path.push(m[1]);
      rest = rest.slice(m[0].length);
      continue;
    }
    m = /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/.exec(rest) ?? /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
    if (m) {
      path.push(m[1].replace(/\\(.)/g, "$1"));
      rest = rest.slice(m[0].length);
      continue;
    }
    m = /^\[(\d+)\]/.exec(rest);
    if (m) {
      path.push(Number(m[1]));
      rest = rest.slice(m[0].length);
      continue;
    }
    return undefined;
  }
  return path;
}

export { parseUserPath } from "../../models/cel/user-path.js";

function isSchemaMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The escapes of a single-quoted key (unescapeSingleQuote of schema/cel/validation.go), or undefined for an invalid one. */
function unescapeSingleQuote(s: string): string | undefined {
  const escapes: Record<string, string> = { a: "\u0007", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "'": "'", "\\": "\\" };
  let bad = false;
  const out = s.replace(/\\./g, (m) => escapes[m[1]] ?? ((bad = true), ""));
  return bad ? undefined : out;
}

/**
 * A CRD rule's fieldPath checked against the schema of the node that declares the rule, as the
 * API server checks it when the CRD is created (ValidFieldPath of
 * k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go, called by pathValid in
 * apis/apiextensions/validation; a failure is "fieldPath must be a valid path"): `.name` steps
 * into a declared property (or a key of additionalProperties), `['key']` likewise with a
 * single-quoted name; list indices and other tokens are refused. The path, or why it is invalid.
 */
export function validFieldPath(text: string, schema: Record<string, unknown>): { path: Path } | { error: string } {
  // Tokens: the delimiters '.', '[' and ']' alone, a single-quoted string whole, other text between delimiters.
  const tokens = text.match(/'(?:[^'\\]|\\.)*'|'[^]*$|[.[\]]|[^.[\]']+/g) ?? [];
  const path: string[] = [];
  let node: Record<string, unknown> | undefined = schema;
  const step = (name: string): string | undefined => {
    if (!node) return "does not refer to a valid field";
    if (isSchemaMap(node.properties)) {
      const next: unknown = node.properties[name];
      if (!isSchemaMap(next)) return "does not refer to a valid field";
      node = next;
    } else if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
      node = isSchemaMap(node.additionalProperties) ? node.additionalProperties : {};
    } else return "does not refer to a valid field";
    path.push(name);
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === "[") {
      const key = tokens[++i];
      if (key === undefined) return { error: "unexpected end of JSON path" };
      if (key.length < 2 || !key.startsWith("'") || !key.endsWith("'")) return { error: `expected single quoted string but got ${key}` };
      const unescaped = unescapeSingleQuote(key.slice(1, -1));
      if (unescaped === undefined) return { error: "invalid string literal" };
      const problem = step(unescaped);
      if (problem) return { error: problem };
      const close = tokens[++i];
      if (close === undefined) return { error: "unexpected end of JSON path" };
      if (close !== "]") return { error: `expected ] but got ${close}` };
    } else if (tok === ".") {
      const name = tokens[++i];
      if (name === undefined) return { error: "unexpected end of JSON path" };
      const problem = step(name);
      if (problem) return { error: problem };
    } else return { error: `expected [ or . but got: ${tok}` };
  }
  return { path };
}
