import { defineRule } from "../types.js";
import { GATEWAY_TYPE, ROUTE_KINDS, hostnamesIntersect, isGatewayApi, parentRefsOf, refersToGateway, refusal, routeHostnames, selectedListeners } from "./gateway-api.js";

export const rule = defineRule({
  id: "gateway-hostname-mismatch",
  category: "gateway-api",
  severity: "error",
  crossResource: true,
  appliesTo: ["HTTPRoute", "GRPCRoute", "TLSRoute"],
  summary: "None of a route's hostnames matches the hostname of a listener it attaches to.",
  explanation: `A route with spec.hostnames attaches to a listener with a hostname only when at least one of
its hostnames intersects the listener's: equal names, or a wildcard (*.example.com covers
shop.example.com and a.b.example.com, but not example.com itself) covering the other. When none
does, the controller does not accept the route for that listener (NoMatchingListenerHostname)
and requests for its hostnames get a 404. A listener without hostname accepts every hostname.`,
  fix: "Add a hostname the listener serves to spec.hostnames, or attach the route to the listener for its hostname.",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!isGatewayApi(resource)) return;
    const hostnames = routeHostnames(resource);
    if (!hostnames.length) return;
    const judged = new Set<string>();
    for (const ref of parentRefsOf(resource)) {
      if (!refersToGateway(ref)) continue;
      const gateway = index.findInSet(GATEWAY_TYPE, ref.namespace, ref.name, resource);
      if (!gateway || judged.has(`${gateway.namespace}/${gateway.name}/${ref.sectionName ?? ""}/${ref.port ?? ""}`)) continue;
      judged.add(`${gateway.namespace}/${gateway.name}/${ref.sectionName ?? ""}/${ref.port ?? ""}`);
      // Listeners that select and admit the route: another rule reports when there are none.
      const admitting = selectedListeners(gateway, ref).filter((l) => !refusal(gateway, l, resource, index));
      if (!admitting.length || admitting.some((l) => l.hostname === undefined || hostnames.some((h) => hostnamesIntersect(h, l.hostname!)))) continue;
      const listener = admitting[0];
      report({
        path: ["spec", "hostnames"],
        message: `no hostname of this ${resource.kind} matches ${admitting.length > 1 ? "the hostnames of the listeners" : `the hostname "${listener.hostname}" of listener "${listener.name}"`} of Gateway "${gateway.namespace}/${gateway.name}"${admitting.length > 1 ? ` (${admitting.map((l) => `"${l.hostname}"`).join(", ")})` : ""}`,
        hint: listener.hostname!.startsWith("*.")
          ? `add a hostname under "${listener.hostname!.slice(2)}" to spec.hostnames, or attach the route to the listener for its hostname`
          : `add "${listener.hostname}" to spec.hostnames, or attach the route to the listener for its hostname`,
        related: { resource: gateway, path: [...listener.path, "hostname"], message: `listener "${listener.name}"` },
      });
    }
  },
});
