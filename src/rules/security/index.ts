/** Rules of the "security" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
