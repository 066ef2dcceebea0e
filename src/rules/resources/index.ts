/** Rules of the "resources" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
