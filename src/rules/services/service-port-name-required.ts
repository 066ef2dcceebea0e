import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "service-port-name-required",
  category: "services",
  severity: "error",
  appliesTo: ["Service"],
  summary: "A Service with several ports must name each of them, uniquely.",
  explanation: `With more than one port, the API server requires every Service port to have a name, and
the names to be unique: the names become the port names of the Endpoints/EndpointSlices and the
SRV records (_name._tcp.service), and are how Ingresses and ServiceMonitors refer to a port.
A multi-port Service with an unnamed or duplicate port name is rejected and not created.`,
  fix: "Give every port a unique DNS-label name, e.g. http, https, metrics.",
  hasSuggestions: true,
  preventsStatus: [],
  check({ resource, report }) {
    const ports = resource.spec("Service")?.ports;
    if (!ports || ports.length < 2) return;
    const seen = new Set<string>();
    ports.forEach((p, i) => {
      if (typeof p.name !== "string" || p.name === "") {
        report({ path: ["spec", "ports", i], target: "key", message: `port ${p.port ?? i} has no name, but the Service has ${ports.length} ports`, hint: "add a name such as http or metrics",
          ...(typeof p.port === "number" ? { suggestions: [{ description: `name it "port-${p.port}"`, fix: [{ op: "insert", path: ["spec", "ports", i, "name"], value: `port-${p.port}` }] }] } : {}),
        });
      } else if (seen.has(p.name)) {
        report({ path: ["spec", "ports", i, "name"], message: `port name "${p.name}" is used twice`, hint: "rename one of the ports" });
      } else seen.add(p.name);
    });
  },
});
