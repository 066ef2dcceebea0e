import { reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

const GROUP = "cert-manager.io";
const ISSUER = `Issuer.${GROUP}`;
const CLUSTER_ISSUER = `ClusterIssuer.${GROUP}`;

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
    if (resource.group !== GROUP) return;
    const ref = resource.get(["spec", "issuerRef"]);
    if (!ref || typeof ref !== "object" || Array.isArray(ref)) return;
    const { name, kind = "Issuer", group = GROUP } = ref as Record<string, unknown>;
    // An external issuer (issuerRef.group of another project) is not cert-manager's to resolve.
    if (typeof name !== "string" || name === "" || group !== GROUP || (kind !== "Issuer" && kind !== "ClusterIssuer")) return;
    const cluster = kind === "ClusterIssuer";
    const [type, namespace] = cluster ? [CLUSTER_ISSUER, ""] : [ISSUER, resource.namespace];
    if (index.find(type, namespace, name)) return;
    const other = cluster ? index.find(ISSUER, resource.namespace, name) : index.find(CLUSTER_ISSUER, "", name);
    const kindPath = (ref as Record<string, unknown>).kind !== undefined ? ["spec", "issuerRef", "kind"] : ["spec", "issuerRef", "name"];
    if (other) {
      report({
        path: kindPath,
        message: `issuerRef names ${kind} "${name}", which is not defined${cluster ? "" : ` in namespace "${resource.namespace}"`}; the input defines ${other.kind === "Issuer" ? "an" : "a"} ${other.kind} of that name`,
        hint: `set issuerRef.kind to ${other.kind}`,
        related: { resource: other, path: ["metadata", "name"], message: `${other.kind} "${name}"` },
      });
      return;
    }
    // ClusterIssuers are cluster-scoped: the input manages them when it defines any.
    if (!reportsAbsent(ctx, type, namespace)) return;
    const similar = similarlyNamed(index, type, namespace, name);
    report({
      path: ["spec", "issuerRef", "name"],
      message: `issuerRef names ${kind} "${name}", which is not defined${cluster ? "" : ` in namespace "${resource.namespace}"`}`,
      hint: similar ? `rename it to "${similar.name}" if that is the one meant` : `add the ${kind} or fix issuerRef`,
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
