/**
 * Evaluates the field constraints of a resource in one walk that follows only the paths the
 * table names: a trie per kind, built from the table on first use (the pod spec's part shared by
 * every kind that carries one), so a resource costs a map lookup per written field on those paths,
 * not a walk of the whole object.
 */
import { POD_TEMPLATE_PATHS, type Resource } from "../../models/resource.js";
import type { Finding } from "../types.js";
import type { CheckContext, FieldConstraint, Problem } from "./constraint.js";
import { FIELD_CONSTRAINTS } from "./field-constraints.js";

interface Node {
  /** By segment: a field name, "[]" (every item of a list) or "*" (every value of a map). */
  children: Map<string, Node>;
  constraints: FieldConstraint[];
  /** Filled by `seal` from `children`, so that the walk reads them without a lookup per value. */
  fields: Map<string, Node>;
  items: Node | undefined;
  values: Node | undefined;
  /** Whether anything is below: set by `seal`. */
  branches: boolean;
}

const newNode = (): Node => ({ children: new Map(), constraints: [], fields: new Map(), items: undefined, values: undefined, branches: false });

/** The nodes `seal` has split: the pod spec's part is shared by the tries of every kind that carries one, and split once. */
const SEALED = new WeakSet<Node>();

/** Splits the children of every node below `node` into named fields, list items and map values. */
function seal(node: Node) {
  if (SEALED.has(node)) return;
  SEALED.add(node);
  node.fields = new Map([...node.children].filter(([seg]) => seg !== "[]" && seg !== "*"));
  node.items = node.children.get("[]");
  node.values = node.children.get("*");
  node.branches = node.children.size > 0;
  for (const child of node.children.values()) seal(child);
}

/** The node at `segments` below `root`, created on the way; `constraint` is added to it when given. */
function insert(root: Node, segments: readonly string[], constraint?: FieldConstraint): Node {
  let node = root;
  for (const seg of segments) {
    let next = node.children.get(seg);
    if (!next) node.children.set(seg, (next = newNode()));
    node = next;
  }
  if (constraint) node.constraints.push(constraint);
  return node;
}

function insertAll(root: Node, constraints: readonly FieldConstraint[]) {
  for (const c of constraints) for (const at of c.at) insert(root, at, c);
}

/** Where a pod spec sits in each kind that carries one. */
const POD_SPEC_PATHS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["Pod", ["spec"]],
  ...[...POD_TEMPLATE_PATHS].map(([kind, path]): [string, readonly string[]] => [kind, [...path.map(String), "spec"]]),
]);

const CONTAINER_LISTS = ["containers", "initContainers", "ephemeralContainers"];

/** The pod spec part, built once and shared: its containers (all three lists) and its volumes. */
function buildPodSpecNode(): Node {
  const pod = newNode();
  insertAll(pod, FIELD_CONSTRAINTS.filter((c) => c.root === "pod"));
  const container = newNode();
  insertAll(container, FIELD_CONSTRAINTS.filter((c) => c.root === "container"));
  for (const list of CONTAINER_LISTS) insert(pod, [list]).children.set("[]", container);
  const volume = newNode();
  insertAll(volume, FIELD_CONSTRAINTS.filter((c) => c.root === "volume"));
  insert(pod, ["volumes"]).children.set("[]", volume);
  return pod;
}

const POD_SPEC = buildPodSpecNode();

/** The trie of one kind: its own constraints, those of every object, and the pod spec where it has one. */
function buildTrie(kind: string): Node {
  const root = newNode();
  insertAll(root, FIELD_CONSTRAINTS.filter((c) => c.root === "object" && (c.kinds.includes(kind) || c.kinds.includes("*"))));
  const spec = POD_SPEC_PATHS.get(kind);
  if (spec) {
    const parent = insert(root, spec.slice(0, -1));
    const last = spec[spec.length - 1];
    if (parent.children.has(last)) throw new Error(`an object constraint of ${kind} is written at its pod spec path: make it a pod constraint`);
    parent.children.set(last, POD_SPEC);
    // The pod's metadata beside its spec (a Pod's own: merged with the constraints of every object's metadata).
    const metadata = insert(root, [...spec.slice(0, -1), "metadata"]);
    insertAll(metadata, FIELD_CONSTRAINTS.filter((c) => c.root === "podMetadata"));
  }
  seal(root);
  return root;
}

/** The kinds the table names; every other kind gets the constraints of every object. */
const KNOWN_KINDS: ReadonlySet<string> = new Set([...POD_SPEC_PATHS.keys(), ...FIELD_CONSTRAINTS.flatMap((c) => (c.root === "object" ? c.kinds : []))]);
/** Tries by known kind, built on first use: static data, a function of the kind alone. */
const TRIES = new Map<string, Node>();
function trieOf(kind: string): Node {
  const key = KNOWN_KINDS.has(kind) && kind !== "*" ? kind : "*";
  let trie = TRIES.get(key);
  if (!trie) TRIES.set(key, (trie = buildTrie(key)));
  return trie;
}

/** A subtree to judge as the type at another path: written at `path`, belonging at `home` ("[]": any list item). */
export interface RelocatedSubtree {
  path: readonly (string | number)[];
  value: unknown;
  home: readonly string[];
}

/**
 * One walk over one resource: the findings, and the path of the value visited (pushed and popped
 * as the walk goes, copied only into a finding). A class, not closures made per resource: the
 * walk's code is shared by every resource, so it is fast from the first ones on.
 */
class FieldWalk {
  readonly out: Finding[] = [];
  readonly path: Array<string | number> = [];
  /** One context for the resource, set before each node's checks (a check reads it, never keeps it). */
  readonly ctx: CheckContext;

  constructor(resource: Resource, kubernetesVersion: string) {
    this.ctx = { parent: undefined, field: "", resource, kubernetesVersion };
  }

  visit(value: unknown, node: Node, parent: Record<string, unknown> | undefined, field: string): void {
    if (value === undefined || value === null) return;
    const constraints = node.constraints;
    if (constraints.length) {
      // Here, not in a method of its own: a call per constrained value was a sixth of the walk's time.
      const ctx = this.ctx;
      ctx.parent = parent;
      ctx.field = field;
      for (let c = 0; c < constraints.length; c++) {
        const result = constraints[c].check(value, ctx);
        if (result) this.found(result);
      }
    }
    if (typeof value !== "object" || !node.branches) return;
    const path = this.path;
    if (Array.isArray(value)) {
      const items = node.items;
      if (!items) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.visit(value[i], items, undefined, field);
        path.pop();
      }
      return;
    }
    const values = node.values;
    const fields = node.fields;
    const map = value as Record<string, unknown>;
    // for-in, not Object.keys: the same keys in the same order (the parser's objects inherit no enumerable key), without an array per map.
    for (const key in map) {
      const child = fields.get(key);
      if (!child && !values) continue;
      path.push(key);
      if (values) this.visit(map[key], values, map, key);
      if (child) this.visit(map[key], child, map, key);
      path.pop();
    }
  }

  /** Files what a constraint found at the walk's path. */
  found(result: Problem | Problem[]): void {
    for (const p of Array.isArray(result) ? result : [result]) {
      this.out.push({ path: p.sub ? [...this.path, ...p.sub] : [...this.path], message: p.message, hint: p.hint, ...(p.target ? { target: p.target } : {}) });
    }
  }
}

/**
 * Every finding of the field constraints on one resource; `relocated` subtrees (misplaced ones)
 * are judged with the constraints of the path where they belong, at the path where they are written.
 */
export function fieldConstraintFindings(resource: Resource, kubernetesVersion: string, relocated: readonly RelocatedSubtree[] = []): Finding[] {
  const walk = new FieldWalk(resource, kubernetesVersion);
  const trie = trieOf(resource.kind);
  walk.visit(resource.raw, trie, undefined, resource.kind);
  for (let r = 0; r < relocated.length; r++) {
    const subtree = relocated[r];
    let node: Node | undefined = trie;
    for (const seg of subtree.home) node = node?.children.get(seg);
    if (!node) continue;
    walk.path.length = 0;
    walk.path.push(...subtree.path);
    walk.visit(subtree.value, node, undefined, subtree.home[subtree.home.length - 1]);
  }
  return walk.out;
}
