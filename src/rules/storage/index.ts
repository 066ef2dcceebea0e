/** Rules of the "storage" category: the PV controller's binding, access modes and claim references. */
import type { Rule } from "../types.js";
import { rule as pvAccessModeUnsupported } from "./pv-access-mode-unsupported.js";
import { rule as pvcAccessModeMismatch } from "./pvc-access-mode-mismatch.js";
import { rule as pvcNoMatchingPv } from "./pvc-no-matching-pv.js";
import { rule as pvcRefMissing } from "./pvc-ref-missing.js";
import { rule as pvcRwoShared } from "./pvc-rwo-shared.js";

export const rules: Rule[] = [pvcAccessModeMismatch, pvcNoMatchingPv, pvAccessModeUnsupported, pvcRwoShared, pvcRefMissing];
