import { missingScopedObject } from "../config/scoped-references.js";
import { defineRule } from "../types.js";
import { CERT_MANAGER_GROUP, ISSUER_KINDS, isCertManagerIssuer } from "./issuers.js";

export const rule = defineRule({
  id: "certificate-issuer-missing",
  category: "cert-manager",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Certificate"],
  reportsAbsentObjects: true,
  summary: "A cert-manager Certificate's issuerRef names an Issuer or ClusterIssuer that the manifests do not define.",
  explanation: `cert-manager signs a Certificate with the issuer its spec.issuerRef names: an Issuer of the
Certificate's own namespace (kind Issuer, the default) or a ClusterIssuer (kind ClusterIssuer),
of group cert-manager.io unless issuerRef.group names an external issuer. When it does not exist
the Certificate stays not Ready ("issuer not found"), its Secret is never written, and every
Ingress or Gateway that serves it has no certificate. The most common mistake is the kind: an
issuer installed as a ClusterIssuer referred to without kind: ClusterIssuer. k8s-lint reports
an issuer of the other kind with that name, an absent Issuer when the input defines Issuers in
the namespace, and an absent ClusterIssuer when the input defines ClusterIssuers.`,
  fix: "Fix issuerRef's name, or its kind (Issuer or ClusterIssuer), or add the issuer.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== CERT_MANAGER_GROUP) return;
    const ref = resource.get(["spec", "issuerRef"]);
    if (!ref || typeof ref !== "object" || Array.isArray(ref)) return;
    const { name, kind = "Issuer", group = CERT_MANAGER_GROUP } = ref as Record<string, unknown>;
    // An external issuer (issuerRef.group of another project) is not cert-manager's to resolve.
    if (typeof name !== "string" || name === "" || !isCertManagerIssuer(kind, group)) return;
    const cluster = kind === "ClusterIssuer";
    const miss = missingScopedObject(ctx, ISSUER_KINDS, resource.namespace, name, cluster);
    if (!miss) return;
    const where = cluster ? "" : ` in namespace "${resource.namespace}"`;
    if (miss.otherKind) {
      const other = miss.otherKind;
      report({
        path: (ref as Record<string, unknown>).kind !== undefined ? ["spec", "issuerRef", "kind"] : ["spec", "issuerRef", "name"],
        message: `issuerRef names ${kind} "${name}", which is not defined${where}; the input defines ${other.kind === "Issuer" ? "an" : "a"} ${other.kind} of that name`,
        hint: `set issuerRef.kind to ${other.kind}`,
        related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${name}"` },
      });
      return;
    }
    if (miss.elsewhere) {
      const { clause, hint, related } = miss.elsewhere;
      report({ path: ["spec", "issuerRef", "name"], message: `issuerRef names ${kind} "${name}", which is not defined${where}${clause}`, hint, related });
      return;
    }
    const { similar } = miss;
    report({
      path: ["spec", "issuerRef", "name"],
      message: `issuerRef names ${kind} "${name}", which is not defined${where}`,
      hint: similar ? `rename it to "${similar.name}" if that is the one meant` : `add the ${kind} or fix issuerRef`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
