/** Rules of the "ingress" category. */
import type { Rule } from "../types.js";
import { rule as ingressBackendMissing } from "./ingress-backend-missing.js";
import { rule as ingressBackendPort } from "./ingress-backend-port.js";
import { rule as ingressHostInvalid } from "./ingress-host-invalid.js";
import { rule as ingressPathInvalid } from "./ingress-path-invalid.js";
import { rule as ingressTlsSecretMissing } from "./ingress-tls-secret-missing.js";

export const rules: Rule[] = [ingressBackendMissing, ingressBackendPort, ingressPathInvalid, ingressHostInvalid, ingressTlsSecretMissing];
