import { defineRule } from "../types.js";
import { checkTargetRefs } from "./target-refs.js";

export const rule = defineRule({
  id: "triggerauthentication-configmap-missing",
  category: "keda",
  severity: "warning",
  crossResource: true,
  appliesTo: ["TriggerAuthentication", "ClusterTriggerAuthentication"],
  reportsAbsentObjects: true,
  summary: "A KEDA TriggerAuthentication's configMapTargetRef names a ConfigMap, or a key, that the manifests do not define.",
  explanation: `KEDA reads each spec.configMapTargetRef entry (name, key) of a TriggerAuthentication from the
ConfigMap of that name in the TriggerAuthentication's namespace; a ClusterTriggerAuthentication
reads it from KEDA's own namespace (KEDA_CLUSTER_OBJECT_NAMESPACE, by default the namespace of the
keda-operator: k8s-lint takes it from the keda-operator Deployment of the input; without that
Deployment it assumes "keda", the namespace KEDA's manifests install to, says so in the message,
and reports at most info).
When the ConfigMap or the key is missing the parameter resolves to nothing (pkg/scaling/resolver,
resolveAuthRef) and the triggers that use this authentication fail: their ScaledObjects and
ScaledJobs stop scaling. A missing ConfigMap is reported when the input defines ConfigMaps
(or a configMapGenerator) in that namespace, or under \`references: complete\`.`,
  fix: "Fix configMapTargetRef's name or key, or add the ConfigMap.",
  hasSuggestions: true,
  preventsStatus: [],
  check(ctx) {
    checkTargetRefs("ConfigMap", ctx);
  },
});
