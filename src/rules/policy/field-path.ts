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
