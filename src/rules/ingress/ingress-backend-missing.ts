import { renameReference } from "../fixes.js";
import { ingressServiceBackends } from "../../models/ingress.js";
import { inOtherNamespace, namespaceMissing, reportsAbsent, similarlyNamed, unknownProducer } from "../config/references.js";
import { defineRule } from "../types.js";
import { ACTION_ANNOTATION_PREFIX, USE_ANNOTATION, isAlbActionBackend } from "./alb-actions.js";

export const rule = defineRule({
  id: "ingress-backend-missing",
  category: "ingress",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Ingress"],
  reportsAbsentObjects: true,
  summary: "An Ingress routes to a Service that the manifests do not define.",
  explanation: `An Ingress backend names a Service in the Ingress's own namespace. When it does not exist
the ingress controller has nowhere to send the traffic: requests for that host and path get a
503 (or the controller's default backend 404), while the Ingress itself looks healthy.
k8s-lint reports it when the input defines Services in that namespace and none has this name,
which is most likely a typo or a renamed Service. Backends are read in the shape of the
Ingress's version: \`service.name\` and \`spec.defaultBackend\` in networking.k8s.io/v1,
\`serviceName\` and \`spec.backend\` in networking.k8s.io/v1beta1 and extensions/v1beta1. A backend
with the AWS Load Balancer Controller's port name \`use-annotation\` names an action, not a
Service: it is skipped when the Ingress has the annotation
\`alb.ingress.kubernetes.io/actions.<name>\` or an Argo Rollout's \`trafficRouting.alb\` names the
Ingress and that Service (the Rollouts controller writes the annotation).`,
  fix: "Fix the backend's Service name (service.name, or serviceName before networking.k8s.io/v1), or add the Service to the manifests (in the Ingress's namespace).",
  hasSuggestions: true,
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    const backends = ingressServiceBackends(resource);
    for (const b of backends) {
      // A Service an operator makes from a custom resource of the input (Kibana's <name>-kb-http...) is there; a base's Ingress that overlays build into several namespaces needs it in each.
      const namespace = namespaceMissing(index, "Service", resource, b.name);
      if (namespace === undefined || !reportsAbsent(ctx, "Service", namespace) || isAlbActionBackend(resource, b, index)) continue;
      const elsewhere = inOtherNamespace(ctx, { type: "Service", kind: "Service", namespace, name: b.name });
      if (elsewhere) {
        report({ path: b.namePath, message: `Service "${b.name}" is not defined in namespace "${namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
        continue;
      }
      const similar = similarlyNamed(index, "Service", namespace, b.name);
      const operator = similar ? undefined : unknownProducer(index, namespace, b.name);
      report({
        path: b.namePath,
        message: `Service "${b.name}" is not defined in namespace "${namespace}"${operator ? `; the operator of ${operator.groupKind} "${operator.name}" may create it` : ""}`,
        hint: similar
          ? `rename it to "${similar.name}" if that is the one meant`
          : b.port && "name" in b.port && b.port.name === USE_ANNOTATION
            ? `add the annotation "${ACTION_ANNOTATION_PREFIX}${b.name}" with the AWS Load Balancer Controller action, or the Service`
            : "add the Service or fix the name",
        ...(operator ? { severity: "info" as const, related: { resource: operator, path: ["metadata", "name"], message: "custom resource of an operator k8s-lint does not know" } } : {}),
        ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(b.namePath, similar.name)] } : {}),
      });
    }
  },
});
