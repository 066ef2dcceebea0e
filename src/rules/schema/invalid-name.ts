import { groupOf, isBuiltinApiVersion } from "../../models/api-groups.js";
import { dns1123Label, nameRuleOf, validateName } from "../../models/catalogue/names.js";
import { defineRule } from "../types.js";

const RULE_TEXT = {
  "dns1123-subdomain": "a DNS-1123 subdomain",
  "dns1123-label": "a DNS-1123 label",
  "dns1035-label": "a DNS-1035 label",
  "path-segment": "a path segment",
};

export const rule = defineRule({
  id: "invalid-name",
  category: "schema",
  severity: "error",
  summary: "A metadata.name or metadata.namespace that the API server rejects for this kind.",
  explanation: `Object names end up in URLs, DNS records and labels, so the API server validates them per
kind: most kinds need a DNS-1123 subdomain (lower-case alphanumerics, '-' and '.', at most 253
characters), a Namespace a DNS-1123 label (no '.', at most 63), a Service a DNS-1035 label (it
must also start with a letter, because it becomes a DNS name and environment variable
prefix), and a CronJob name at most 52 characters (its Jobs append a suffix). Upper-case
letters and underscores are the usual culprits; the object is rejected and not created.`,
  fix: "Rename the object with lower-case letters, digits and '-' (and '.' where allowed).",
  preventsStatus: [],
  check({ resource, report }) {
    if (!isBuiltinApiVersion(resource.apiVersion)) return;
    const name = resource.raw.metadata && (resource.raw.metadata as Record<string, unknown>).name;
    if (typeof name === "string" && name !== "") {
      const rule = nameRuleOf(resource.kind, groupOf(resource.apiVersion));
      const problems = validateName(name, rule);
      if (problems.length) {
        report({
          path: ["metadata", "name"],
          message: `name ${JSON.stringify(name)} is not ${RULE_TEXT[rule]}: it ${problems.join(" and ")}`,
          hint: `rename it, e.g. ${JSON.stringify(suggestName(name, rule === "dns1035-label"))}`,
        });
      } else if (resource.kind === "CronJob" && name.length > 52) {
        report({
          path: ["metadata", "name"],
          message: `CronJob name ${JSON.stringify(name)} is ${name.length} characters: at most 52 are allowed`,
          hint: "shorten the name to 52 characters",
        });
      }
    }
    const ns = resource.raw.metadata && (resource.raw.metadata as Record<string, unknown>).namespace;
    if (typeof ns === "string" && ns !== "") {
      const problems = dns1123Label(ns);
      if (problems.length) {
        report({
          path: ["metadata", "namespace"],
          message: `namespace ${JSON.stringify(ns)} is not a DNS-1123 label: it ${problems.join(" and ")}`,
          hint: `use the namespace's real name, e.g. ${JSON.stringify(suggestName(ns, false))}`,
        });
      }
    }
  },
});

function suggestName(name: string, letterFirst: boolean): string {
  let s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  if (letterFirst) s = s.replace(/\./g, "-").replace(/^[0-9-]+/, "");
  return (s || "name").slice(0, 63).replace(/-+$/, "");
}
