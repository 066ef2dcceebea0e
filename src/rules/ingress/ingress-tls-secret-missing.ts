import { readIngress } from "../../models/ingress.js";
import { inOtherNamespace, namespaceMissing, keysOf, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

/** Annotations that make cert-manager's ingress-shim create the TLS Secret. */
const CERT_MANAGER = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer", "kubernetes.io/tls-acme"];

export const rule = defineRule({
  id: "ingress-tls-secret-missing",
  category: "ingress",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Ingress"],
  reportsAbsentObjects: true,
  summary: "An Ingress TLS section names a Secret that is missing or not a TLS Secret.",
  explanation: `The ingress controller loads the certificate for spec.tls[].hosts from the Secret named by
secretName, in the Ingress's namespace. When the Secret is missing, or lacks tls.crt or tls.key,
the controller serves its default self-signed certificate: browsers and clients reject the
connection although the Ingress looks fine. The controllers read those two keys whatever the
Secret's type (ingress-nginx, Traefik, Contour): an Opaque Secret that holds them serves, and
kubernetes.io/tls is the type that makes the API server require them.
k8s-lint reports a missing Secret when the input defines Secrets in that namespace and nothing
produces this one (a cert-manager annotation on the Ingress or a Certificate with that
secretName counts as producing it), and checks the keys of a Secret that is in the input.`,
  fix: "Fix secretName, add the kubernetes.io/tls Secret (tls.crt and tls.key), or let cert-manager issue it.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    const ingress = readIngress(resource);
    if (!ingress) return;
    const managedByCertManager = CERT_MANAGER.some((a) => a in resource.annotations && resource.annotations[a] !== "false");
    for (const tls of ingress.tls) {
      const name = tls.secretName;
      if (name === undefined || name === "") continue;
      const path = [...tls.at, "secretName"];
      const secret = index.find("Secret", resource.namespace, name, resource);
      if (!secret) {
        if (managedByCertManager) continue;
        const namespace = namespaceMissing(index, "Secret", resource, name);
        if (namespace === undefined || !reportsAbsent(ctx, "Secret", namespace)) continue;
        const elsewhere = inOtherNamespace(ctx, { type: "Secret", kind: "Secret", namespace, name });
        if (elsewhere) {
          report({ path, message: `TLS Secret "${name}" is not defined in namespace "${namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
          continue;
        }
        const similar = similarlyNamed(index, "Secret", namespace, name);
        report({
          path,
          message: `TLS Secret "${name}" is not defined in namespace "${namespace}"`,
          hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the kubernetes.io/tls Secret or a cert-manager Certificate for it",
          ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
        });
        continue;
      }
      if (!index.holds(secret)) continue;
      const type = typeof secret.raw.type === "string" ? secret.raw.type : "Opaque";
      const keys = keysOf(secret);
      const missing = ["tls.crt", "tls.key"].filter((k) => !keys.has(k));
      // Ingress controllers read the two keys whatever the Secret's type: ingress-nginx (store/backend_ssl.go getPemCertificate),
      // Traefik (provider/kubernetes/ingress getCertificateBlocks), Contour (dag/secret.go validTLSSecret: kubernetes.io/tls or Opaque).
      if (missing.length === 0) continue;
      report({
        path,
        message: `Secret "${name}"${type !== "kubernetes.io/tls" ? ` is of type "${type}" and` : ""} lacks ${missing.map((k) => `"${k}"`).join(" and ")}`,
        hint: "make it type: kubernetes.io/tls with the keys tls.crt and tls.key",
        related: { resource: secret, path: secret.raw.type !== undefined ? ["type"] : ["metadata", "name"], message: `Secret "${name}"` },
      });
    }
  },
});
