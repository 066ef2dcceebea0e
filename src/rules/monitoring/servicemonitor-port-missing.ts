import { closestWithin } from "../../did-you-mean.js";
import type { Resource } from "../../models/resource.js";
import { servicePortsSeenFrom } from "../../models/service-ports.js";
import { parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { MONITORING_GROUP, declaredPorts, monitoredNamespaces, operatorMakesServicesIn, podOwnersOfService, servicesSelectedBy } from "./monitors.js";

/** The names of a Service's ports, in order, as the builds of the ServiceMonitor `seenFrom` apply it. */
function portNames(svc: Resource, seenFrom: Resource): string[] {
  return servicePortsSeenFrom(svc, seenFrom).flatMap((p) => (typeof p?.name === "string" && p.name ? [p.name] : []));
}

export const rule = defineRule({
  id: "servicemonitor-port-missing",
  category: "monitoring",
  severity: "warning",
  crossResource: true,
  appliesTo: ["ServiceMonitor"],
  summary: "A ServiceMonitor endpoint names a port that the Services it selects do not have.",
  explanation: `Each entry of a ServiceMonitor's spec.endpoints becomes a scrape job that keeps only the
endpoints of the named Service port: \`port\` is the name of a port of the Service (the
Endpoints carry the Service's port names), and without it \`targetPort\` names or numbers a
container port of the pods behind the Service (pkg/prometheus/promcfg.go keeps
__meta_kubernetes_endpoint_port_name, or __meta_kubernetes_pod_container_port_name / _number).
When no selected Service has a port of that name, the job has no target: nothing is scraped and
no error is shown. An unnamed Service port cannot be selected by name at all. Judged against the
Services of the input the selector matches (and, for targetPort, the pods those Services select,
with the container ports a kustomize strategic-merge patch of the input adds to them). When an
operator of the input creates Services in the namespace (Rook's rook-ceph-mgr, CloudNativePG's),
their labels and ports are not in the input and the selector may pick one that has the port: the
finding is then info, unless the name is a near miss of a port the selected Services have. A
Service of a kustomize base that overlays patch differently is judged with the ports of the
ServiceMonitor's own build.`,
  fix: "Set endpoints[].port to the name of the Service port that serves the metrics (name the Service port if it has none), or fix targetPort to a container port the pods declare.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (resource.group !== MONITORING_GROUP) return;
    const raw = resource.get(["spec", "selector"]);
    const endpoints = resource.get(["spec", "endpoints"]);
    if (raw === undefined || selectorProblems(raw).length || !Array.isArray(endpoints)) return;
    const namespaces = monitoredNamespaces(resource);
    if (namespaces === "any") return;
    const selector = parseLabelSelector(raw);
    const services = namespaces.flatMap((ns) => servicesSelectedBy(index, ns, selector));
    if (!services.length) return;
    // The Services an operator of the input creates there may be selected too, with ports the input does not show.
    const operated = namespaces.some((ns) => operatorMakesServicesIn(index, ns));
    endpoints.forEach((ep: unknown, i) => {
      const { port, targetPort } = (ep ?? {}) as { port?: unknown; targetPort?: unknown };
      if (typeof port === "string" && port !== "") {
        if (services.some((svc) => portNames(svc, resource).includes(port))) return;
        const names = [...new Set(services.flatMap((svc) => portNames(svc, resource)))];
        const similar = closestWithin(port, names);
        const first = services[0];
        const unknown = operated && !similar;
        report({
          ...(unknown ? { severity: "info" as const } : {}),
          path: ["spec", "endpoints", i, "port"],
          message: `port "${port}" is not a port name of Service "${first.name}"${services.length > 1 ? ` (nor of the ${services.length - 1} other Services selected)` : ""}${names.length ? `; its ports are named ${names.map((n) => `"${n}"`).join(", ")}` : "; its ports have no names"}${unknown ? "; an operator of the input creates Services there whose ports are not known" : ""}`,
          hint: similar ? `rename the port to "${similar}"` : names.length ? "use the name of the Service port that serves the metrics" : `add a name to the metrics port of Service "${first.name}" and use that name`,
          related: { resource: first, path: ["spec", "ports"], message: `ports of Service "${first.name}"` },
        });
        return;
      }
      if (port !== undefined || (typeof targetPort !== "string" && typeof targetPort !== "number") || targetPort === "") return;
      const owners = [...new Set(services.flatMap((svc) => podOwnersOfService(index, svc)))];
      if (!owners.length) return;
      const byNumber = typeof targetPort === "number" || /^\d+$/.test(targetPort);
      const wanted = byNumber ? Number(targetPort) : targetPort;
      const declares = (owner: Resource) => declaredPorts(owner, index).some((p) => (byNumber ? p.containerPort === wanted : p.name === wanted));
      if (owners.some(declares)) return;
      const first = owners[0];
      const names = [...new Set(owners.flatMap((o) => declaredPorts(o, index).flatMap((p) => (p.name ? [p.name] : []))))];
      const similar = byNumber ? undefined : closestWithin(targetPort as string, names);
      const unknown = operated && !similar;
      report({
        ...(unknown ? { severity: "info" as const } : {}),
        path: ["spec", "endpoints", i, "targetPort"],
        message: `targetPort ${byNumber ? String(wanted) : `"${targetPort}"`} is not a container port of ${first.kind} "${first.name}", whose pods the selected Services send to${unknown ? "; an operator of the input creates Services there whose pods are not known" : ""}`,
        hint: similar ? `rename the targetPort to "${similar}"` : `declare the port in the containers of ${first.kind} "${first.name}" or set port to the Service port's name`,
        related: { resource: first, path: [...first.podTemplate!.specPath, "containers"], message: "containers of the selected pods" },
      });
    });
  },
});
