import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { inOtherNamespace, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { GATEWAY_TYPE, ROUTE_KINDS, admittedInGatewayNamespace, isGatewayApi, parentRefsOf, refersToGateway, refusal, selectedListeners, type ParentRef } from "./gateway-api.js";

/**
 * How to reach a Gateway of another namespace: name its namespace in the parentRef, unless its
 * listeners admit routes of their own namespace only (allowedRoutes.namespaces.from: Same, the
 * default): then the route attaches only from the Gateway's namespace, and that is where it must be.
 */
function hintFor(route: Resource, ref: ParentRef, gateway: Resource, index: ResourceIndex): string {
  const listeners = selectedListeners(gateway, { ...ref, namespace: gateway.namespace });
  const refused = listeners.map((l) => ({ listener: l, refused: refusal(gateway, l, route, index) }));
  const first = refused[0];
  const admittedThere = admittedInGatewayNamespace(gateway, listeners, route, index);
  if (!first?.refused || refused.some((r) => !r.refused) || !admittedThere) return `set namespace: ${gateway.namespace} in this parentRef`;
  const parentRef = ref.namespaceWritten ? ` and namespace: ${gateway.namespace} in this parentRef` : "";
  return `set metadata.namespace: ${gateway.namespace} on this ${route.kind}${parentRef}: listener "${first.listener.name}" of the Gateway ${first.refused.reason}, so naming its namespace in the parentRef alone does not attach the route`;
}

export const rule = defineRule({
  id: "gateway-parent-missing",
  category: "gateway-api",
  severity: "warning",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS],
  reportsAbsentObjects: true,
  summary: "A route's parentRef names a Gateway that the manifests do not define.",
  explanation: `A route (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute, UDPRoute) attaches to the Gateways its
spec.parentRefs name. A parentRef without namespace means a Gateway in the route's own
namespace: the most common mistake is a route beside its application that names a shared
Gateway of an infrastructure namespace without \`namespace:\`. The controller then reports the
parent as not found (Accepted false) and no traffic reaches the route, while the route looks fine.
k8s-lint reports a Gateway that is in another namespace of the input under that name, and a
missing one when the input defines Gateways in the namespace the parentRef points to. When that
Gateway's listeners admit routes of their own namespace only (allowedRoutes.namespaces.from:
Same, the default), naming its namespace in the parentRef is not enough: the hint says to put the
route in the Gateway's namespace. A Gateway written without a namespace is in the one it is
applied to: the finding says so, and the hint is to give it the parentRef's namespace. With
--per-directory, a Gateway that only another input set defines is named only when the parentRef's
namespace has Gateways of this set: another sample's Gateway is no evidence of a mistake.`,
  fix: "Set parentRefs[].namespace to the Gateway's namespace, fix the name, or add the Gateway.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isGatewayApi(resource)) return;
    for (const ref of parentRefsOf(resource)) {
      if (!refersToGateway(ref) || index.find(GATEWAY_TYPE, ref.namespace, ref.name)) continue;
      const other = inOtherNamespace(ctx, { type: GATEWAY_TYPE, kind: "Gateway", namespace: ref.namespace, name: ref.name, from: { field: "namespace", written: ref.namespaceWritten } });
      const own = other !== undefined && index.holds(other.found);
      // A Gateway that only another input set (--per-directory) defines is another sample's: it tells where the one meant may be only when this set's are all in the input.
      if (other && (own || reportsAbsent(ctx, GATEWAY_TYPE, ref.namespace))) {
        const gateway = other.found;
        const unplaced = !gateway.namespaceCertain && resource.namespaceCertain;
        report({
          path: [...ref.path, ref.namespaceWritten ? "namespace" : "name"],
          message: `parentRef names Gateway "${ref.name}" of namespace "${ref.namespace}", but the input defines it ${unplaced ? `without a namespace (in "${gateway.namespace}" unless applied with kubectl apply -n)` : `in namespace "${gateway.namespace}"`}`,
          hint: unplaced ? other.hint : own ? hintFor(resource, ref, gateway, index) : `set namespace: ${gateway.namespace} in this parentRef if Gateway "${ref.name}" of namespace "${gateway.namespace}" is the one meant`,
          related: { resource: gateway, path: ["metadata", "name"], message: unplaced ? `Gateway "${ref.name}" without a namespace` : `Gateway "${ref.name}" in namespace "${gateway.namespace}"` },
        });
        continue;
      }
      if (!reportsAbsent(ctx, GATEWAY_TYPE, ref.namespace)) continue;
      const similar = similarlyNamed(index, GATEWAY_TYPE, ref.namespace, ref.name);
      report({
        path: [...ref.path, "name"],
        message: `parentRef names Gateway "${ref.name}", which is not defined in namespace "${ref.namespace}"`,
        hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the Gateway or fix the parentRef's name and namespace",
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    }
  },
});
