/** Rules of the "probes" category: liveness, readiness and startup probes. */
import type { Rule } from "../types.js";
import { rule as livenessEqualsReadiness } from "./liveness-equals-readiness.js";
import { rule as missingLivenessProbe } from "./missing-liveness-probe.js";
import { rule as missingReadinessProbe } from "./missing-readiness-probe.js";
import { rule as probeHandlerInvalid } from "./probe-handler-invalid.js";
import { rule as probePortUndeclared } from "./probe-port-undeclared.js";
import { rule as probeSuccessThreshold } from "./probe-success-threshold.js";
import { rule as probeTimeoutExceedsPeriod } from "./probe-timeout-exceeds-period.js";

export const rules: Rule[] = [
  missingReadinessProbe,
  missingLivenessProbe,
  livenessEqualsReadiness,
  probePortUndeclared,
  probeHandlerInvalid,
  probeSuccessThreshold,
  probeTimeoutExceedsPeriod,
];
