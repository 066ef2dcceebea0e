import { defineRule } from "../types.js";
import { migrationFix } from "./api-migrations.js";
import { apiVersionStatus, laterText, replacementText } from "./api-version-status.js";

export const rule = defineRule({
  id: "deprecated-api-version",
  category: "schema",
  severity: "warning",
  summary: "An apiVersion that still works at the target Kubernetes version but is deprecated and will be removed.",
  explanation: `A deprecated API version is still served, with a warning, until its removal release;
after the cluster is upgraded past that release the same manifest fails with "no matches for
kind". Beta versions are deprecated as soon as the GA version of the same kind is served.
Migrating while both versions are served is a no-op for the running objects (the API
server converts between versions), so it is safe to do before the upgrade.`,
  fix: "Change apiVersion to the replacement the message names before upgrading to the removal release.",
  preventsStatus: [],
  fixable: true,
  check({ resource, settings, report }) {
    const s = apiVersionStatus(resource, settings.kubernetesVersion);
    if (s?.status !== "deprecated") return;
    report({
      path: ["apiVersion"],
      message: `apiVersion ${JSON.stringify(resource.apiVersion)} of ${resource.kind} is deprecated${s.change.removedIn ? ` and removed in Kubernetes ${s.change.removedIn}` : ` (${s.change.replacement} is served)`}${s.change.replacement && s.change.removedIn ? `: use ${s.change.replacement}${laterText(s.change)}` : ""}`,
      hint: replacementText(s.change),
      fix: migrationFix(resource, s.change),
    });
  },
});
