import { inOtherNamespace, namespaceMissing, reportsAbsent, similarlyNamed } from "../config/references.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "statefulset-service-missing",
  category: "statefulset",
  severity: "warning",
  crossResource: true,
  appliesTo: ["StatefulSet"],
  reportsAbsentObjects: true,
  summary: "A StatefulSet's serviceName names no Service in its namespace.",
  explanation: `The StatefulSet controller does not create the governing Service named in spec.serviceName;
it must exist in the StatefulSet's namespace, be headless and select the pods. Without it the
pods start but no per-pod DNS records (db-0.db.<namespace>.svc) are published, so replicas
that find their peers by name fail to join and crash-loop, and clients that address a
specific replica cannot resolve it. The name is checked when the input defines Services in
that namespace (or a Service of that name in another one); a StatefulSet linted without any
Service of its namespace is assumed to get its Service from another file.`,
  fix: "Create a headless Service (clusterIP: None) with the serviceName as its name in the same namespace, or correct serviceName.",
  preventsStatus: ["CrashLoopBackOff"],
  check(ctx) {
    const { resource, index, report } = ctx;
    const name = resource.spec("StatefulSet")?.serviceName;
    if (!name || !name.trim()) return;
    // A base that overlays build into several namespaces needs the Service in each.
    const namespace = namespaceMissing(index, "Service", resource, name);
    if (namespace === undefined) return;
    const elsewhere = inOtherNamespace(ctx, { type: "Service", kind: "Service", namespace, name });
    // As for every reference to an object absent from a partial input: only when the input manages
    // Services in this namespace (or has one of that name elsewhere) is the absence a mistake;
    // otherwise the Service comes from a file that was not given (kubectl apply per file).
    if (!elsewhere && !reportsAbsent(ctx, "Service", namespace)) return;
    const similar = elsewhere ? undefined : similarlyNamed(index, "Service", namespace, name);
    report({
      path: ["spec", "serviceName"],
      message: `serviceName "${name}" names no Service in namespace "${namespace}"${elsewhere?.clause ?? ""}`,
      hint: elsewhere?.hint ?? (similar ? `rename serviceName to "${similar.name}" if that is the one meant` : `add a headless Service "${name}" to namespace "${namespace}"`),
      ...(elsewhere ? { related: elsewhere.related } : {}),
      ...(similar ? { related: { resource: similar, path: ["metadata", "name"], message: "similar name" } } : {}),
    });
  },
});
