/** The life of a feature gate, release by release: what the gated-field table and the models that follow a gate read. */
import { compareVersions } from "./catalogue/releases.js";

/**
 * One step of a gate's life: from this release on, until the next step. "removed": the gate and
 * the field are gone from this release on (a field the target lacks is unknown-field's).
 */
export interface GateStage {
  from: string;
  stage: "alpha" | "beta" | "GA" | "removed";
  enabledByDefault: boolean;
  /** The gate's name from this release on, when it was renamed. */
  gate?: string;
  /** How messages say "off by default" when the default changed between patch releases. */
  offByDefault?: string;
}

/** The gate's stage at the release: the last one that began at or before it (undefined: before the gate). */
export function gateStageAt(stages: readonly GateStage[], release: string): GateStage | undefined {
  let at: GateStage | undefined;
  for (const s of stages) if (compareVersions(s.from, release) <= 0) at = s;
  return at;
}

// Gates that decide both a field (rules/schema/feature-gates.ts) and values of another field
// (rules/schema/gated-enum-values.ts): their lives are written once, here.

/** JobBackoffLimitPerIndex (backoffLimitPerIndex, maxFailedIndexes, the FailIndex action): alpha off 1.28, beta on 1.29, GA 1.33. */
export const JOB_BACKOFF_LIMIT_PER_INDEX: readonly GateStage[] = [
  { from: "1.28", stage: "alpha", enabledByDefault: false },
  { from: "1.29", stage: "beta", enabledByDefault: true },
  { from: "1.33", stage: "GA", enabledByDefault: true },
];

/** PreferSameTrafficDistribution (PreferSameZone, PreferSameNode, an EndpointSlice's hints.forNodes): alpha off 1.33, beta on 1.34, GA 1.35. */
export const PREFER_SAME_TRAFFIC_DISTRIBUTION: readonly GateStage[] = [
  { from: "1.33", stage: "alpha", enabledByDefault: false },
  { from: "1.34", stage: "beta", enabledByDefault: true },
  { from: "1.35", stage: "GA", enabledByDefault: true },
];

/** HPAContainerMetrics (a metric's containerResource, the ContainerResource type): alpha off 1.20, beta on 1.27, GA 1.30. */
export const HPA_CONTAINER_METRICS: readonly GateStage[] = [
  { from: "1.20", stage: "alpha", enabledByDefault: false },
  { from: "1.27", stage: "beta", enabledByDefault: true },
  { from: "1.30", stage: "GA", enabledByDefault: true },
];
