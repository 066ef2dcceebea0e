import { serviceAccountOf } from "../../models/rbac.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "service-no-endpoints",
  category: "services",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Service"],
  summary: "A Service without a selector has no Endpoints or EndpointSlice in the manifests.",
  explanation: `The endpoints controllers only fill in a Service's endpoints from its selector. A Service
without a selector (and not of type ExternalName) gets no endpoints at all unless someone creates
an Endpoints object or an EndpointSlice (labelled kubernetes.io/service-name) for it: its cluster IP
and DNS name then resolve, but every connection is refused or times out. Usually the selector was
forgotten, or mis-indented out of spec. When a workload of the namespace may create EndpointSlices
or Endpoints (RBAC of the input: an operator that manages the Service, as rook does for its
monitors), the finding is an info that names it.`,
  fix: "Add spec.selector matching the pods' labels, or add the EndpointSlice (or Endpoints) that lists the backends.",
  preventsStatus: ["Init:N/M"],
  check({ resource, index, report }) {
    const spec = resource.spec("Service");
    if (!spec || spec.type === "ExternalName") return;
    const selector = resource.get(["spec", "selector"]);
    if (selector !== undefined && selector !== null) return;
    if (index.find("Endpoints", resource.namespace, resource.name)) return;
    const slices = index.ofKind("EndpointSlice", resource.namespace);
    if (slices.some((s) => s.labels["kubernetes.io/service-name"] === resource.name)) return;
    const hasSpec = resource.get(["spec"]) !== undefined;
    // An operator allowed to create them in the namespace fills in such a Service at run time (rook's active-mons Service).
    const writer = index.runTimeWriter("endpointslices", resource.namespace) ?? index.runTimeWriter("endpoints", resource.namespace);
    report({
      path: hasSpec ? ["spec"] : ["metadata", "name"],
      target: "key",
      message: writer
        ? `Service "${resource.name}" has no selector and no Endpoints or EndpointSlice in the manifests; ServiceAccount "${serviceAccountOf(writer)}" of ${writer.kind} "${writer.name}" may create them (RBAC of the input)`
        : `Service "${resource.name}" has no selector and no Endpoints or EndpointSlice, so it routes nowhere`,
      hint: writer ? `check that ${writer.kind} "${writer.name}" manages this Service's endpoints, or add spec.selector matching the pods' labels` : "add spec.selector matching the pods' labels, or an EndpointSlice labelled kubernetes.io/service-name",
      ...(writer ? { severity: "info" as const } : {}),
    });
  },
});
