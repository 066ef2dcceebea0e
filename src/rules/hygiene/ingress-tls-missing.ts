import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "ingress-tls-missing",
  category: "hygiene",
  severity: "warning",
  presets: ["security"],
  appliesTo: ["Ingress"],
  summary: "An Ingress has no tls section, so its hosts are served over plain HTTP.",
  explanation: `Without spec.tls the Ingress controller serves the Ingress's hosts over HTTP only (most
controllers answer HTTPS with their default self-signed certificate, which browsers reject).
Session cookies, passwords and API tokens then cross the network in clear text, readable and
modifiable by anyone on the path. Polaris reports it (tlsSettingsMissing). An Ingress whose
TLS is terminated in front of the controller (a cloud load balancer with its own certificate)
may say so by turning this rule off for it.`,
  fix: "Add spec.tls with the hosts and a Secret of type kubernetes.io/tls (or a cert-manager annotation that creates it).",
  preventsStatus: [],
  check({ resource, report }) {
    const tls = resource.get(["spec", "tls"]);
    if (Array.isArray(tls) && tls.length) return;
    report({
      path: ["spec"],
      target: "key",
      message: `Ingress "${resource.name}" has no tls section: its hosts are served over plain HTTP`,
      hint: "add spec.tls with the hosts and a TLS Secret",
    });
  },
});
