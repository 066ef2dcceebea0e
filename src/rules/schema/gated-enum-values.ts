/**
 * Values of API fields that validation accepts only from some release on, or only with an option
 * that a feature gate sets (`opts.Allow...` of the *ValidationOptions in pkg/apis/<group>/validation,
 * or a `supported...` set that grew with a gate). The catalogue's enums are the newest release's,
 * one list for every release, so a value younger than its field needs this table to be judged
 * against the target release: before its gate exists the value is "Unsupported value"; while the
 * gate is off by default the API server refuses it (or, for a value the registry strategy drops,
 * removes what holds it). Values of the same kind that other rules already judge by release:
 * a toleration's Gt and Lt operators (TOLERATION_COMPARISON_OPERATORS), an env var's
 * status.hostIPs fieldPath (POD_HOST_IPS_FIELD_PATH), a container's restartPolicy and its restart
 * rules' actions (cross-field/restart-rules.ts), an init container's restartPolicy Always
 * (SidecarContainers, a gated field).
 */
import { compareVersions } from "../../models/catalogue/releases.js";
import { gateStageAt, HPA_CONTAINER_METRICS, JOB_BACKOFF_LIMIT_PER_INDEX, PREFER_SAME_TRAFFIC_DISTRIBUTION, type GateStage } from "../../models/gate-stages.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";

/** Values of one field that come with one feature gate. */
export interface GatedEnumValue {
  values: readonly string[];
  gate: string;
  /** The gate's life; its first stage is the first release whose validation knows the values. */
  stages: readonly GateStage[];
  /**
   * What the API server does with the value while the gate is off: "refused" (validation says
   * "Unsupported value") or "dropped" (the registry strategy removes the item that holds it on
   * create, and the object is accepted without it) or "field-dropped" (the strategy clears the
   * field the value names, a row of feature-gated-field's table, which reports what follows).
   */
  whileOff: "refused" | "dropped" | "field-dropped";
  /** For a dropped value: what the user loses, in cluster terms. */
  consequence?: string;
  /** What to write instead while the value is not supported, as a hint says it ("set ..."). */
  instead: string;
  /** Where upstream accepts the value only with the gate on, and what it does otherwise. */
  source: string;
}

/** One place a field is written: a path pattern under the pod spec (`pod`) or under the object of the kinds named; "*" is every item of a list. */
export interface EnumValueSite {
  where: { pod: readonly string[] } | { kinds: readonly string[]; path: readonly string[] };
  /** The rule that reports a refused value there: a StatefulSet's claim templates are validated as the claims its controller makes. */
  rule: "forbidden-value" | "volumeclaimtemplate-unbindable";
}

/** A field whose set of supported values depends on the release. */
export interface ReleaseValues {
  /** The field as messages name it ("access mode"). */
  field: string;
  /** Its key, as hints write it. */
  key: string;
  /** The first release whose API has the field, when it is younger than the oldest release known: before it the field is unknown-field's. */
  fieldSince?: string;
  /** Values validation supports wherever the field exists. */
  always: readonly string[];
  gated: readonly GatedEnumValue[];
  sites: readonly EnumValueSite[];
  /** The validation function that judges the field. */
  upstream: string;
}

const CORE = "pkg/apis/core/validation/validation.go";

export const ACCESS_MODES: ReleaseValues = {
  field: "access mode",
  key: "accessModes",
  always: ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce"],
  gated: [
    {
      values: ["ReadWriteOncePod"],
      gate: "ReadWriteOncePod",
      // ReadWriteOncePod.md (kubernetes/website): alpha false 1.22-1.26, beta true 1.27-1.28, stable 1.29.
      stages: [
        { from: "1.22", stage: "alpha", enabledByDefault: false },
        { from: "1.27", stage: "beta", enabledByDefault: true },
        { from: "1.29", stage: "GA", enabledByDefault: true },
      ],
      whileOff: "refused",
      instead: "use ReadWriteOnce (one node at a time, not one pod)",
      source: `${CORE} ValidatePersistentVolumeClaimSpec and ValidatePersistentVolumeSpec (ReadWriteOncePod joins supportedAccessModes only with opts.AllowReadWriteOncePod, which ValidationOptionsForPersistentVolumeClaim, ValidationOptionsForPersistentVolumeClaimTemplate and ValidationOptionsForPersistentVolume set from the gate or an old object that used it; before 1.22 the mode does not exist)`,
    },
  ],
  sites: [
    { where: { kinds: ["PersistentVolumeClaim", "PersistentVolume"], path: ["spec", "accessModes", "*"] }, rule: "forbidden-value" },
    { where: { pod: ["volumes", "*", "ephemeral", "volumeClaimTemplate", "spec", "accessModes", "*"] }, rule: "forbidden-value" },
    { where: { kinds: ["StatefulSet"], path: ["spec", "volumeClaimTemplates", "*", "spec", "accessModes", "*"] }, rule: "volumeclaimtemplate-unbindable" },
  ],
  upstream: `${CORE} ValidatePersistentVolumeClaimSpec, ValidatePersistentVolumeSpec`,
};

export const TRAFFIC_DISTRIBUTIONS: ReleaseValues = {
  field: "trafficDistribution",
  key: "trafficDistribution",
  fieldSince: "1.30",
  always: ["PreferClose"],
  gated: [
    {
      values: ["PreferSameZone", "PreferSameNode"],
      gate: "PreferSameTrafficDistribution",
      stages: PREFER_SAME_TRAFFIC_DISTRIBUTION,
      whileOff: "refused",
      instead: "set trafficDistribution: PreferClose (the same as PreferSameZone; nothing prefers the same node without the gate)",
      source: `${CORE} validateServiceTrafficDistribution (PreferSameZone and PreferSameNode are supported only with the PreferSameTrafficDistribution gate on; before 1.33 PreferClose is the only value)`,
    },
  ],
  sites: [{ where: { kinds: ["Service"], path: ["spec", "trafficDistribution"] }, rule: "forbidden-value" }],
  upstream: `${CORE} validateServiceTrafficDistribution`,
};

export const POD_FAILURE_POLICY_ACTIONS: ReleaseValues = {
  field: "podFailurePolicy action",
  key: "action",
  fieldSince: "1.25",
  always: ["Count", "FailJob", "Ignore"],
  gated: [
    {
      values: ["FailIndex"],
      gate: "JobBackoffLimitPerIndex",
      stages: JOB_BACKOFF_LIMIT_PER_INDEX,
      whileOff: "dropped",
      instead: "set action: FailJob or Count, or remove the rule",
      consequence: "the API server removes the rule, so pods that fail as it says count towards backoffLimit like any other failure and no index fails on its own",
      source:
        "pkg/registry/batch/job/strategy.go PrepareForCreate (the FailIndex rules of podFailurePolicy removed while the gate is off); before 1.28 pkg/apis/batch/validation/validation.go validatePodFailurePolicyRule supports Count, FailJob and Ignore only",
    },
  ],
  sites: [
    { where: { kinds: ["Job"], path: ["spec", "podFailurePolicy", "rules", "*", "action"] }, rule: "forbidden-value" },
    { where: { kinds: ["CronJob"], path: ["spec", "jobTemplate", "spec", "podFailurePolicy", "rules", "*", "action"] }, rule: "forbidden-value" },
  ],
  upstream: "pkg/apis/batch/validation/validation.go validatePodFailurePolicyRule",
};

export const SELINUX_CHANGE_POLICIES: ReleaseValues = {
  field: "seLinuxChangePolicy",
  key: "seLinuxChangePolicy",
  fieldSince: "1.32",
  always: ["Recursive"],
  gated: [
    {
      values: ["MountOption"],
      gate: "SELinuxMount",
      // SELinuxMount.md: alpha false 1.30-1.32, beta false from 1.33. The field itself came in 1.32 (SELinuxChangePolicy).
      stages: [
        { from: "1.30", stage: "alpha", enabledByDefault: false },
        { from: "1.33", stage: "beta", enabledByDefault: false },
      ],
      whileOff: "refused",
      instead: "set seLinuxChangePolicy: Recursive, or remove it",
      source: `${CORE} validateSELinuxChangePolicy (only Recursive while opts.AllowOnlyRecursiveSELinuxChangePolicy, which pkg/api/pod/util.go useOnlyRecursiveSELinuxChangePolicy sets while SELinuxMount is off and the old pod had no policy)`,
    },
  ],
  sites: [{ where: { pod: ["securityContext", "seLinuxChangePolicy"] }, rule: "forbidden-value" }],
  upstream: `${CORE} validateSELinuxChangePolicy`,
};

export const HPA_METRIC_TYPES: ReleaseValues = {
  field: "metric type",
  key: "type",
  always: ["External", "Object", "Pods", "Resource"],
  gated: [
    {
      values: ["ContainerResource"],
      gate: "HPAContainerMetrics",
      stages: HPA_CONTAINER_METRICS,
      // containerResource is dropped, then the metric refused without its source: feature-gated-field's HPAContainerMetrics row says so.
      whileOff: "field-dropped",
      instead: "use a Resource metric (the pod's containers together)",
      source:
        'pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go PrepareForCreate (containerResource cleared while the gate is off), then pkg/apis/autoscaling/validation/validation.go validateMetricSpec (Required "must populate information for the given metric source (only allowed when HPAContainerMetrics feature is enabled)"); before 1.20 ContainerResource is not a metric source type',
    },
  ],
  sites: [{ where: { kinds: ["HorizontalPodAutoscaler"], path: ["spec", "metrics", "*", "type"] }, rule: "forbidden-value" }],
  upstream: "pkg/apis/autoscaling/validation/validation.go validateMetricSpec",
};

/**
 * A downward API resourceFieldRef's hugepages resource (`requests.hugepages-<size>`,
 * `limits.hugepages-<size>`), in an env var or a downwardAPI volume: a value form, which
 * invalid-fieldref judges with the other resources.
 */
export const DOWNWARD_API_HUGE_PAGES: GatedEnumValue = {
  values: ["requests.hugepages-<size>", "limits.hugepages-<size>"],
  gate: "DownwardAPIHugePages",
  // DownwardAPIHugePages.md: alpha false 1.20, beta false 1.21, beta true 1.22-1.26, stable 1.27.
  stages: [
    { from: "1.20", stage: "alpha", enabledByDefault: false },
    { from: "1.21", stage: "beta", enabledByDefault: false },
    { from: "1.22", stage: "beta", enabledByDefault: true },
    { from: "1.27", stage: "GA", enabledByDefault: true },
  ],
  whileOff: "refused",
  instead: "use limits.memory or requests.memory",
  source: `${CORE} validateEnvVarValueFrom and validateDownwardAPIVolumeFile (the hugepages prefixes, validContainerResourceFieldPathPrefixesWithDownwardAPIHugePages, only with opts.AllowDownwardAPIHugePages, which pkg/api/pod/util.go GetValidationOptionsFromPodSpecAndMeta sets from the gate or an old pod that used them)`,
};

/** Every field of this table. */
export const RELEASE_VALUES: readonly ReleaseValues[] = [ACCESS_MODES, TRAFFIC_DISTRIBUTIONS, POD_FAILURE_POLICY_ACTIONS, SELINUX_CHANGE_POLICIES, HPA_METRIC_TYPES];

/** Where a value stands at a release, when validation does not simply support it. */
export type ValueStanding =
  | { kind: "unknown" }
  | { kind: "not-yet"; gated: GatedEnumValue; onFrom: string | undefined }
  | { kind: "gate-off"; gated: GatedEnumValue; stage: GateStage; onFrom: string | undefined };

/** The first release after `release` whose gate is on by default. */
function onFromAfter(stages: readonly GateStage[], release: string): string | undefined {
  return stages.find((s) => s.enabledByDefault && compareVersions(s.from, release) > 0)?.from;
}

/** Whether the gated value is supported by default at the release. */
export function gatedValueOn(gated: GatedEnumValue, release: string): boolean {
  return gateStageAt(gated.stages, release)?.enabledByDefault === true;
}

/** How validation at `release` treats `value` of the field; undefined where it is supported by default. */
export function standingAt(field: ReleaseValues, value: string, release: string): ValueStanding | undefined {
  if (field.always.includes(value) || (field.fieldSince && compareVersions(release, field.fieldSince) < 0)) return undefined;
  const gated = field.gated.find((g) => g.values.includes(value));
  if (!gated) return { kind: "unknown" };
  const stage = gateStageAt(gated.stages, release);
  if (!stage) return { kind: "not-yet", gated, onFrom: onFromAfter(gated.stages, release) };
  if (stage.enabledByDefault) return undefined;
  return { kind: "gate-off", gated, stage, onFrom: onFromAfter(gated.stages, release) };
}

/** The values validation supports at the release with every gate at its default. */
export function supportedAt(field: ReleaseValues, release: string): string[] {
  return [...field.always, ...field.gated.filter((g) => gatedValueOn(g, release)).flatMap((g) => g.values)];
}

/** Every value some release supports. */
export function everyValue(field: ReleaseValues): string[] {
  return [...field.always, ...field.gated.flatMap((g) => g.values)];
}

/** A value the API server drops on write at the target while its gate is off by default (`whileOff: "dropped"`). */
export interface DroppedValue {
  field: ReleaseValues;
  value: string;
  path: Path;
  standing: Extract<ValueStanding, { kind: "gate-off" }>;
}

/** The values of a resource, as written, that the API server drops at `release` (the fields around them left to the caller to check). */
export function droppedValues(resource: Resource, release: string): DroppedValue[] {
  const out: DroppedValue[] = [];
  for (const field of RELEASE_VALUES) {
    if (!field.gated.some((g) => g.whileOff === "dropped")) continue;
    for (const site of field.sites) {
      let root: unknown = resource.raw;
      let base: Path = [];
      if ("pod" in site.where) {
        const tpl = resource.podTemplate;
        if (!tpl) continue;
        root = resource.get(tpl.specPath);
        base = tpl.specPath;
      } else if (!site.where.kinds.includes(resource.kind)) continue;
      eachValueAt(root, "pod" in site.where ? site.where.pod : site.where.path, base, (value, path) => {
        if (typeof value !== "string") return;
        const standing = standingAt(field, value, release);
        if (standing?.kind === "gate-off" && standing.gated.whileOff === "dropped") out.push({ field, value, path, standing });
      });
    }
  }
  return out;
}

/**
 * The field of this table at `path` of the resource (a site's pattern, "*" matching any index),
 * or undefined: what an enum's hint offers there depends on the release.
 */
export function releaseValuesAt(resource: Resource, path: Path): ReleaseValues | undefined {
  const podSpec = resource.podTemplate?.specPath;
  for (const field of RELEASE_VALUES) {
    for (const site of field.sites) {
      if ("pod" in site.where ? podSpec !== undefined && matches(path, [...podSpec], site.where.pod) : site.where.kinds.includes(resource.kind) && matches(path, [], site.where.path)) return field;
    }
  }
  return undefined;
}

function matches(path: Path, base: Path, pattern: readonly string[]): boolean {
  if (path.length !== base.length + pattern.length) return false;
  for (let i = 0; i < base.length; i++) if (path[i] !== base[i]) return false;
  for (let i = 0; i < pattern.length; i++) {
    const seg = path[base.length + i];
    if (pattern[i] === "*" ? typeof seg !== "number" : seg !== pattern[i]) return false;
  }
  return true;
}

/**
 * Calls `found` with each value at a site's path pattern under `root` and its path (`base`
 * followed by the keys and indexes walked).
 */
export function eachValueAt(root: unknown, pattern: readonly string[], base: Path, found: (value: unknown, path: Path) => void): void {
  walk(root, pattern, 0, [...base], found);
}

function walk(node: unknown, pattern: readonly string[], depth: number, at: Array<string | number>, found: (value: unknown, path: Path) => void): void {
  if (node === undefined || node === null) return;
  if (depth === pattern.length) return found(node, at.slice());
  const head = pattern[depth];
  if (head === "*") {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) {
      at.push(i);
      walk(node[i], pattern, depth + 1, at, found);
      at.pop();
    }
    return;
  }
  if (typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, head)) return;
  at.push(head);
  walk((node as Record<string, unknown>)[head], pattern, depth + 1, at, found);
  at.pop();
}
