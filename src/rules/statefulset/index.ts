/** Rules of the "statefulset" category: governing headless Services and claim templates. */
import type { Rule } from "../types.js";
import { rule as statefulsetServiceMissing } from "./statefulset-service-missing.js";
import { rule as statefulsetServiceNameMissing } from "./statefulset-service-name-missing.js";
import { rule as statefulsetServiceNotHeadless } from "./statefulset-service-not-headless.js";
import { rule as statefulsetServiceSelectorMismatch } from "./statefulset-service-selector-mismatch.js";
import { rule as volumeclaimtemplateUnmounted } from "./volumeclaimtemplate-unmounted.js";

export const rules: Rule[] = [
  statefulsetServiceMissing,
  statefulsetServiceNotHeadless,
  statefulsetServiceSelectorMismatch,
  statefulsetServiceNameMissing,
  volumeclaimtemplateUnmounted,
];
