/** Rules of the "gateway-api" category: links of routes and Gateways, as Gateway API controllers resolve them. */
import type { Rule } from "../types.js";
import { rule as gatewayBackendMissing } from "./gateway-backend-missing.js";
import { rule as gatewayBackendPort } from "./gateway-backend-port.js";
import { rule as gatewayClassMissing } from "./gateway-class-missing.js";
import { rule as gatewayHostnameMismatch } from "./gateway-hostname-mismatch.js";
import { rule as gatewayListenerMissing } from "./gateway-listener-missing.js";
import { rule as gatewayParentMissing } from "./gateway-parent-missing.js";
import { rule as gatewayReferenceNotGranted } from "./gateway-reference-not-granted.js";
import { rule as gatewayRouteNotAllowed } from "./gateway-route-not-allowed.js";
import { rule as gatewayTlsSecretMissing } from "./gateway-tls-secret-missing.js";

export const rules: Rule[] = [
  gatewayParentMissing,
  gatewayListenerMissing,
  gatewayRouteNotAllowed,
  gatewayHostnameMismatch,
  gatewayBackendMissing,
  gatewayBackendPort,
  gatewayReferenceNotGranted,
  gatewayClassMissing,
  gatewayTlsSecretMissing,
];
