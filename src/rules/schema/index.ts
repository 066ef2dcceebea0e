/** Rules of the "schema" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
