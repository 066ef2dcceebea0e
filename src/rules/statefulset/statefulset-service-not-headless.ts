import { defineRule } from "../types.js";

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
cannot be changed on an existing Service, so the fix needs the Service to be recreated.`,
  fix: `Set spec.clusterIP: None (capital N) on the governing Service; keep a second, normal Service
if clients need a load-balanced address.`,
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, index, report }) {
    const name = resource.spec("StatefulSet")?.serviceName;
    if (!name) return;
    const svc = index.find("Service", resource.namespace, name);
    const spec = svc?.spec("Service");
    if (!svc || !spec || spec.clusterIP === "None") return;
    const written = svc.get(["spec", "clusterIP"]);
    const detail =
      spec.type === "ExternalName"
        ? "it is an ExternalName Service"
        : written === undefined
          ? "it has no clusterIP: None, so it gets a cluster IP"
          : `its clusterIP is "${String(written)}", not "None"`;
    report({
      path: ["spec", "serviceName"],
      message: `Service "${name}" is not headless: ${detail}`,
      hint: `set spec.clusterIP: None on Service "${name}"`,
      related: { resource: svc, path: written === undefined ? ["spec"] : ["spec", "clusterIP"], message: "governing Service" },
    });
  },
});
