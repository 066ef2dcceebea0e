/** Rules of the "ingress" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
