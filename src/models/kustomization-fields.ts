/**
 * What kustomize refuses to read in a kustomization. Kustomization.Unmarshal
 * (sigs.k8s.io/kustomize/api/types/kustomization.go) converts the YAML to JSON and decodes it with
 * encoding/json and DisallowUnknownFields: a key that matches no field, compared without regard to
 * case as encoding/json compares them, and a value of another JSON type than its field's, stop
 * `kustomize build` (and `kubectl apply -k`) before anything is built ("invalid Kustomization:
 * json: unknown field ..." / "json: cannot unmarshal string into Go struct field
 * Kustomization.patches of type types.Patch").
 */
import { closestWithin } from "../did-you-mean.js";
import type { Path } from "../types.js";
import { formatPath } from "./path.js";

/**
 * The fields of Kustomization (with TypeMeta's), as kustomization.go names them in kustomize v5
 * (kubectl's since 1.27; each checked against `kubectl kustomize` of kustomize v5.5.0, which
 * refuses the `inventory` of v4); a Component has the same.
 */
const FIELDS = [
  "apiVersion",
  "kind",
  "metadata",
  "openapi",
  "namePrefix",
  "nameSuffix",
  "namespace",
  "commonLabels",
  "labels",
  "commonAnnotations",
  "patchesStrategicMerge",
  "patchesJson6902",
  "patches",
  "images",
  "imageTags",
  "replacements",
  "replicas",
  "vars",
  "sortOptions",
  "resources",
  "components",
  "crds",
  "bases",
  "configMapGenerator",
  "secretGenerator",
  "helmGlobals",
  "helmCharts",
  "helmChartInflationGenerator",
  "generatorOptions",
  "configurations",
  "generators",
  "transformers",
  "validators",
  "buildMetadata",
] as const;

const BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(FIELDS.map((f) => [f.toLowerCase(), f]));

/** Fields that are lists of strings ([]string, []PatchStrategicMerge). */
const STRING_LISTS: ReadonlySet<string> = new Set(["resources", "components", "crds", "bases", "configurations", "generators", "transformers", "validators", "buildMetadata", "patchesStrategicMerge"]);

/** Fields that are lists of structs, each entry a mapping. */
const MAPPING_LISTS: ReadonlySet<string> = new Set(["patches", "patchesJson6902", "images", "imageTags", "replacements", "replicas", "vars", "configMapGenerator", "secretGenerator", "helmCharts", "helmChartInflationGenerator", "labels"]);

/**
 * The JSON shape of a field kustomize decodes: a string, a bool, an integer (int64: a whole
 * number), a list of strings, a map of strings or of bools, a struct (its fields: any other key
 * is refused), a list of such structs, or anything (not judged).
 */
type Shape = "string" | "bool" | "int" | "strings" | "stringMap" | "boolMap" | "any" | Struct;
interface Struct {
  /** How a message names one entry or the value: "an images entry", "generatorOptions". */
  name: string;
  fields: Readonly<Record<string, Shape>>;
}

/**
 * The structs of api/types that kustomization entries decode into. Their fields are the newest
 * kustomize's (a field kubectl's kustomize v5.5.0 refuses as unknown but a later kustomize reads,
 * such as the generators' `immutable` or labels' `includeVolumeClaimTemplates`, is accepted: the
 * user may build with either), their types the same in every v5 release.
 */
const SELECTOR: Struct = {
  name: "a patch target",
  fields: { group: "string", version: "string", kind: "string", name: "string", namespace: "string", skip: "bool", annotationSelector: "string", labelSelector: "string" },
};
const GENERATOR_OPTIONS: Struct = {
  name: "generator options",
  fields: { labels: "stringMap", annotations: "stringMap", disableNameSuffixHash: "bool", immutable: "bool", fileMerge: "any" },
};
const GENERATOR_ARGS: Readonly<Record<string, Shape>> = {
  namespace: "string",
  name: "string",
  behavior: "string",
  immutable: "bool",
  literals: "strings",
  files: "strings",
  envs: "strings",
  env: "string",
  ageIdentities: "strings",
  options: GENERATOR_OPTIONS,
};
/** The struct of each entry of a list of structs (types Image, Replica, Label, ConfigMapArgs, SecretArgs, Patch, Patch6902). */
const ENTRIES: Readonly<Record<string, Struct>> = {
  images: { name: "an images entry", fields: { name: "string", newName: "string", tagSuffix: "string", newTag: "string", digest: "string" } },
  replicas: { name: "a replicas entry", fields: { name: "string", count: "int" } },
  labels: { name: "a labels entry", fields: { pairs: "stringMap", includeSelectors: "bool", includeTemplates: "bool", includeVolumeClaimTemplates: "bool", fields: "any" } },
  configMapGenerator: { name: "a configMapGenerator entry", fields: GENERATOR_ARGS },
  secretGenerator: { name: "a secretGenerator entry", fields: { ...GENERATOR_ARGS, type: "string" } },
  patches: { name: "a patches entry", fields: { path: "string", patch: "string", target: SELECTOR, options: "boolMap" } },
  patchesJson6902: { name: "a patchesJson6902 entry", fields: { path: "string", patch: "string", target: { name: "a patch target", fields: { group: "string", version: "string", kind: "string", name: "string", namespace: "string" } } } },
};
/** Fields of the Kustomization itself that are not lists. */
const TOP: Readonly<Record<string, Shape>> = {
  namePrefix: "string",
  nameSuffix: "string",
  namespace: "string",
  commonLabels: "stringMap",
  commonAnnotations: "stringMap",
  generatorOptions: { ...GENERATOR_OPTIONS, name: "generatorOptions" },
};

/** One refusal: where (a path in the kustomization), what, and how to write it instead. */
export interface KustomizationProblem {
  path: Path;
  target: "key" | "value";
  message: string;
  hint: string;
}

/** What a JSON decoder calls a value's type in its error, as the message names it. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  return typeof value === "number" ? "a number" : "a boolean";
}

/**
 * Every key and entry of a kustomization (or Component) that kustomize cannot decode. Entries are
 * judged for their JSON type only; the paths they name are kustomization-path-missing's. null is
 * accepted anywhere (encoding/json leaves the field empty).
 */
export function kustomizationProblems(kustomization: Record<string, unknown>): KustomizationProblem[] {
  const out: KustomizationProblem[] = [];
  for (const key of Object.keys(kustomization)) {
    const field = BY_LOWER_CASE.get(key.toLowerCase());
    if (field === undefined) {
      const meant = closestWithin(key, FIELDS);
      out.push({
        path: [key],
        target: "key",
        message: `"${key}" is not a field of a Kustomization, so kustomize build fails (json: unknown field "${key}")${meant ? ` (did you mean "${meant}"?)` : ""}`,
        hint: meant ? `rename it to "${meant}"` : "remove it, or move it to the field it belongs to",
      });
      continue;
    }
    const value = kustomization[key];
    if (value === null || value === undefined) continue;
    if (TOP[field] !== undefined) {
      judgeShape(value, TOP[field], [key], out);
      continue;
    }
    if (!STRING_LISTS.has(field) && !MAPPING_LISTS.has(field)) continue;
    if (!Array.isArray(value)) {
      out.push({ path: [key], target: "value", message: `${key} is ${jsonType(value)}, not a list, so kustomize build fails`, hint: `write each entry of ${key} as a list item ("- ...")` });
      continue;
    }
    value.forEach((entry, i) => {
      if (entry === null || entry === undefined) return;
      if (STRING_LISTS.has(field) && typeof entry !== "string") {
        out.push({ path: [key, i], target: "value", message: `this ${key} entry is ${jsonType(entry)}, not a path, so kustomize build fails`, hint: `write the entry as a path string` });
      } else if (MAPPING_LISTS.has(field) && (typeof entry !== "object" || Array.isArray(entry))) {
        const asPatch = (field === "patches" || field === "patchesJson6902") && typeof entry === "string" && !entry.includes("\n");
        out.push({
          path: [key, i],
          target: "value",
          message: `this ${key} entry is ${jsonType(entry)}, not a mapping, so kustomize build fails (json: cannot unmarshal ${Array.isArray(entry) ? "array" : typeof entry} into the entries of ${field})`,
          hint: asPatch ? `write it as "- path: ${entry}"` : `write the entry as a mapping with the fields of ${field}`,
        });
      } else if (ENTRIES[field] !== undefined) {
        judgeShape(entry, ENTRIES[field], [key, i], out);
      }
    });
  }
  return out;
}

/** What a shape calls for, as a message says it. */
const WANTED: Record<Exclude<Shape, Struct>, string> = {
  string: "a string",
  bool: "true or false",
  int: "a whole number",
  strings: "a list of strings",
  stringMap: "a mapping of strings",
  boolMap: "a mapping of true or false",
  any: "anything",
};

/** How to write a value of `shape` when `value` was written instead. */
function shapeHint(shape: Exclude<Shape, Struct>, value: unknown): string {
  if (shape === "string" || shape === "stringMap" || shape === "strings") {
    return typeof value === "number" || typeof value === "boolean" ? "quote the value as written, so that YAML reads it as a string (unquoted, 1.20 is the number 1.2 and yes the boolean true)" : `write ${WANTED[shape]}`;
  }
  if ((shape === "bool" || shape === "boolMap") && typeof value === "string") return "write true or false without quotes";
  if (shape === "int" && typeof value === "string") return "write the number without quotes";
  return `write ${WANTED[shape]}`;
}

/** Whether a decoded JSON value fits a leaf shape (null fits every one: encoding/json leaves the field as it was). */
function fits(value: unknown, shape: Exclude<Shape, Struct>): boolean {
  if (value === null || shape === "any") return true;
  switch (shape) {
    case "string":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    default:
      return false;
  }
}

/**
 * Judges `value` at `path` against `shape`, as encoding/json with DisallowUnknownFields decodes
 * it: an unknown key of a struct and a value of another JSON type are refusals.
 */
function judgeShape(value: unknown, shape: Shape, path: Path, out: KustomizationProblem[]): void {
  if (value === null || value === undefined || shape === "any") return;
  const at = formatPath(path);
  if (typeof shape === "object") {
    if (typeof value !== "object" || Array.isArray(value)) {
      out.push({ path, target: "value", message: `${at} is ${jsonType(value)}, not a mapping, so kustomize build fails`, hint: `write ${shape.name} as a mapping of its fields` });
      return;
    }
    const known = Object.keys(shape.fields);
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      // encoding/json matches a key to a field without regard to case.
      const field = known.find((f) => f.toLowerCase() === key.toLowerCase());
      if (field === undefined) {
        const meant = closestWithin(key, known);
        out.push({
          path: [...path, key],
          target: "key",
          message: `"${key}" is not a field of ${shape.name}, so kustomize build fails (json: unknown field "${key}")${meant ? ` (did you mean "${meant}"?)` : ""}`,
          hint: meant ? `rename it to "${meant}"` : `remove it (the fields of ${shape.name}: ${known.join(", ")})`,
        });
        continue;
      }
      judgeShape(v, shape.fields[field], [...path, key], out);
    }
    return;
  }
  if (shape === "strings" || shape === "stringMap" || shape === "boolMap") {
    const list = shape === "strings";
    if (list ? !Array.isArray(value) : typeof value !== "object" || Array.isArray(value)) {
      out.push({ path, target: "value", message: `${at} is ${jsonType(value)}, not ${WANTED[shape]}, so kustomize build fails`, hint: `write ${WANTED[shape]}` });
      return;
    }
    const item = shape === "boolMap" ? "bool" : "string";
    const entries: Array<[string | number, unknown]> = list ? (value as unknown[]).map((v, i) => [i, v]) : Object.entries(value as Record<string, unknown>);
    for (const [k, v] of entries) {
      if (fits(v, item)) continue;
      out.push({ path: [...path, k], target: "value", message: `${formatPath([...path, k])} is ${jsonType(v)}, not ${WANTED[item]}, so kustomize build fails (json: cannot unmarshal ${goKind(v)} into a value of type ${item})`, hint: shapeHint(shape, v) });
    }
    return;
  }
  if (fits(value, shape)) return;
  out.push({ path, target: "value", message: `${at} is ${jsonType(value)}, not ${WANTED[shape]}, so kustomize build fails (json: cannot unmarshal ${goKind(value)} into a field of type ${shape === "int" ? "int64" : shape})`, hint: shapeHint(shape, value) });
}

/** A JSON value's kind as encoding/json's UnmarshalTypeError names it. */
function goKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value === "number" ? "number" : typeof value === "string" ? "string" : "bool";
}
