/**
 * The name under which CEL reaches a property of a structural schema's object
 * (k8s.io/apiserver/pkg/cel/escaping.go, Escape): a CEL keyword `namespace` is `__namespace__`;
 * in other names `__` is `__underscores__`, `.` `__dot__`, `-` `__dash__` and `/` `__slash__`. A
 * name that starts with a digit or holds any other character is not reachable (undefined). The
 * keys of a map (additionalProperties) are data and are never escaped.
 */
const RESERVED = new Set(["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]);

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ESCAPED = { __: "__underscores__", ".": "__dot__", "-": "__dash__", "/": "__slash__" } as const;

export function celPropertyName(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (PLAIN.test(name) && !name.includes("__")) return name;
  if (!/^[A-Za-z_.\-/][A-Za-z0-9_.\-/]*$/.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (s) => ESCAPED[s as keyof typeof ESCAPED]);
}
