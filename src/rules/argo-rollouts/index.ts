/** Rules of the "argo-rollouts" category: the references of an Argo Rollout. */
import type { Rule } from "../types.js";
import { rule as rolloutAnalysisTemplateMissing } from "./rollout-analysis-template-missing.js";
import { rule as rolloutServiceMissing } from "./rollout-service-missing.js";
import { rule as rolloutServiceSelectorMismatch } from "./rollout-service-selector-mismatch.js";
import { rule as rolloutWorkloadRefMissing } from "./rollout-workload-ref-missing.js";

export const rules: Rule[] = [rolloutWorkloadRefMissing, rolloutServiceMissing, rolloutServiceSelectorMismatch, rolloutAnalysisTemplateMissing];
