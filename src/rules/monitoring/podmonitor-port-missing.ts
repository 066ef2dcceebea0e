import { closestWithin } from "../../did-you-mean.js";
import type { Resource } from "../../models/resource.js";
import { parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { MONITORING_GROUP, declaredPorts, monitoredNamespaces } from "./monitors.js";

export const rule = defineRule({
  id: "podmonitor-port-missing",
  category: "monitoring",
  severity: "warning",
  crossResource: true,
  appliesTo: ["PodMonitor"],
  summary: "A PodMonitor endpoint names a container port that the pods it selects do not declare.",
  explanation: `Each entry of a PodMonitor's spec.podMetricsEndpoints becomes a scrape job that keeps only the
container ports it names: \`port\` is the name of a container port, \`portNumber\` (or the
deprecated \`targetPort\`) its number (pkg/prometheus/promcfg.go keeps
__meta_kubernetes_pod_container_port_name, or _port_number). Prometheus discovers only the ports
a container declares in spec.containers[].ports, so a port the container listens on without
declaring it, or a name that differs by a letter, gives a job without targets: nothing is
scraped and no error is shown. Judged against the pod templates of the input that the
selector matches, with the ports a kustomize strategic-merge patch of the input adds to them;
pods run by operators (whose ports are not in the input) are not judged.`,
  fix: "Use the name of a declared container port (declare the metrics port with a name in the pod template if it is not).",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (resource.group !== MONITORING_GROUP) return;
    const raw = resource.get(["spec", "selector"]);
    const endpoints = resource.get(["spec", "podMetricsEndpoints"]);
    if (raw === undefined || selectorProblems(raw).length || !Array.isArray(endpoints)) return;
    const namespaces = monitoredNamespaces(resource);
    if (namespaces === "any") return;
    const selector = parseLabelSelector(raw);
    if (namespaces.some((ns) => index.derivedPodsSelectedBy(ns, selector).length)) return;
    const owners = namespaces.flatMap((ns) => index.podOwnersSelectedBy(ns, selector, resource));
    if (!owners.length) return;
    endpoints.forEach((ep: unknown, i) => {
      const { port, portNumber, targetPort } = (ep ?? {}) as { port?: unknown; portNumber?: unknown; targetPort?: unknown };
      // The first field set decides, as in the operator: port, then portNumber, then targetPort.
      let field: string;
      let wanted: string | number;
      if (typeof port === "string" && port !== "") [field, wanted] = ["port", port];
      else if (typeof portNumber === "number") [field, wanted] = ["portNumber", portNumber];
      else if (typeof targetPort === "number" || (typeof targetPort === "string" && targetPort !== "")) [field, wanted] = ["targetPort", /^\d+$/.test(String(targetPort)) ? Number(targetPort) : targetPort];
      else return;
      const byNumber = typeof wanted === "number";
      const declares = (owner: Resource) => declaredPorts(owner, index).some((p) => (byNumber ? p.containerPort === wanted : p.name === wanted));
      if (owners.some(declares)) return;
      const first = owners[0];
      const names = [...new Set(owners.flatMap((o) => declaredPorts(o, index).flatMap((p) => (p.name ? [p.name] : []))))];
      const similar = byNumber ? undefined : closestWithin(wanted as string, names);
      const more = owners.length > 1 ? ` (nor by the other ${owners.length - 1} selected)` : "";
      report({
        path: ["spec", "podMetricsEndpoints", i, field],
        message: byNumber
          ? `${field} ${wanted} is not a container port declared by ${first.kind} "${first.name}"${more}`
          : `${field} "${wanted}" is not a container port name of ${first.kind} "${first.name}"${more}${names.length ? `; its ports are named ${names.map((n) => `"${n}"`).join(", ")}` : ""}`,
        hint: similar
          ? `rename the ${field} to "${similar}"`
          : byNumber
            ? `declare containerPort ${wanted} in the containers of ${first.kind} "${first.name}"`
            : `use a port name the containers declare, or add a container port named "${wanted}" to ${first.kind} "${first.name}"`,
        related: { resource: first, path: [...first.podTemplate!.specPath, "containers"], message: "containers of the selected pods" },
      });
    });
  },
});
