import { missingScopedObject } from "../config/scoped-references.js";
import { defineRule } from "../types.js";
import { TRIGGER_AUTHENTICATION_KINDS, authenticationRefOf } from "./authentication.js";
import { KEDA_GROUP } from "./targets.js";

export const rule = defineRule({
  id: "trigger-authentication-missing",
  category: "keda",
  severity: "warning",
  crossResource: true,
  appliesTo: ["ScaledObject", "ScaledJob"],
  reportsAbsentObjects: true,
  summary: "A KEDA trigger's authenticationRef names a TriggerAuthentication or ClusterTriggerAuthentication that the manifests do not define.",
  explanation: `A trigger of a ScaledObject or ScaledJob gets its credentials from the object its
authenticationRef names: a TriggerAuthentication of the same namespace (kind TriggerAuthentication,
the default) or a ClusterTriggerAuthentication (apis/keda/v1alpha1/scaletriggers_types.go,
AuthenticationRef). When it does not exist KEDA cannot build the scaler ("error getting
triggerAuth"): the ScaledObject is not Ready, no scaling happens on that trigger, and the
workload stays at its replica count. The usual mistake is the kind: a ClusterTriggerAuthentication
referred to without kind: ClusterTriggerAuthentication. k8s-lint reports an object of the other
kind with that name always, an absent TriggerAuthentication when the input defines
TriggerAuthentications in the namespace, an absent ClusterTriggerAuthentication when it defines
ClusterTriggerAuthentications, and either under \`references: complete\`.`,
  fix: "Fix authenticationRef's name, or its kind (TriggerAuthentication or ClusterTriggerAuthentication), or add the authentication object.",
  preventsStatus: [],
  check(ctx) {
    const { resource, report } = ctx;
    if (resource.group !== KEDA_GROUP) return;
    const triggers = resource.get(["spec", "triggers"]);
    if (!Array.isArray(triggers)) return;
    triggers.forEach((trigger: unknown, i) => {
      const ref = authenticationRefOf(trigger);
      if (!ref) return;
      const at = ["spec", "triggers", i, "authenticationRef"];
      const miss = missingScopedObject(ctx, TRIGGER_AUTHENTICATION_KINDS, resource.namespace, ref.name, ref.cluster);
      if (!miss) return;
      const where = ref.cluster ? "" : ` in namespace "${resource.namespace}"`;
      if (miss.otherKind) {
        const other = miss.otherKind;
        report({
          path: [...at, ref.kindWritten ? "kind" : "name"],
          message: `authenticationRef names ${ref.kind} "${ref.name}", which is not defined${where}; the input defines a ${other.kind} of that name`,
          hint: `set authenticationRef.kind to ${other.kind}`,
          related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${ref.name}"` },
        });
        return;
      }
      if (miss.elsewhere) {
        const { clause, hint, related } = miss.elsewhere;
        report({ path: [...at, "name"], message: `authenticationRef names ${ref.kind} "${ref.name}", which is not defined${where}${clause}`, hint, related });
        return;
      }
      const { similar } = miss;
      report({
        path: [...at, "name"],
        message: `authenticationRef names ${ref.kind} "${ref.name}", which is not defined${where}`,
        hint: similar ? `rename it to "${similar.name}" if that is the one meant` : `add the ${ref.kind} or fix authenticationRef`,
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    });
  },
});
