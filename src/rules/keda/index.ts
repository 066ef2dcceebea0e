/** Rules of the "keda" category: KEDA ScaledObjects, ScaledJobs and their trigger authentication. */
import type { Rule } from "../types.js";
import { rule as scaledobjectHpaConflict } from "./scaledobject-hpa-conflict.js";
import { rule as scaledobjectTargetMissing } from "./scaledobject-target-missing.js";
import { rule as triggerAuthenticationContainerMissing } from "./trigger-authentication-container-missing.js";
import { rule as triggerAuthenticationMissing } from "./trigger-authentication-missing.js";
import { rule as triggerauthenticationConfigmapMissing } from "./triggerauthentication-configmap-missing.js";
import { rule as triggerauthenticationSecretMissing } from "./triggerauthentication-secret-missing.js";

export const rules: Rule[] = [
  scaledobjectTargetMissing,
  scaledobjectHpaConflict,
  triggerAuthenticationMissing,
  triggerAuthenticationContainerMissing,
  triggerauthenticationSecretMissing,
  triggerauthenticationConfigmapMissing,
];
