/**
 * Evaluates the field constraints of a resource in one walk that follows only the paths the
 * table names: a trie per kind, built once from the table at load, so a resource costs a lookup
 * per written field the table knows, not a walk of the whole object.
 */
import { POD_TEMPLATE_PATHS, type Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import type { Finding } from "../types.js";
import type { FieldConstraint, Root } from "./constraint.js";
import { FIELD_CONSTRAINTS } from "./field-constraints.js";

interface Node {
  children: Map<string, Node>;
  constraints: FieldConstraint[];
}

const newNode = (): Node => ({ children: new Map(), constraints: [] });

function insert(root: Node, segments: readonly string[], constraint: FieldConstraint) {
  let node = root;
  for (const seg of segments) {
    let next = node.children.get(seg);
    if (!next) node.children.set(seg, (next = newNode()));
    node = next;
  }
  node.constraints.push(constraint);
}

/** Where a pod spec sits in each kind that carries one. */
const POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["Pod", ["spec"]],
  ...[...POD_TEMPLATE_PATHS].map(([kind, path]): [string, readonly string[]] => [kind, [...path.map(String), "spec"]]),
]);

const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"];

function prefixesOf(root: Root, kind: string): Array<readonly string[]> {
  const spec = POD_SPEC_PATHS.get(kind);
  if (root === "object") return [[]];
  if (!spec) return [];
  if (root === "pod") return [spec];
  if (root === "volume") return [[...spec, "volumes", "[]"]];
  return CONTAINER_LISTS.map((list) => [...spec, list, "[]"]);
}

function appliesTo(c: FieldConstraint, kind: string): boolean {
  return c.root !== "object" || c.kinds.includes("*") || c.kinds.includes(kind);
}

function buildTrie(kind: string, constraints: readonly FieldConstraint[]): Node {
  const root = newNode();
  for (const c of constraints) {
    if (!appliesTo(c, kind)) continue;
    for (const prefix of prefixesOf(c.root, kind)) for (const at of c.at) insert(root, [...prefix, ...at], c);
  }
  return root;
}

/** One trie per kind the table names; every other kind gets the constraints of every object. */
const KINDS = new Set<string>([...POD_SPEC_PATHS.keys(), ...FIELD_CONSTRAINTS.flatMap((c) => (c.root === "object" ? c.kinds : []))]);
KINDS.delete("*");
const TRIES: ReadonlyMap<string, Node> = new Map([...KINDS].map((kind) => [kind, buildTrie(kind, FIELD_CONSTRAINTS)]));
const ANY_KIND = buildTrie("", FIELD_CONSTRAINTS);

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every finding of the field constraints on one resource. */
export function fieldConstraintFindings(resource: Resource, kubernetesVersion: string): Finding[] {
  const out: Finding[] = [];
  const trie = TRIES.get(resource.kind) ?? ANY_KIND;
  const visit = (value: unknown, node: Node, path: Path, parent: Record<string, unknown> | undefined, field: string) => {
    if (value === undefined || value === null) return;
    for (const c of node.constraints) {
      const result = c.check(value, { parent, field, resource, kubernetesVersion });
      if (!result) continue;
      for (const p of Array.isArray(result) ? result : [result]) {
        out.push({ path: p.sub ? [...path, ...p.sub] : path, message: p.message, hint: p.hint, ...(p.target ? { target: p.target } : {}) });
      }
    }
    if (node.children.size === 0) return;
    const items = node.children.get("[]");
    if (items && Array.isArray(value)) value.forEach((item, i) => visit(item, items, [...path, i], undefined, field));
    if (!isMap(value)) return;
    const values = node.children.get("*");
    if (values) for (const [k, v] of Object.entries(value)) visit(v, values, [...path, k], value, k);
    for (const [key, child] of node.children) {
      if (key === "[]" || key === "*" || !Object.hasOwn(value, key)) continue;
      visit(value[key], child, [...path, key], value, key);
    }
  };
  visit(resource.raw, trie, [], undefined, resource.kind);
  return out;
}
