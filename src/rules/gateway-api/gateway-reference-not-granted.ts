import type { Resource } from "../../models/resource.js";
import { reportsAbsent } from "../config/references.js";
import { defineRule } from "../types.js";
import { GATEWAY_GROUP, REFERENCE_GRANT_TYPE, ROUTE_KINDS, backendRefsOf, certificateRefsOf, grantFor, isGatewayApi, parentRefsOf, refersToService, type ObjectRef } from "./gateway-api.js";

/** The references of a route (backendRefs to Services) or a Gateway (certificateRefs to Secrets) into another namespace. */
/**
 * Whether a route is a mesh route only: every parentRef is a Service (GAMMA, GEP-1294), whose
 * backendRefs may reach any namespace without a ReferenceGrant.
 */
function meshOnly(route: Resource): boolean {
  const parents = parentRefsOf(route);
  return parents.length > 0 && parents.every((p) => p.kind === "Service" && (p.group === "" || p.group === "core"));
}

function crossNamespaceRefs(resource: Resource): ObjectRef[] {
  if (resource.kind !== "Gateway" && meshOnly(resource)) return [];
  const refs = resource.kind === "Gateway" ? certificateRefsOf(resource).filter((r) => r.group === "" && r.kind === "Secret") : backendRefsOf(resource).filter(refersToService);
  return refs.filter((r) => r.namespace !== resource.namespace);
}

export const rule = defineRule({
  id: "gateway-reference-not-granted",
  category: "gateway-api",
  severity: "warning",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS, "Gateway"],
  reportsAbsentObjects: true,
  summary: "A route's backendRef or a Gateway's certificateRef points into another namespace that no ReferenceGrant opens.",
  explanation: `The Gateway API lets a route send traffic to a Service of another namespace, and a Gateway use a
certificate Secret of another namespace, only when a ReferenceGrant in the target namespace allows
it: its spec.from names the kind and namespace of the referring object, its spec.to the kind (and
optionally the name) of the target. Without one the controller refuses the reference
(ResolvedRefs false, RefNotPermitted): the rule's requests fail, or the listener has no
certificate. The owner of the target namespace writes the grant, so that no team can reach into
another's namespace by itself. k8s-lint reports a missing grant when the input defines the target
object or ReferenceGrants in its namespace. A mesh route (GAMMA: every parentRef is a Service)
needs none: GEP-1294 lets its backendRefs reach any namespace without a ReferenceGrant.`,
  fix: "Add a ReferenceGrant in the target namespace from the route's (or Gateway's) kind and namespace to the Service (or Secret), or move the target into the same namespace.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isGatewayApi(resource)) return;
    for (const ref of crossNamespaceRefs(resource)) {
      if (grantFor(index, { group: GATEWAY_GROUP, kind: resource.kind, namespace: resource.namespace }, ref)) continue;
      const target = index.find(ref.kind, ref.namespace, ref.name, resource);
      if (!target && !reportsAbsent(ctx, REFERENCE_GRANT_TYPE, ref.namespace)) continue;
      const other = index.ofKind(REFERENCE_GRANT_TYPE, ref.namespace)[0];
      report({
        path: [...ref.path, "namespace"],
        message: `${resource.kind} "${resource.name}" of namespace "${resource.namespace}" may not refer to ${ref.kind} "${ref.name}" of namespace "${ref.namespace}": no ReferenceGrant there allows it${other ? ` (ReferenceGrant "${other.name}" does not cover it)` : ""}`,
        hint: `add a ReferenceGrant in namespace "${ref.namespace}" from ${resource.kind} in "${resource.namespace}" to ${ref.kind}${ref.kind === "Service" ? "" : ` "${ref.name}"`}`,
        ...(other
          ? { related: { resource: other, path: ["spec"], message: `ReferenceGrant "${other.name}"` } }
          : target
            ? { related: { resource: target, path: ["metadata", "name"], message: `${ref.kind} "${ref.name}"` } }
            : {}),
      });
    }
  },
});
