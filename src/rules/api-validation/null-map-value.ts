import { isBuiltinApiVersion } from "../../models/api-groups.js";
import { schemaFindings, walkObjectMeta, type SchemaRuleId } from "../schema/validate.js";
import { defineRule, type Finding } from "../types.js";

export const rule = defineRule({
  id: "null-map-value",
  category: "api-validation",
  severity: "warning",
  summary: "A key of a string map (labels, annotations, ConfigMap data, nodeSelector...) has no value: kubectl apply stores it, then deletes it.",
  explanation: `In YAML a key with nothing after the colon (\`tier:\`), \`~\` or \`null\` is null, not an empty
string. In a map of strings (metadata.labels and annotations, ConfigMap data, Secret stringData,
nodeSelector, a Service selector, matchLabels...) the API server decodes null as "" when it
creates the object, so the first \`kubectl apply\` (and \`kubectl create\`, \`replace\`,
\`apply --server-side\`) stores the key with an empty value. Every later client-side
\`kubectl apply\` computes its patch from the manifest, where null means "delete this key", and
removes it: the object flips between two states on alternate applies (kubernetes issue 119954).
A Secret's stringData is write-only: the API server writes its keys into data and keeps no
stringData (Convert_v1_Secret_To_core_Secret in pkg/apis/core/v1/conversion.go), so a null there
becomes a key of data with an empty value, which later applies do not remove.
Before kubectl 1.33, a null label or annotation value even made client-side apply drop every
label or annotation of the object (kubernetes issue 129176, fixed by coercing null to "" in
NestedNullCoercingStringMap). Write the value you mean: "" (quoted) for an empty value, or remove
the key. Custom resources are judged in their metadata (labels and annotations), which is an
ObjectMeta whatever their CRD says. Kustomize patches are not judged: there a null is how a key
is deleted.`,
  fix: `Write the value, or "" for an empty string, or remove the key.`,
  preventsStatus: [],
  hasSuggestions: true,
  check({ resource, memo, settings, report }) {
    if (isBuiltinApiVersion(resource.apiVersion)) {
      // The walk is shared by the schema rules: every caller judges at the same target release.
      for (const finding of schemaFindings(resource, "null-map-value", memo, settings.kubernetesVersion)) report(finding);
      return;
    }
    // A custom resource's metadata is an ObjectMeta all the same (what its CRD says of the rest is not read here).
    const found = new Map<SchemaRuleId, Finding[]>();
    walkObjectMeta(resource, resource.raw.metadata, ["metadata"], found);
    for (const finding of found.get("null-map-value") ?? []) report(finding);
  },
});
