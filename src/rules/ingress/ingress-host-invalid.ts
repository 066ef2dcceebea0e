import { readIngress } from "../../models/ingress.js";
import { defineRule } from "../types.js";

const LABEL = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?";
const SUBDOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const WILDCARD = new RegExp(`^\\*\\.${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Why a host is not a valid Ingress host, or undefined. */
function hostProblem(host: string, allowIp: boolean): string | undefined {
  if (host.length > 253) return "must be no more than 253 characters";
  if (host.includes(":") && !allowIp) return host.includes("[") || /^[0-9a-f:]+$/i.test(host) ? "must be a DNS name, not an IP address" : "must not contain a port";
  if (host.includes("*")) return WILDCARD.test(host) ? undefined : `has a misplaced wildcard: it must start with "*." and cover exactly one leading label`;
  if (host !== host.toLowerCase() && SUBDOMAIN.test(host.toLowerCase())) return "must be lower case";
  if (!SUBDOMAIN.test(host)) {
    const bad = [...new Set(host.toLowerCase().replace(/[a-z0-9.-]/g, ""))].map((c) => JSON.stringify(c));
    const which = bad.length ? `: ${bad.length > 1 ? `${bad.slice(0, -1).join(", ")} and ${bad[bad.length - 1]} are` : `${bad[0]} is`} not allowed` : "";
    return `must be a DNS name of lower-case letters, digits, '-' and '.'${which}`;
  }
  if (!allowIp && IPV4.test(host)) return "must be a DNS name, not an IP address";
  return undefined;
}

/** A sample's placeholder left in a host: `{{YOUR_DOMAIN}}`, `<your-domain>`, `${DOMAIN}`. */
const PLACEHOLDER = /\{\{[^}]*\}\}|<[^<>]+>|\$\{[^}]*\}|\{[A-Za-z_]+\}/;

function hostHint(host: string): string {
  const placeholder = PLACEHOLDER.exec(host)?.[0];
  return placeholder ? `replace the placeholder ${JSON.stringify(placeholder)} with your domain` : `write a bare lower-case host name such as "shop.example.com"`;
}

export const rule = defineRule({
  id: "ingress-host-invalid",
  category: "ingress",
  severity: "error",
  appliesTo: ["Ingress"],
  summary: "An Ingress host is not a valid DNS name or wildcard.",
  explanation: `Ingress hosts must be lower-case DNS names (RFC 1123 subdomains) without a port or a
scheme, and not IP addresses. A wildcard is only allowed as the whole first label: "*.example.com"
matches exactly one label ("a.example.com", not "a.b.example.com" and not "example.com");
"*example.com", "foo.*.com" or "*" are rejected. The API server rejects the Ingress, so none of
its routes exist. The same applies to the hosts of spec.tls.`,
  fix: `Write the bare host name ("shop.example.com"), lower case; use "*.example.com" for a wildcard.`,
  preventsStatus: [],
  check({ resource, report }) {
    const ingress = readIngress(resource);
    for (const rule of ingress?.rules ?? []) {
      if (rule.host === undefined || rule.host === "") continue;
      const problem = hostProblem(rule.host, false);
      if (problem) report({ path: [...rule.at, "host"], message: `host "${rule.host}" ${problem}`, hint: hostHint(rule.host) });
    }
    for (const tls of ingress?.tls ?? []) {
      tls.hosts.forEach((host, j) => {
        if (typeof host !== "string" || host === "") return;
        const problem = hostProblem(host, true);
        if (problem) report({ path: [...tls.at, "hosts", j], message: `TLS host "${host}" ${problem}`, hint: hostHint(host) });
      });
    }
  },
});
