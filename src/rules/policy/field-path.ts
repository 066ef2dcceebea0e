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

/**
 * A path as users write it for their own rules (a custom rule's `path`, a plugin's
 * `report({ path: "..." })`): dotted names with numeric segments as list indices
 * (`spec.containers.0.image`, as Helm's and yq's users write them), or the bracket form of
 * fieldPath (`spec.containers[0].image`, `metadata.annotations['example.com/owner']`), with or
 * without a leading dot. A numeric segment on a map names the key of those digits. Undefined
 * when it does not parse (an empty segment, an unclosed bracket).
 */
export function parseUserPath(text: string): Path | undefined {
  const path: Array<string | number> = [];
  let rest = text.trim();
  if (!rest) return undefined;
  if (rest.startsWith(".")) rest = rest.slice(1);
  let first = true;
  while (rest) {
    if (!first && !rest.startsWith("[")) {
      if (!rest.startsWith(".")) return undefined;
      rest = rest.slice(1);
    }
    first = false;
    const bracket = /^\[(\d+)\]/.exec(rest) ?? /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/.exec(rest) ?? /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/.exec(rest);
    if (bracket) {
      path.push(/^\[\d/.test(bracket[0]) ? Number(bracket[1]) : bracket[1].replace(/\\(.)/g, "$1"));
      rest = rest.slice(bracket[0].length);
      continue;
    }
    const name = /^[^.[\]]+/.exec(rest);
    if (!name) return undefined;
    path.push(/^\d+$/.test(name[0]) ? Number(name[0]) : name[0]);
    rest = rest.slice(name[0].length);
  }
  return path;
}
