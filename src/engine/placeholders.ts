/**
 * Flux post-build substitution placeholders. Flux's kustomize-controller replaces `${NAME}`,
 * `${NAME:=default}` and `${NAME:-default}` (envsubst syntax, fluxcd/pkg kustomize
 * kustomize_varsub.go SubstituteVariables, through drone/envsubst) in the built YAML before it
 * applies it, and CI pipelines do the same with envsubst. A value that is exactly such a
 * placeholder is judged as its default when it gives one (typed as YAML reads the default in the
 * scalar's place: `${PUID:=1000}` unquoted is the number 1000), and not judged at all otherwise.
 */
import { isScalar, parseDocument } from "yaml";
import type { ParsedDocument } from "../models/document.js";
import type { Path } from "../types.js";
import { scalarValue } from "./parse.js";
import { locate } from "./positions.js";

/** `${NAME}`, or with a default after `:=`, `:-`, `=` or `-` (envsubst's operators for an unset or empty variable). */
const PLACEHOLDER_RE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-=])([\s\S]*))?\}$/;

/**
 * The placeholder the file writes at `path` (below `basePath` in the document), if any: one
 * without a default is not known, so nothing about it is judged; one with a default is judged as
 * that default, and findings about it name the placeholder.
 */
export function placeholderAt(doc: ParsedDocument, basePath: Path, path: Path): { written: string; hasDefault: boolean } | undefined {
  let node: unknown = doc.value;
  for (const step of [...basePath, ...path]) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  if (typeof node !== "string" || !node.startsWith("${")) return undefined;
  const m = PLACEHOLDER_RE.exec(node);
  return m ? { written: node, hasDefault: m[1] !== undefined } : undefined;
}

/** The default a placeholder gives, or undefined when `value` is not a placeholder with one. */
function placeholderDefault(value: string): string | undefined {
  if (!value.startsWith("${")) return undefined;
  return PLACEHOLDER_RE.exec(value)?.[1];
}

/**
 * `value` with every placeholder that gives a default replaced by that default; the same object
 * when there is none. `text` and `doc` tell a quoted scalar (the default stays a string) from a
 * plain one (the default is read as YAML reads a plain scalar).
 */
export function withPlaceholderDefaults(value: Record<string, unknown>, text: string, doc: ParsedDocument, basePath: Path): Record<string, unknown> {
  const replace = (node: unknown, path: Path): unknown => {
    if (typeof node === "string") {
      const given = placeholderDefault(node);
      if (given === undefined) return node;
      const at = locate(doc, [...basePath, ...path], "value");
      const quoted = at.exact && (text[at.start] === '"' || text[at.start] === "'");
      return quoted ? given : plainScalar(given);
    }
    if (node === null || typeof node !== "object") return node;
    let copy: Record<string, unknown> | unknown[] | undefined;
    for (const [key, child] of Object.entries(node)) {
      const step = Array.isArray(node) ? Number(key) : key;
      const next = replace(child, [...path, step]);
      if (next === child) continue;
      copy ??= Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
      (copy as Record<string, unknown>)[key] = next;
    }
    return copy ?? node;
  };
  return replace(value, []) as Record<string, unknown>;
}

/** A default as YAML 1.1 reads it as a plain scalar; text that would not be one stays a string. */
function plainScalar(given: string): unknown {
  const doc = parseDocument(given, { version: "1.1" });
  return !doc.errors.length && isScalar(doc.contents) ? scalarValue(doc.contents) : given;
}
