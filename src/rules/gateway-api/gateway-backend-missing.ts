import { findReferenced, inOtherNamespace, reportsAbsent, similarlyNamed, unknownProducer } from "../config/references.js";
import { defineRule } from "../types.js";
import { ROUTE_KINDS, backendRefsOf, isGatewayApi, refersToService } from "./gateway-api.js";

export const rule = defineRule({
  id: "gateway-backend-missing",
  category: "gateway-api",
  severity: "warning",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS],
  reportsAbsentObjects: true,
  summary: "A route's backendRef names a Service that the manifests do not define.",
  explanation: `A route rule sends traffic to the Services its backendRefs name, in the route's namespace unless
the backendRef sets another. When the Service does not exist the controller marks the route
ResolvedRefs false (BackendNotFound) and answers the requests of that rule with a 500, while the
route is otherwise accepted. k8s-lint reports it when the input defines Services in the backend's
namespace and none has this name (an operator's Service of a custom resource of the input
counts), which is most likely a typo or a renamed Service.`,
  fix: "Fix the backendRef's name (and namespace), or add the Service.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isGatewayApi(resource)) return;
    for (const ref of backendRefsOf(resource)) {
      if (!refersToService(ref) || findReferenced(index, "Service", ref.namespace, ref.name)) continue;
      if (!reportsAbsent(ctx, "Service", ref.namespace)) continue;
      const elsewhere = inOtherNamespace(ctx, { type: "Service", kind: "Service", namespace: ref.namespace, name: ref.name, from: { field: "namespace", written: ref.namespaceWritten } });
      if (elsewhere) {
        report({ path: [...ref.path, ref.namespaceWritten ? "namespace" : "name"], message: `Service "${ref.name}" is not defined in namespace "${ref.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = similarlyNamed(index, "Service", ref.namespace, ref.name);
      const operator = similar ? undefined : unknownProducer(index, ref.namespace, ref.name);
      report({
        path: [...ref.path, "name"],
        message: `Service "${ref.name}" is not defined in namespace "${ref.namespace}"${operator ? `; the operator of ${operator.groupKind} "${operator.name}" may create it` : ""}`,
        hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the Service or fix the backendRef's name",
        ...(operator ? { severity: "info" as const, related: { resource: operator, path: ["metadata", "name"], message: "custom resource of an operator k8s-lint does not know" } } : {}),
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    }
  },
});
