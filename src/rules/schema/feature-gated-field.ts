import { compareVersions } from "./api-changes.js";
import { defineRule } from "../types.js";
import { memoKey } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import { gateStageAt, GATED_FIELDS, type GatedField, type GateStage } from "./feature-gates.js";

/** A gated field whose gate is off by default at a release, with what its findings say. */
interface GateOff {
  gated: GatedField;
  stage: GateStage;
  /** The first later release that turns the gate on by default. */
  onFrom: string | undefined;
}

/**
 * The gated fields off by default at each release of the run: a function of the release alone,
 * worked out once instead of for every resource (that cost 170 MB of garbage on 10,000 resources).
 */
const GATES_OFF = memoKey<Map<string, readonly GateOff[]>>("feature gates off by default, by release");

function gatesOffAt(release: string): GateOff[] {
  const off: GateOff[] = [];
  for (const gated of GATED_FIELDS) {
    const stage = gateStageAt(gated.stages, release);
    if (!stage || stage.enabledByDefault || stage.stage === "removed") continue;
    off.push({ gated, stage, onFrom: gated.stages.find((s) => s.enabledByDefault && compareVersions(s.from, release) > 0)?.from });
  }
  return off;
}

/**
 * Calls `found` for each value at a path pattern under `root` ("*": each item of a list), with
 * the list indexes taken on the way (`items`, one per "*", reused: copy it to keep it).
 */
function eachValueAt(root: unknown, pattern: readonly (string | "*")[], depth: number, items: number[], found: (items: readonly number[]) => void) {
  if (root === undefined || root === null) return;
  if (depth === pattern.length) return found(items);
  const head = pattern[depth];
  if (head === "*") {
    if (!Array.isArray(root)) return;
    for (let i = 0; i < root.length; i++) {
      items.push(i);
      eachValueAt(root[i], pattern, depth + 1, items, found);
      items.pop();
    }
    return;
  }
  if (typeof root === "object" && !Array.isArray(root) && Object.hasOwn(root, head)) {
    eachValueAt((root as Record<string, unknown>)[head], pattern, depth + 1, items, found);
  }
}

/** The path of a value `eachValueAt` found: `base`, then the pattern with each "*" replaced by its index. */
function pathOf(base: Path, pattern: readonly (string | "*")[], items: readonly number[]): Path {
  const path: Array<string | number> = [...base];
  let item = 0;
  for (const seg of pattern) path.push(seg === "*" ? items[item++] : seg);
  return path;
}

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

/** The fields of `parent` the API server refuses once the gated field is dropped (`refusedWithout`). */
function refusedSiblings(g: GatedField, parent: unknown): string[] {
  if (!g.refusedWithout || typeof parent !== "object" || parent === null || Array.isArray(parent)) return [];
  const obj = parent as Record<string, unknown>;
  return g.refusedWithout.fields.filter((f) => Object.hasOwn(obj, f) && obj[f] !== null && obj[f] !== undefined);
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
  // Pod spec fields, and fields of Jobs, StatefulSets, Services, NetworkPolicies, PodDisruptionBudgets, volumes and HPAs.
  appliesTo: ["pod-templates", "Service", "NetworkPolicy", "PodDisruptionBudget", "PersistentVolumeClaim", "PersistentVolume", "HorizontalPodAutoscaler"],
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
\`ttlSecondsAfterFinished\`; a Service's \`trafficDistribution\`, \`internalTrafficPolicy\` and
\`topologyKeys\`; a PersistentVolumeClaim's or PersistentVolume's \`volumeAttributesClassName\`; a NetworkPolicy port's \`endPort\`; a PodDisruptionBudget's
\`unhealthyPodEvictionPolicy\`; a StatefulSet's \`ordinals\` and rolling update \`maxUnavailable\`; a
HorizontalPodAutoscaler's scaling \`tolerance\`), and for others the controller or
the API server ignores them (a CronJob's \`timeZone\`, a StatefulSet's \`minReadySeconds\` and
\`persistentVolumeClaimRetentionPolicy\`; a container's \`procMount\`, forced to Default). The object then behaves as if the field were absent: a native sidecar
(an init container with \`restartPolicy: Always\`) at 1.28 becomes an ordinary init container
that never exits, so the pod never starts; one that also has a probe or a \`lifecycle\` hook is
refused outright (an error here), since validation forbids those on an init container without
\`restartPolicy: Always\` (validateInitContainers), and the restartPolicy was dropped first. A
generic \`ephemeral\` volume before 1.21 is refused too: once dropped, the volume has no source
("must specify a volume type"), and so is an env var whose only source is a \`fileKeyRef\` at
1.34 (valueFrom is left without a source). Where a value would be refused even with the gate on
(a container's \`restartPolicy: Sometimes\` at 1.34), the hint asks for a valid value, not the gate. The target is --kubernetes-version (or
kubernetesVersion in the config); a field the target does not know at all is unknown-field's.`,
  fix: "Enable the feature gate on the cluster (API server, and the kubelet or controller that reads the field), or drop the field until the release that turns the gate on by default.",
  preventsStatus: [],
  check({ resource, settings, memo, report }) {
    const release = settings.kubernetesVersion;
    const byRelease = memo(GATES_OFF, () => new Map());
    let gatesOff = byRelease.get(release);
    if (!gatesOff) byRelease.set(release, (gatesOff = gatesOffAt(release)));
    for (const { gated: g, stage, onFrom } of gatesOff) {
      let root: unknown;
      let base: Path;
      let pattern: readonly (string | "*")[];
      if ("pod" in g.where) {
        const tpl = resource.podTemplate;
        if (!tpl) continue;
        root = resource.get(tpl.specPath);
        base = tpl.specPath;
        pattern = g.where.pod;
      } else {
        if (!g.where.kinds.includes(resource.kind)) continue;
        root = resource.raw;
        base = [];
        pattern = g.where.path;
      }
      eachValueAt(root, pattern, 0, [], (items) => {
        const path = pathOf(base, pattern, items);
        const field = String(path[path.length - 1]);
        if (g.sameAsGateOff !== undefined && resource.get(path) === g.sameAsGateOff) return;
        if (g.rejectedOnceDropped) {
          report({
            path,
            target: "key",
            severity: "error",
            message: rejectedMessage(g, field, stage, release, onFrom),
            hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : ""}`,
          });
          return;
        }
        const refused = refusedSiblings(g, resource.get(path.slice(0, -1)));
        if (refused.length) {
          report({
            path,
            target: "key",
            severity: "error",
            message: refusedMessage(g, field, refused, stage, release, onFrom),
            hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : ""}, or remove ${refused.map((f) => JSON.stringify(f)).join(", ")} with ${JSON.stringify(field)}`,
          });
          return;
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
      });
    }
  },
});
