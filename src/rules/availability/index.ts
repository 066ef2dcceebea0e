/** Rules of the "availability" category (production preset): staying up through drains, rollouts and node loss. */
import type { Rule } from "../types.js";
import { rule as ephemeralStorage } from "./ephemeral-storage-missing.js";
import { rule as hpaSingleReplica } from "./hpa-single-replica.js";
import { rule as pdbMissing } from "./pdb-missing.js";
import { rule as pdbUnhealthy } from "./pdb-unhealthy-eviction-policy.js";
import { rule as pdbZero } from "./pdb-zero-disruptions.js";
import { rule as priorityClass } from "./priority-class-missing.js";
import { rule as recreate } from "./recreate-strategy.js";
import { rule as notSpread } from "./replicas-not-spread.js";
import { rule as unavailableAll } from "./rolling-update-unavailable-all.js";
import { rule as singleReplica } from "./single-replica.js";

export const rules: Rule[] = [pdbMissing, pdbZero, pdbUnhealthy, singleReplica, hpaSingleReplica, notSpread, recreate, unavailableAll, priorityClass, ephemeralStorage];
