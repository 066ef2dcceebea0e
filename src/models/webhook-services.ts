/**
 * The Services the API server itself calls, named by a ServiceReference: admission webhooks,
 * aggregated APIs and CRD conversion webhooks, read with their defaults applied. Shared by the
 * rule webhook-service-missing and `k8s-lint graph`.
 * - Validating/MutatingWebhookConfiguration: `webhooks[].clientConfig.service`
 *   (k8s.io/api admissionregistration/v1 and v1beta1 types.go, ServiceReference: port defaults
 *   to 443; failurePolicy defaults to Fail in v1, to Ignore in v1beta1);
 * - APIService: `spec.service`, none for an API the kube-apiserver serves itself (k8s.io/kube-aggregator
 *   pkg/apis/apiregistration/v1/types.go ServiceReference, defaults.go SetDefaults_ServiceReference: port 443);
 * - CustomResourceDefinition with `spec.conversion.strategy: Webhook`: `spec.conversion.webhook.clientConfig.service`
 *   in apiextensions.k8s.io/v1, `spec.conversion.webhookClientConfig.service` in v1beta1
 *   (k8s.io/apiextensions-apiserver pkg/apis/apiextensions/v1/types.go CustomResourceConversion,
 *   ServiceReference: port defaults to 443). A CRD with one version never has the webhook called
 *   (webhook_converter.go getObjectsToConvert sends only objects not already in the requested
 *   version, and status.storedVersions may only name versions of spec.versions:
 *   ValidateCustomResourceDefinitionStoredVersions), until a second version is added.
 * A `url` clientConfig names no Service and is not read.
 */
import type { Path } from "../types.js";
import type { Resource } from "./resource.js";

/** The kinds whose objects name a Service the API server calls. */
export const SERVICE_CALLER_KINDS = ["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "CustomResourceDefinition"] as const;

/** The port the API server calls when a ServiceReference sets none (all three ServiceReference types). */
const DEFAULT_SERVICE_PORT = 443;

/** What breaks when the Service cannot be reached, in the caller's terms. */
export type ServiceCaller =
  | { kind: "admission webhook"; webhook: string; failurePolicy: "Fail" | "Ignore"; mutating: boolean }
  | { kind: "aggregated API"; apiService: string }
  | { kind: "conversion webhook"; crd: string; oneVersion: boolean };

export interface WebhookServiceReference {
  namespace: string;
  name: string;
  /** The Service port called: `port` as written, else 443. */
  port: number;
  /** Path of the `service` map. */
  path: Path;
  /** Path of `port` when written, else of the `service` map. */
  portPath: Path;
  portWritten: boolean;
  caller: ServiceCaller;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A ServiceReference at `path` with its default port; undefined when it is absent or its namespace or name is not a non-empty string (the schema rules report those). */
function serviceAt(r: Resource, path: Path, caller: ServiceCaller): WebhookServiceReference | undefined {
  const svc = r.get(path);
  if (!isMap(svc) || typeof svc.namespace !== "string" || typeof svc.name !== "string" || !svc.namespace || !svc.name) return undefined;
  // A port that is not a number is a schema error, judged there; the reference is still read for the name.
  const portWritten = typeof svc.port === "number";
  return {
    namespace: svc.namespace,
    name: svc.name,
    port: portWritten ? (svc.port as number) : DEFAULT_SERVICE_PORT,
    path,
    portPath: portWritten ? [...path, "port"] : path,
    portWritten,
    caller,
  };
}

/** The Services a webhook configuration, APIService or CRD has the API server call; [] for any other resource. */
export function webhookServiceReferences(r: Resource): WebhookServiceReference[] {
  switch (r.ruleKind) {
    case "ValidatingWebhookConfiguration":
    case "MutatingWebhookConfiguration":
      return admissionWebhooks(r);
    case "APIService": {
      if (r.group !== "apiregistration.k8s.io") return [];
      const ref = serviceAt(r, ["spec", "service"], { kind: "aggregated API", apiService: r.name });
      return ref ? [ref] : [];
    }
    case "CustomResourceDefinition": {
      if (r.group !== "apiextensions.k8s.io" || r.get(["spec", "conversion", "strategy"]) !== "Webhook") return [];
      const path = r.apiVersion === "apiextensions.k8s.io/v1beta1" ? ["spec", "conversion", "webhookClientConfig", "service"] : ["spec", "conversion", "webhook", "clientConfig", "service"];
      const ref = serviceAt(r, path, { kind: "conversion webhook", crd: r.name, oneVersion: crdVersionCount(r) === 1 });
      return ref ? [ref] : [];
    }
    default:
      return [];
  }
}

/** The versions a CRD lists: spec.versions, else (apiextensions.k8s.io/v1beta1) its single spec.version. */
function crdVersionCount(r: Resource): number {
  const versions = r.get(["spec", "versions"]);
  if (Array.isArray(versions)) return versions.length;
  return typeof r.get(["spec", "version"]) === "string" ? 1 : 0;
}

function admissionWebhooks(r: Resource): WebhookServiceReference[] {
  if (r.group !== "admissionregistration.k8s.io") return [];
  const webhooks = r.get(["webhooks"]);
  if (!Array.isArray(webhooks)) return [];
  // failurePolicy: "Defaults to Fail" in v1, "Defaults to Ignore" in v1beta1 (ValidatingWebhook and MutatingWebhook in each version's types.go).
  const defaultPolicy = r.apiVersion === "admissionregistration.k8s.io/v1beta1" ? "Ignore" : "Fail";
  const out: WebhookServiceReference[] = [];
  webhooks.forEach((w, i) => {
    if (!isMap(w)) return;
    const written = w.failurePolicy;
    const failurePolicy = written === "Fail" || written === "Ignore" ? written : defaultPolicy;
    const caller: ServiceCaller = { kind: "admission webhook", webhook: typeof w.name === "string" ? w.name : `#${i}`, failurePolicy, mutating: r.kind === "MutatingWebhookConfiguration" };
    const ref = serviceAt(r, ["webhooks", i, "clientConfig", "service"], caller);
    if (ref) out.push(ref);
  });
  return out;
}
