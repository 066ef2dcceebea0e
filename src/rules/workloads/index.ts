/** Rules of the "workloads" category. */
import type { Rule } from "../types.js";

export const rules: Rule[] = [];
