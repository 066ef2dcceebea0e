/**
 * A strategic-merge patch applied to an object as kustomize applies it (sigs.k8s.io/kustomize
 * api/resource ApplySmPatch, which calls k8s.io/apimachinery/pkg/util/strategicpatch
 * StrategicMergeMapPatch; for an object of no built-in type, kyaml merges as a JSON merge patch):
 *
 * - maps merge key by key, and a key set to null is deleted (mergeMap);
 * - a list whose field has a merge key in k8s.io/api (the `patchMergeKey` tag: containers and
 *   volumes by name, container ports by containerPort, volumeMounts by mountPath...) merges item
 *   by item: an item whose key matches an item of the object is merged into it, another one is
 *   appended (mergeSlice); every other list is replaced whole;
 * - `$patch: replace` on a map or in a list replaces it with the rest of the patch, `$patch:
 *   delete` deletes the map or the list item; the other directives (`$setElementOrder/...`,
 *   `$retainKeys`, `$deleteFromPrimitiveList/...`) only order or prune and are left out.
 *
 * Neither argument is changed: the maps and lists on the way to a change are copied.
 */

type Obj = Record<string, unknown>;

const isMap = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets an own key, whatever its name: a manifest's `__proto__` key stays a key (an assignment would set the prototype). */
export function put(map: Obj, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A copy of a map's own keys, `__proto__` included. */
function copyOf(map: Obj | undefined): Obj {
  const out: Obj = {};
  if (map) for (const key of Object.keys(map)) put(out, key, map[key]);
  return out;
}

/** The merge keys of k8s.io/api's lists (`patchMergeKey`), by field name; `ports` depends on where it is. */
const MERGE_KEYS: ReadonlyMap<string, string> = new Map([
  ["containers", "name"],
  ["initContainers", "name"],
  ["ephemeralContainers", "name"],
  ["volumes", "name"],
  ["env", "name"],
  ["volumeMounts", "mountPath"],
  ["volumeDevices", "devicePath"],
  ["imagePullSecrets", "name"],
  ["hostAliases", "ip"],
  ["topologySpreadConstraints", "topologyKey"],
  ["resourceClaims", "name"],
  ["schedulingGates", "name"],
  // A webhook configuration's webhooks (admissionregistration/v1), a ServiceAccount's secrets, any object's ownerReferences.
  ["webhooks", "name"],
  ["secrets", "name"],
  ["ownerReferences", "uid"],
]);

/** A list field's merge key at `fields` (the field names from the object's root, the list's last), for a built-in object. */
function mergeKeyOf(fields: readonly string[]): string | undefined {
  const field = fields[fields.length - 1];
  // A container's ports merge by containerPort (core/v1 Container.Ports), a Service's by port (ServiceSpec.Ports).
  if (field === "ports") return fields.some((f) => f === "containers" || f === "initContainers" || f === "ephemeralContainers") ? "containerPort" : fields.length === 2 && fields[0] === "spec" ? "port" : undefined;
  return MERGE_KEYS.get(field);
}

/** The patch without its directives (keys starting with "$"), as it lands in the object. */
function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !(isMap(item) && item.$patch !== undefined && Object.keys(item).length === 1)).map(withoutDirectives);
  if (!isMap(value)) return value;
  const out: Obj = {};
  for (const key of Object.keys(value)) if (!key.startsWith("$") && value[key] !== null) put(out, key, withoutDirectives(value[key]));
  return out;
}

/**
 * The object with the patch applied; undefined when the patch deletes it (`$patch: delete` at its
 * root: kustomize then emits no such object). `builtIn`: merge lists by the merge keys of
 * k8s.io/api (an object of a built-in type); otherwise every list is replaced.
 */
export function applyStrategicMerge(object: Obj, patch: Obj, builtIn: boolean): Obj | undefined {
  return mergeMap(object, patch, [], builtIn);
}

/** undefined: the map is deleted (`$patch: delete`). */
function mergeMap(original: Obj | undefined, patch: Obj, fields: readonly string[], builtIn: boolean): Obj | undefined {
  if (patch.$patch === "delete") return undefined;
  if (patch.$patch === "replace") return withoutDirectives(patch) as Obj;
  const out = copyOf(original);
  for (const key of Object.keys(patch)) {
    if (key.startsWith("$")) continue;
    const value = patch[key];
    if (value === null) {
      delete out[key];
      continue;
    }
    const below = [...fields, key];
    if (isMap(value)) {
      const merged = mergeMap(isMap(out[key]) ? (out[key] as Obj) : undefined, value, below, builtIn);
      if (merged === undefined) delete out[key];
      else put(out, key, merged);
    } else if (Array.isArray(value)) {
      put(out, key, mergeList(out[key], value, builtIn ? mergeKeyOf(below) : undefined, below, builtIn));
    } else {
      put(out, key, value);
    }
  }
  return out;
}

function mergeList(original: unknown, patch: readonly unknown[], key: string | undefined, fields: readonly string[], builtIn: boolean): unknown[] {
  const replace = patch.some((item) => isMap(item) && item.$patch === "replace");
  if (key === undefined || replace || !Array.isArray(original)) return withoutDirectives(patch.filter((item) => !(isMap(item) && item.$patch === "delete"))) as unknown[];
  const out = original.slice();
  for (const item of patch) {
    if (!isMap(item) || item[key] === undefined) {
      out.push(withoutDirectives(item));
      continue;
    }
    const at = out.findIndex((o) => isMap(o) && o[key] === item[key]);
    if (item.$patch === "delete") {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at < 0) out.push(withoutDirectives(item));
    else {
      const merged = mergeMap(out[at] as Obj, item, fields, builtIn);
      if (merged === undefined) out.splice(at, 1);
      else out[at] = merged;
    }
  }
  return out;
}

/**
 * What every one of `variants` (the object as each build emits it) agrees on, over `written`: a
 * value all of them give is kept (changed, added), a map all of them hold is agreed on key by key,
 * a list they all hold with as many items item by item; anywhere they differ, the written value
 * stays. The object is then judged as every build applies it.
 */
export function agreedValue(written: unknown, variants: readonly unknown[]): unknown {
  const [first, ...rest] = variants;
  if (rest.every((v) => sameJson(v, first))) return first;
  if (variants.every(isMap)) {
    const maps = variants as Obj[];
    const base = isMap(written) ? written : {};
    const out: Obj = {};
    const keys = new Set([...Object.keys(base), ...maps.flatMap((m) => Object.keys(m))]);
    for (const k of keys) {
      const present = maps.filter((m) => m[k] !== undefined).length;
      // Added by some builds only, or deleted by some: as written.
      const value = present === maps.length ? agreedValue(base[k], maps.map((m) => m[k])) : base[k];
      if (value !== undefined) put(out, k, value);
    }
    return out;
  }
  if (variants.every(Array.isArray) && (variants as unknown[][]).every((l) => l.length === (first as unknown[]).length)) {
    const lists = variants as unknown[][];
    const base = Array.isArray(written) ? written : [];
    return (first as unknown[]).map((_, i) => agreedValue(base[i], lists.map((l) => l[i])));
  }
  return written;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (!isMap(a) || !isMap(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}
