import { defineRule } from "../types.js";
import { serviceBackends } from "./backends.js";

export const rule = defineRule({
  id: "ingress-backend-port",
  category: "ingress",
  severity: "error",
  crossResource: true,
  summary: "An Ingress backend names a port that its Service does not expose.",
  explanation: `An Ingress backend's port.number must be one of the Service's spec.ports[].port (not the
targetPort or containerPort) and port.name one of its port names. With any other port the ingress
controller finds no endpoints for the backend and answers 503 for that host and path. A frequent
cause is using the container port (8080) where the Service exposes 80.`,
  fix: "Use the Service's port number or port name in backend.service.port.",
  preventsStatus: [],
  examples: {
    bad: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
`,
    good: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
  },
  check({ resource, index, report }) {
    if (resource.kind !== "Ingress") return;
    for (const b of serviceBackends(resource)) {
      const svc = index.find("Service", resource.namespace, b.name);
      if (!svc || !b.port) continue;
      const spec = svc.spec("Service");
      if (!spec || spec.type === "ExternalName") continue;
      const ports = spec.ports ?? [];
      const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(", ");
      if (typeof b.port.number === "number" && !ports.some((p) => p.port === b.port!.number)) {
        const byTarget = ports.find((p) => p.targetPort === b.port!.number);
        report({
          path: [...b.path, "port", "number"],
          message: `Service "${b.name}" has no port ${b.port.number}${exposed ? `; it exposes ${exposed}` : ""}`,
          hint: byTarget ? `use the Service port ${byTarget.port}: ${b.port.number} is its targetPort` : "use one of the Service's ports",
          related: { resource: svc, path: ["spec", "ports"], message: `Service "${b.name}"` },
        });
      } else if (typeof b.port.name === "string" && b.port.number === undefined && !ports.some((p) => p.name === b.port!.name)) {
        report({
          path: [...b.path, "port", "name"],
          message: `Service "${b.name}" has no port named "${b.port.name}"${exposed ? `; it exposes ${exposed}` : ""}`,
          hint: "use one of the Service's port names or its port number",
          related: { resource: svc, path: ["spec", "ports"], message: `Service "${b.name}"` },
        });
      }
    }
  },
});
