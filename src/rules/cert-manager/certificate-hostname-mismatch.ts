import { readIngress } from "../../models/ingress.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";
import { certificateRefsOf, isGatewayApi, listenersOf } from "../gateway-api/gateway-api.js";
import { defineRule, type Finding } from "../types.js";

const CERTIFICATE_TYPE = "Certificate.cert-manager.io";

/** A host a TLS listener or Ingress TLS section serves, the Secret it serves it with, and where the host is written. */
interface ServedHost {
  host: string;
  namespace: string;
  secret: string;
  path: Path;
}

function servedHosts(resource: Resource): ServedHost[] {
  if (resource.kind === "Ingress") {
    return (readIngress(resource)?.tls ?? []).flatMap((tls) =>
      tls.secretName ? tls.hosts.flatMap((h, j) => (typeof h === "string" && h ? [{ host: h, namespace: resource.namespace, secret: tls.secretName!, path: [...tls.at, "hosts", j] }] : [])) : [],
    );
  }
  if (!isGatewayApi(resource)) return [];
  const refs = certificateRefsOf(resource);
  return listenersOf(resource).flatMap((l) => {
    if (!l.hostname) return [];
    const prefix = JSON.stringify(l.path);
    return refs
      .filter((r) => r.group === "" && r.kind === "Secret" && JSON.stringify(r.path.slice(0, l.path.length)) === prefix)
      .map((r) => ({ host: l.hostname!, namespace: r.namespace, secret: r.name, path: [...l.path, "hostname"] }));
  });
}

/** The cert-manager Certificate whose Secret this is, when the Secret is not itself in the input. */
function issuingCertificate(index: ResourceIndex, namespace: string, secret: string): Resource | undefined {
  if (index.find("Secret", namespace, secret)) return undefined;
  const producer = index.producerOf("Secret", namespace, secret);
  return producer?.groupKind === CERTIFICATE_TYPE ? producer : undefined;
}

/** The names a Certificate is issued for: spec.dnsNames, and spec.commonName. */
function certificateNames(cert: Resource): string[] {
  const names = cert.get(["spec", "dnsNames"]);
  const cn = cert.get(["spec", "commonName"]);
  return [...new Set([...(Array.isArray(names) ? names : []), cn].filter((n): n is string => typeof n === "string" && n !== ""))];
}

/**
 * Whether a certificate name covers a served host as TLS clients match them (RFC 6125 6.4.3): equal
 * (case-insensitive), or `*.example.com` covering exactly one label (`a.example.com`, not
 * `a.b.example.com` nor `example.com`). A wildcard host is covered only by the same wildcard.
 */
export function coversHost(name: string, host: string): boolean {
  const n = name.toLowerCase();
  const h = host.toLowerCase();
  if (n === h) return true;
  if (!n.startsWith("*.") || h.startsWith("*.")) return false;
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot) === n.slice(1);
}

export const rule = defineRule({
  id: "certificate-hostname-mismatch",
  category: "cert-manager",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Gateway", "Ingress"],
  summary: "A TLS host of a Gateway listener or an Ingress is not among the names of the cert-manager Certificate that issues its Secret.",
  explanation: `When a Gateway listener's certificateRefs or an Ingress TLS section's secretName name the Secret
that a cert-manager Certificate of the input writes (spec.secretName), the certificate served
for the host is that Certificate's: it is valid only for its spec.dnsNames (and commonName). A
host it does not cover gets a certificate for other names, and browsers and clients refuse the
connection (a name mismatch), although the Secret exists and every object looks fine. Names are
matched as TLS clients do: \`*.example.com\` covers one label (shop.example.com, not
a.b.example.com nor example.com), and a wildcard listener hostname needs the same wildcard in
the Certificate.`,
  fix: "Add the host to the Certificate's spec.dnsNames, or serve the host with a Secret of a Certificate that names it.",
  preventsStatus: [],
  check({ resource, index, report }) {
    for (const served of servedHosts(resource)) {
      const cert = issuingCertificate(index, served.namespace, served.secret);
      if (!cert) continue;
      const names = certificateNames(cert);
      if (!names.length || names.some((n) => coversHost(n, served.host))) continue;
      const finding: Finding = {
        path: served.path,
        message: `host "${served.host}" is not a name of Certificate "${cert.name}", which issues Secret "${served.secret}": it names ${names.map((n) => `"${n}"`).join(", ")}`,
        hint: `add "${served.host}" to spec.dnsNames of Certificate "${cert.name}"`,
        related: { resource: cert, path: cert.get(["spec", "dnsNames"]) !== undefined ? ["spec", "dnsNames"] : ["spec"], message: `Certificate "${cert.name}"` },
      };
      report(finding);
    }
  },
});
