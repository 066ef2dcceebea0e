import type { Severity } from "../../types.js";
import { olmConversionOwner } from "../../models/olm.js";
import { SERVICE_CALLER_KINDS, webhookServiceReferences, type ServiceCaller, type WebhookServiceReference } from "../../models/webhook-services.js";
import { servicePortsSeenFrom } from "../../models/service-ports.js";
import { findReferenced, inOtherNamespace, reportsAbsent, similarlyNamed, unknownProducer } from "../config/references.js";
import { renameReference } from "../fixes.js";
import { defineRule, type CrossResourceContext } from "../types.js";

/** What the API server cannot do when it cannot reach the Service, in the caller's terms. */
function consequence(caller: ServiceCaller): string {
  switch (caller.kind) {
    case "admission webhook":
      return caller.failurePolicy === "Fail"
        ? `every request webhook "${caller.webhook}" matches is rejected (failurePolicy Fail)`
        : `requests webhook "${caller.webhook}" matches are admitted ${caller.mutating ? "without its changes" : "unchecked"} (failurePolicy Ignore)`;
    case "aggregated API":
      return `the API of APIService "${caller.apiService}" is unavailable`;
    case "conversion webhook":
      return caller.oneVersion
        ? `custom resources of "${caller.crd}" have one version, so the API server does not call the webhook yet; once a second version is added they cannot be converted between versions`
        : `custom resources of "${caller.crd}" cannot be converted between versions`;
  }
}

/**
 * A webhook that fails open breaks nothing but itself, and the conversion webhook of a CRD with one
 * version is not called yet: a warning; every other call that fails breaks requests.
 */
const severityOf = (caller: ServiceCaller): Severity =>
  (caller.kind === "admission webhook" && caller.failurePolicy === "Ignore") || (caller.kind === "conversion webhook" && caller.oneVersion) ? "warning" : "error";

export const rule = defineRule({
  id: "webhook-service-missing",
  category: "services",
  severity: "error",
  crossResource: true,
  appliesTo: [...SERVICE_CALLER_KINDS],
  reportsAbsentObjects: true,
  hasSuggestions: true,
  summary: "An admission webhook, APIService or CRD conversion webhook names a Service, or a port of it, that the manifests do not define, or a headless Service.",
  explanation: `The API server calls some Services itself: admission webhooks
(\`webhooks[].clientConfig.service\` of a ValidatingWebhookConfiguration or
MutatingWebhookConfiguration), aggregated APIs (\`spec.service\` of an APIService, such as
v1beta1.metrics.k8s.io of metrics-server) and CRD conversion webhooks
(\`spec.conversion.webhook.clientConfig.service\`, \`spec.conversion.webhookClientConfig.service\`
in apiextensions.k8s.io/v1beta1). The reference names the Service's namespace, name and port, and
the port is a port of the Service (\`spec.ports[].port\`, not a targetPort), 443 when not set.
When the Service does not exist or has no such port, every call fails: a webhook with
failurePolicy Fail (the default in admissionregistration.k8s.io/v1) makes the API server reject
every request it matches, which can stop Deployments, Pods or even the webhook's own fix from
being applied; with Ignore (the default in v1beta1) the requests go through without the webhook
(reported as a warning). An APIService is marked Available=False (ServiceNotFound,
ServicePortError) and its API is gone: \`kubectl top\` and HorizontalPodAutoscalers on resource
metrics stop working when it is metrics.k8s.io. A CRD whose conversion webhook cannot be called
cannot serve its custom resources in any version other than the stored one; a CRD with one
version has every object stored and requested in it, so the API server does not call the webhook
until a second version is added (a warning).
The Service is reported missing under the reference policy (\`--references\`): with a partial
input only when the input defines Services in the namespace named. A headless Service
(clusterIP: None) fails the same way: the API server calls the Service at its cluster IP and
refuses one without (\`cannot route to service with ClusterIP "None"\`), unless it runs with
--enable-aggregator-routing, which calls the endpoints instead. A \`url\` clientConfig names
no Service and is not checked; a port is not checked for an ExternalName Service, which the API
server calls at its external name. A reference that a JSON patch of a kustomize build rewrites
(its name or namespace) names another Service than the one written, and is not checked; nor is
the conversion webhook of a CRD in an Operator Lifecycle Manager bundle whose
ClusterServiceVersion (in the same folder) defines a ConversionWebhook for it: OLM replaces it
with a Service of its own in the namespace the operator is installed in. A Service of a kustomize base that overlays patch differently is judged as the caller's own build makes it.`,
  fix: "Fix the Service's namespace, name or port in the reference, or add the Service (with that port) to the manifests.",
  preventsStatus: [],
  check(ctx) {
    for (const ref of webhookServiceReferences(ctx.resource)) {
      // A kustomize JSON patch rewrites the reference (its name, its namespace): the Service is another one.
      if (ctx.resource.patchedByKustomize(ref.path, true)) continue;
      // OLM writes the conversion webhook of a CRD its bundle's ClusterServiceVersion defines one for.
      if (ref.caller.kind === "conversion webhook" && olmConversionOwner(ctx.resource, ctx.index, ctx.memo)) continue;
      if (findReferenced(ctx.index, "Service", ref.namespace, ref.name)) checkService(ctx, ref);
      else if (reportsAbsent(ctx, "Service", ref.namespace)) reportMissing(ctx, ref);
    }
  },
});

function reportMissing(ctx: CrossResourceContext, ref: WebhookServiceReference): void {
  const { index, report } = ctx;
  const namePath = [...ref.path, "name"];
  const elsewhere = inOtherNamespace(ctx, { type: "Service", kind: "Service", namespace: ref.namespace, name: ref.name, from: { field: "namespace", written: true } });
  if (elsewhere) {
    const message = `Service "${ref.name}" is not defined in namespace "${ref.namespace}"${elsewhere.clause}; ${consequence(ref.caller)}`;
    report({ path: [...ref.path, "namespace"], message, severity: severityOf(ref.caller), hint: elsewhere.hint, related: elsewhere.related });
    return;
  }
  const similar = similarlyNamed(index, "Service", ref.namespace, ref.name);
  const operator = similar ? undefined : unknownProducer(index, ref.namespace, ref.name);
  report({
    path: namePath,
    message: `Service "${ref.name}" is not defined in namespace "${ref.namespace}"; ${consequence(ref.caller)}${operator ? `; the operator of ${operator.groupKind} "${operator.name}" may create it` : ""}`,
    severity: operator ? "info" : severityOf(ref.caller),
    hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the Service or fix the reference's namespace and name",
    ...(operator ? { related: { resource: operator, path: ["metadata", "name"], message: "custom resource of an operator k8s-lint does not know" } } : {}),
    ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" }, suggestions: [renameReference(namePath, similar.name)] } : {}),
  });
}

/**
 * The API server calls the Service at its cluster IP (k8s.io/apiserver pkg/util/proxy/proxy.go
 * ResolveCluster): a headless one is refused, whatever the port; otherwise the port must be one of
 * spec.ports[].port. An ExternalName Service is called at its external name with the port as written.
 */
function checkService({ resource, index, report }: CrossResourceContext, ref: WebhookServiceReference): void {
  const svc = index.findInSet("Service", ref.namespace, ref.name, resource);
  const spec = svc?.spec("Service");
  if (!svc || !spec || spec.type === "ExternalName") return;
  // SetDefaults_Service: an absent or empty type is ClusterIP.
  if (spec.clusterIP === "None" && (!spec.type || spec.type === "ClusterIP")) {
    report({
      path: [...ref.path, "name"],
      message: `Service "${ref.name}" is headless (clusterIP: None), but the API server calls the Service at its cluster IP; ${consequence(ref.caller)}`,
      severity: severityOf(ref.caller),
      hint: "add a Service with the same selector and ports but no clusterIP: None, and name it in the reference (clusterIP cannot change in place)",
      related: { resource: svc, path: ["spec", "clusterIP"], message: `Service "${ref.name}"` },
    });
    return;
  }
  const ports = servicePortsSeenFrom(svc, resource);
  if (ports.some((p) => p.port === ref.port)) return;
  const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(", ");
  const byTarget = ports.find((p) => p.targetPort === ref.port);
  const defaulted = ref.portWritten ? "" : ` (the default when port is not set)`;
  report({
    path: ref.portPath,
    message: `Service "${ref.name}" has no port ${ref.port}${defaulted}${exposed ? `; it exposes ${exposed}` : ""}; ${consequence(ref.caller)}`,
    severity: severityOf(ref.caller),
    hint: byTarget
      ? `set port: ${byTarget.port}, the Service port whose targetPort is ${ref.port}`
      : ports.length === 1 && ports[0].port !== undefined
        ? `set port: ${ports[0].port} in the reference`
        : "set port to one of the Service's ports",
    related: { resource: svc, path: ["spec", "ports"], message: `Service "${ref.name}"` },
  });
}
