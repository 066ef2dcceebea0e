/**
 * Placeholders that a tool fills in before the objects are applied. Flux post-build substitution:
 * Flux's kustomize-controller replaces `${NAME}`, `${NAME:=default}` and `${NAME:-default}`
 * (envsubst syntax, fluxcd/pkg kustomize kustomize_varsub.go SubstituteVariables, through
 * drone/envsubst) in the built YAML before it applies it, and CI pipelines do the same with
 * envsubst, anywhere in a string (and envsubst's bare `$NAME` as a whole value). A value holding such placeholders is judged with each replaced
 * by its default when every one gives a default (typed as YAML reads the result in the scalar's
 * place: `${PUID:=1000}` unquoted is the number 1000, `${ARGS:-[]}` an empty list), and not
 * judged at all otherwise.
 * kustomize `vars`: `$(NAME)` naming a var that the builds of the file declare is replaced by
 * `kustomize build` (api/filters/refvar) with a field of another object; it is not judged.
 */
import { isCollection, isScalar, parseDocument } from "yaml";
import type { ParsedDocument } from "../models/document.js";
import type { Path } from "../types.js";
import { scalarValue } from "./parse.js";
import { locate } from "./positions.js";

/** `${NAME}`, or with a default after `:=`, `:-`, `=` or `-` (envsubst's operators for an unset or empty variable). */
const PLACEHOLDER_RE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-=])([\s\S]*))?\}$/;
/**
 * envsubst's bare `$NAME` as a whole value (`apiVersion: $API_VERSION`, a nodeSelector's
 * `$NODE_OS`): gettext's envsubst fills it in as it fills in `${NAME}`. Only a whole value: inside
 * a string a "$" is as often a shell's (`echo $HOME`), and Flux knows only the braced form.
 */
const BARE_PLACEHOLDER_RE = /^\$[A-Za-z_][A-Za-z0-9_]*$/;
const BARE_WHOLE = { whole: true, filled: undefined } as const;
/**
 * A placeholder inside a string, or `$$` (envsubst's escape for a literal `$`). Group 2 is the
 * default; a placeholder with another of envsubst's operators (`${NAME^^}`, `${NAME:0:3}`) or a
 * nested one in its default matches without group 2: its value is not known.
 */
const EMBEDDED_RE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-=])([^}$]*)|[^\w}$][^}$]*)?\}/g;

/**
 * The placeholders of a string: `whole` when the string is one placeholder, and `filled`, the
 * string with every placeholder replaced by its default (and `$$` by `$`), when every one gives a
 * default. Undefined for a string with no placeholder (only strings containing `${`, or a whole `$NAME`, are read) and
 * for placeholders inside a string of several lines.
 */
function placeholdersIn(written: string): { whole: boolean; filled: string | undefined } | undefined {
  // A block scalar (`|`, `>`) of one placeholder line ends with the line break its chomping keeps.
  const value = written.endsWith("\n") ? written.replace(/\n+$/, "") : written;
  if (!value.includes("${")) return BARE_PLACEHOLDER_RE.test(value) ? BARE_WHOLE : undefined;
  const whole = PLACEHOLDER_RE.exec(value);
  // `${A:=x}-${B:=y}` also matches the whole-value pattern (default "x}-${B:=y"): read it as two.
  if (whole && !(whole[1] ?? "").includes("${")) return { whole: true, filled: whole[1] };
  // A file in a ConfigMap (a script, a config with `${HOME}`) is no name or host: its other findings stand.
  if (value.includes("\n")) return undefined;
  let found = false;
  let known = true;
  const filled = value.replace(EMBEDDED_RE, (match, name: string | undefined, given: string | undefined) => {
    if (name === undefined) return "$";
    found = true;
    if (given === undefined) known = false;
    return given ?? match;
  });
  return found ? { whole: false, filled: known ? filled : undefined } : undefined;
}

/**
 * Whether the characters `within` of `value` lie outside its `${...}` placeholders: a finding about
 * them (the literal tag after a placeholder in an image's repository) does not depend on what the
 * placeholders hold.
 */
export function outsidePlaceholders(value: string, within: { start: number; end: number }): boolean {
  for (const m of value.matchAll(EMBEDDED_RE)) {
    if (m[1] !== undefined && m.index < within.end && within.start < m.index + m[0].length) return false;
  }
  return true;
}

/** A `$(NAME)` reference to a kustomize var (api/filters/refvar, which expands it as Kubernetes expands `$(VAR)` in a container's command). */
const KUSTOMIZE_VAR = /\$\(([^()$]+)\)/g;
const KUSTOMIZE_VAR_WHOLE = /^\$\([^()$]+\)$/;

/** Whether `value` refers to one of `vars`, which kustomize replaces by the value of the field the var names. */
function namesKustomizeVar(value: string, vars: ReadonlySet<string>): boolean {
  if (!value.includes("$(")) return false;
  return [...value.matchAll(KUSTOMIZE_VAR)].some((m) => vars.has(m[1]));
}

/**
 * The value at `path` below `node`, or the string the path runs into before its end (a
 * placeholder whose default is a flow collection holds what the rest of the path names);
 * undefined where the path leaves the objects otherwise.
 */
function valueAt(node: unknown, path: Path): unknown {
  for (let i = 0; i < path.length; i++) {
    if (typeof node === "string") return node;
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[path[i]];
  }
  return node;
}

/**
 * The placeholders the file writes at `path` (below `basePath` in the document), if any: a value
 * with one without a default is not known, so nothing about it is judged; one whose placeholders
 * all give defaults is judged with them, and findings about it name the value as written.
 */
export function placeholderAt(doc: ParsedDocument, basePath: Path, path: Path): { written: string; whole: boolean; hasDefault: boolean } | undefined {
  // Called for every finding of a run: the two paths are walked in turn, not joined into a new one.
  const node = valueAt(valueAt(doc.value, basePath), path);
  if (typeof node !== "string") return undefined;
  if (doc.kustomizeVars && namesKustomizeVar(node, doc.kustomizeVars)) return { written: node, whole: KUSTOMIZE_VAR_WHOLE.test(node), hasDefault: false };
  const found = placeholdersIn(node);
  return found && { written: node, whole: found.whole, hasDefault: found.filled !== undefined };
}

/** A name or namespace with its placeholders filled in with their defaults (`${ROLE:-reader}` is "reader"), when they all give one; else as written. */
export function nameWithDefaults(written: string): string {
  return placeholdersIn(written)?.filled ?? written;
}

/**
 * `value` with every string whose placeholders all give defaults filled in with them; the same
 * object when there is none. `text` and `doc` tell a quoted scalar (the result stays a string)
 * from a plain one (the result is read as YAML reads a plain scalar).
 */
export function withPlaceholderDefaults(value: Record<string, unknown>, text: string, doc: ParsedDocument, basePath: Path): Record<string, unknown> {
  const replace = (node: unknown, path: Path): unknown => {
    if (typeof node === "string") {
      const given = placeholdersIn(node)?.filled;
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

/**
 * A default as YAML 1.1 reads it in the place of a plain scalar: a scalar (`1000` is a number), or
 * a flow collection (`[]`, `{}`, `["--port", "8080"]`: the substitution is textual, so the
 * brackets open a list); other text stays a string.
 */
function plainScalar(given: string): unknown {
  const doc = parseDocument(given, { version: "1.1" });
  if (doc.errors.length) return given;
  if (isScalar(doc.contents)) return scalarValue(doc.contents);
  return isCollection(doc.contents) && doc.contents.flow ? doc.toJS() : given;
}
