/** Rules of the "keda" category: KEDA ScaledObjects. */
import type { Rule } from "../types.js";
import { rule as scaledobjectHpaConflict } from "./scaledobject-hpa-conflict.js";
import { rule as scaledobjectTargetMissing } from "./scaledobject-target-missing.js";

export const rules: Rule[] = [scaledobjectTargetMissing, scaledobjectHpaConflict];
