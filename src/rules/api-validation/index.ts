/** Rules of the "api-validation" category: what the API server's Go validation rejects. */
import type { Rule } from "../types.js";
import { rule as invalidValue } from "./invalid-value.js";
import { rule as nullMapValue } from "./null-map-value.js";

export const rules: Rule[] = [invalidValue, nullMapValue];
