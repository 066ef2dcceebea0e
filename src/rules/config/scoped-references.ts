/**
 * References that choose between a namespaced kind and its cluster-scoped twin by a kind field
 * (issuerRef, authenticationRef), judged under the reference policy.
 */
import type { Resource } from "../../models/resource.js";
import type { CrossResourceContext } from "../types.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed, type OtherNamespace } from "./references.js";

/** A namespaced kind and its cluster-scoped twin that references choose between (Issuer/ClusterIssuer, TriggerAuthentication/ClusterTriggerAuthentication). */
export interface ScopedKinds {
  namespaced: string;
  cluster: string;
}

/**
 * Why a reference to one of two scoped kinds finds nothing: an object of the other kind has the
 * name, or one of that kind in another namespace has it, or none does (with a near miss when there is one).
 */
export type ScopedMiss = { otherKind: Resource } | { otherKind?: undefined; elsewhere: OtherNamespace } | { otherKind?: undefined; elsewhere?: undefined; similar?: Resource };

/**
 * Looks up a reference to a namespaced kind (in `namespace`) or its cluster-scoped twin; undefined
 * when the object is in the input, or when it is absent and the reference policy does not report
 * it. The same name under the other kind is always reported: the kind is what is wrong.
 */
export function missingScopedObject(ctx: Pick<CrossResourceContext, "index" | "settings" | "resource">, kinds: ScopedKinds, namespace: string, name: string, cluster: boolean): ScopedMiss | undefined {
  const { index } = ctx;
  const [type, ns] = cluster ? [kinds.cluster, ""] : [kinds.namespaced, namespace];
  if (index.find(type, ns, name)) return undefined;
  const other = cluster ? index.find(kinds.namespaced, namespace, name) : index.find(kinds.cluster, "", name);
  if (other) return { otherKind: other };
  // A cluster-scoped kind is managed by the input when it defines any.
  if (!reportsAbsent(ctx, type, ns)) return undefined;
  const elsewhere = cluster ? undefined : inOtherNamespace(ctx, { type, kind: type.split(".")[0], namespace: ns, name });
  if (elsewhere) return { elsewhere };
  return { similar: similarlyNamed(index, type, ns, name) };
}
