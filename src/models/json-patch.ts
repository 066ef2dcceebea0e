/**
 * RFC 6902 JSON patches applied to an object as kustomize applies them (sigs.k8s.io/kustomize
 * api/filters/patchjson6902, which runs gopkg.in/evanphx/json-patch.v4's Apply on the object as
 * JSON): add, remove, replace, move, copy and test, in order. As json-patch v4 does, `replace` of
 * a key a map lacks adds it (partialDoc.get finds no error there), and a negative list index counts
 * from the end (SupportNegativeIndices); "-" is after the last item for add, move and copy; "~1"
 * and "~0" stand for "/" and "~" (RFC 6901). Neither the object nor the patch is changed: the
 * maps and lists on the way to a change are copied, the rest is shared.
 *
 * A patch that would move list items to other indexes (an insertion before the end, a removal of
 * another item than the last) is not applied: the object's paths are those of the file it is
 * written in, where its findings are shown.
 */
import { put } from "./strategic-merge.js";

type Obj = Record<string, unknown>;
type Container = Obj | unknown[];

const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** An operation the object cannot take (a missing path, a failed test): kustomize fails the build. */
class NotApplicable extends Error {}

/**
 * The object with the operations applied; undefined when one cannot be applied (kustomize stops
 * the build there) or `ops` is no list of operations.
 */
export function applyJsonPatch(object: Obj, ops: readonly unknown[]): Obj | undefined {
  let out: unknown = object;
  try {
    for (const op of ops) {
      if (!isMap(op) || typeof op.op !== "string" || typeof op.path !== "string") throw new NotApplicable();
      const path = segments(op.path);
      switch (op.op) {
        case "add":
          out = change(out, path, (c, key) => insert(c, key, op.value));
          break;
        case "remove":
          out = change(out, path, remove);
          break;
        case "replace":
          out = change(out, path, (c, key) => (Array.isArray(c) ? (c[indexOf(key, c.length, false)] = op.value) : put(c, key, op.value)));
          break;
        case "move":
        case "copy": {
          if (typeof op.from !== "string") throw new NotApplicable();
          const from = segments(op.from);
          const value = valueAt(out, from);
          if (op.op === "move") out = change(out, from, remove);
          out = change(out, path, (c, key) => insert(c, key, value));
          break;
        }
        case "test":
          if (!sameJson(valueAt(out, path), op.value)) throw new NotApplicable();
          break;
        default:
          throw new NotApplicable();
      }
    }
  } catch (err) {
    if (err instanceof NotApplicable) return undefined;
    throw err;
  }
  return isMap(out) ? out : undefined;
}

/** A JSON pointer's reference tokens (RFC 6901). */
function segments(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new NotApplicable();
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The index a token names in a list of `length` items: a decimal number, negative from the end,
 * or "-" for the end where `end` (an insertion) allows it.
 */
function indexOf(token: string, length: number, end: boolean): number {
  if (token === "-" && end) return length;
  if (!/^-?(0|[1-9][0-9]*)$/.test(token)) throw new NotApplicable();
  let i = Number(token);
  if (i < 0) {
    if (i < -length) throw new NotApplicable();
    i += length;
  }
  if (i > (end ? length : length - 1)) throw new NotApplicable();
  return i;
}

/** Whether two JSON values are equal: maps by their keys whatever the order, lists item by item. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isMap(a) || !isMap(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

function valueAt(node: unknown, path: readonly string[]): unknown {
  let at = node;
  for (const token of path) {
    if (Array.isArray(at)) at = at[indexOf(token, at.length, false)];
    else if (isMap(at) && Object.hasOwn(at, token)) at = at[token];
    else throw new NotApplicable();
  }
  return at;
}

/**
 * `node` with the container that holds the last token of `path` copied and handed to `edit`,
 * and every container above it copied too. The root itself cannot be replaced (a patch of "").
 */
function change(node: unknown, path: readonly string[], edit: (container: Container, token: string) => void): unknown {
  if (!path.length) throw new NotApplicable();
  const copy = copyContainer(node);
  const [token, ...rest] = path;
  if (!rest.length) {
    edit(copy, token);
    return copy;
  }
  if (Array.isArray(copy)) {
    const i = indexOf(token, copy.length, false);
    copy[i] = change(copy[i], rest, edit);
  } else {
    if (!Object.hasOwn(copy, token)) throw new NotApplicable();
    put(copy, token, change(copy[token], rest, edit));
  }
  return copy;
}

function copyContainer(node: unknown): Container {
  if (Array.isArray(node)) return [...node];
  if (!isMap(node)) throw new NotApplicable();
  const out: Obj = {};
  for (const key of Object.keys(node)) put(out, key, node[key]);
  return out;
}

function insert(container: Container, token: string, value: unknown): void {
  if (Array.isArray(container)) {
    // Before the end, the items after it would move: not applied.
    if (indexOf(token, container.length, true) !== container.length) throw new NotApplicable();
    container.push(value);
  } else put(container, token, value);
}

function remove(container: Container, token: string): void {
  if (Array.isArray(container)) {
    // Another item than the last: the items after it would move.
    if (indexOf(token, container.length, false) !== container.length - 1) throw new NotApplicable();
    container.pop();
  } else if (Object.hasOwn(container, token)) delete container[token];
  else throw new NotApplicable();
}
