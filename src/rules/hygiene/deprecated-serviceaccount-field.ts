import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "deprecated-serviceaccount-field",
  category: "hygiene",
  severity: "warning",
  presets: ["production"],
  appliesTo: "pod-templates",
  checksPatches: true,
  summary: "A pod spec uses the deprecated serviceAccount field instead of serviceAccountName.",
  explanation: `spec.serviceAccount is a deprecated alias of spec.serviceAccountName, kept for old clients.
The API server copies it into serviceAccountName only when that is empty; when both are
written and differ, serviceAccountName wins and serviceAccount is silently ignored, so an edit
of the field that reads naturally changes nothing, or a copy-pasted manifest runs as another
account than its reader thinks. kube-linter reports it (deprecated-service-account-field).`,
  fix: "Rename spec.serviceAccount to spec.serviceAccountName (keep one of them).",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    if (typeof tpl.spec.serviceAccount !== "string") return;
    const other = tpl.spec.serviceAccountName;
    report({
      path: [...tpl.specPath, "serviceAccount"],
      target: "key",
      message:
        typeof other === "string" && other !== tpl.spec.serviceAccount
          ? `serviceAccount "${tpl.spec.serviceAccount}" is ignored: serviceAccountName "${other}" wins`
          : `serviceAccount is a deprecated alias of serviceAccountName`,
      hint: "rename it to serviceAccountName",
    });
  },
});
