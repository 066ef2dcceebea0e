/** Rules of the "autoscaling" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
