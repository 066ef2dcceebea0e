/** Rules of the "config" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
