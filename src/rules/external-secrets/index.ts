/** Rules of the "external-secrets" category: External Secrets Operator's ExternalSecret. */
import type { Rule } from "../types.js";
import { rule as externalsecretStoreMissing } from "./externalsecret-store-missing.js";

export const rules: Rule[] = [externalsecretStoreMissing];
