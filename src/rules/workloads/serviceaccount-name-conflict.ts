import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "serviceaccount-name-conflict",
  category: "workloads",
  severity: "warning",
  appliesTo: "pod-templates",
  summary: "A pod spec names one service account in serviceAccount and another in serviceAccountName.",
  explanation: `spec.serviceAccount is the deprecated alias of spec.serviceAccountName. The API server
takes serviceAccount only when serviceAccountName is empty; when both name an account and the
names differ, serviceAccountName wins and serviceAccount is dropped without a word
(pkg/apis/core/v1/conversion.go Convert_v1_PodSpec_To_core_PodSpec), and reading the object back
shows serviceAccount rewritten to the winner. The pods run as the account serviceAccountName names,
with its RBAC permissions and its token, not the one the manifest's serviceAccount suggests
(bank-of-anthos's databases name "bank-of-anthos" there and run as "default"). The deprecated
spelling on its own, or with the same name in both fields, is deprecated-serviceaccount-field's
(production preset).`,
  fix: "Remove spec.serviceAccount and set spec.serviceAccountName to the account the pods should run as.",
  preventsStatus: [],
  check({ resource, report }) {
    const tpl = resource.podTemplate!;
    const alias = tpl.spec.serviceAccount;
    const name = tpl.spec.serviceAccountName;
    if (typeof alias !== "string" || typeof name !== "string" || name === "" || name === alias) return;
    report({
      path: [...tpl.specPath, "serviceAccount"],
      target: "key",
      message: `serviceAccount "${alias}" is ignored: the pods run as serviceAccountName "${name}"`,
      hint: `remove serviceAccount, and set serviceAccountName to "${alias}" if the pods should run as that account`,
    });
  },
});
