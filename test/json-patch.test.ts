/**
 * JSON patches as kustomize applies them (models/json-patch.ts: gopkg.in/evanphx/json-patch.v4
 * through api/filters/patchjson6902), case by case after RFC 6902's Appendix A and json-patch
 * v4's own behaviour (replace of a missing map key adds it, negative indexes count from the end),
 * and the one refusal of ours: a patch that would move list items to other indexes.
 */
import { applyJsonPatch } from "../src/models/json-patch.js";

type Row = { name: string; object: Record<string, unknown>; ops: unknown[]; want: Record<string, unknown> | undefined };

const ROWS: Row[] = [
  { name: "A.1 add an object member", object: { foo: "bar" }, ops: [{ op: "add", path: "/baz", value: "qux" }], want: { foo: "bar", baz: "qux" } },
  { name: "A.2 add an array element at the end (-)", object: { foo: ["bar", "baz"] }, ops: [{ op: "add", path: "/foo/-", value: "qux" }], want: { foo: ["bar", "baz", "qux"] } },
  { name: "A.2 add at the index after the last item", object: { foo: ["bar"] }, ops: [{ op: "add", path: "/foo/1", value: "qux" }], want: { foo: ["bar", "qux"] } },
  { name: "A.3 remove an object member", object: { baz: "qux", foo: "bar" }, ops: [{ op: "remove", path: "/baz" }], want: { foo: "bar" } },
  { name: "A.4 remove the last array element", object: { foo: ["bar", "qux"] }, ops: [{ op: "remove", path: "/foo/1" }], want: { foo: ["bar"] } },
  { name: "A.5 replace a value", object: { baz: "qux", foo: "bar" }, ops: [{ op: "replace", path: "/baz", value: "boo" }], want: { baz: "boo", foo: "bar" } },
  { name: "A.6 move a value", object: { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } }, ops: [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }], want: { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } } },
  { name: "A.8 test a value that holds", object: { baz: "qux", foo: ["a", 2, "c"] }, ops: [{ op: "test", path: "/baz", value: "qux" }, { op: "test", path: "/foo/1", value: 2 }], want: { baz: "qux", foo: ["a", 2, "c"] } },
  { name: "A.9 test a value that fails", object: { baz: "qux" }, ops: [{ op: "test", path: "/baz", value: "bar" }], want: undefined },
  { name: "A.10 add a nested member object", object: { foo: "bar" }, ops: [{ op: "add", path: "/child", value: { grandchild: {} } }], want: { foo: "bar", child: { grandchild: {} } } },
  { name: "A.12 add to a nonexistent target fails", object: { foo: "bar" }, ops: [{ op: "add", path: "/baz/bat", value: "qux" }], want: undefined },
  { name: "A.14 ~0 and ~1 escape ~ and /", object: { "/": 9, "~1": 10 }, ops: [{ op: "test", path: "/~01", value: 10 }, { op: "replace", path: "/~1", value: 1 }], want: { "/": 1, "~1": 10 } },
  { name: "A.16 add an array value", object: { foo: ["bar"] }, ops: [{ op: "add", path: "/foo/-", value: ["abc", "def"] }], want: { foo: ["bar", ["abc", "def"]] } },
  { name: "test compares maps whatever their key order", object: { m: { a: 1, b: 2 } }, ops: [{ op: "test", path: "/m", value: { b: 2, a: 1 } }], want: { m: { a: 1, b: 2 } } },
  { name: "copy a value to a new member", object: { a: { x: 1 } }, ops: [{ op: "copy", from: "/a", path: "/b" }], want: { a: { x: 1 }, b: { x: 1 } } },
  { name: "json-patch v4: replace of a key the map lacks adds it", object: { subjects: [{ kind: "ServiceAccount", name: "argo" }] }, ops: [{ op: "replace", path: "/subjects/0/namespace", value: "kubeflow" }], want: { subjects: [{ kind: "ServiceAccount", name: "argo", namespace: "kubeflow" }] } },
  { name: "json-patch v4: a negative index counts from the end", object: { foo: ["a", "b"] }, ops: [{ op: "replace", path: "/foo/-1", value: "z" }], want: { foo: ["a", "z"] } },
  { name: "replace of a missing list index fails", object: { foo: ["a"] }, ops: [{ op: "replace", path: "/foo/3", value: "z" }], want: undefined },
  { name: "remove of a missing key fails", object: { foo: "bar" }, ops: [{ op: "remove", path: "/baz" }], want: undefined },
  { name: "an unknown operation fails", object: { foo: "bar" }, ops: [{ op: "merge", path: "/foo", value: "x" }], want: undefined },
  { name: "not applied: an insertion before the end would move items", object: { foo: ["a", "b"] }, ops: [{ op: "add", path: "/foo/0", value: "z" }], want: undefined },
  { name: "not applied: removing another item than the last would move items", object: { foo: ["a", "b"] }, ops: [{ op: "remove", path: "/foo/0" }], want: undefined },
];

describe("applyJsonPatch", () => {
  test.each(ROWS.map((r) => [r.name, r] as const))("%s", (_name, { object, ops, want }) => {
    const before = JSON.stringify(object);
    expect(applyJsonPatch(object, ops)).toEqual(want);
    // The object is never changed: a copy is made on the way to each change.
    expect(JSON.stringify(object)).toBe(before);
  });
});
