import { groupOf, isBuiltinApiVersion } from "../../models/api-groups.js";
import { dns1123Label, nameRuleOf, placeholderNote, placeholdersWithoutCapitals, replacePlaceholdersHint, validateName, type NameRule } from "../../models/catalogue/names.js";
import type { Resource } from "../../models/resource.js";
import { defineRule } from "../types.js";
import { compareVersions } from "./api-changes.js";

/** RelaxedServiceNameValidation (KEP-5311): beta and on by default from 1.36, Service names are RFC 1123 labels. */
export const RELAXED_SERVICE_NAMES_SINCE = "1.36";
/**
 * ValidateStatefulSetName (pkg/apis/apps/validation/validation.go): NameIsDNSSubdomain up to 1.26,
 * NameIsDNSLabel from 1.27 (kubernetes PR 114172, CHANGELOG-1.27: the controller sets each pod's
 * spec.hostname to the pod name, which is validated as a DNS label, so a name with dots never worked).
 */
const STATEFULSET_DNS_LABEL_SINCE = "1.27";
/** A label value, such as the job-name label a Job puts on its pods (IsValidLabelValue). */
const LABEL_VALUE_MAX = 63;
/** ControllerRevision names are "<StatefulSet name>-<hash>", the hash up to 10 characters (controller_history.go). */
const REVISION_HASH_SUFFIX = 11;

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
characters), a Namespace a DNS-1123 label (no '.', at most 63), RBAC objects any path segment
(no '/' or '%'), a Service a DNS-1035 label up to Kubernetes 1.35 (it must also start with a
letter) and a DNS-1123 label from 1.36, where relaxed Service name validation (KEP-5311) is beta
and on by default (the target is --kubernetes-version). Some kinds have shorter limits because
their name ends up in a label value (at most 63 characters): a Job name is rejected above 63
characters, since its pods get a "job-name" label (unless manualSelector is set); a CronJob above
52 (its Jobs append an 11-character suffix); a StatefulSet above 52 is accepted, but its
controller then fails to create pods, whose controller-revision-hash label is the name plus a
hash of up to 10 characters. A StatefulSet name is a DNS-1123 label from 1.27; before, a name
with dots is accepted but its pods are refused (their hostname is the pod name, a DNS label). Upper-case letters and underscores are the usual culprits; the
object is rejected and not created.`,
  fix: "Rename the object with lower-case letters, digits and '-' (and '.' where allowed).",
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, settings, report }) {
    if (!isBuiltinApiVersion(resource.apiVersion)) return;
    const name = resource.raw.metadata && (resource.raw.metadata as Record<string, unknown>).name;
    if (typeof name === "string" && name !== "") {
      const rule = nameRuleFor(resource, settings.kubernetesVersion);
      const problems = validateName(name, rule);
      const placeholders = placeholdersWithoutCapitals(name);
      if (problems.length && placeholders.length) {
        // A sample's `<node-hostname>` left in: the fix is the value it stands for, not a spelling of the placeholder.
        report({
          path: ["metadata", "name"],
          message: `name ${JSON.stringify(name)} is not ${RULE_TEXT[rule]}: it ${problems.join(" and ")}; ${placeholderNote(placeholders)}`,
          hint: replacePlaceholdersHint(placeholders),
        });
      } else if (problems.length) {
        report({
          path: ["metadata", "name"],
          message: `name ${JSON.stringify(name)} is not ${RULE_TEXT[rule]}: it ${problems.join(" and ")}`,
          hint: `rename it, e.g. ${JSON.stringify(suggestName(name, rule))}`,
          // Other objects may refer to the name: renaming is the author's call.
          suggestions: [{ description: `rename it to ${JSON.stringify(suggestName(name, rule))}`, fix: [{ op: "set", path: ["metadata", "name"], value: suggestName(name, rule) }] }],
        });
      } else if (resource.kind === "StatefulSet" && name.includes(".")) {
        // Before 1.27 the name is accepted, but every pod is refused: its hostname is the pod name.
        report({
          path: ["metadata", "name"],
          message: `StatefulSet name ${JSON.stringify(name)} has a '.': the API server accepts it before Kubernetes ${STATEFULSET_DNS_LABEL_SINCE}, but its pods get their name ("${name}-0") as spec.hostname, which must be a DNS-1123 label, so no pod is created`,
          hint: `rename it, e.g. ${JSON.stringify(suggestName(name, "dns1123-label"))}`,
        });
      } else if (resource.kind === "CronJob" && name.length > 52) {
        report({
          path: ["metadata", "name"],
          message: `CronJob name ${JSON.stringify(name)} is ${name.length} characters: at most 52 are allowed`,
          hint: "shorten the name to 52 characters",
        });
      } else if (resource.kind === "Job" && name.length > LABEL_VALUE_MAX && resource.get(["spec", "manualSelector"]) !== true) {
        // ValidateJob (pkg/apis/batch/validation): the generated selector puts the name in the
        // job-name and batch.kubernetes.io/job-name labels of the template, label values of at most 63.
        report({
          path: ["metadata", "name"],
          message: `Job name ${JSON.stringify(name)} is ${name.length} characters: at most ${LABEL_VALUE_MAX} are allowed, as it becomes the "job-name" label of its pods`,
          hint: `shorten the name to ${LABEL_VALUE_MAX} characters`,
        });
      } else if (resource.kind === "StatefulSet" && name.length > LABEL_VALUE_MAX - REVISION_HASH_SUFFIX) {
        report({
          path: ["metadata", "name"],
          message: `StatefulSet name ${JSON.stringify(name)} is ${name.length} characters: the API server accepts it, but the controller-revision-hash label of its pods ("${name}-<hash>", a hash of up to 10 characters) can exceed ${LABEL_VALUE_MAX} characters, and then no pod is created`,
          hint: `shorten the name to ${LABEL_VALUE_MAX - REVISION_HASH_SUFFIX} characters`,
        });
      }
    }
    const ns = resource.raw.metadata && (resource.raw.metadata as Record<string, unknown>).namespace;
    if (typeof ns === "string" && ns !== "") {
      const problems = dns1123Label(ns);
      const placeholders = placeholdersWithoutCapitals(ns);
      if (problems.length && placeholders.length) {
        report({
          path: ["metadata", "namespace"],
          message: `namespace ${JSON.stringify(ns)} is not a DNS-1123 label: it ${problems.join(" and ")}; ${placeholderNote(placeholders)}`,
          hint: replacePlaceholdersHint(placeholders),
        });
      } else if (problems.length) {
        report({
          path: ["metadata", "namespace"],
          message: `namespace ${JSON.stringify(ns)} is not a DNS-1123 label: it ${problems.join(" and ")}`,
          hint: `use the namespace's real name, e.g. ${JSON.stringify(suggestName(ns, "dns1123-label"))}`,
          suggestions: [{ description: `set namespace ${JSON.stringify(suggestName(ns, "dns1123-label"))}`, fix: [{ op: "set", path: ["metadata", "namespace"], value: suggestName(ns, "dns1123-label") }] }],
        });
      }
    }
  },
});

/** The name rule of the resource's kind, for the target version. */
function nameRuleFor(resource: Resource, kubernetesVersion: string): NameRule {
  const rule = nameRuleOf(resource.kind, groupOf(resource.apiVersion));
  if (rule === "dns1035-label" && resource.kind === "Service" && compareVersions(kubernetesVersion, RELAXED_SERVICE_NAMES_SINCE) >= 0) return "dns1123-label";
  if (resource.kind === "StatefulSet" && groupOf(resource.apiVersion) === "apps" && compareVersions(kubernetesVersion, STATEFULSET_DNS_LABEL_SINCE) >= 0) return "dns1123-label";
  return rule;
}

function suggestName(name: string, rule: NameRule): string {
  let s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
  // Labels have no dots; a DNS-1035 label starts with a letter.
  if (rule === "dns1123-label" || rule === "dns1035-label") s = s.replace(/\./g, "-");
  if (rule === "dns1035-label") s = s.replace(/^[0-9-]+/, "");
  return (s || "name").slice(0, 63).replace(/-+$/, "");
}
