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
