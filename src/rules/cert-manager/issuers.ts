/** The issuers a cert-manager reference names (cert-manager pkg/apis/certmanager/v1: IssuerKind, ClusterIssuerKind). */
import type { ScopedKinds } from "../config/scoped-references.js";

export const CERT_MANAGER_GROUP = "cert-manager.io";

export const ISSUER_KINDS: ScopedKinds = { namespaced: `Issuer.${CERT_MANAGER_GROUP}`, cluster: `ClusterIssuer.${CERT_MANAGER_GROUP}` };

/** An issuer reference cert-manager itself resolves: kind Issuer or ClusterIssuer of group cert-manager.io (external issuers use other groups). */
export function isCertManagerIssuer(kind: unknown, group: unknown): kind is "Issuer" | "ClusterIssuer" {
  return (group === CERT_MANAGER_GROUP || group === "") && (kind === "Issuer" || kind === "ClusterIssuer");
}
