/**
 * The name rules of the invalid-name rule (rules/schema/invalid-name.ts) and the null check of
 * null-map-value, as rows of docs/api-validation.md. The checks live in those rules; these rows
 * only describe them, so a change there changes a row here.
 */
import type { ConstraintDoc } from "./constraint.js";

const CV = "pkg/apis/core/validation/validation.go";
const MV = "k8s.io/apimachinery/pkg/api/validation";

const name = (kinds: readonly string[], constraint: string, upstream: string): ConstraintDoc => ({ path: "metadata.name", kinds, constraint, rule: "invalid-name", upstream });

export const NAME_CONSTRAINTS: readonly ConstraintDoc[] = [
  name(["*"], "DNS-1123 subdomain (most kinds)", `${MV}/generic.go NameIsDNSSubdomain`),
  name(["Namespace"], "DNS-1123 label", `${MV}/objectmeta.go ValidateNamespaceName`),
  name(["Service"], "DNS-1035 label up to 1.35, DNS-1123 label from 1.36 (RelaxedServiceNameValidation)", `${CV} ValidateServiceName, ValidateService`),
  name(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"], "path segment (no '/' or '%', not '.' or '..')", "pkg/apis/rbac/validation/validation.go ValidateRBACName"),
  name(["Job"], "at most 63 characters without manualSelector (its pods' job-name label)", "pkg/apis/batch/validation/validation.go ValidateJob (generated selector labels)"),
  name(["StatefulSet"], "DNS-1123 subdomain up to 1.26 (a '.' is accepted, but its pods' hostname is refused), DNS-1123 label from 1.27", "pkg/apis/apps/validation/validation.go ValidateStatefulSetName (kubernetes PR 114172)"),
  name(["CronJob"], "at most 52 characters", "pkg/apis/batch/validation/validation.go ValidateCronJobCreate"),
  name(["StatefulSet"], "at most 52 characters: accepted, but the controller-revision-hash label of its pods can exceed 63 (the hash has up to 10 characters)", "pkg/controller/history/controller_history.go ControllerRevisionName"),
  { path: "metadata.namespace", kinds: ["*"], constraint: "DNS-1123 label", rule: "invalid-name", upstream: `${MV}/objectmeta.go ValidateObjectMetaAccessor` },
  { path: "every map of strings (labels, annotations, data, nodeSelector...)", kinds: ["*"], constraint: "no null value (kubectl apply stores \"\", then deletes the key)", rule: "null-map-value", upstream: "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured/helpers.go NestedNullCoercingStringMap; k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch" },
];
