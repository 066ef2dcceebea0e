/** Rules of the "services" category. */
import type { Rule } from "../types.js";
import { rule as prometheusAnnotations } from "./prometheus-annotations.js";
import { rule as serviceNoEndpoints } from "./service-no-endpoints.js";
import { rule as serviceNodePortRange } from "./service-node-port-range.js";
import { rule as servicePortNameRequired } from "./service-port-name-required.js";
import { rule as webhookServiceMissing } from "./webhook-service-missing.js";

export const rules: Rule[] = [serviceNoEndpoints, serviceNodePortRange, servicePortNameRequired, prometheusAnnotations, webhookServiceMissing];
