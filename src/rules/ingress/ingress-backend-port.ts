import { ingressServiceBackends } from "../../models/ingress.js";
import { servicePortsSeenFrom } from "../../models/service-ports.js";
import { defineRule } from "../types.js";
import { ACTION_ANNOTATION_PREFIX, USE_ANNOTATION, isAlbActionBackend } from "./alb-actions.js";

export const rule = defineRule({
  id: "ingress-backend-port",
  category: "ingress",
  severity: "error",
  crossResource: true,
  appliesTo: ["Ingress"],
  summary: "An Ingress backend names a port that its Service does not expose.",
  explanation: `An Ingress backend's port.number must be one of the Service's spec.ports[].port (not the
targetPort or containerPort) and port.name one of its port names. With any other port the ingress
controller finds no endpoints for the backend and answers 503 for that host and path. A frequent
cause is using the container port (8080) where the Service exposes 80. In networking.k8s.io/v1beta1
and extensions/v1beta1 the port is \`servicePort\`, a number or a port name, and is judged the same way.
The AWS Load Balancer Controller's port name \`use-annotation\` is not a Service port: it hands the
backend to the action in the annotation \`alb.ingress.kubernetes.io/actions.<service name>\`, so
such a backend is skipped when the Ingress has that annotation, or when an Argo Rollout's
\`trafficRouting.alb\` names the Ingress and that Service (its rootService, else its
stableService): the Rollouts controller writes the annotation during a rollout. A Service of a kustomize base that overlays patch differently is judged as the Ingress's own build makes it.`,
  fix: "Use the Service's port number or port name in backend.service.port (servicePort before networking.k8s.io/v1).",
  preventsStatus: [],
  check({ resource, index, report }) {
    for (const b of ingressServiceBackends(resource)) {
      const svc = index.findInSet("Service", resource.namespace, b.name, resource);
      const port = b.port;
      if (!svc || !port || isAlbActionBackend(resource, b, index)) continue;
      const spec = svc.spec("Service");
      if (!spec || spec.type === "ExternalName") continue;
      const ports = servicePortsSeenFrom(svc, resource);
      const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(", ");
      const related = { resource: svc, path: ["spec", "ports"], message: `Service "${b.name}"` };
      if ("number" in port) {
        const wanted = port.number;
        if (ports.some((p) => p.port === wanted)) continue;
        const byTarget = ports.find((p) => p.targetPort === wanted);
        report({
          path: port.path,
          message: `Service "${b.name}" has no port ${wanted}${exposed ? `; it exposes ${exposed}` : ""}`,
          hint: byTarget ? `use the Service port ${byTarget.port}: ${wanted} is its targetPort` : "use one of the Service's ports",
          related,
        });
      } else if (!ports.some((p) => p.name === port.name)) {
        report({
          path: port.path,
          message: `Service "${b.name}" has no port named "${port.name}"${exposed ? `; it exposes ${exposed}` : ""}`,
          hint:
            port.name === USE_ANNOTATION
              ? `add the annotation "${ACTION_ANNOTATION_PREFIX}${b.name}" with the AWS Load Balancer Controller action, or use one of the Service's port names`
              : "use one of the Service's port names or its port number",
          related,
        });
      }
    }
  },
});
