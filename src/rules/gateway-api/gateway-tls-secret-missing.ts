import { findReferenced, inOtherNamespace, keysOf, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";
import { certificateRefsOf, GATEWAY_CLASS_TYPE, isGatewayApi } from "./gateway-api.js";

/**
 * A Secret type of a domain other than Kubernetes' own (`gateway.envoyproxy.io/sds`, which Envoy
 * Gateway serves from an SDS server: internal/gatewayapi/validate.go): what such a Secret must
 * hold is the implementation's to say, and Gateway API leaves it to them.
 */
const IMPLEMENTATION_TYPE = /^(?!kubernetes\.io\/)[^/]+\.[^/]+\//;

/**
 * The controllers (GatewayClass spec.controllerName) that refuse a certificateRef Secret of a type
 * other than kubernetes.io/tls although it holds tls.crt and tls.key: Envoy Gateway
 * (internal/gatewayapi/validate.go, "must be of type kubernetes.io/tls"). Istio
 * (pilot/pkg/credentials/kube/secrets.go), Contour (internal/dag/secret.go validTLSSecret:
 * kubernetes.io/tls or Opaque) and Traefik (provider/kubernetes/gateway getCertificateBlocks)
 * read the keys.
 */
const TYPE_CHECKING_CONTROLLERS: ReadonlyMap<string, string> = new Map([["gateway.envoyproxy.io/gatewayclass-controller", "Envoy Gateway"]]);

/** Annotations that make cert-manager's gateway-shim issue the listeners' certificates (cert-manager.io/docs/usage/gateway). */
const CERT_MANAGER_SHIM = ["cert-manager.io/cluster-issuer", "cert-manager.io/issuer"];

export const rule = defineRule({
  id: "gateway-tls-secret-missing",
  category: "gateway-api",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Gateway"],
  reportsAbsentObjects: true,
  summary: "A Gateway listener's certificateRef names a Secret that is missing or not a TLS Secret.",
  explanation: `A listener that terminates TLS loads its certificate from the Secrets its tls.certificateRefs
name (in the Gateway's namespace unless the reference sets another). When the Secret is missing, or
lacks tls.crt or tls.key, the controller marks the listener ResolvedRefs false
(InvalidCertificateRef) and serves no TLS for its hostname. Gateway API's core support is a
Secret of type kubernetes.io/tls; another type that holds both keys is implementation-specific:
Envoy Gateway refuses it (a warning when the Gateway's GatewayClass names its controller), while
Istio, Contour and Traefik load it (an info otherwise). k8s-lint reports a
missing Secret when the input defines Secrets in that namespace and nothing produces this one (a
cert-manager Certificate with that secretName, an ExternalSecret or a SealedSecret counts, and so
does a Gateway annotated for cert-manager's gateway-shim, which creates them), and
checks the type and keys of a Secret that is in the input; a type of an implementation's own
domain (Envoy Gateway's gateway.envoyproxy.io/sds) is the implementation's to judge.`,
  fix: "Fix the certificateRef's name, add the kubernetes.io/tls Secret, or let a cert-manager Certificate issue it.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (!isGatewayApi(resource)) return;
    const shimIssued = CERT_MANAGER_SHIM.some((a) => Object.hasOwn(resource.annotations, a));
    for (const ref of certificateRefsOf(resource)) {
      if (ref.group !== "" || ref.kind !== "Secret") continue;
      const path = [...ref.path, "name"];
      const secret = index.find("Secret", ref.namespace, ref.name, resource);
      if (!secret) {
        if (shimIssued || findReferenced(index, "Secret", ref.namespace, ref.name) || !reportsAbsent(ctx, "Secret", ref.namespace)) continue;
        const elsewhere = inOtherNamespace(ctx, { type: "Secret", kind: "Secret", namespace: ref.namespace, name: ref.name, from: { field: "namespace", written: ref.namespaceWritten } });
        if (elsewhere) {
          report({ path: [...ref.path, ref.namespaceWritten ? "namespace" : "name"], message: `TLS Secret "${ref.name}" is not defined in namespace "${ref.namespace}"${elsewhere.clause}`, hint: elsewhere.hint, related: elsewhere.related });
          continue;
        }
        const similar = similarlyNamed(index, "Secret", ref.namespace, ref.name);
        report({
          path,
          message: `TLS Secret "${ref.name}" is not defined in namespace "${ref.namespace}"`,
          hint: similar ? `rename it to "${similar.name}" if that is the one meant` : "add the kubernetes.io/tls Secret or a cert-manager Certificate for it",
          ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
        });
        continue;
      }
      if (!index.holds(secret)) continue;
      const type = typeof secret.raw.type === "string" ? secret.raw.type : "Opaque";
      // A type of an implementation's own (Envoy Gateway's gateway.envoyproxy.io/sds): Gateway API leaves such references to the implementation.
      if (IMPLEMENTATION_TYPE.test(type)) continue;
      const missing = ["tls.crt", "tls.key"].filter((k) => !keysOf(secret).has(k));
      if (type === "kubernetes.io/tls" && missing.length === 0) continue;
      const related = { resource: secret, path: secret.raw.type !== undefined ? ["type"] : ["metadata", "name"], message: `Secret "${ref.name}"` };
      const hint = "make it type: kubernetes.io/tls with the keys tls.crt and tls.key";
      if (missing.length) {
        report({ path, message: `Secret "${ref.name}"${type !== "kubernetes.io/tls" ? ` is of type "${type}" and` : ""} lacks ${missing.map((k) => `"${k}"`).join(" and ")}`, hint, related });
        continue;
      }
      // Both keys, another type: Gateway API's core support is kubernetes.io/tls, and what else loads is the implementation's choice.
      const className = String(resource.get(["spec", "gatewayClassName"]));
      const controller = index.find(GATEWAY_CLASS_TYPE, "", className)?.get(["spec", "controllerName"]);
      const refuses = typeof controller === "string" ? TYPE_CHECKING_CONTROLLERS.get(controller) : undefined;
      report({
        ...(refuses ? {} : { severity: "info" as const }),
        path,
        message: refuses
          ? `Secret "${ref.name}" is of type "${type}", not "kubernetes.io/tls", which ${refuses}, the controller of GatewayClass "${className}", requires`
          : `Secret "${ref.name}" is of type "${type}", not "kubernetes.io/tls", the one type Gateway API's core support covers: whether the controller loads it is implementation-specific (Istio, Contour and Traefik read the keys of any Secret; Envoy Gateway refuses it)`,
        hint,
        related,
      });
    }
  },
});
