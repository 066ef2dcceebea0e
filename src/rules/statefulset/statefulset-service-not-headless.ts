import { defineRule } from "../types.js";
import { setField } from "../fixes.js";

export const rule = defineRule({
  id: "statefulset-service-not-headless",
  category: "statefulset",
  severity: "error",
  crossResource: true,
  appliesTo: ["StatefulSet"],
  summary: "A StatefulSet's governing Service must be headless (clusterIP: None).",
  explanation: `Per-pod DNS names of a StatefulSet (db-0.db.<namespace>.svc) are published only for the pods
behind a headless Service, one with clusterIP: None. A governing Service with a cluster IP
(the default when clusterIP is omitted, or misspelled as "none" or "Nil") load-balances to a
random replica instead, and the pod hostnames never resolve: replicas cannot reach their
peers, and primary/replica databases or quorum systems never form a cluster. clusterIP
cannot be changed on an existing Service, so the fix needs the Service to be recreated.
With one replica (spec.replicas 1, or unset) nothing fails: the StatefulSet controller never
reads the Service (serviceName only becomes the pods' spec.subdomain, initIdentity in
kubernetes pkg/controller/statefulset/stateful_set_utils.go) and clients reach the single pod
through the cluster IP; only its per-pod DNS name is lost, so that is a warning.`,
  fix: `Set spec.clusterIP: None (capital N) on the governing Service; keep a second, normal Service
if clients need a load-balanced address.`,
  fixable: true,
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, index, report }) {
    const name = resource.spec("StatefulSet")?.serviceName;
    if (!name) return;
    const svc = index.find("Service", resource.namespace, name, resource);
    const spec = svc?.spec("Service");
    if (!svc || !spec || spec.clusterIP === "None") return;
    const written = svc.get(["spec", "clusterIP"]);
    const detail =
      spec.type === "ExternalName"
        ? "it is an ExternalName Service"
        : written === undefined
          ? "it has no clusterIP: None, so it gets a cluster IP"
          : `its clusterIP is "${String(written)}", not "None"`;
    const replicas = resource.spec("StatefulSet")?.replicas ?? 1;
    const single = typeof replicas === "number" && replicas <= 1;
    report({
      path: ["spec", "serviceName"],
      message: single
        ? `Service "${name}" is not headless: ${detail}; with one replica this only loses the per-pod DNS name "${resource.name}-0.${name}"`
        : `Service "${name}" is not headless: ${detail}`,
      ...(single ? { severity: "warning" as const } : {}),
      hint: single ? `set spec.clusterIP: None on Service "${name}" before the StatefulSet gets peers` : `set spec.clusterIP: None on Service "${name}"`,
      related: { resource: svc, path: written === undefined ? ["spec"] : ["spec", "clusterIP"], message: "governing Service" },
      // An ExternalName Service needs another type (a choice); `clusterIPs` written beside it would disagree.
      ...(spec.type !== "ExternalName" && svc.get(["spec", "clusterIPs"]) === undefined
        ? { fix: [setField(svc, ["spec", "clusterIP"], "None")], fixResource: svc }
        : {}),
    });
  },
});
