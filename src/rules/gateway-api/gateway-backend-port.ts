import { servicePortsSeenFrom } from "../../models/service-ports.js";
import { defineRule } from "../types.js";
import { ROUTE_KINDS, backendRefsOf, isGatewayApi, refersToService } from "./gateway-api.js";

export const rule = defineRule({
  id: "gateway-backend-port",
  category: "gateway-api",
  severity: "error",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS],
  summary: "A route's backendRef to a Service has no port, or a port the Service does not expose.",
  explanation: `A backendRef to a Service must say which Service port to send traffic to: port is required for
a Service (the API server rejects a Service backendRef without it), and it must be one of the
Service's spec.ports[].port, not a targetPort or containerPort. With another port the controller
finds no endpoints for the backend (ResolvedRefs false) and the rule's requests fail. A frequent
cause is the container port (8080) where the Service exposes 80. A Service of a kustomize base that overlays patch differently is judged as the route's own build makes it.`,
  fix: "Set backendRefs[].port to one of the Service's ports.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!isGatewayApi(resource)) return;
    for (const ref of backendRefsOf(resource)) {
      if (!refersToService(ref)) continue;
      const svc = index.findInSet("Service", ref.namespace, ref.name, resource);
      const spec = svc?.spec("Service");
      if (!svc || !spec || spec.type === "ExternalName") continue;
      const ports = servicePortsSeenFrom(svc, resource);
      const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(", ");
      const related = { resource: svc, path: ["spec", "ports"], message: `Service "${ref.name}"` };
      if (ref.port === undefined) {
        report({
          path: ref.path,
          message: `backendRef to Service "${ref.name}" has no port${exposed ? `; the Service exposes ${exposed}` : ""}`,
          hint: ports.length === 1 ? `add port: ${ports[0].port}` : "add the port of the Service to send traffic to",
          related,
        });
        continue;
      }
      const wanted = ref.port;
      if (ports.some((p) => p.port === wanted)) continue;
      const byTarget = ports.find((p) => p.targetPort === wanted);
      report({
        path: [...ref.path, "port"],
        message: `Service "${ref.name}" has no port ${wanted}${exposed ? `; it exposes ${exposed}` : ""}`,
        hint: byTarget ? `use the Service port ${byTarget.port}: ${wanted} is its targetPort` : "use one of the Service's ports",
        related,
      });
    }
  },
});
