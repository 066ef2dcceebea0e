/**
 * The references of Gateway API routes with their defaults applied, read from the API types of
 * kubernetes-sigs/gateway-api (apis/v1/shared_types.go ParentReference,
 * apis/v1/object_reference_types.go BackendObjectReference, apis/v1/httproute_types.go
 * HTTPRequestMirrorFilter): shared by the gateway-api rules and
 * `k8s-lint graph`.
 */
import type { Resource } from "./resource.js";
import type { Path } from "../types.js";

export const GATEWAY_GROUP = "gateway.networking.k8s.io";
export const GATEWAY_TYPE = `Gateway.${GATEWAY_GROUP}`;
export const GATEWAY_CLASS_TYPE = `GatewayClass.${GATEWAY_GROUP}`;
export const REFERENCE_GRANT_TYPE = `ReferenceGrant.${GATEWAY_GROUP}`;

/** The route kinds of the Gateway API; all have spec.parentRefs and spec.rules[].backendRefs. */
export const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"] as const;

export const isGatewayApi = (r: Resource) => r.group === GATEWAY_GROUP;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A reference to another object, its defaults applied. */
export interface ObjectRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** Whether the namespace was written (a reference to another namespace). */
  namespaceWritten: boolean;
  port?: number;
  /** Path of the reference (the list item). */
  path: Path;
}

export interface ParentRef extends ObjectRef {
  sectionName?: string;
}

/**
 * spec.parentRefs of a route: group defaults to gateway.networking.k8s.io, kind to Gateway,
 * namespace to the route's (ParentReference in apis/v1/shared_types.go).
 */
export function parentRefsOf(route: Resource): ParentRef[] {
  const refs = route.get(["spec", "parentRefs"]);
  if (!Array.isArray(refs)) return [];
  const out: ParentRef[] = [];
  refs.forEach((ref, i) => {
    if (!isMap(ref) || !str(ref.name)) return;
    const namespace = str(ref.namespace);
    out.push({
      group: str(ref.group) ?? GATEWAY_GROUP,
      kind: str(ref.kind) ?? "Gateway",
      namespace: namespace || route.namespace,
      namespaceWritten: !!namespace,
      name: ref.name as string,
      ...(typeof ref.port === "number" ? { port: ref.port } : {}),
      ...(str(ref.sectionName) ? { sectionName: ref.sectionName as string } : {}),
      path: ["spec", "parentRefs", i],
    });
  });
  return out;
}

/** Whether a parentRef names a Gateway (rather than a Service of a mesh, or another parent kind). */
export const refersToGateway = (ref: ObjectRef) => ref.group === GATEWAY_GROUP && ref.kind === "Gateway";

/**
 * The backends of a route: spec.rules[].backendRefs, and the backends its requestMirror filters
 * copy traffic to (spec.rules[].filters[] and spec.rules[].backendRefs[].filters[]), which are
 * resolved, granted and need a port like any other backendRef. group defaults to the core group,
 * kind to Service, namespace to the route's (BackendObjectReference in
 * apis/v1/object_reference_types.go; HTTPRequestMirrorFilter in apis/v1/httproute_types.go).
 */
export function backendRefsOf(route: Resource): ObjectRef[] {
  const rules = route.get(["spec", "rules"]);
  if (!Array.isArray(rules)) return [];
  const out: ObjectRef[] = [];
  const add = (ref: unknown, path: Path) => {
    if (!isMap(ref) || !str(ref.name)) return;
    const namespace = str(ref.namespace);
    out.push({
      group: str(ref.group) ?? "",
      kind: str(ref.kind) ?? "Service",
      namespace: namespace || route.namespace,
      namespaceWritten: !!namespace,
      name: ref.name as string,
      ...(typeof ref.port === "number" ? { port: ref.port } : {}),
      path,
    });
  };
  const addMirrors = (filters: unknown, path: Path) => {
    if (!Array.isArray(filters)) return;
    filters.forEach((filter, k) => {
      if (isMap(filter) && isMap(filter.requestMirror)) add(filter.requestMirror.backendRef, [...path, k, "requestMirror", "backendRef"]);
    });
  };
  rules.forEach((rule, i) => {
    if (!isMap(rule)) return;
    addMirrors(rule.filters, ["spec", "rules", i, "filters"]);
    if (!Array.isArray(rule.backendRefs)) return;
    rule.backendRefs.forEach((ref, j) => {
      add(ref, ["spec", "rules", i, "backendRefs", j]);
      if (isMap(ref)) addMirrors(ref.filters, ["spec", "rules", i, "backendRefs", j, "filters"]);
    });
  });
  return out;
}

export const refersToService = (ref: ObjectRef) => ref.group === "" && ref.kind === "Service";
