import { defineRule } from "../types.js";
import { migrationFix } from "./api-migrations.js";
import { apiVersionStatus, laterText, replacementText } from "./api-version-status.js";

export const rule = defineRule({
  id: "removed-api-version",
  category: "schema",
  severity: "error",
  summary: "An apiVersion that the target Kubernetes version no longer serves (e.g. autoscaling/v2beta2 from 1.26).",
  explanation: `Deprecated API versions are removed after a few releases: from then on the API server
answers "no matches for kind" and \`kubectl apply\` or \`helm upgrade\` fails, typically right
after a cluster upgrade. The target version is --kubernetes-version (or kubernetesVersion in
the config), by default the release of the API catalogue. A kind that left with its version
(PodSecurityPolicy, PodPreset, InitializerConfiguration) is named so, with what took its place,
never a successor version that the target no longer serves either. The object is still checked against
the current version of its kind, so typos in fields that kept their names are reported.`,
  fix: "Change apiVersion to the replacement the message names and adapt fields that changed between the versions.",
  preventsStatus: [],
  fixable: true,
  check({ resource, settings, report }) {
    const s = apiVersionStatus(resource, settings.kubernetesVersion);
    if (s?.status !== "removed") return;
    report({
      path: ["apiVersion"],
      message: `apiVersion ${JSON.stringify(resource.apiVersion)} of ${resource.kind} was removed in Kubernetes ${s.change.removedIn} (target ${settings.kubernetesVersion})${s.change.replacement ? `: use ${s.change.replacement}${laterText(s.change)}` : `; ${settings.kubernetesVersion} serves no version of ${resource.kind}`}`,
      hint: replacementText(s.change),
      fix: migrationFix(resource, s.change),
    });
  },
});
