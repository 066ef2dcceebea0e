import { replacePlaceholdersHint, samplePlaceholders } from "../../models/catalogue/names.js";
import { isEmptySelector, labelMapKeys, parseLabelSelector, selectorProblems, type SelectorProblem } from "../../models/selector.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";

const APPS_V1_KINDS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

export const rule = defineRule({
  id: "invalid-label-selector",
  category: "selectors",
  severity: "error",
  checksPatches: true,
  summary: "A label selector uses an unknown operator, misses values for In/NotIn, has values for Exists/DoesNotExist, or is empty where it must not be.",
  explanation: `Label selectors (matchLabels and matchExpressions) are validated by the API server: the
operator must be exactly In, NotIn, Exists or DoesNotExist (case-sensitive; Gt and Lt exist
only in node selectors), In and NotIn need at least one value, Exists and DoesNotExist must
have none, and keys and values must be valid label keys and values. An apps/v1 Deployment,
ReplicaSet, StatefulSet or DaemonSet must also have a non-empty selector: an empty one would
select every pod of the namespace and is rejected ("empty selector is invalid"). A selector
written as a plain label map (\`selector: {app: web}\`) is reported once, by unknown-field,
with the labels to nest under matchLabels. Invalid selectors are rejected at apply time; in
affinity rules they make pods unschedulable.`,
  fix: "Correct the operator's spelling, add or remove the values, or write the labels the selector must match.",
  preventsStatus: ["Pending"],
  check({ resource, report }) {
    for (const at of selectorPaths(resource)) {
      const raw = resource.get(at);
      if (raw === undefined || raw === null) continue;
      for (const p of selectorProblems(raw)) {
        report({ path: [...at, ...p.path], message: p.message, hint: hintFor(p) });
      }
    }
    if (APPS_V1_KINDS.has(resource.kind) && resource.apiVersion === "apps/v1") {
      const raw = resource.get(["spec", "selector"]);
      // Labels written beside matchLabels are one cause, reported by unknown-field with its fix.
      const empty = raw && typeof raw === "object" && !Array.isArray(raw) && isEmptySelector(parseLabelSelector(raw));
      // A patch that writes an empty selector leaves the base's in place (a strategic merge of maps).
      if (empty && !resource.partial && !selectorProblems(raw).length && !labelMapKeys(raw).length) {
        report({
          path: ["spec", "selector"],
          message: `the selector of ${resource.kind} "${resource.name}" is empty`,
          hint: "add matchLabels with the template's identifying labels",
        });
      }
    }
  },
});

function hintFor({ message, value }: SelectorProblem): string {
  const placeholders = value === undefined ? [] : samplePlaceholders(value);
  if (placeholders.length) return replacePlaceholdersHint(placeholders);
  if (message.startsWith("operator") && message.includes("needs")) return "add values";
  if (message.startsWith("operator") && message.includes("must not")) return "remove the values";
  if (message.startsWith("operator")) return "use In, NotIn, Exists or DoesNotExist";
  return "use a valid label key and value";
}

/** Every place of a resource that holds a metav1.LabelSelector. */
function selectorPaths(resource: Resource): Path[] {
  const out: Path[] = [];
  const listAt = (path: Path): unknown[] => {
    const v = resource.get(path);
    return Array.isArray(v) ? v : [];
  };
  switch (resource.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
    case "PodDisruptionBudget":
    case "PersistentVolumeClaim":
      out.push(["spec", "selector"]);
      break;
    case "NetworkPolicy":
      out.push(["spec", "podSelector"]);
      for (const [dir, peers] of [
        ["ingress", "from"],
        ["egress", "to"],
      ] as const) {
        listAt(["spec", dir]).forEach((_, i) => {
          listAt(["spec", dir, i, peers]).forEach((__, j) => {
            out.push(["spec", dir, i, peers, j, "podSelector"], ["spec", dir, i, peers, j, "namespaceSelector"]);
          });
        });
      }
      break;
  }
  const tpl = resource.podTemplate;
  if (tpl) {
    // Read down from the pod spec, building paths only for the terms written (most pods have none).
    const spec = resource.get(tpl.specPath);
    const affinity = fieldOf(spec, "affinity");
    for (const kind of ["podAffinity", "podAntiAffinity"]) {
      const terms = fieldOf(affinity, kind);
      if (terms === undefined) continue;
      const base = [...tpl.specPath, "affinity", kind];
      const req = "requiredDuringSchedulingIgnoredDuringExecution";
      listOf(fieldOf(terms, req)).forEach((_, i) => {
        out.push([...base, req, i, "labelSelector"], [...base, req, i, "namespaceSelector"]);
      });
      const pref = "preferredDuringSchedulingIgnoredDuringExecution";
      listOf(fieldOf(terms, pref)).forEach((_, i) => {
        out.push([...base, pref, i, "podAffinityTerm", "labelSelector"], [...base, pref, i, "podAffinityTerm", "namespaceSelector"]);
      });
    }
    listOf(fieldOf(spec, "topologySpreadConstraints")).forEach((_, i) => {
      out.push([...tpl.specPath, "topologySpreadConstraints", i, "labelSelector"]);
    });
  }
  return out;
}

/** One step of Resource.get: the field of an object, undefined below anything else. */
function fieldOf(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

const NO_ITEMS: readonly unknown[] = [];
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : NO_ITEMS);
