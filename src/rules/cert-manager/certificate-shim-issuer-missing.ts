import { isGatewayApi } from "../../models/gateway-refs.js";
import { isKnownIngress } from "../../models/ingress.js";
import type { Resource } from "../../models/resource.js";
import { missingScopedObject } from "../config/scoped-references.js";
import { defineRule } from "../types.js";
import { CERT_MANAGER_GROUP, ISSUER_KINDS, isCertManagerIssuer } from "./issuers.js";

const ISSUER = "cert-manager.io/issuer";
const CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";
const ISSUER_KIND = "cert-manager.io/issuer-kind";
const ISSUER_GROUP = "cert-manager.io/issuer-group";

/** The issuer the shim writes into the Certificate it makes, and the annotation that names it. */
interface ShimIssuer {
  name: string;
  kind: string;
  group: string;
  nameAnnotation: string;
}

/**
 * The issuer as cert-manager's certificate-shim reads it (pkg/controller/certificate-shim/sync.go,
 * issuerForIngressLike): cluster-issuer over issuer (the two together are refused: refusedPair), issuer-kind and issuer-group override the
 * kind and group. Without either name annotation the controller's default issuer is used, which
 * the manifests do not show.
 */
function shimIssuer(resource: Resource): ShimIssuer | undefined {
  const a = resource.annotations;
  const nameAnnotation = Object.hasOwn(a, CLUSTER_ISSUER) ? CLUSTER_ISSUER : Object.hasOwn(a, ISSUER) ? ISSUER : undefined;
  if (!nameAnnotation || !a[nameAnnotation]) return undefined;
  // An empty issuer-kind reaches the Certificate as an empty issuerRef.kind, which cert-manager reads as Issuer.
  const kind = Object.hasOwn(a, ISSUER_KIND) ? a[ISSUER_KIND] || "Issuer" : nameAnnotation === CLUSTER_ISSUER ? "ClusterIssuer" : "Issuer";
  const group = Object.hasOwn(a, ISSUER_GROUP) ? a[ISSUER_GROUP]! : CERT_MANAGER_GROUP;
  return { name: a[nameAnnotation]!, kind, group, nameAnnotation };
}

/**
 * Whether the shim makes a Certificate for the object at all: one per TLS Secret of an Ingress
 * (spec.tls[].secretName), or of a Gateway listener that terminates TLS (tls.certificateRefs, mode
 * Terminate, the default); without one the issuer is never asked (certificate-shim sync.go
 * buildCertificates).
 */
function makesCertificates(resource: Resource): boolean {
  if (resource.kind === "Ingress") {
    const tls = resource.get(["spec", "tls"]);
    return Array.isArray(tls) && tls.some((t) => typeof (t as { secretName?: unknown } | null)?.secretName === "string");
  }
  const listeners = resource.get(["spec", "listeners"]);
  return (
    Array.isArray(listeners) &&
    listeners.some((l) => {
      const tls = (l as { tls?: { mode?: unknown; certificateRefs?: unknown } } | null)?.tls;
      return !!tls && tls.mode !== "Passthrough" && Array.isArray(tls.certificateRefs) && tls.certificateRefs.length > 0;
    })
  );
}

/**
 * The first pair of annotations cert-manager refuses together (issuerForIngressLike: "both %q and
 * %q may not be set"): issuer with cluster-issuer, cluster-issuer with issuer-group or issuer-kind.
 */
function refusedPair(a: Readonly<Record<string, string | undefined>>): [string, string] | undefined {
  if (!Object.hasOwn(a, CLUSTER_ISSUER)) return undefined;
  for (const other of [ISSUER, ISSUER_GROUP, ISSUER_KIND]) if (Object.hasOwn(a, other)) return other === ISSUER ? [ISSUER, CLUSTER_ISSUER] : [CLUSTER_ISSUER, other];
  return undefined;
}

export const rule = defineRule({
  id: "certificate-shim-issuer-missing",
  category: "cert-manager",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Ingress", "Gateway"],
  reportsAbsentObjects: true,
  summary: "An Ingress or Gateway annotated for cert-manager names an Issuer or ClusterIssuer that the manifests do not define.",
  explanation: `cert-manager's certificate-shim (ingress-shim, and its Gateway counterpart) makes a Certificate for
each TLS Secret of an Ingress or Gateway annotated with cert-manager.io/cluster-issuer (a
ClusterIssuer) or cert-manager.io/issuer (an Issuer of the same namespace); cert-manager.io/issuer-kind
and cert-manager.io/issuer-group point it at an external issuer instead (pkg/controller/certificate-shim,
issuerForIngressLike). When the issuer does not exist the Certificate stays not Ready ("issuer not
found"), the TLS Secret is never written, and the controller serves its default certificate, which
clients reject. An issuer of the other kind with that name is always reported (the annotation is
the wrong one); an absent Issuer when the input defines Issuers in the namespace, an absent
ClusterIssuer when it defines ClusterIssuers (or under \`references: complete\`). External
issuers (another issuer-group) are not checked. cert-manager refuses cluster-issuer together with
issuer, issuer-kind or issuer-group ("both ... may not be set") and then makes no Certificate at
all, which is reported too. An Ingress without spec.tls, or a Gateway with no listener that
terminates TLS, gets no Certificate, and its annotations are not judged.`,
  fix: "Fix the annotation's issuer name, or use cert-manager.io/cluster-issuer for a ClusterIssuer and cert-manager.io/issuer for an Issuer, or add the issuer.",
  preventsStatus: [],
  check(ctx) {
    const { resource, report } = ctx;
    if (!isKnownIngress(resource) && !(resource.kind === "Gateway" && isGatewayApi(resource))) return;
    if (!makesCertificates(resource)) return;
    const refused = refusedPair(resource.annotations);
    if (refused) {
      report({
        path: ["metadata", "annotations", refused[1]],
        message: `${refused[0]} and ${refused[1]} may not both be set: cert-manager makes no Certificate for this ${resource.kind}, so its TLS Secret is never written`,
        hint: `remove ${refused[1]}${refused[0] === ISSUER ? ` or ${ISSUER}` : ""}: ${refused[0] === ISSUER ? "name either an Issuer or a ClusterIssuer" : `${CLUSTER_ISSUER} already means a ClusterIssuer of cert-manager`}`,
      });
      return;
    }
    const issuer = shimIssuer(resource);
    if (!issuer || !isCertManagerIssuer(issuer.kind, issuer.group)) return;
    const { name, kind, nameAnnotation } = issuer;
    const cluster = kind === "ClusterIssuer";
    const miss = missingScopedObject(ctx, ISSUER_KINDS, resource.namespace, name, cluster);
    if (!miss) return;
    const where = cluster ? "" : ` in namespace "${resource.namespace}"`;
    if (miss.otherKind) {
      const other = miss.otherKind;
      const kindWritten = Object.hasOwn(resource.annotations, ISSUER_KIND);
      report({
        path: ["metadata", "annotations", kindWritten ? ISSUER_KIND : nameAnnotation],
        message: `${nameAnnotation} names ${kind} "${name}", which is not defined${where}; the input defines ${other.kind === "Issuer" ? "an" : "a"} ${other.kind} of that name`,
        hint: kindWritten
          ? `set ${ISSUER_KIND} to ${other.kind}`
          : `use the annotation ${other.kind === "ClusterIssuer" ? CLUSTER_ISSUER : ISSUER}: ${name}`,
        related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${name}"` },
      });
      return;
    }
    if (miss.elsewhere) {
      const { clause, hint, related } = miss.elsewhere;
      report({ path: ["metadata", "annotations", nameAnnotation], message: `${nameAnnotation} names ${kind} "${name}", which is not defined${where}${clause}`, hint, related });
      return;
    }
    const { similar } = miss;
    report({
      path: ["metadata", "annotations", nameAnnotation],
      message: `${nameAnnotation} names ${kind} "${name}", which is not defined${where}`,
      hint: similar ? `rename it to "${similar.name}" if that is the one meant` : `add the ${kind} or fix the annotation`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
