import { readIngress } from "../../models/ingress.js";
import { placeholderNote, placeholdersWithoutCapitals, replacePlaceholdersHint } from "../../models/catalogue/names.js";
import { defineRule, type Finding, type FieldFix } from "../types.js";

const PATH_TYPES = new Set(["Exact", "Prefix", "ImplementationSpecific"]);
const BAD_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const BAD_SUFFIXES = ["/..", "/."];

/**
 * A path that does not start with "/": fixed by prefixing one, unless it is a sample's placeholder
 * (`<html-path>`), whose value is the reader's to write.
 */
function relative(path: string, at: Finding["path"]): Finding {
  const placeholders = placeholdersWithoutCapitals(path);
  if (placeholders.length) return { path: at, message: `path "${path}" must start with "/": ${placeholderNote(placeholders)}`, hint: replacePlaceholdersHint(placeholders) };
  return { path: at, message: `path "${path}" must start with "/"`, hint: `write it as "/${path}"`, fix: [{ op: "set", path: at, value: `/${path}` }] };
}

export const rule = defineRule({
  id: "ingress-path-invalid",
  category: "ingress",
  severity: "error",
  appliesTo: ["Ingress"],
  summary: "An Ingress path lacks a valid pathType or is not an absolute path.",
  explanation: `In networking.k8s.io/v1 every Ingress path needs pathType: Exact, Prefix or
ImplementationSpecific. For Exact and Prefix the path must start with "/" and must not contain
"//", "/./", "/../" or an encoded slash; an ImplementationSpecific path, when set, must start with
"/" too; no path may end with "/." or "/..". The API server rejects anything else, so the Ingress (and every route in it) is not
created. Manifests converted from extensions/v1beta1 often lack pathType. In
networking.k8s.io/v1beta1 and extensions/v1beta1 a missing pathType defaults to
ImplementationSpecific (SetDefaults_HTTPIngressPath), so only v1 requires it. A pathType that is
none of the three is reported here for the beta versions; in v1 the schema lists them, so
invalid-type reports it (with the value in the right case as its fix), once.`,
  fix: `Set pathType (Prefix for a path and everything below it, Exact for one path) and start the path with "/".`,
  fixable: true,
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, report }) {
    for (const rule of readIngress(resource)?.rules ?? []) {
      for (const p of rule.paths) {
        const path = p.path ?? "";
        const pathType = p.pathType;
        if (pathType === undefined) {
          const set = (type: string) => ({ description: `set pathType: ${type}`, fix: [{ op: "insert", path: [...p.at, "pathType"], value: type }] as FieldFix });
          // For "/" every type matches every request the same way: Prefix is the choice that says so.
          const everything = path === "" || path === "/";
          report({
            path: p.at,
            target: "key",
            message: `path "${path}" has no pathType`,
            hint: "set pathType: Prefix (or Exact, ImplementationSpecific)",
            ...(everything ? { fix: set("Prefix").fix } : { suggestions: ["Prefix", "Exact", "ImplementationSpecific"].map(set) }),
          });
          continue;
        }
        if (typeof pathType !== "string") continue;
        if (!PATH_TYPES.has(pathType)) {
          // v1's schema lists the values: invalid-type reports the value, and fixes its case.
          if (resource.apiVersion !== "networking.k8s.io/v1") report({ path: [...p.at, "pathType"], message: `pathType "${pathType}" is not one of Exact, Prefix, ImplementationSpecific`, hint: "set pathType: Prefix or Exact" });
          continue;
        }
        const at = p.path === undefined ? [...p.at, "pathType"] : [...p.at, "path"];
        if (pathType === "ImplementationSpecific") {
          if (path && !path.startsWith("/")) report(relative(path, at));
          continue;
        }
        if (!path.startsWith("/")) {
          report(path ? relative(path, at) : { path: at, message: `a ${pathType} path must be set and start with "/"`, hint: `set path: "/"` });
          continue;
        }
        const within = BAD_SEQUENCES.find((s) => path.includes(s));
        const suffix = within ? undefined : BAD_SUFFIXES.find((s) => path.endsWith(s));
        // validateHTTPIngressPath: "must not contain" the sequences, "cannot end with" the suffixes.
        if (within) report({ path: at, message: `path "${path}" must not contain "${within}"`, hint: "normalise the path" });
        else if (suffix) report({ path: at, message: `path "${path}" must not end with "${suffix}"`, hint: "normalise the path" });
      }
    }
  },
});
