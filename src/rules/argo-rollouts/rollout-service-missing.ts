import { inOtherNamespace, namespaceMissing, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { ARGO_GROUP, steeredServices } from "./rollouts.js";

export const rule = defineRule({
  id: "rollout-service-missing",
  category: "argo-rollouts",
  severity: "error",
  crossResource: true,
  appliesTo: ["Rollout"],
  reportsAbsentObjects: true,
  summary: "An Argo Rollout steers traffic through a Service (canary, stable, active, preview) that the manifests do not define.",
  explanation: `A canary Rollout sends traffic through its stableService and canaryService, a blue-green
Rollout through its activeService and previewService (and ping-pong through pingService and
pongService): the controller rewrites each Service's selector with the rollouts-pod-template-hash
of the revision it should reach. When a named Service does not exist in the Rollout's
namespace, the controller cannot reconcile (validation_references.go: the referenced Service
is looked up first): the Rollout stays Degraded with InvalidSpec, and no new revision is
promoted. Reported when the input defines Services in that namespace (under \`references: partial\`).`,
  fix: "Add the Service (selecting the Rollout's pod labels), or fix the name in the strategy.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== ARGO_GROUP) return;
    const services = steeredServices(resource);
    for (const svc of services) {
      const namespace = namespaceMissing(index, "Service", resource, svc.name);
      if (namespace === undefined || !reportsAbsent(ctx, "Service", namespace)) continue;
      const elsewhere = inOtherNamespace(ctx, { type: "Service", kind: "Service", namespace, name: svc.name });
      if (elsewhere) {
        report({ path: svc.path, message: `Service "${svc.name}" (${svc.field}) is not defined in namespace "${namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = similarlyNamed(index, "Service", namespace, svc.name);
      report({
        path: svc.path,
        message: `Service "${svc.name}" (${svc.field}) is not defined in namespace "${namespace}"`,
        hint: similar ? `rename the reference to "${similar.name}" if that is the one meant` : "add the Service or fix the name",
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
      });
    }
  },
});
