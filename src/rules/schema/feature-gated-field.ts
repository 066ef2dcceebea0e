import { compareVersions } from "./api-changes.js";
import { defineRule } from "../types.js";
import type { Path } from "../../types.js";
import { GATED_FIELDS, type GatedField, type GateStage } from "./feature-gates.js";

/** Every value at a path pattern under `root` ("*": each item of a list), with its path. */
function* valuesAt(root: unknown, pattern: readonly (string | "*")[], at: Path): Generator<{ value: unknown; path: Path }> {
  if (root === undefined || root === null) return;
  if (!pattern.length) {
    yield { value: root, path: at };
    return;
  }
  const [head, ...rest] = pattern;
  if (head === "*") {
    if (Array.isArray(root)) for (let i = 0; i < root.length; i++) yield* valuesAt(root[i], rest, [...at, i]);
    return;
  }
  if (typeof root === "object" && !Array.isArray(root) && Object.hasOwn(root, head)) {
    yield* valuesAt((root as Record<string, unknown>)[head], rest, [...at, head]);
  }
}

/** The gate's stage at the release: the last one that began at or before it. */
function stageAt(stages: readonly GateStage[], release: string): GateStage | undefined {
  return stages.filter((s) => compareVersions(s.from, release) <= 0).at(-1);
}

function message(g: GatedField, field: string, stage: GateStage, release: string): string {
  const gate = stage.gate ?? g.gate;
  const onFrom = g.stages.find((s) => s.enabledByDefault && compareVersions(s.from, release) > 0)?.from;
  const when = `${stage.stage}, off by default${onFrom ? `; on by default from ${onFrom}` : ""}`;
  return g.effect === "dropped"
    ? `field ${JSON.stringify(field)} is dropped on write at ${release} unless the ${gate} feature gate is on (${when}): ${g.consequence}`
    : `field ${JSON.stringify(field)} is accepted but ignored at ${release} unless the ${gate} feature gate is on (${when}): ${g.consequence}`;
}

export const rule = defineRule({
  id: "feature-gated-field",
  category: "schema",
  severity: "warning",
  // Pod spec fields, and fields of Jobs, StatefulSets and Services.
  appliesTo: ["pod-templates", "Service"],
  summary: "A field that the target release has but that takes effect only behind a feature gate off by default there.",
  explanation: `New fields arrive behind a feature gate: an alpha gate is off by default, some beta
gates too. While the gate is off the API server accepts the manifest without a word, but it
clears most such fields on write (dropDisabledFields in pkg/api/pod/util.go: the pod's
\`hostUsers\`, \`schedulingGates\`, \`resourceClaims\`, an init container's \`restartPolicy\`,
\`resizePolicy\`, topology spread and affinity \`matchLabelKeys\`, \`minDomains\`, lifecycle
\`sleep\`, cluster trust bundle projections, the pod's \`os\`; a Job's \`podFailurePolicy\`,
\`backoffLimitPerIndex\` and \`maxFailedIndexes\`; a Service's \`trafficDistribution\`), and for
others the controller ignores them (a CronJob's \`timeZone\`, a StatefulSet's
\`minReadySeconds\` and \`persistentVolumeClaimRetentionPolicy\`). The object then behaves as if the field were absent: a native sidecar
(an init container with \`restartPolicy: Always\`) at 1.28 becomes an ordinary init container
that never exits, so the pod never starts. The target is --kubernetes-version (or
kubernetesVersion in the config); a field the target does not know at all is unknown-field's.`,
  fix: "Enable the feature gate on the cluster (API server, and the kubelet or controller that reads the field), or drop the field until the release that turns the gate on by default.",
  preventsStatus: [],
  check({ resource, settings, report }) {
    const release = settings.kubernetesVersion;
    const tpl = resource.podTemplate;
    for (const g of GATED_FIELDS) {
      const stage = stageAt(g.stages, release);
      if (!stage || stage.enabledByDefault) continue;
      let found: Iterable<{ value: unknown; path: Path }>;
      if ("pod" in g.where) {
        if (!tpl) continue;
        found = valuesAt(resource.get(tpl.specPath), g.where.pod, tpl.specPath);
      } else {
        if (!g.where.kinds.includes(resource.kind)) continue;
        found = valuesAt(resource.raw, g.where.path, []);
      }
      for (const { path } of found) {
        const field = String(path[path.length - 1]);
        const onFrom = g.stages.find((s) => s.enabledByDefault && compareVersions(s.from, release) > 0)?.from;
        report({
          path,
          target: "key",
          message: message(g, field, stage, release),
          hint: `enable the ${stage.gate ?? g.gate} feature gate on the cluster${onFrom ? `, or target Kubernetes ${onFrom} or later` : `, or remove ${JSON.stringify(field)}`}`,
        });
      }
    }
  },
});
