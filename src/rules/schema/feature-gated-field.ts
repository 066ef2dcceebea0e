import { compareVersions } from "../../models/catalogue/releases.js";
import { defineRule } from "../types.js";
import type { GatedField, GateStage } from "./feature-gates.js";
import { droppedValues } from "./gated-enum-values.js";
import { droppedFields, gatedValues, isWithin } from "./gates-off.js";

/** The gate's stage and default at the release, as messages say it ("alpha, off by default; on by default from 1.29"). */
function whenOff(stage: GateStage, onFrom: string | undefined): string {
  return `${stage.stage}, ${stage.offByDefault ?? "off by default"}${onFrom ? `; on by default from ${onFrom}` : ""}`;
}

function message(g: GatedField, field: string, stage: GateStage, release: string, onFrom: string | undefined): string {
  const gate = stage.gate ?? g.gate;
  const when = whenOff(stage, onFrom);
  return g.effect === "dropped"
    ? `field ${JSON.stringify(field)} is dropped on write at ${release} unless the ${gate} feature gate is on (${when}): ${g.consequence}`
    : `field ${JSON.stringify(field)} is accepted but ignored at ${release} unless the ${gate} feature gate is on (${when}): ${g.consequence}`;
}

function refusedMessage(g: GatedField, field: string, refused: readonly string[], stage: GateStage, release: string, onFrom: string | undefined): string {
  const gate = stage.gate ?? g.gate;
  const when = whenOff(stage, onFrom);
  const fields = refused.map((f) => JSON.stringify(f)).join(", ");
  return `the API server rejects this object at ${release} unless the ${gate} feature gate is on (${when}): field ${JSON.stringify(field)} is dropped on write, and without it ${fields} may not be set`;
}

/** The object is invalid once the gated field is dropped (`rejectedOnceDropped`). */
function rejectedMessage(g: GatedField, field: string, stage: GateStage, release: string, onFrom: string | undefined): string {
  const gate = stage.gate ?? g.gate;
  const when = whenOff(stage, onFrom);
  return `the API server rejects this object at ${release} unless the ${gate} feature gate is on (${when}): field ${JSON.stringify(field)} is dropped on write, and then ${g.consequence} (${JSON.stringify(g.rejectedOnceDropped!.error)})`;
}

export const rule = defineRule({
  id: "feature-gated-field",
  category: "schema",
  severity: "warning",
  // Pod spec fields, and fields of workloads, Services, NetworkPolicies, PodDisruptionBudgets, volumes, HPAs, CRDs, webhook
  // configurations, CSI drivers, IngressClasses, EndpointSlices and DRA claims and device classes.
  appliesTo: [
    "pod-templates",
    "Service",
    "NetworkPolicy",
    "PodDisruptionBudget",
    "PersistentVolumeClaim",
    "PersistentVolume",
    "HorizontalPodAutoscaler",
    "CustomResourceDefinition",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "CSIDriver",
    "IngressClass",
    "EndpointSlice",
    "ResourceClaim",
    "ResourceClaimTemplate",
    "DeviceClass",
  ],
  summary: "A field that the target release has but that takes effect only behind a feature gate off by default there.",
  explanation: `New fields arrive behind a feature gate: an alpha gate is off by default, some beta
gates too. While the gate is off the API server accepts the manifest without a word, but it
clears most such fields on write (dropDisabledFields in pkg/api/pod/util.go: the pod's
\`hostUsers\`, \`schedulingGates\`, \`resourceClaims\`, an init container's \`restartPolicy\`,
\`resizePolicy\`, topology spread and affinity \`matchLabelKeys\`, \`minDomains\`, lifecycle
\`sleep\`, cluster trust bundle projections, the pod's \`os\`, image volumes,
\`supplementalGroupsPolicy\`, \`seLinuxChangePolicy\`, \`recursiveReadOnly\` mounts, the pod-level
\`resources\`, a liveness or startup probe's \`terminationGracePeriodSeconds\`, a container's
\`lifecycle.stopSignal\` and \`restartPolicyRules\`, an env var's \`valueFrom.fileKeyRef\`, the
pod's \`hostnameOverride\`, \`podCertificate\` projections; a Job's \`podFailurePolicy\`, \`backoffLimitPerIndex\`, \`maxFailedIndexes\`,
\`successPolicy\`, \`managedBy\`, \`podReplacementPolicy\`, \`completionMode\`, \`suspend\` and
\`ttlSecondsAfterFinished\`, and the podFailurePolicy rules whose action is FailIndex; a Service's \`trafficDistribution\`, \`internalTrafficPolicy\` and
\`topologyKeys\`, \`loadBalancerClass\`, \`allocateLoadBalancerNodePorts\`, \`ipFamilies\` and \`ipFamilyPolicy\`; a PersistentVolumeClaim's or PersistentVolume's \`volumeAttributesClassName\`, a claim's
\`dataSourceRef\` and its \`namespace\`, a CSI volume's \`nodeExpandSecretRef\`; a CSIDriver's \`storageCapacity\`,
\`fsGroupPolicy\`, \`tokenRequests\`, \`requiresRepublish\`, \`seLinuxMount\` and \`nodeAllocatableUpdatePeriodSeconds\`;
a webhook's \`matchConditions\`; an IngressClass's parameters \`scope\` and \`namespace\`; an EndpointSlice's
\`serving\` and \`terminating\` conditions and its \`hints\` (\`forNodes\` too); a DaemonSet's rolling update \`maxSurge\`;
the pod's \`setHostnameAsFQDN\`, \`fsGroupChangePolicy\`, \`hostProcess\`, affinity \`namespaceSelector\` and
\`workloadRef\`; a ResourceClaim's device \`tolerations\`, \`capacity\` and \`distinctAttribute\`, a DeviceClass's
\`extendedResourceName\`; a NetworkPolicy port's \`endPort\`; a PodDisruptionBudget's
\`unhealthyPodEvictionPolicy\`; a StatefulSet's \`ordinals\` and rolling update \`maxUnavailable\`; a
HorizontalPodAutoscaler's scaling \`tolerance\`; a CustomResourceDefinition's \`selectableFields\`,
and its schema's \`x-kubernetes-validations\` and their \`optionalOldSelf\` at any depth, so
that the CRD's validation rules silently do not apply), and for others the controller or
the API server ignores them (a CronJob's \`timeZone\`, a StatefulSet's \`minReadySeconds\` and
\`persistentVolumeClaimRetentionPolicy\`; a container's \`procMount\`, forced to Default). The object then behaves as if the field were absent: a native sidecar
(an init container with \`restartPolicy: Always\`) at 1.28 becomes an ordinary init container
that never exits, so the pod never starts; one that also has a probe or a \`lifecycle\` hook is
refused outright (an error here), since validation forbids those on an init container without
\`restartPolicy: Always\` (validateInitContainers), and the restartPolicy was dropped first. A
generic \`ephemeral\` volume before 1.21 is refused too: once dropped, the volume has no source
("must specify a volume type"), and so is an env var whose only source is a \`fileKeyRef\` at
1.34 (valueFrom is left without a source), a probe whose handler is \`grpc\` at 1.23, and a
HorizontalPodAutoscaler metric of type ContainerResource before 1.27. Where a value would be refused even with the gate on
(a container's \`restartPolicy: Sometimes\` at 1.34), the hint asks for a valid value, not the gate. The target is --kubernetes-version (or
kubernetesVersion in the config); a field the target does not know at all is unknown-field's. A
target newer than the newest release k8s-lint knows is judged as that one, except that a gate
known to be on by default at the target is on.
Since the API server clears a dropped field before it validates the object, the other rules do
not judge what is inside it (a restart rule without its \`action\` at 1.34 is not reported).`,
  fix: "Enable the feature gate on the cluster (API server, and the kubelet or controller that reads the field), or drop the field until the release that turns the gate on by default.",
  preventsStatus: [],
  reportsDroppedFields: true,
  check({ resource, settings, memo, report }) {
    const release = settings.kubernetesVersion;
    // A release asked for beyond the catalogue (judged as its newest) where the gate is on by default: the field is kept there.
    const requested = settings.requestedKubernetesVersion;
    const onAtRequested = (onFrom: string | undefined) => requested !== undefined && onFrom !== undefined && compareVersions(onFrom, requested) <= 0;
    for (const { off, path, outcome, refused } of gatedValues(resource, memo, release)) {
      const { gated: g, stage, onFrom } = off;
      if (onAtRequested(onFrom)) continue;
      const field = String(path[path.length - 1]);
      if (outcome === "rejected") {
        report({
          path,
          target: "key",
          severity: "error",
          message: rejectedMessage(g, field, stage, release, onFrom),
          hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : ""}`,
        });
        continue;
      }
      if (outcome === "refused") {
        report({
          path,
          target: "key",
          severity: "error",
          message: refusedMessage(g, field, refused, stage, release, onFrom),
          hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : ""}, or remove ${refused.map((f) => JSON.stringify(f)).join(", ")} with ${JSON.stringify(field)}`,
        });
        continue;
      }
      const value = resource.get(path);
      const valid: readonly string[] | undefined = g.validOnceOn;
      const invalidOnceOn = valid !== undefined && typeof value === "string" && !valid.includes(value);
      report({
        path,
        target: "key",
        message: message(g, field, stage, release, onFrom),
        hint: invalidOnceOn
          ? `set ${field} to one of ${(valid ?? []).map((v) => JSON.stringify(v)).join(", ")}, or remove it: with the ${stage.gate ?? g.gate} feature gate on the API server rejects ${JSON.stringify(value)}`
          : `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : `, or remove ${JSON.stringify(field)}`}`,
      });
    }
    const values = droppedValues(resource, release);
    const dropped = values.length ? droppedFields(resource, memo, release) : [];
    for (const { field, value, path, standing } of values) {
      // Inside a field the server drops anyway (a whole podFailurePolicy at 1.25), the field's finding says it.
      if (isWithin(path, dropped)) continue;
      const { gated: g, stage, onFrom } = standing;
      if (onAtRequested(onFrom)) continue;
      const gate = stage.gate ?? g.gate;
      report({
        path,
        message: `${field.field} ${JSON.stringify(value)} is dropped on write at ${release} unless the ${gate} feature gate is on (${whenOff(stage, onFrom)}): ${g.consequence}`,
        hint: `enable the ${gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : ""}, or ${g.instead}`,
      });
    }
  },
});
