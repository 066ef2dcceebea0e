import { containersOf, type Resource } from "../../models/resource.js";
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
through the cluster IP; only its per-pod DNS name is lost, so that is a warning, as it is for a
StatefulSet scaled to 0 replicas, which runs no pod until it is scaled up.`,
  fix: `Set spec.clusterIP: None (capital N) on the governing Service; keep a second, normal Service
if clients need a load-balanced address. A NodePort or LoadBalancer Service cannot be headless
(ValidateService refuses clusterIP None for them): give the StatefulSet a headless Service of its
own. A headless Service maps no ports (its DNS name resolves to the pods' own addresses), so a
port that differs from its targetPort would send clients to a port nothing listens on: make each
port equal its targetPort too. The clusterIP of an existing Service cannot change
(validateUpgradeDowngradeClusterIPs in pkg/apis/core/validation/validation.go: "may not change
once set"), so applying the edited file to it fails: delete the Service and create it again. The
edit is therefore a suggestion, which --fix never applies.`,
  hasSuggestions: true,
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, index, report }) {
    const name = resource.spec("StatefulSet")?.serviceName;
    if (!name) return;
    const svc = index.findInSet("Service", resource.namespace, name, resource);
    const spec = svc?.spec("Service");
    if (!svc || !spec || spec.clusterIP === "None") return;
    const written = svc.get(["spec", "clusterIP"]);
    const type = spec.type ?? "ClusterIP";
    // pkg/apis/core/validation/validation.go validateServiceClusterIPsRelatedFields: "may not be set to 'None' for NodePort/LoadBalancer services".
    const exposed = type === "NodePort" || type === "LoadBalancer";
    const detail =
      type === "ExternalName"
        ? "it is an ExternalName Service"
        : exposed
          ? `it is a ${type} Service, which cannot be headless`
          : written === undefined
            ? "it has no clusterIP: None, so it gets a cluster IP"
            : `its clusterIP is "${String(written)}", not "None"`;
    const replicas = resource.spec("StatefulSet")?.replicas ?? 1;
    const single = typeof replicas === "number" && replicas <= 1;
    const headless = exposed
      ? `give StatefulSet "${resource.name}" a headless Service of its own (clusterIP: None, the same selector) and set serviceName to it`
      : `set spec.clusterIP: None on Service "${name}"`;
    const remapped = remapsPorts(svc.get(["spec", "ports"]), resource);
    // An ExternalName Service needs another type and a NodePort or LoadBalancer one a Service of its own (choices); `clusterIPs` written beside it would disagree.
    const settable = type !== "ExternalName" && !exposed && svc.get(["spec", "clusterIPs"]) === undefined;
    const edit = [setField(svc, ["spec", "clusterIP"], "None")];
    const recreate = exposed || type === "ExternalName" ? "" : "; delete an existing Service and create it again, as its clusterIP cannot change once set";
    report({
      path: ["spec", "serviceName"],
      message: !single
        ? `Service "${name}" is not headless: ${detail}`
        : replicas === 0
          ? `Service "${name}" is not headless: ${detail}; with 0 replicas no pod runs yet, and once scaled up its pods get no per-pod DNS names ("${resource.name}-0.${name}")`
          : `Service "${name}" is not headless: ${detail}; with one replica this only loses the per-pod DNS name "${resource.name}-0.${name}"`,
      ...(single ? { severity: "warning" as const } : {}),
      hint: `${headless}${single ? " before the StatefulSet gets peers" : ""}${settable && remapped ? `, and make each port equal its targetPort: a headless Service maps no ports, so clients dial the pod's port` : ""}${recreate}`,
      related: { resource: svc, path: written === undefined ? ["spec"] : ["spec", "clusterIP"], message: "governing Service" },
      // A suggestion, never a fix: re-applied to an existing Service, the edit is refused.
      ...(settable
        ? { suggestions: [{ description: `set spec.clusterIP: None on Service "${name}"${remapped ? " (then make each port equal its targetPort)" : ""}, and recreate an existing Service`, fix: edit }], fixResource: svc }
        : {}),
    });
  },
});

/**
 * Whether a port of the Service sends its clients to another port of the pods: a targetPort
 * other than its own number (0, "" and unset mean the port itself), or a name the StatefulSet's
 * containers declare with another number (or do not declare: then which port it is is unknown).
 */
function remapsPorts(ports: unknown, statefulSet: Resource): boolean {
  if (!Array.isArray(ports)) return false;
  const tpl = statefulSet.podTemplate;
  const numberOf = (name: string) => {
    for (const { container } of tpl ? containersOf(tpl) : []) for (const p of container.ports ?? []) if (p.name === name) return p.containerPort;
    return undefined;
  };
  return ports.some((p) => {
    if (!p || typeof p !== "object") return false;
    const { port, targetPort } = p as Record<string, unknown>;
    if (targetPort === undefined || targetPort === null || targetPort === 0 || targetPort === "") return false;
    return (typeof targetPort === "string" ? numberOf(targetPort) : targetPort) !== port;
  });
}
