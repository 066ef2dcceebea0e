import { defineRule } from "../types.js";
import { GATEWAY_TYPE, ROUTE_KINDS, admittedInGatewayNamespace, isGatewayApi, parentRefsOf, refersToGateway, refusal, selectedListeners } from "./gateway-api.js";

export const rule = defineRule({
  id: "gateway-route-not-allowed",
  category: "gateway-api",
  severity: "error",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS],
  summary: "No listener a route attaches to admits the route: its namespace or its kind is not allowed.",
  explanation: `A Gateway listener admits routes by namespace and kind (allowedRoutes). namespaces.from is
Same by default: only routes of the Gateway's own namespace attach, so a route of an application
namespace needs a listener with from: All, or from: Selector with a selector its Namespace
matches. kinds defaults to what the protocol carries (HTTP and HTTPS: HTTPRoute and GRPCRoute;
TLS: TLSRoute and TCPRoute; TCP: TCPRoute; UDP: UDPRoute), and a kind listed in allowedRoutes.kinds
that the protocol does not carry is refused too (ResolvedRefs false, InvalidRouteKinds: an HTTPRoute
never attaches to a TLS listener). When no selected listener admits the
route, the controller sets Accepted false (NotAllowedByListeners) and serves nothing of it.
A Selector is judged with the labels of the route's Namespace when the input defines it (every
Namespace carries kubernetes.io/metadata.name). Where a listener that admits only its own
namespace would take the route there, the hint offers to move the route to the Gateway's namespace.`,
  fix: "Allow the route's namespace (allowedRoutes.namespaces.from: All or a Selector) and kind on the listener, or attach the route to a listener that does.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!isGatewayApi(resource)) return;
    for (const ref of parentRefsOf(resource)) {
      if (!refersToGateway(ref)) continue;
      const gateway = index.findInSet(GATEWAY_TYPE, ref.namespace, ref.name, resource);
      if (!gateway) continue;
      const listeners = selectedListeners(gateway, ref);
      if (!listeners.length) continue;
      const refusals = listeners.map((l) => ({ listener: l, refused: refusal(gateway, l, resource, index) }));
      if (refusals.some((r) => !r.refused)) continue;
      const { listener, refused } = refusals[0];
      const more = listeners.length > 1 ? ` (nor do its other ${listeners.length - 1} listener${listeners.length > 2 ? "s" : ""})` : "";
      const admittedThere = resource.namespace !== gateway.namespace && admittedInGatewayNamespace(gateway, listeners, resource, index);
      const move = admittedThere ? `set metadata.namespace: ${gateway.namespace} on this ${resource.kind}, or ` : "";
      report({
        path: ref.path,
        message: `listener "${listener.name}" of Gateway "${gateway.namespace}/${gateway.name}" ${refused!.reason}: this ${resource.kind} of namespace "${resource.namespace}" does not attach${more}`,
        hint: refused!.protocol
          ? `set sectionName to a listener whose protocol carries ${resource.kind}, or add such a listener to the Gateway`
          : refused!.reason.includes("namespace")
            ? `${move}set the listener's allowedRoutes.namespaces.from to All, or to Selector with a selector the route's Namespace matches`
            : "add this route kind to the listener's allowedRoutes.kinds, or attach the route to a listener that carries it",
        related: { resource: gateway, path: refused!.path, message: `listener "${listener.name}"` },
      });
    }
  },
});
