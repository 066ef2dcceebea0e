import { defineRule } from "../../types.js";
import { kindsOfRule, reportCrossFieldFindings } from "./constraints.js";

export const rule = defineRule({
  id: "volumeclaimtemplate-unbindable",
  category: "api-validation",
  severity: "error",
  appliesTo: kindsOfRule("volumeclaimtemplate-unbindable"),
  summary: "A StatefulSet's volumeClaimTemplate can never give its pods a bound claim, so they stay Pending.",
  explanation: `The API server accepts a StatefulSet without validating its volumeClaimTemplates as claims. Its
controller then creates one PersistentVolumeClaim per replica from each template
(createPersistentVolumeClaims in pkg/controller/statefulset/stateful_pod_control.go), and those
claims are validated like any other (ValidatePersistentVolumeClaimSpec in
pkg/apis/core/validation/validation.go): a template without a storage request, with a zero
request, without access modes, or with an access mode the target release refuses
(ReadWriteOncePod before 1.27) yields claims the API server rejects, so the first pod waits
forever (FailedCreate events, the StatefulSet never gets a ready replica). A template that pins
volumeName gives every replica's claim the same PersistentVolume, which binds one claim only:
with several replicas, all pods but one stay Pending. Only what the manifest alone decides is
reported: whether a storage class or a pre-provisioned volume exists is a fact of the cluster.`,
  fix: "Give the template a storage request and access modes, and let each replica's claim bind its own volume (no volumeName).",
  preventsStatus: ["Pending", "FailedScheduling"],
  check({ resource, settings, memo, report }) {
    reportCrossFieldFindings(resource, "volumeclaimtemplate-unbindable", memo, settings.kubernetesVersion, report);
  },
});
