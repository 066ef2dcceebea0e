/** The shared check of configmap-ref-missing and secret-ref-missing. */
import { serviceAccountOf, type RunTimeWritten } from "../../models/rbac.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import { memoKey } from "../../models/run-memo.js";
import type { CrossResourceContext } from "../types.js";
import { renameReference } from "../fixes.js";
import { inOtherNamespace, namespaceMissing, podReferences, reportsAbsent, similarGeneratedName, similarlyNamed, unknownProducer, type ReferencedKind } from "./references.js";

/** The resource name RBAC grants creating each referenced kind by. */
const RUN_TIME_RESOURCE: Record<ReferencedKind, RunTimeWritten> = { Secret: "secrets", ConfigMap: "configmaps" };

/**
 * Published into every namespace: kube-root-ca.crt by the kube-controller-manager's root CA
 * publisher (pkg/controller/certificates/rootcacertpublisher), openshift-service-ca.crt (the
 * service CA bundle, key service-ca.crt) by OpenShift's kube-controller-manager (OpenShift 4.8+).
 */
const ALWAYS_PRESENT_CONFIGMAPS = new Set(["kube-root-ca.crt", "openshift-service-ca.crt"]);
const PULL_SECRET_TYPES = new Set(["kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg"]);

/** namespace -> whether the input defines an image pull Secret there. */
const PULL_SECRET_NAMESPACES = memoKey<Map<string, boolean>>("namespaces with image pull Secrets");

/** Whether the input defines an image pull Secret in the namespace; answered once per namespace. */
function definesPullSecrets(index: ResourceIndex, namespace: string): boolean {
  const known = index.memo.get(PULL_SECRET_NAMESPACES, () => new Map());
  let answer = known.get(namespace);
  if (answer === undefined) {
    answer = index.ofKind("Secret", namespace).some((s) => PULL_SECRET_TYPES.has(String(s.raw.type)));
    known.set(namespace, answer);
  }
  return answer;
}

export function checkMissingReferences(kind: ReferencedKind, ctx: CrossResourceContext): void {
  const { resource, index, report } = ctx;
  const tpl = resource.podTemplate!;
  for (const ref of podReferences(tpl)) {
    if (ref.kind !== kind || ref.optional) continue;
    if (kind === "ConfigMap" && ALWAYS_PRESENT_CONFIGMAPS.has(ref.name)) continue;
    // A base that overlays build into several namespaces reads the object of each (Resource.appliedNamespaces).
    const namespace = namespaceMissing(index, kind, resource, ref.name);
    if (namespace === undefined || !reportsAbsent(ctx, kind, namespace)) continue;
    // Pull secrets are usually provisioned per namespace by the platform, apart from the app's own Secrets.
    if (ref.via === "imagePullSecrets" && !(kind === "Secret" && definesPullSecrets(index, namespace))) continue;
    const elsewhere = inOtherNamespace(ctx, { type: kind, kind, namespace, name: ref.name });
    if (elsewhere) {
      report({ path: ref.path, message: `${kind} "${ref.name}" (${ref.via}) is not defined in namespace "${namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
      continue;
    }
    const similar = similarlyNamed(index, kind, namespace, ref.name);
    const generated = similar ? undefined : similarGeneratedName(index, kind, namespace, ref.name);
    const operator = similar || generated ? undefined : unknownProducer(index, namespace, ref.name);
    // An application whose ServiceAccount may create objects of this kind there may make this one at run time.
    const creator = similar || generated || operator ? undefined : index.runTimeWriter(RUN_TIME_RESOURCE[kind], namespace);
    const producedBy = operator
      ? `; the operator of ${operator.groupKind} "${operator.name}" may create it`
      : creator
        ? `; ServiceAccount "${serviceAccountOf(creator)}" of ${creator.kind} "${creator.name}" may create it (RBAC of the input)`
        : "";
    report({
      path: ref.path,
      message: `${kind} "${ref.name}" (${ref.via}) is not defined in namespace "${namespace}"${producedBy}`,
      ...(operator || creator ? { severity: "info" as const } : {}),
      hint: similar
        ? `rename the reference to "${similar.name}" if that is the one meant`
        : generated
          ? `rename the reference to "${generated}" (made by a kustomization generator) if that is the one meant`
          : `add the ${kind} to the manifests, fix the name${ref.via === "imagePullSecrets" ? "" : ", or set optional: true if the pod can run without it"}`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      ...(similar || generated ? { suggestions: [renameReference(ref.path, similar?.name ?? generated!)] } : {}),
      ...(operator ? { related: { resource: operator, path: ["metadata", "name"], message: "custom resource of an operator k8s-lint does not know" } } : {}),
      ...(creator ? { related: { resource: creator, path: ["metadata", "name"], message: `may create ${kind}s at run time` } } : {}),
    });
  }
}
