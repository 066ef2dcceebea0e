/** Rules of the "schema" category. */
import type { Rule } from "../types.js";
import { rule as apiVersionDisabledByDefault } from "./api-version-disabled-by-default.js";
import { rule as deprecatedApiVersion } from "./deprecated-api-version.js";
import { rule as featureGatedField } from "./feature-gated-field.js";
import { rule as invalidLabel } from "./invalid-label.js";
import { rule as invalidName } from "./invalid-name.js";
import { rule as invalidQuantity } from "./invalid-quantity.js";
import { rule as invalidType } from "./invalid-type.js";
import { rule as missingRequiredField } from "./missing-required-field.js";
import { rule as removedApiVersion } from "./removed-api-version.js";
import { rule as secretInvalidBase64 } from "./secret-invalid-base64.js";
import { rule as unknownApiVersion } from "./unknown-api-version.js";
import { rule as unknownField } from "./unknown-field.js";

export const rules: Rule[] = [
  unknownApiVersion,
  apiVersionDisabledByDefault,
  deprecatedApiVersion,
  removedApiVersion,
  unknownField,
  featureGatedField,
  invalidType,
  missingRequiredField,
  invalidQuantity,
  invalidName,
  invalidLabel,
  secretInvalidBase64,
];
