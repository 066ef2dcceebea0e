/** Rules of the "services" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
