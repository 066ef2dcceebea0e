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
The API server copies it into serviceAccountName only when that is empty, and writes it back as
whatever serviceAccountName holds, so the alias only adds a second place to read. When both fields
name different accounts, serviceAccount is ignored: that is serviceaccount-name-conflict's finding
(recommended), not reported here. kube-linter reports the alias (deprecated-service-account-field).`,
  fix: "Rename spec.serviceAccount to spec.serviceAccountName (keep one of them).",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    if (typeof tpl.spec.serviceAccount !== "string") return;
    const other = tpl.spec.serviceAccountName;
    // Two different names: serviceaccount-name-conflict reports the ignored one.
    if (typeof other === "string" && other !== "" && other !== tpl.spec.serviceAccount) return;
    report({
      path: [...tpl.specPath, "serviceAccount"],
      target: "key",
      message: `serviceAccount is a deprecated alias of serviceAccountName`,
      hint:
        other === undefined || other === null
          ? "rename it to serviceAccountName"
          : other === ""
            ? "rename it to serviceAccountName, in place of the empty serviceAccountName"
            : "remove it: serviceAccountName names the same account",
    });
  },
});
