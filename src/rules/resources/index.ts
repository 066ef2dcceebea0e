/** Rules of the "resources" category: requests, limits and the QoS class they add up to. */
import type { Rule } from "../types.js";
import { rule as emptydirSizeLimit } from "./emptydir-size-limit.js";
import { rule as limitRangeViolation } from "./limit-range-violation.js";
import { rule as missingMemoryLimit } from "./missing-memory-limit.js";
import { rule as missingResourceRequests } from "./missing-resource-requests.js";
import { rule as qosBesteffort } from "./qos-besteffort.js";
import { rule as qosClass } from "./qos-class.js";
import { rule as qosExpectedMismatch } from "./qos-expected-mismatch.js";
import { rule as requestsExceedLimits } from "./requests-exceed-limits.js";
import { rule as resourceQuotaViolation } from "./resource-quota-violation.js";

export const rules: Rule[] = [
  qosClass,
  qosBesteffort,
  qosExpectedMismatch,
  requestsExceedLimits,
  limitRangeViolation,
  resourceQuotaViolation,
  missingMemoryLimit,
  missingResourceRequests,
  emptydirSizeLimit,
];
