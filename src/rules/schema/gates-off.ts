/**
 * Where a resource holds fields behind a feature gate off by default at the target release
 * (GATED_FIELDS), and what the API server does with each: feature-gated-field reports them, and
 * the engine keeps every other rule's findings out of the fields the server drops on write.
 */
import { compareVersions } from "./api-changes.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import { POD_TEMPLATE_PATHS, type Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { gateStageAt, GATED_FIELDS, SCHEMA_TREE, type GatedField, type GateStage } from "./feature-gates.js";

/** A gated field whose gate is off by default at a release. */
export interface GateOff {
  gated: GatedField;
  stage: GateStage;
  /** The first later release that turns the gate on by default. */
  onFrom: string | undefined;
}

/**
 * What the API server does with one gated value while its gate is off: "dropped" (cleared on
 * write, the object accepted as if it were absent), "ignored" (kept, without effect), "rejected"
 * (the object is invalid once the field is dropped: `rejectedOnceDropped`) or "refused" (dropped,
 * and `refused`, the fields of its parent that may not be set without it, are set: `refusedWithout`).
 */
export interface GatedValue {
  off: GateOff;
  path: Path;
  outcome: "dropped" | "ignored" | "rejected" | "refused";
  refused: readonly string[];
}

/**
 * The gated fields off by default at each release of the run, and of those the ones a kind can
 * hold (a pod spec's for the kinds with pods): a function of the release and the kind alone,
 * worked out once instead of for every resource (that cost 170 MB of garbage on 10,000 resources).
 */
interface GatesOffAt {
  off: readonly GateOff[];
  byKind: Map<string, readonly GateOff[]>;
}
const GATES_OFF = memoKey<Map<string, GatesOffAt>>("feature gates off by default, by release");

function gatesOffAt(release: string): GateOff[] {
  const off: GateOff[] = [];
  for (const gated of GATED_FIELDS) {
    const stage = gateStageAt(gated.stages, release);
    if (!stage || stage.enabledByDefault || stage.stage === "removed") continue;
    if (gated.fieldSince && compareVersions(release, gated.fieldSince) < 0) continue;
    if (gated.fieldUntil && compareVersions(release, gated.fieldUntil) > 0) continue;
    off.push({ gated, stage, onFrom: gated.stages.find((s) => s.enabledByDefault && compareVersions(s.from, release) > 0)?.from });
  }
  return off;
}

/** The gates off by default at `release` whose fields a resource of `kind` can hold, in GATED_FIELDS order. */
function gatesOff(memo: Memo, release: string, kind: string): readonly GateOff[] {
  const byRelease = memo(GATES_OFF, () => new Map());
  let atRelease = byRelease.get(release);
  if (!atRelease) byRelease.set(release, (atRelease = { off: gatesOffAt(release), byKind: new Map() }));
  let ofKind = atRelease.byKind.get(kind);
  if (!ofKind) {
    const hasPods = kind === "Pod" || POD_TEMPLATE_PATHS.has(kind);
    ofKind = atRelease.off.filter((gate: GateOff) => ("pod" in gate.gated.where ? hasPods : gate.gated.where.kinds.includes(kind)));
    atRelease.byKind.set(kind, ofKind);
  }
  return ofKind;
}

/**
 * Calls `found` for each value at a path pattern under `root` ("*": each item of a list;
 * SCHEMA_TREE: a schema and each schema nested in it), with the path from `root` to the value
 * (`at`, reused: copy it to keep it).
 */
function eachValueAt(root: unknown, pattern: readonly string[], depth: number, at: Array<string | number>, found: (at: Path) => void) {
  if (root === undefined || root === null) return;
  if (depth === pattern.length) return found(at);
  const head = pattern[depth];
  if (head === "*") {
    if (!Array.isArray(root)) return;
    for (let i = 0; i < root.length; i++) {
      at.push(i);
      eachValueAt(root[i], pattern, depth + 1, at, found);
      at.pop();
    }
    return;
  }
  if (!isMap(root)) return;
  if (head === SCHEMA_TREE) {
    eachValueAt(root, pattern, depth + 1, at, found);
    const below = (sub: unknown, ...segs: Array<string | number>) => {
      at.push(...segs);
      eachValueAt(sub, pattern, depth, at, found);
      at.length -= segs.length;
    };
    const { properties, additionalProperties, items } = root;
    if (isMap(properties)) for (const name of Object.keys(properties)) below(properties[name], "properties", name);
    // additionalProperties may be a boolean, items a list of schemas.
    if (isMap(additionalProperties)) below(additionalProperties, "additionalProperties");
    if (Array.isArray(items)) items.forEach((sub, i) => below(sub, "items", i));
    else below(items, "items");
    return;
  }
  if (Object.hasOwn(root, head)) {
    at.push(head);
    eachValueAt(root[head], pattern, depth + 1, at, found);
    at.pop();
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields of `parent` the API server refuses once the gated field is dropped (`refusedWithout`). */
function refusedSiblings(g: GatedField, parent: unknown): string[] {
  if (!g.refusedWithout || typeof parent !== "object" || parent === null || Array.isArray(parent)) return [];
  const obj = parent as Record<string, unknown>;
  return g.refusedWithout.fields.filter((f) => Object.hasOwn(obj, f) && obj[f] !== null && obj[f] !== undefined);
}

/** The gated values of a resource, and the paths of those dropped. */
interface GatedValues {
  values: readonly GatedValue[];
  dropped: readonly Path[];
}

const GATED_VALUES = memoKey<Map<Resource, GatedValues>>("gated values off by default at the target, by resource", "resource");
const NONE: GatedValues = { values: [], dropped: [] };

/**
 * Worked out once per resource: feature-gated-field, the engine and the cross-field constraints
 * all read them. A resource of a kind without a gated field off (most of them) is not kept.
 */
function gatedValuesOf(resource: Resource, memo: Memo, release: string): GatedValues {
  const gates = gatesOff(memo, release, resource.kind);
  if (!gates.length) return NONE;
  const byResource = memo(GATED_VALUES, () => new Map());
  let found = byResource.get(resource);
  if (!found) {
    const values = findGatedValues(resource, gates);
    found = values.length ? { values, dropped: values.flatMap((v) => (v.outcome === "dropped" ? [v.path] : [])) } : NONE;
    byResource.set(resource, found);
  }
  return found;
}

/** The values of the gates `off` (those of the resource's kind) that the resource holds. */
function findGatedValues(resource: Resource, off: readonly GateOff[]): GatedValue[] {
  const out: GatedValue[] = [];
  // The pod spec as written and its path, looked up for the first pod field (null: the resource has no pod template).
  let podSpec: { root: unknown; path: Path } | null | undefined;
  for (const gate of off) {
    const g = gate.gated;
    let root: unknown;
    let base: Path;
    let pattern: readonly string[];
    if ("pod" in g.where) {
      if (podSpec === undefined) {
        const tpl = resource.podTemplate;
        podSpec = tpl ? { root: resource.get(tpl.specPath), path: tpl.specPath } : null;
      }
      if (!podSpec) continue;
      root = podSpec.root;
      base = podSpec.path;
      pattern = g.where.pod;
    } else {
      root = resource.raw;
      base = [];
      pattern = g.where.path;
    }
    eachValueAt(root, pattern, 0, [], (at) => {
      const path = [...base, ...at];
      if (g.sameAsGateOff !== undefined && resource.get(path) === g.sameAsGateOff) return;
      const refused = g.rejectedOnceDropped ? [] : refusedSiblings(g, resource.get(path.slice(0, -1)));
      const outcome = g.rejectedOnceDropped ? "rejected" : refused.length ? "refused" : g.effect;
      out.push({ off: gate, path, outcome, refused });
    });
  }
  return out;
}

/** The gated values of a resource whose gate is off by default at `release` (a value that does what the gate off does left out: `sameAsGateOff`). */
export function gatedValues(resource: Resource, memo: Memo, release: string): readonly GatedValue[] {
  return gatedValuesOf(resource, memo, release).values;
}

/**
 * The fields of a resource that the API server clears on write at `release` before it validates
 * the object, so that nothing inside them is judged: the gated values "dropped" (not those whose
 * drop gets the object rejected, nor the ignored ones, which are kept and judged).
 */
export function droppedFields(resource: Resource, memo: Memo, release: string): readonly Path[] {
  return gatedValuesOf(resource, memo, release).dropped;
}

/** Whether `path` is one of `fields` or lies inside one. */
export function isWithin(path: Path, fields: readonly Path[]): boolean {
  return fields.some((field) => field.length <= path.length && field.every((seg, i) => path[i] === seg));
}

/**
 * `obj` as the API server validates it once `fields` are cleared: a copy along each field's path
 * (the rest shared), without the field, and without a map that it leaves empty (dropPodLifecycleSleepAction
 * in pkg/api/pod/util.go clears a hook left without a handler, and a lifecycle left empty); an
 * item of a list stays. `obj` itself is left as it is.
 */
export function withoutFields(obj: Record<string, unknown>, fields: readonly Path[]): Record<string, unknown> {
  let out = obj;
  for (const field of fields) out = (without(out, field, 0) ?? {}) as Record<string, unknown>;
  return out;
}

/** `node` without the field at `path` (from `depth`); undefined for a map the removal leaves empty. */
function without(node: unknown, path: Path, depth: number): unknown {
  if (typeof node !== "object" || node === null) return node;
  const seg = path[depth];
  if (Array.isArray(node)) {
    if (typeof seg !== "number" || seg >= node.length) return node;
    const copy = node.slice();
    copy[seg] = without(node[seg], path, depth + 1) ?? {};
    return copy;
  }
  const map = node as Record<string, unknown>;
  if (typeof seg !== "string" || !Object.hasOwn(map, seg)) return node;
  const copy = { ...map };
  const rest = depth === path.length - 1 ? undefined : without(map[seg], path, depth + 1);
  if (rest === undefined) delete copy[seg];
  else copy[seg] = rest;
  return Object.keys(copy).length ? copy : undefined;
}
