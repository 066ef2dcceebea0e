/** Paths users write for their own rules (config/user-rules.ts and rules/policy read them): no CEL engine here. */
import type { Path } from "../../types.js";

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
