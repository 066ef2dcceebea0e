/** Rules of the "selectors" category: label selectors and what they select. */
import type { Rule } from "../types.js";
import { rule as invalidLabelSelector } from "./invalid-label-selector.js";
import { rule as networkpolicySelectorNoMatch } from "./networkpolicy-selector-no-match.js";
import { rule as pdbSelectorNoMatch } from "./pdb-selector-no-match.js";
import { rule as selectorTemplateMismatch } from "./selector-template-mismatch.js";
import { rule as serviceSelectorNoMatch } from "./service-selector-no-match.js";
import { rule as serviceTargetPortUndeclared } from "./service-target-port-undeclared.js";
import { rule as workloadSelectorOverlap } from "./workload-selector-overlap.js";

export const rules: Rule[] = [
  selectorTemplateMismatch,
  invalidLabelSelector,
  serviceSelectorNoMatch,
  serviceTargetPortUndeclared,
  networkpolicySelectorNoMatch,
  pdbSelectorNoMatch,
  workloadSelectorOverlap,
];
