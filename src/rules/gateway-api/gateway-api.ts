/**
 * How Gateway API controllers resolve the references of routes and Gateways, read from the API
 * types of kubernetes-sigs/gateway-api (apis/v1/shared_types.go ParentReference,
 * apis/v1/object_reference_types.go BackendObjectReference and SecretObjectReference,
 * apis/v1/gateway_types.go Listener and AllowedRoutes, apis/v1beta1/referencegrant_types.go):
 * the defaults of group, kind and namespace, which listeners a parentRef selects, which routes a
 * listener admits, hostname intersection, and ReferenceGrants.
 */
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { matches, parseLabelSelector } from "../../models/selector.js";
import type { Path } from "../../types.js";

export {
  GATEWAY_GROUP,
  GATEWAY_TYPE,
  GATEWAY_CLASS_TYPE,
  REFERENCE_GRANT_TYPE,
  ROUTE_KINDS,
  isGatewayApi,
  parentRefsOf,
  refersToGateway,
  backendRefsOf,
  refersToService,
  type ObjectRef,
  type ParentRef,
} from "../../models/gateway-refs.js";
import { GATEWAY_GROUP, REFERENCE_GRANT_TYPE, type ObjectRef, type ParentRef } from "../../models/gateway-refs.js";

/** Route kinds with spec.hostnames. */
const ROUTES_WITH_HOSTNAMES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * spec.listeners[].tls.certificateRefs of a Gateway: group defaults to the core group, kind to
 * Secret, namespace to the Gateway's (SecretObjectReference in apis/v1/object_reference_types.go).
 */
export function certificateRefsOf(gateway: Resource): ObjectRef[] {
  const out: ObjectRef[] = [];
  listenersOf(gateway).forEach((listener) => {
    const refs = gateway.get([...listener.path, "tls", "certificateRefs"]);
    if (!Array.isArray(refs)) return;
    refs.forEach((ref, j) => {
      if (!isMap(ref) || !str(ref.name)) return;
      const namespace = str(ref.namespace);
      out.push({
        group: str(ref.group) ?? "",
        kind: str(ref.kind) ?? "Secret",
        namespace: namespace || gateway.namespace,
        namespaceWritten: !!namespace,
        name: ref.name as string,
        path: [...listener.path, "tls", "certificateRefs", j],
      });
    });
  });
  return out;
}

export interface Listener {
  name: string;
  port?: number;
  protocol?: string;
  hostname?: string;
  path: Path;
}

/**
 * spec.listeners of a Gateway; with `seenFrom`, as the kustomize builds that emit that route too
 * apply the Gateway (Resource.valueInBuildsOf: a listener one overlay's patch adds to a shared base
 * is that overlay's), for the names and ports only: a listener's path is then into that build's
 * Gateway, not the one judged.
 */
export function listenersOf(gateway: Resource, seenFrom?: Resource): Listener[] {
  const listeners = seenFrom ? gateway.valueInBuildsOf(["spec", "listeners"], seenFrom) : gateway.get(["spec", "listeners"]);
  if (!Array.isArray(listeners)) return [];
  const out: Listener[] = [];
  listeners.forEach((l, i) => {
    if (!isMap(l)) return;
    out.push({
      name: str(l.name) ?? "",
      ...(typeof l.port === "number" ? { port: l.port } : {}),
      ...(str(l.protocol) ? { protocol: l.protocol as string } : {}),
      ...(str(l.hostname) ? { hostname: l.hostname as string } : {}),
      path: ["spec", "listeners", i],
    });
  });
  return out;
}

/**
 * The listeners a parentRef selects: by sectionName (the listener name) and port, both when both
 * are set; every listener when neither is (ParentReference.SectionName and .Port).
 */
export function selectedListeners(gateway: Resource, ref: ParentRef, seenFrom?: Resource): Listener[] {
  return listenersOf(gateway, seenFrom).filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
}

/**
 * The route kinds a listener admits when allowedRoutes.kinds is empty: "determined using the
 * Listener protocol" (AllowedRoutes.Kinds). HTTP and HTTPS carry HTTPRoute and GRPCRoute; TLS
 * carries TLSRoute (and TCPRoute when it terminates); TCP and UDP their own kinds. Undefined for
 * an implementation-specific protocol: any kind may be admitted.
 */
function protocolKinds(protocol: string | undefined): readonly string[] | undefined {
  switch (protocol) {
    case "HTTP":
    case "HTTPS":
      return ["HTTPRoute", "GRPCRoute"];
    case "TLS":
      return ["TLSRoute", "TCPRoute"];
    case "TCP":
      return ["TCPRoute"];
    case "UDP":
      return ["UDPRoute"];
    default:
      return undefined;
  }
}

/** Whether a listener admits routes of the Gateway's own namespace only (allowedRoutes.namespaces.from: Same, the default). */
export function admitsOwnNamespaceOnly(gateway: Resource, listener: Listener): boolean {
  const namespaces = gateway.get([...listener.path, "allowedRoutes", "namespaces"]);
  return (str(isMap(namespaces) ? namespaces.from : undefined) ?? "Same") === "Same";
}

/**
 * Whether the route, moved to the Gateway's namespace, is admitted by one of the listeners for
 * certain: by a listener of the Gateway's own namespace only (a selector may not be known).
 */
export function admittedInGatewayNamespace(gateway: Resource, listeners: readonly Listener[], route: Resource, index: ResourceIndex): boolean {
  return listeners.some((l) => admitsOwnNamespaceOnly(gateway, l) && !refusal(gateway, l, route, index, gateway.namespace));
}

/**
 * Why a listener does not admit a route, or undefined when it does (or cannot be known from the
 * input). `namespace`: the route's namespace, or another one to ask whether it would be admitted there.
 */
export function refusal(gateway: Resource, listener: Listener, route: Resource, index: ResourceIndex, namespace = route.namespace): { reason: string; path: Path; protocol?: boolean } | undefined {
  const allowed = gateway.get([...listener.path, "allowedRoutes"]);
  const kinds = isMap(allowed) && Array.isArray(allowed.kinds) ? allowed.kinds.filter(isMap) : [];
  const byProtocol = protocolKinds(listener.protocol);
  if (kinds.length) {
    const admits = kinds.some((k) => k.kind === route.kind && (str(k.group) ?? GATEWAY_GROUP) === route.group);
    if (!admits) return { reason: `admits only ${kinds.map((k) => String(k.kind)).join(", ")}`, path: [...listener.path, "allowedRoutes", "kinds"] };
    // A kind the protocol does not carry, listed anyway: the controller refuses it (ResolvedRefs false, InvalidRouteKinds).
    if (byProtocol && !byProtocol.includes(route.kind)) return { reason: `with protocol ${listener.protocol} carries only ${byProtocol.join(", ")} (listing ${route.kind} in allowedRoutes.kinds is refused as InvalidRouteKinds)`, path: [...listener.path, "protocol"], protocol: true };
  } else if (byProtocol && !byProtocol.includes(route.kind)) {
    return { reason: `with protocol ${listener.protocol} admits only ${byProtocol.join(", ")}`, path: [...listener.path, "protocol"], protocol: true };
  }
  const namespaces = isMap(allowed) && isMap(allowed.namespaces) ? allowed.namespaces : undefined;
  const from = str(namespaces?.from) ?? "Same";
  const fromPath: Path = namespaces?.from !== undefined ? [...listener.path, "allowedRoutes", "namespaces", "from"] : [...listener.path, "name"];
  switch (from) {
    case "All":
      return undefined;
    case "Same":
      return namespace === gateway.namespace ? undefined : { reason: `admits routes of its own namespace "${gateway.namespace}" only (allowedRoutes.namespaces.from: Same${namespaces?.from === undefined ? ", the default" : ""})`, path: fromPath };
    case "None":
      return { reason: "admits no routes (allowedRoutes.namespaces.from: None)", path: fromPath };
    case "Selector": {
      const selector = parseLabelSelector(namespaces?.selector);
      if (selector.kind === "none") return undefined;
      // Every Namespace carries kubernetes.io/metadata.name (the NamespaceDefaultLabelName the API
      // server sets); other labels are known only for a Namespace of the input.
      const ns = index.findInSet("Namespace", "", namespace);
      const known = selector.requirements.every((r) => r.key === NAMESPACE_NAME_LABEL);
      if (!ns && !known) return undefined;
      if (matches(selector, { ...ns?.labels, [NAMESPACE_NAME_LABEL]: namespace })) return undefined;
      return { reason: `admits routes of namespaces its selector matches, and Namespace "${namespace}" does not match`, path: [...listener.path, "allowedRoutes", "namespaces", "selector"] };
    }
    default:
      return undefined;
  }
}

/** The route's spec.hostnames, for the route kinds that have them. */
export function routeHostnames(route: Resource): string[] {
  if (!ROUTES_WITH_HOSTNAMES.has(route.kind)) return [];
  const h = route.get(["spec", "hostnames"]);
  return Array.isArray(h) ? h.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Whether two hostnames match a common host: equal, or one is a wildcard (`*.example.com`,
 * matching every name below example.com but not example.com itself) that covers the other
 * (HTTPRouteSpec.Hostnames and Listener.Hostname in apis/v1).
 */
export function hostnamesIntersect(a: string, b: string): boolean {
  return a === b || covers(a, b) || covers(b, a);
}

function covers(wildcard: string, host: string): boolean {
  return wildcard.startsWith("*.") && host.endsWith(wildcard.slice(1)) && host.length > wildcard.length - 1;
}

/**
 * The ReferenceGrant of the target namespace that allows a reference from an object of
 * (group, kind) in `fromNamespace` to the target (ReferenceGrantSpec: from[] group, kind and
 * namespace; to[] group, kind and an optional name).
 */
export function grantFor(index: ResourceIndex, from: { group: string; kind: string; namespace: string }, to: ObjectRef): Resource | undefined {
  return index.ofKind(REFERENCE_GRANT_TYPE, to.namespace).find((grant) => {
    const spec = grant.get(["spec"]);
    if (!isMap(spec) || !Array.isArray(spec.from) || !Array.isArray(spec.to)) return false;
    const fromOk = spec.from.some((f) => isMap(f) && (str(f.group) ?? "") === from.group && f.kind === from.kind && f.namespace === from.namespace);
    const toOk = spec.to.some((t) => isMap(t) && (str(t.group) ?? "") === to.group && t.kind === to.kind && (!str(t.name) || t.name === to.name));
    return fromOk && toOk;
  });
}
