import { defineRule } from "../types.js";
import { checkTargetRefs } from "./target-refs.js";

export const rule = defineRule({
  id: "triggerauthentication-secret-missing",
  category: "keda",
  severity: "warning",
  crossResource: true,
  appliesTo: ["TriggerAuthentication", "ClusterTriggerAuthentication"],
  reportsAbsentObjects: true,
  summary: "A KEDA TriggerAuthentication's secretTargetRef names a Secret, or a key, that the manifests do not define.",
  explanation: `KEDA reads each spec.secretTargetRef entry (name, key) of a TriggerAuthentication from the
Secret of that name in the TriggerAuthentication's namespace; a ClusterTriggerAuthentication reads
it from KEDA's own namespace (KEDA_CLUSTER_OBJECT_NAMESPACE, by default the namespace of the
keda-operator: k8s-lint takes it from the keda-operator Deployment of the input; without that
Deployment it assumes "keda", the namespace KEDA's manifests install to, says so in the message,
and reports at most info).
When the Secret or the key is missing the parameter resolves to nothing (pkg/scaling/resolver,
resolveAuthRef), the scaler cannot authenticate, and every ScaledObject or ScaledJob whose
trigger uses this authentication stops scaling: it is not Ready and its workload keeps its
replica count while the queue grows. A missing Secret is reported under the reference policy,
as for pods: when the input manages Secrets in that namespace (a Secret, SealedSecret,
ExternalSecret or Certificate there) and nothing of the input produces it; an ExternalSecret's
target counts as the Secret, and its spec.data as its keys when it lists all of them.`,
  fix: "Fix secretTargetRef's name or key, or add the Secret (or the ExternalSecret or SealedSecret that makes it).",
  hasSuggestions: true,
  preventsStatus: [],
  check(ctx) {
    checkTargetRefs("Secret", ctx);
  },
});
