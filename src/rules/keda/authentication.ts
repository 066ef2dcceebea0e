/**
 * How KEDA resolves a trigger's authentication (kedacore/keda apis/keda/v1alpha1: scaletriggers_types.go
 * AuthenticationRef, triggerauthentication_types.go AuthTargetRef; pkg/scaling/resolver/scale_resolvers.go
 * resolveAuthRef): a TriggerAuthentication of the scaled object's namespace (the default kind) or a
 * ClusterTriggerAuthentication, whose secretTargetRef and configMapTargetRef name objects of its own
 * namespace, or for a ClusterTriggerAuthentication of KEDA's cluster object namespace.
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import { memoKey } from "../../models/run-memo.js";
import type { ScopedKinds } from "../config/scoped-references.js";
import { KEDA_GROUP } from "./targets.js";

export const TRIGGER_AUTHENTICATION_KINDS: ScopedKinds = {
  namespaced: `TriggerAuthentication.${KEDA_GROUP}`,
  cluster: `ClusterTriggerAuthentication.${KEDA_GROUP}`,
};

/** Where KEDA's charts and manifests install it; KEDA_CLUSTER_OBJECT_NAMESPACE defaults to the operator's namespace. */
const KEDA_NAMESPACE = "keda";
const OPERATOR = "keda-operator";

/** The namespace a ClusterTriggerAuthentication reads from, and whether the input shows it or "keda" is assumed. */
export interface ClusterObjectNamespace {
  namespace: string;
  assumed: boolean;
}

const CLUSTER_OBJECT_NAMESPACE = memoKey<ClusterObjectNamespace>("KEDA's cluster object namespace");

/**
 * The namespace a ClusterTriggerAuthentication reads Secrets and ConfigMaps from: the
 * KEDA_CLUSTER_OBJECT_NAMESPACE of the keda-operator Deployment of the input, else its namespace
 * (pkg/util/env_resolver.go GetClusterObjectNamespace: the variable, else the namespace of the
 * operator's service account). Without the Deployment the namespace is unknown and "keda" is assumed.
 */
export function clusterObjectNamespace(index: ResourceIndex): ClusterObjectNamespace {
  return index.memo.get(CLUSTER_OBJECT_NAMESPACE, () => {
    const operator = index.ofKind("Deployment").find((d) => d.name === OPERATOR);
    if (!operator) return { namespace: KEDA_NAMESPACE, assumed: true };
    const containers = operator.podTemplate?.spec?.containers ?? [];
    const set = containers.flatMap((c) => c.env ?? []).find((e) => e.name === "KEDA_CLUSTER_OBJECT_NAMESPACE");
    return { namespace: typeof set?.value === "string" && set.value !== "" ? set.value : operator.namespace, assumed: false };
  });
}

/** A trigger's authenticationRef: its name and whether it names a ClusterTriggerAuthentication; undefined for another kind, which KEDA refuses. */
export function authenticationRefOf(trigger: unknown): { name: string; kind: string; cluster: boolean; kindWritten: boolean } | undefined {
  const ref = (trigger as { authenticationRef?: unknown } | null)?.authenticationRef;
  if (!ref || typeof ref !== "object") return undefined;
  const { name, kind } = ref as Record<string, unknown>;
  if (typeof name !== "string" || name === "") return undefined;
  const written = typeof kind === "string" && kind !== "";
  const k = written ? (kind as string) : "TriggerAuthentication";
  if (k !== "TriggerAuthentication" && k !== "ClusterTriggerAuthentication") return undefined;
  return { name, kind: k, cluster: k === "ClusterTriggerAuthentication", kindWritten: written };
}
