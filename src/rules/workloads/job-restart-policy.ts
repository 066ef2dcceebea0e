import { defaultedValue } from "../../models/defaults.js";
import { suggestSet } from "../fixes.js";
import { defineRule } from "../types.js";

const ALLOWED = new Set(["OnFailure", "Never"]);
/** A pod's restartPolicy values (core/v1 RestartPolicy). */
const POD_POLICIES = new Set(["Always", "OnFailure", "Never"]);

export const rule = defineRule({
  id: "job-restart-policy",
  category: "workloads",
  severity: "error",
  appliesTo: ["Job", "CronJob"],
  summary: "A Job's pod template must set restartPolicy to OnFailure or Never.",
  explanation: `A Job runs its pods to completion, so the API server only accepts restartPolicy OnFailure
(the kubelet restarts the failed container in the same pod) or Never (the Job controller creates
a new pod). A pod template's restartPolicy defaults to Always, which is what a Job or a CronJob's
jobTemplate gets when the field is left out: the API server rejects the Job ("Unsupported value:
\\"Always\\"") and a CronJob never manages to create its Jobs.`,
  fix: "Set `restartPolicy: OnFailure` (retry in place) or `restartPolicy: Never` (retry with a new pod) in the pod template spec.",
  hasSuggestions: true,
  preventsStatus: ["Error"],
  check({ resource, memo, report }) {
    const tpl = resource.podTemplate!;
    // Judged after defaulting (SetDefaults_PodSpec): an absent or "" restartPolicy is Always.
    const policy = defaultedValue(resource, memo, [...tpl.specPath, "restartPolicy"]);
    // A value the pod itself does not allow (OnFailures) is invalid-type's: a Job only narrows the pod's Always, OnFailure, Never.
    if (typeof policy !== "string" || ALLOWED.has(policy) || !POD_POLICIES.has(policy)) return;
    const written = resource.get([...tpl.specPath, "restartPolicy"]);
    // Retrying in place or in a new pod is the author's choice.
    const choices = () => ["OnFailure", "Never"].map((p) => suggestSet(resource, [...tpl.specPath, "restartPolicy"], p));
    if (written === undefined || written === null || written === "") {
      report({
        path: written === undefined ? tpl.specPath : [...tpl.specPath, "restartPolicy"],
        target: "key",
        message: `restartPolicy is not set and defaults to "Always", which a ${resource.kind} does not allow`,
        hint: "set restartPolicy: OnFailure or restartPolicy: Never",
        suggestions: choices(),
      });
    } else {
      report({
        path: [...tpl.specPath, "restartPolicy"],
        message: `restartPolicy "${policy}" is not allowed for a ${resource.kind}`,
        hint: "set restartPolicy: OnFailure or restartPolicy: Never",
        suggestions: choices(),
      });
    }
  },
});
