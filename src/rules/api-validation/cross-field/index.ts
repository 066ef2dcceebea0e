/** Rules of the "api-validation" category that judge fields against each other (cross-field constraints). */
import type { Rule } from "../../types.js";
import { rule as duplicateValue } from "./duplicate-value.js";
import { rule as forbiddenValue } from "./forbidden-value.js";
import { rule as invalidCombination } from "./invalid-combination.js";
import { rule as requiredValue } from "./required-value.js";
import { rule as volumeClaimTemplateUnbindable } from "./volumeclaimtemplate-unbindable.js";

export const rules: Rule[] = [requiredValue, duplicateValue, forbiddenValue, invalidCombination, volumeClaimTemplateUnbindable];
