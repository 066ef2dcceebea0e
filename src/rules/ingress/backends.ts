/** The Service backends of an Ingress (rules and defaultBackend), with exact paths. */
import type { Resource } from "../../models/resource.js";
import type { Path } from "../../types.js";

export interface ServiceBackend {
  name: string;
  port?: { name?: string; number?: number };
  /** Path of the backend's `service` mapping. */
  path: Path;
}

export function serviceBackends(ingress: Resource): ServiceBackend[] {
  const spec = ingress.spec("Ingress");
  if (!spec || !ingress.apiVersion.startsWith("networking.k8s.io/")) return [];
  const out: ServiceBackend[] = [];
  const add = (svc: { name?: string; port?: { name?: string; number?: number } } | undefined, path: Path) => {
    if (svc && typeof svc.name === "string" && svc.name !== "") out.push({ name: svc.name, port: svc.port, path });
  };
  add(spec.defaultBackend?.service, ["spec", "defaultBackend", "service"]);
  spec.rules?.forEach((rule, i) =>
    rule.http?.paths?.forEach((p, j) => add(p.backend?.service, ["spec", "rules", i, "http", "paths", j, "backend", "service"])),
  );
  return out;
}
