import type { ResourceIndex } from "../../models/resource-index.js";
import type { Path } from "../../types.js";
import { clusterObject } from "../argo-rollouts/rollouts.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

const GROUP = "external-secrets.io";
const STORE = `SecretStore.${GROUP}`;
const CLUSTER_STORE = `ClusterSecretStore.${GROUP}`;

/** Whether the input defines stores of that type: in the namespace, or anywhere for the cluster-scoped kind. */
function managesStores(index: ResourceIndex, type: string, namespace: string): boolean {
  return type === CLUSTER_STORE ? index.ofKind(type).length > 0 : index.ofKind(type, namespace).length > 0;
}

interface StoreRef {
  name: string;
  kind: "SecretStore" | "ClusterSecretStore";
  path: Path;
}

/** spec.secretStoreRef and the per-entry sourceRef.storeRef of data and dataFrom (kind defaults to SecretStore). */
function storeRefs(es: { get(path: Path): unknown }): StoreRef[] {
  const out: StoreRef[] = [];
  const add = (base: Path) => {
    const ref = es.get(base) as { name?: unknown; kind?: unknown } | undefined;
    if (!ref || typeof ref.name !== "string" || !ref.name) return;
    out.push({ name: ref.name, kind: ref.kind === "ClusterSecretStore" ? "ClusterSecretStore" : "SecretStore", path: [...base, "name"] });
  };
  add(["spec", "secretStoreRef"]);
  for (const field of ["data", "dataFrom"]) {
    const list = es.get(["spec", field]);
    if (Array.isArray(list)) list.forEach((_, i) => add(["spec", field, i, "sourceRef", "storeRef"]));
  }
  return out;
}

export const rule = defineRule({
  id: "externalsecret-store-missing",
  category: "external-secrets",
  severity: "error",
  crossResource: true,
  appliesTo: ["ExternalSecret"],
  reportsAbsentObjects: true,
  summary: "An ExternalSecret reads from a SecretStore or ClusterSecretStore that the manifests do not define.",
  explanation: `External Secrets Operator fetches an ExternalSecret's data through the store named by
spec.secretStoreRef (kind SecretStore of the ExternalSecret's namespace by default, or a
ClusterSecretStore) or by an entry's sourceRef.storeRef (apis/externalsecrets/v1/externalsecret_types.go).
When that store does not exist, the ExternalSecret reports SecretSyncedError, the Secret is never
created, and every pod that reads it waits in CreateContainerConfigError or ContainerCreating.
A SecretStore named where a ClusterSecretStore is meant (kind left at its default) is the usual
cause, reported whenever the input defines the store under the other kind. Otherwise reported
when the input defines stores of that kind (in the namespace, or anywhere for
ClusterSecretStores) under \`references: partial\`.`,
  fix: "Point secretStoreRef at an existing store, and write kind: ClusterSecretStore when the store is cluster-wide.",
  preventsStatus: ["CreateContainerConfigError", "ContainerCreating"],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== GROUP) return;
    for (const ref of storeRefs(resource)) {
      const type = ref.kind === "ClusterSecretStore" ? CLUSTER_STORE : STORE;
      const found = ref.kind === "ClusterSecretStore" ? clusterObject(index, type, ref.name) : index.find(type, resource.namespace, ref.name);
      if (found) continue;
      // The same name under the other kind: the kind is what is wrong, whatever the references policy.
      const other = ref.kind === "ClusterSecretStore" ? index.find(STORE, resource.namespace, ref.name) : clusterObject(index, CLUSTER_STORE, ref.name);
      if (!other && !reportsAbsent(ctx, type, resource.namespace, managesStores)) continue;
      const elsewhere = other || ref.kind === "ClusterSecretStore" ? undefined : inOtherNamespace(ctx, { type, kind: ref.kind, namespace: resource.namespace, name: ref.name });
      if (elsewhere) {
        report({ path: ref.path, message: `${ref.kind} "${ref.name}" is not defined in namespace "${resource.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = other ? undefined : similarlyNamed(index, type, ref.kind === "ClusterSecretStore" ? "" : resource.namespace, ref.name);
      report({
        path: ref.path,
        message: `${ref.kind} "${ref.name}" is not defined${ref.kind === "SecretStore" ? ` in namespace "${resource.namespace}"` : ""}`,
        hint: other
          ? `set kind: ${other.kind}: "${ref.name}" is a ${other.kind}`
          : similar
            ? `rename the reference to "${similar.name}" if that is the one meant`
            : `add the ${ref.kind} or fix the name`,
        ...(other
          ? { related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${ref.name}"` } }
          : similar
            ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } }
            : {}),
      });
    }
  },
});
