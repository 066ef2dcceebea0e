/** Rules of the "cert-manager" category. */
import type { Rule } from "../types.js";
import { rule as certificateHostnameMismatch } from "./certificate-hostname-mismatch.js";
import { rule as certificateIssuerMissing } from "./certificate-issuer-missing.js";
import { rule as certificateShimIssuerMissing } from "./certificate-shim-issuer-missing.js";

export const rules: Rule[] = [certificateIssuerMissing, certificateShimIssuerMissing, certificateHostnameMismatch];
