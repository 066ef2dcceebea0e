/** Rules of the "probes" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
