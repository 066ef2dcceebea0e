import { defineRule } from "../types.js";

const PATH_TYPES = new Set(["Exact", "Prefix", "ImplementationSpecific"]);
const BAD_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const BAD_SUFFIXES = ["/..", "/."];

export const rule = defineRule({
  id: "ingress-path-invalid",
  category: "ingress",
  severity: "error",
  summary: "An Ingress path lacks a valid pathType or is not an absolute path.",
  explanation: `In networking.k8s.io/v1 every Ingress path needs pathType: Exact, Prefix or
ImplementationSpecific. For Exact and Prefix the path must start with "/" and must not contain
"//", "/./", "/../" or an encoded slash; an ImplementationSpecific path, when set, must start with
"/" too. The API server rejects anything else, so the Ingress (and every route in it) is not
created. Manifests converted from extensions/v1beta1 often lack pathType. In
networking.k8s.io/v1beta1 a missing pathType defaults to ImplementationSpecific, so only v1
requires it.`,
  fix: `Set pathType (Prefix for a path and everything below it, Exact for one path) and start the path with "/".`,
  preventsStatus: [],
  examples: {
    bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`,
    good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`,
  },
  check({ resource, report }) {
    if (resource.kind !== "Ingress" || !resource.apiVersion.startsWith("networking.k8s.io/")) return;
    resource.spec("Ingress")?.rules?.forEach((rule, i) =>
      rule.http?.paths?.forEach((p, j) => {
        const base = ["spec", "rules", i, "http", "paths", j];
        const written = resource.get([...base, "pathType"]);
        const path = typeof p.path === "string" ? p.path : "";
        // networking.k8s.io/v1beta1 defaults a missing pathType to ImplementationSpecific; only v1 requires it.
        const pathType = (written === undefined || written === null) && resource.apiVersion === "networking.k8s.io/v1beta1" ? "ImplementationSpecific" : written;
        if (pathType === undefined || pathType === null) {
          report({ path: base, target: "key", message: `path "${path}" has no pathType`, hint: "set pathType: Prefix (or Exact, ImplementationSpecific)" });
          return;
        }
        if (typeof pathType !== "string") return;
        if (!PATH_TYPES.has(pathType)) {
          report({ path: [...base, "pathType"], message: `pathType "${pathType}" is not one of Exact, Prefix, ImplementationSpecific`, hint: "set pathType: Prefix or Exact" });
          return;
        }
        const at = p.path === undefined ? [...base, "pathType"] : [...base, "path"];
        if (pathType === "ImplementationSpecific") {
          if (path && !path.startsWith("/")) report({ path: at, message: `path "${path}" must start with "/"`, hint: `write it as "/${path}"` });
          return;
        }
        if (!path.startsWith("/")) {
          report({ path: at, message: path ? `path "${path}" must start with "/"` : `a ${pathType} path must be set and start with "/"`, hint: path ? `write it as "/${path}"` : `set path: "/"` });
          return;
        }
        const bad = BAD_SEQUENCES.find((s) => path.includes(s)) ?? BAD_SUFFIXES.find((s) => path.endsWith(s));
        if (bad) report({ path: at, message: `path "${path}" must not contain "${bad}"`, hint: "normalise the path" });
      }),
    );
  },
});
