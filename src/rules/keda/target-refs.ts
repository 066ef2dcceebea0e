/**
 * The Secrets and ConfigMaps a TriggerAuthentication or ClusterTriggerAuthentication names in
 * spec.secretTargetRef and spec.configMapTargetRef (kedacore/keda triggerauthentication_types.go
 * AuthTargetRef), judged as a pod's references are.
 */
import { keyedObject, missingKeyFinding } from "../config/key-missing.js";
import { findReferenced, inOtherNamespace, reportsAbsent, similarGeneratedName, similarlyNamed, unknownProducer, type ReferencedKind } from "../config/references.js";
import { renameReference } from "../fixes.js";
import type { CrossResourceContext } from "../types.js";
import { clusterObjectNamespace } from "./authentication.js";
import { KEDA_GROUP } from "./targets.js";

/** The authentication objects' fields that name a Secret or a ConfigMap by name and key. */
const TARGET_REF_FIELD: Record<ReferencedKind, string> = { Secret: "secretTargetRef", ConfigMap: "configMapTargetRef" };

/**
 * Reports each secretTargetRef or configMapTargetRef entry of a TriggerAuthentication or
 * ClusterTriggerAuthentication that names an object the input does not define (under the
 * reference policy, as the pod references of config/ref-missing.ts), or a key its object lacks.
 */
export function checkTargetRefs(kind: ReferencedKind, ctx: CrossResourceContext): void {
  const { resource, index, report } = ctx;
  if (resource.group !== KEDA_GROUP) return;
  const field = TARGET_REF_FIELD[kind];
  const refs = resource.get(["spec", field]);
  if (!Array.isArray(refs)) return;
  const cluster = resource.kind === "ClusterTriggerAuthentication";
  const keda = cluster ? clusterObjectNamespace(index) : undefined;
  const namespace = keda?.namespace ?? resource.namespace;
  // Without the keda-operator Deployment the namespace is a guess: at most info, and the message says so.
  const assumed = keda?.assumed === true;
  const where = !keda
    ? `namespace "${namespace}"`
    : assumed
      ? `namespace "${namespace}" (assumed to be KEDA's, where a ClusterTriggerAuthentication reads them; the input has no keda-operator Deployment to tell)`
      : `namespace "${namespace}" (KEDA's namespace, where a ClusterTriggerAuthentication reads them)`;
  const orElsewhere = assumed ? "; if KEDA runs in another namespace, pass its keda-operator Deployment with --context" : "";
  refs.forEach((ref: unknown, i) => {
    if (!ref || typeof ref !== "object") return;
    const { name, key } = ref as Record<string, unknown>;
    if (typeof name !== "string" || name === "") return;
    const at = ["spec", field, i];
    if (findReferenced(index, kind, namespace, name)) {
      // Its keys, when known: a manifest, a generator listing them, an ExternalSecret's spec.data.
      const found = typeof key === "string" && key !== "" ? keyedObject(index, kind, resource, name, namespace) : undefined;
      if (found && !found.keys.has(key as string)) {
        const finding = missingKeyFinding(kind, name, key as string, found, [...at, "key"]);
        report(assumed ? { ...finding, severity: "info", message: `${finding.message} in ${where}`, hint: `${finding.hint}${orElsewhere}` } : finding);
      }
      return;
    }
    if (!reportsAbsent(ctx, kind, namespace)) return;
    const elsewhere = cluster ? undefined : inOtherNamespace(ctx, { type: kind, kind, namespace, name });
    if (elsewhere) {
      report({ path: [...at, "name"], message: `${kind} "${name}" (${field}) is not defined in ${where}${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      return;
    }
    const similar = similarlyNamed(index, kind, namespace, name);
    const generated = similar ? undefined : similarGeneratedName(index, kind, namespace, name);
    // KEDA's own objects make no Secrets or ConfigMaps: a TriggerAuthentication named like the Secret explains nothing.
    const producer = similar || generated ? undefined : unknownProducer(index, namespace, name);
    const operator = producer?.group === KEDA_GROUP ? undefined : producer;
    const renamed = similar?.name ?? generated;
    report({
      path: [...at, "name"],
      message: `${kind} "${name}" (${field}) is not defined in ${where}${operator ? `; the operator of ${operator.groupKind} "${operator.name}" may create it` : ""}`,
      ...(operator || assumed ? { severity: "info" as const } : {}),
      hint: `${renamed ? `rename the reference to "${renamed}"${generated ? " (made by a kustomization generator)" : ""} if that is the one meant` : `add the ${kind} to the manifests or fix the name`}${orElsewhere}`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      ...(operator ? { related: { resource: operator, path: ["metadata", "name"], message: "custom resource of an operator k8s-lint does not know" } } : {}),
      ...(renamed ? { suggestions: [renameReference([...at, "name"], renamed)] } : {}),
    });
  });
}
