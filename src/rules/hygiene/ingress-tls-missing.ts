import { isKnownIngress, readIngress } from "../../models/ingress.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import { defineRule } from "../types.js";

/** The ingress classes of ingress-nginx as manifests name it: it builds one server per host from every Ingress of its class. */
const NGINX_CLASSES = new Set(["nginx"]);

const NGINX_TLS_HOSTS = memoKey<ReadonlySet<string>>("hosts an ingress-nginx Ingress serves with TLS");

/** An Ingress's class: spec.ingressClassName, else the kubernetes.io/ingress.class annotation. */
function classOf(ingress: Resource): string | undefined {
  const name = ingress.get(["spec", "ingressClassName"]);
  if (typeof name === "string") return name;
  const annotation = ingress.get(["metadata", "annotations", "kubernetes.io/ingress.class"]);
  return typeof annotation === "string" ? annotation : undefined;
}

/** The hosts that some Ingress of an ingress-nginx class lists under spec.tls: built once per run. */
function nginxTlsHosts(index: ResourceIndex, memo: Memo): ReadonlySet<string> {
  return memo(NGINX_TLS_HOSTS, () => {
    const hosts = new Set<string>();
    for (const ingress of index.ofKind("Ingress")) {
      const cls = classOf(ingress);
      if (cls === undefined || !NGINX_CLASSES.has(cls)) continue;
      for (const t of readIngress(ingress)?.tls ?? []) for (const h of t.hosts) if (typeof h === "string") hosts.add(h);
    }
    return hosts;
  });
}

/**
 * Annotations with which a controller serves an Ingress over HTTPS without spec.tls, and the
 * values that turn it on: GKE's managed and pre-shared certificates (ingress-gce), the AWS Load
 * Balancer Controller's ACM certificates or an HTTPS listener (it then discovers each host's
 * certificate in ACM), Azure Application Gateway's certificate, Traefik's router TLS, and
 * ingress-nginx's SSL passthrough (the backend terminates TLS).
 */
const TLS_ANNOTATIONS: ReadonlyArray<[string, (value: string) => boolean]> = [
  ["networking.gke.io/managed-certificates", (v) => v.trim() !== ""],
  ["ingress.gcp.kubernetes.io/pre-shared-cert", (v) => v.trim() !== ""],
  ["alb.ingress.kubernetes.io/certificate-arn", (v) => v.trim() !== ""],
  ["alb.ingress.kubernetes.io/listen-ports", (v) => /"HTTPS"/.test(v)],
  ["appgw.ingress.kubernetes.io/appgw-ssl-certificate", (v) => v.trim() !== ""],
  ["traefik.ingress.kubernetes.io/router.tls", (v) => v.trim() === "true"],
  // ingress-nginx passes the TLS stream through to the backend by SNI: the backend serves TLS itself.
  ["nginx.ingress.kubernetes.io/ssl-passthrough", (v) => v.trim() === "true"],
];

/** Whether an annotation of the Ingress makes its controller serve it over HTTPS (TLS_ANNOTATIONS). */
function tlsByAnnotation(ingress: Resource): boolean {
  const annotations = ingress.get(["metadata", "annotations"]);
  if (typeof annotations !== "object" || annotations === null) return false;
  return TLS_ANNOTATIONS.some(([key, on]) => {
    const value = (annotations as Record<string, unknown>)[key];
    return typeof value === "string" && on(value);
  });
}

export const rule = defineRule({
  id: "ingress-tls-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  crossResource: true,
  appliesTo: ["Ingress"],
  summary: "An Ingress has no tls section, so its hosts are served over plain HTTP.",
  explanation: `Without spec.tls the Ingress controller serves the Ingress's hosts over HTTP only (most
controllers answer HTTPS with their default self-signed certificate, which browsers reject).
Session cookies, passwords and API tokens then cross the network in clear text, readable and
modifiable by anyone on the path. Polaris reports it (tlsSettingsMissing). An Ingress whose
TLS is terminated in front of the controller (a cloud load balancer with its own certificate)
may say so by turning this rule off for it. A certificate given by annotation is TLS too: GKE's
networking.gke.io/managed-certificates and ingress.gcp.kubernetes.io/pre-shared-cert, the AWS Load
Balancer Controller's alb.ingress.kubernetes.io/certificate-arn or an HTTPS entry in its
listen-ports, Azure's appgw.ingress.kubernetes.io/appgw-ssl-certificate, and Traefik's
traefik.ingress.kubernetes.io/router.tls: "true"; so is ingress-nginx's
nginx.ingress.kubernetes.io/ssl-passthrough: "true", which hands the TLS stream to the backend. ingress-nginx builds one server per host from every
Ingress of its class, so an Ingress of class nginx whose every host another Ingress of that class
serves with TLS is served over HTTPS too (and redirected to it): it is not reported.`,
  fix: "Add spec.tls with the hosts and a Secret of type kubernetes.io/tls (or a cert-manager annotation that creates it).",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const tls = resource.get(["spec", "tls"]);
    if (Array.isArray(tls) && tls.length) return;
    if (tlsByAnnotation(resource)) return;
    const cls = classOf(resource);
    const hosts = (readIngress(resource)?.rules ?? []).map((r) => r.host);
    if (cls !== undefined && NGINX_CLASSES.has(cls) && isKnownIngress(resource)) {
      const served = nginxTlsHosts(index, memo);
      if (hosts.length && hosts.every((h) => h !== undefined && served.has(h))) return;
    }
    report({
      path: ["spec"],
      target: "key",
      message: `Ingress "${resource.name}" has no tls section: ${hosts.some((h) => h !== undefined) ? "its hosts are" : "it is"} served over plain HTTP`,
      hint: "add spec.tls with the hosts and a TLS Secret",
    });
  },
});
