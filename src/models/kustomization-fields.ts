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
    if (value === null || value === undefined || (!STRING_LISTS.has(field) && !MAPPING_LISTS.has(field))) continue;
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
      }
    });
  }
  return out;
}
