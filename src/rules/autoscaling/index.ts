/** Rules of the "autoscaling" category. */
import type { Rule } from "../types.js";
import { rule as hpaInvalidMetric } from "./hpa-invalid-metric.js";
import { rule as hpaMissingRequests } from "./hpa-missing-requests.js";
import { rule as hpaReplicaBounds } from "./hpa-replica-bounds.js";
import { rule as hpaReplicasConflict } from "./hpa-replicas-conflict.js";
import { rule as hpaTargetConflict } from "./hpa-target-conflict.js";
import { rule as hpaTargetMissing } from "./hpa-target-missing.js";

export const rules: Rule[] = [hpaTargetMissing, hpaMissingRequests, hpaInvalidMetric, hpaReplicaBounds, hpaReplicasConflict, hpaTargetConflict];
