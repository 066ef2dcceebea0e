import { readIngress } from "../../models/ingress.js";
import { placeholdersWithoutCapitals, replacePlaceholdersHint } from "../../models/catalogue/names.js";
import { defineRule } from "../types.js";

const LABEL = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?";
const SUBDOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Why a host is not a valid Ingress host, or undefined (IsDNS1123Subdomain, IsWildcardDNS1123Subdomain). */
function hostProblem(host: string, allowIp: boolean): string | undefined {
  if (host.length > 253) return "must be no more than 253 characters";
  if (host.includes(":") && !allowIp) return host.includes("[") || /^[0-9a-f:]+$/i.test(host) ? "must be a DNS name, not an IP address" : "must not contain a port";
  // The name after a leading "*." is judged as any host: a wildcard is right there, whatever follows.
  const name = host.startsWith("*.") ? host.slice(2) : host;
  if (name.includes("*")) return `has a misplaced wildcard: it must start with "*." and cover exactly one leading label`;
  if (SUBDOMAIN.test(name)) return !allowIp && IPV4.test(host) ? "must be a DNS name, not an IP address" : undefined;
  if (SUBDOMAIN.test(name.toLowerCase())) return "must be lower case";
  const bad = [...new Set(name.replace(/[a-zA-Z0-9.-]/g, ""))].map((c) => JSON.stringify(c));
  if (/[A-Z]/.test(name)) bad.push("upper-case letters");
  if (bad.length) return `must be a DNS name of lower-case letters, digits, '-' and '.': ${bad.length > 1 ? `${bad.slice(0, -1).join(", ")} and ${bad[bad.length - 1]} are` : `${bad[0]} ${bad[0].startsWith('"') ? "is" : "are"}`} not allowed`;
  if (name.endsWith(".")) return "must not end with '.'";
  if (name.startsWith(".") || name.includes("..")) return "has an empty label: two dots in a row, or a dot at the start";
  return "must be a DNS name whose dot-separated labels start and end with a letter or digit";
}

/** The fix: the placeholders to replace (no host holds capitals, so a word of them is one), or a host of the valid form. */
function hostHint(host: string): string {
  const placeholders = placeholdersWithoutCapitals(host);
  return placeholders.length ? replacePlaceholdersHint(placeholders) : `write a bare lower-case host name such as "shop.example.com"`;
}

export const rule = defineRule({
  id: "ingress-host-invalid",
  category: "ingress",
  severity: "error",
  appliesTo: ["Ingress"],
  checksPatches: true,
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
