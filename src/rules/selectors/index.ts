/** Rules of the "selectors" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
