/** The rule registry: every rule, in catalogue order. */
import { rules as apiValidation } from "./api-validation/index.js";
import { rules as apiValidationCrossField } from "./api-validation/cross-field/index.js";
import { rules as argoRollouts } from "./argo-rollouts/index.js";
import { rules as autoscaling } from "./autoscaling/index.js";
import { rules as availability } from "./availability/index.js";
import { rules as certManager } from "./cert-manager/index.js";
import { rules as config } from "./config/index.js";
import { rules as externalSecrets } from "./external-secrets/index.js";
import { rules as flux } from "./flux/index.js";
import { rules as gatewayApi } from "./gateway-api/index.js";
import { rules as hygiene } from "./hygiene/index.js";
import { rules as ingress } from "./ingress/index.js";
import { rules as keda } from "./keda/index.js";
import { rules as monitoring } from "./monitoring/index.js";
import { rule as duplicateResource } from "./meta/duplicate-resource.js";
import { rule as internalError } from "./meta/internal-error.js";
import { rule as unusedSuppression } from "./meta/unused-suppression.js";
import { rules as podSecurity } from "./pod-security/index.js";
import { rules as probes } from "./probes/index.js";
import { rules as rbac } from "./rbac/index.js";
import { rules as resources } from "./resources/index.js";
import { rules as schema } from "./schema/index.js";
import { rules as security } from "./security/index.js";
import { rules as selectors } from "./selectors/index.js";
import { rules as services } from "./services/index.js";
import { rules as statefulset } from "./statefulset/index.js";
import { rules as storage } from "./storage/index.js";
import { rule as kustomizationInvalid } from "./syntax/kustomization-invalid.js";
import { rule as kustomizationPathMissing } from "./syntax/kustomization-path-missing.js";
import { rule as missingTypeMeta } from "./syntax/missing-type-meta.js";
import { rule as unrenderedTemplate } from "./syntax/unrendered-template.js";
import { rule as yamlSyntax } from "./syntax/yaml-syntax.js";
import type { Rule, RuleMeta } from "./types.js";
import { rules as policy } from "./policy/index.js";
import { rules as workloads } from "./workloads/index.js";

const rules: Rule[] = [
  yamlSyntax,
  unrenderedTemplate,
  missingTypeMeta,
  kustomizationPathMissing,
  kustomizationInvalid,
  ...schema,
  ...apiValidation,
  ...apiValidationCrossField,
  duplicateResource,
  ...resources,
  ...probes,
  ...selectors,
  ...statefulset,
  ...storage,
  ...services,
  ...ingress,
  ...gatewayApi,
  ...certManager,
  ...config,
  ...workloads,
  ...autoscaling,
  ...security,
  ...monitoring,
  ...keda,
  ...argoRollouts,
  ...externalSecrets,
  ...flux,
  ...podSecurity,
  ...rbac,
  ...availability,
  ...hygiene,
  ...policy,
  internalError,
  unusedSuppression,
];

/** Every rule: the built-in ones, then the user's (custom rules and plugins of the config in force). */
export const allRules: readonly Rule[] = rules;

const BUILT_IN = rules.length;
/** The metas of allRules, kept in step with it (reports describe the rules through them). */
export const ruleMetas: RuleMeta[] = rules.map((r) => r.meta);
const byId = new Map(allRules.map((r) => [r.meta.id, r]));

/** The ids of the built-in rules (user rules may not take one). */
export function isBuiltInRule(id: string): boolean {
  return rules.slice(0, BUILT_IN).some((r) => r.meta.id === id);
}

/**
 * Replaces the user rules (customRules and plugins of the config the run loaded): from then on
 * they are in the registry like built-in rules, for severities, suppressions, reports and
 * `k8s-lint rules`. One config is in force per process: a second call replaces the first's.
 */
export function setUserRules(user: readonly Rule[]): void {
  for (const r of rules.splice(BUILT_IN)) byId.delete(r.meta.id);
  ruleMetas.splice(BUILT_IN);
  for (const r of user) {
    rules.push(r);
    ruleMetas.push(r.meta);
    byId.set(r.meta.id, r);
  }
}

export { customRule, type CustomRuleEntry } from "./policy/custom-rule.js";
export { pluginRules } from "./policy/plugin-rules.js";
/** The fields the target release drops on write: the engine leaves out the findings inside them. */
export { droppedFields, isWithin } from "./schema/gates-off.js";
/** The fields the target release does not serve yet: the engine leaves out other rules' findings inside them. */
export { unservedFields } from "./schema/validate.js";

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
