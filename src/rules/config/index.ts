/** Rules of the "config" category. */
import type { Rule } from "../types.js";
import { rule as configmapKeyMissing } from "./configmap-key-missing.js";
import { rule as configmapRefMissing } from "./configmap-ref-missing.js";
import { rule as invalidFieldref } from "./invalid-fieldref.js";
import { rule as namespaceUndefined } from "./namespace-undefined.js";
import { rule as secretKeyMissing } from "./secret-key-missing.js";
import { rule as secretRefMissing } from "./secret-ref-missing.js";
import { rule as serviceaccountMissing } from "./serviceaccount-missing.js";
import { rule as volumeMountUndefined } from "./volume-mount-undefined.js";

export const rules: Rule[] = [
  configmapRefMissing,
  secretRefMissing,
  configmapKeyMissing,
  secretKeyMissing,
  serviceaccountMissing,
  namespaceUndefined,
  volumeMountUndefined,
  invalidFieldref,
];
