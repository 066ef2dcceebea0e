import { placeholderNote, replacePlaceholdersHint, samplePlaceholders } from "../../models/catalogue/names.js";
import { reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { GATEWAY_CLASS_TYPE, isGatewayApi } from "./gateway-api.js";

/**
 * GatewayClasses a controller creates in the cluster itself, never in manifests: istiod's built-in
 * classes (pilot/pkg/config/kube/gatewaycommon/classinfo.go GetBuiltinGatewayClasses and
 * GetAgentGatewayClasses; names in pkg/config/constants), each when its feature is on.
 */
const CONTROLLER_CREATED: ReadonlySet<string> = new Set(["istio", "istio-remote", "istio-waypoint", "istio-east-west", "istio-agentgateway", "istio-agentgateway-waypoint"]);

export const rule = defineRule({
  id: "gateway-class-missing",
  category: "gateway-api",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Gateway"],
  reportsAbsentObjects: true,
  summary: "A Gateway names a GatewayClass that the manifests, which define GatewayClasses, do not define.",
  explanation: `A Gateway is implemented by the controller of the GatewayClass its spec.gatewayClassName names.
With no such GatewayClass no controller picks the Gateway up: it stays without addresses
(Accepted false or no status at all) and none of its routes is served. GatewayClasses are often
installed with the controller, outside the application's manifests, so k8s-lint checks the name
only when the input defines GatewayClasses or holds every object (\`references: complete\`, the
default with a \`--context\` of the cluster's objects), and never the classes istiod creates itself (istio,
istio-waypoint, istio-remote, istio-east-west, istio-agentgateway). A name that is a sample's
placeholder (\`{GATEWAY_CLASS_NAME}\`, \`<gateway-class>\`) is reported as one left in.`,
  fix: "Set gatewayClassName to one of the GatewayClasses (kubectl get gatewayclass), or add the GatewayClass.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isGatewayApi(resource)) return;
    const name = resource.get(["spec", "gatewayClassName"]);
    if (typeof name !== "string" || name === "") return;
    const defined = index.ofKind(GATEWAY_CLASS_TYPE);
    // GatewayClasses are cluster-scoped: the input manages them when it defines any, or when it holds every object.
    if (!defined.length && !reportsAbsent(ctx, GATEWAY_CLASS_TYPE, "")) return;
    if (index.find(GATEWAY_CLASS_TYPE, "", name) || CONTROLLER_CREATED.has(name)) return;
    const placeholders = samplePlaceholders(name);
    const all = defined.length ? `the input defines ${[...new Set(defined.map((c) => c.name))].map((n) => `"${n}"`).join(", ")}` : "the input defines no GatewayClass";
    if (placeholders.length) {
      // A sample's `{GATEWAY_CLASS_NAME}` (Gateway API's conformance manifests, which its test harness fills in): no name it resembles is meant.
      report({ path: ["spec", "gatewayClassName"], message: `GatewayClass "${name}" is not defined; ${placeholderNote(placeholders)}`, hint: `${replacePlaceholdersHint(placeholders)}: ${all}` });
      return;
    }
    const similar = similarlyNamed(index, GATEWAY_CLASS_TYPE, "", name);
    report({
      path: ["spec", "gatewayClassName"],
      message: `GatewayClass "${name}" is not defined; ${all}`,
      hint: similar ? `set gatewayClassName to "${similar.name}"` : "set gatewayClassName to one of the GatewayClasses, or add the GatewayClass",
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
