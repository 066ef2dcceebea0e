/** Rules of the "policy" category: CEL written by users, in CRDs and admission policies. */
import type { Rule } from "../types.js";
import { rule as admissionPolicyViolation } from "./admission-policy-violation.js";
import { rule as celExpressionInvalid } from "./cel-expression-invalid.js";
import { rule as crdValidationRule } from "./crd-validation-rule.js";
import { rule as crdValueInvalid } from "./crd-value-invalid.js";

export const rules: Rule[] = [crdValidationRule, crdValueInvalid, admissionPolicyViolation, celExpressionInvalid];
