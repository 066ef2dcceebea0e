import { closestWithin } from "../../did-you-mean.js";
import { defineRule } from "../types.js";
import { GATEWAY_TYPE, ROUTE_KINDS, isGatewayApi, listenersOf, parentRefsOf, refersToGateway, selectedListeners } from "./gateway-api.js";

export const rule = defineRule({
  id: "gateway-listener-missing",
  category: "gateway-api",
  severity: "error",
  crossResource: true,
  appliesTo: [...ROUTE_KINDS],
  summary: "A route's parentRef names a listener (sectionName or port) that its Gateway does not have.",
  explanation: `A parentRef's sectionName selects the Gateway listener of that name, and its port the
listeners on that port; with both, one listener must match both (ParentReference in the Gateway
API). When none matches, the controller does not attach the route (Accepted false, reason
NoMatchingParent) and its traffic is never served. Listener names are case-sensitive and are
not the protocol: "https" matches only a listener named https. A Gateway of a kustomize base that
overlays patch differently is judged with the listeners of the route's own build.`,
  fix: "Use the name (or port) of one of the Gateway's listeners in sectionName (or port).",
  preventsStatus: [],
  check({ resource, index, report }) {
    if (!isGatewayApi(resource)) return;
    for (const ref of parentRefsOf(resource)) {
      if (!refersToGateway(ref) || (ref.sectionName === undefined && ref.port === undefined)) continue;
      const gateway = index.findInSet(GATEWAY_TYPE, ref.namespace, ref.name, resource);
      if (!gateway || selectedListeners(gateway, ref, resource).length) continue;
      const listeners = listenersOf(gateway, resource);
      const names = listeners.map((l) => l.name);
      const byName = ref.sectionName === undefined ? undefined : listeners.find((l) => l.name === ref.sectionName);
      const related = { resource: gateway, path: ["spec", "listeners"], message: `listeners of Gateway "${gateway.name}"` };
      const list = listeners.map((l) => `"${l.name}" (${l.port ?? "?"})`).join(", ");
      if (ref.sectionName !== undefined && !byName) {
        const near = closestWithin(ref.sectionName, names);
        report({
          path: [...ref.path, "sectionName"],
          message: `Gateway "${gateway.name}" has no listener named "${ref.sectionName}"${list ? `; its listeners are ${list}` : ""}`,
          hint: near ? `set sectionName to "${near}"` : "set sectionName to the name of one of the Gateway's listeners",
          related,
        });
        continue;
      }
      report({
        path: [...ref.path, "port"],
        message: byName
          ? `listener "${byName.name}" of Gateway "${gateway.name}" listens on port ${byName.port ?? "?"}, not ${ref.port}`
          : `Gateway "${gateway.name}" has no listener on port ${ref.port}${list ? `; its listeners are ${list}` : ""}`,
        hint: byName?.port !== undefined ? `set port to ${byName.port} or remove it` : "set port to the port of one of the Gateway's listeners, or remove it",
        related,
      });
    }
  },
});
