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
may say so by turning this rule off for it. ingress-nginx builds one server per host from every
Ingress of its class, so an Ingress of class nginx whose every host another Ingress of that class
serves with TLS is served over HTTPS too (and redirected to it): it is not reported.`,
  fix: "Add spec.tls with the hosts and a Secret of type kubernetes.io/tls (or a cert-manager annotation that creates it).",
  preventsStatus: [],
  check({ resource, index, memo, report }) {
    const tls = resource.get(["spec", "tls"]);
    if (Array.isArray(tls) && tls.length) return;
    const cls = classOf(resource);
    if (cls !== undefined && NGINX_CLASSES.has(cls) && isKnownIngress(resource)) {
      const hosts = (readIngress(resource)?.rules ?? []).map((r) => r.host);
      const served = nginxTlsHosts(index, memo);
      if (hosts.length && hosts.every((h) => h !== undefined && served.has(h))) return;
    }
    report({
      path: ["spec"],
      target: "key",
      message: `Ingress "${resource.name}" has no tls section: its hosts are served over plain HTTP`,
      hint: "add spec.tls with the hosts and a TLS Secret",
    });
  },
});
