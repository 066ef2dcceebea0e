/**
 * An Ingress read the same way in every version the API server has served, so that Ingress rules
 * judge an old manifest as thoroughly as a current one:
 * - networking.k8s.io/v1: a backend names its Service as `service: {name, port: {number | name}}`,
 *   the catch-all backend is `spec.defaultBackend`, and `pathType` is required;
 * - networking.k8s.io/v1beta1 and extensions/v1beta1 (served up to 1.21): a backend writes
 *   `serviceName` and `servicePort` (int-or-string: a number or a port name), the catch-all
 *   backend is `spec.backend` (k8s.io/api networking/v1beta1 types.go IngressBackend), and a
 *   missing `pathType` defaults to ImplementationSpecific (pkg/apis/networking/v1beta1/defaults.go
 *   and pkg/apis/extensions/v1beta1/defaults.go, SetDefaults_HTTPIngressPath).
 * Hosts and TLS entries have one shape in all three versions.
 */
import type { Path } from "../types.js";
import type { IngressSpec } from "./k8s.js";
import type { Resource } from "./resource.js";

/** The API versions an Ingress has been served under. */
const V1 = "networking.k8s.io/v1";
const BETA_VERSIONS = new Set(["networking.k8s.io/v1beta1", "extensions/v1beta1"]);

export interface IngressServiceBackend {
  /** The Service name. */
  name: string;
  /** Path of the name field (`...backend.service.name` or `...backend.serviceName`). */
  namePath: Path;
  /** The port by number or by name, with the path of the field that holds it. */
  port?: { number: number; path: Path } | { name: string; path: Path };
}

export interface IngressPath {
  /** `path` as written (absent or not a string: undefined). */
  path?: string;
  /** pathType after the version's defaulting: undefined only where v1 leaves it missing. */
  pathType: unknown;
  /** Path of this entry of `http.paths`. */
  at: Path;
  backend?: IngressServiceBackend;
}

export interface IngressRule {
  host?: string;
  at: Path;
  paths: IngressPath[];
}

export interface IngressView {
  /** The catch-all backend's Service (v1 `spec.defaultBackend`, v1beta1 `spec.backend`). */
  defaultBackend?: IngressServiceBackend;
  rules: IngressRule[];
  tls: Array<{ hosts: unknown[]; secretName?: string; at: Path }>;
}

type Backend = NonNullable<IngressSpec["defaultBackend"]>;

/** The Service a backend routes to, in the shape of its version; undefined for a resource backend or none. */
function serviceBackend(b: Backend | undefined, at: Path, beta: boolean): IngressServiceBackend | undefined {
  if (!b) return undefined;
  if (beta) {
    if (!b.serviceName) return undefined;
    const port = b.servicePort;
    const portPath = [...at, "servicePort"];
    return {
      name: b.serviceName,
      namePath: [...at, "serviceName"],
      ...(typeof port === "number" ? { port: { number: port, path: portPath } } : port ? { port: { name: port, path: portPath } } : {}),
    };
  }
  const service = b.service;
  if (!service?.name) return undefined;
  const servicePath = [...at, "service"];
  const port = service.port;
  return {
    name: service.name,
    namePath: [...servicePath, "name"],
    ...(port?.number !== undefined
      ? { port: { number: port.number, path: [...servicePath, "port", "number"] } }
      : port?.name !== undefined
        ? { port: { name: port.name, path: [...servicePath, "port", "name"] } }
        : {}),
  };
}

/** Whether this is an Ingress of a version whose shape is known (a custom `Ingress` kind is not). */
export function isKnownIngress(resource: Resource): boolean {
  return resource.kind === "Ingress" && (resource.apiVersion === V1 || BETA_VERSIONS.has(resource.apiVersion));
}

/**
 * Views built on first use: five Ingress rules read every Ingress, and building the view once
 * instead of per rule cut its garbage from 27 MB to 4 MB on the 10,000-resource bench corpus.
 * Keyed by the Ingress's typed spec, a view that a large run drops after each batch of rules
 * (HeldViews in models/resource.ts), so that they last as long as it does instead of to the end
 * of the run (about 1.5 KB per Ingress).
 */
const VIEWS = new WeakMap<IngressSpec, IngressView>();
const BACKENDS = new WeakMap<IngressSpec, IngressServiceBackend[]>();

/** The Ingress in one shape; undefined for another kind or an unknown API version. Shared by every caller: read it, never change it. */
export function readIngress(resource: Resource): IngressView | undefined {
  if (!isKnownIngress(resource)) return undefined;
  const spec = resource.spec("Ingress");
  if (!spec) return buildView(resource, {});
  let view = VIEWS.get(spec);
  if (!view) VIEWS.set(spec, (view = buildView(resource, spec)));
  return view;
}

function buildView(resource: Resource, spec: IngressSpec): IngressView {
  const beta = BETA_VERSIONS.has(resource.apiVersion);
  const writtenRules = resource.get(["spec", "rules"]);
  const rules = (spec.rules ?? []).map((rule, i): IngressRule => {
    const at: Path = ["spec", "rules", i];
    const writtenPaths = pathsWritten(Array.isArray(writtenRules) ? writtenRules[i] : undefined);
    const paths = (rule.http?.paths ?? []).map((entry, j): IngressPath => {
      const pathAt: Path = ["spec", "rules", i, "http", "paths", j];
      // A pathType of the wrong type reads as absent in the model; judge what was written.
      const item = writtenPaths?.[j];
      const written = item && typeof item === "object" ? ((item as Record<string, unknown>).pathType ?? undefined) : undefined;
      return {
        ...(entry.path !== undefined ? { path: entry.path } : {}),
        pathType: written === undefined && beta ? "ImplementationSpecific" : written,
        at: pathAt,
        backend: serviceBackend(entry.backend, [...pathAt, "backend"], beta),
      };
    });
    return { ...(rule.host !== undefined ? { host: rule.host } : {}), at, paths };
  });
  const tls = (spec.tls ?? []).map((t, i) => ({ hosts: t.hosts ?? [], ...(t.secretName !== undefined ? { secretName: t.secretName } : {}), at: ["spec", "tls", i] as Path }));
  const defaultBackend = beta ? serviceBackend(spec.backend, ["spec", "backend"], true) : serviceBackend(spec.defaultBackend, ["spec", "defaultBackend"], false);
  return { defaultBackend, rules, tls };
}

/** `http.paths` of a rule as written, when it is a list. */
function pathsWritten(rule: unknown): unknown[] | undefined {
  if (!rule || typeof rule !== "object") return undefined;
  const http = (rule as Record<string, unknown>).http;
  if (!http || typeof http !== "object") return undefined;
  const paths = (http as Record<string, unknown>).paths;
  return Array.isArray(paths) ? paths : undefined;
}

/** Every Service backend of an Ingress: the catch-all one first, then the rules' in order. Shared by every caller: read it, never change it. */
export function ingressServiceBackends(resource: Resource): readonly IngressServiceBackend[] {
  const view = readIngress(resource);
  if (!view) return NO_BACKENDS;
  const spec = resource.spec("Ingress");
  let out = spec && BACKENDS.get(spec);
  if (out) return out;
  out = view.defaultBackend ? [view.defaultBackend] : [];
  for (const rule of view.rules) for (const p of rule.paths) if (p.backend) out.push(p.backend);
  if (spec) BACKENDS.set(spec, out);
  return out;
}

const NO_BACKENDS: readonly IngressServiceBackend[] = [];
