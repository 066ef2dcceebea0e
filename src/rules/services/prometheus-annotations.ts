import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { containersOf } from "../../models/resource.js";
import { parseMapSelector } from "../../models/selector.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";

const SCRAPE = "prometheus.io/scrape";
const PORT = "prometheus.io/port";

/** Container ports the pods of these owners declare, with those the owners' kustomize patches add (index.patchesOf). */
function declaredPorts(owners: readonly Resource[], index: ResourceIndex): Set<number> {
  const ports = new Set<number>();
  for (const owner of owners) {
    for (const r of [owner, ...index.patchesOf(owner)]) {
      const tpl = r.podTemplate;
      if (!tpl) continue;
      for (const { container } of containersOf(tpl)) for (const p of container.ports ?? []) if (typeof p.containerPort === "number") ports.add(p.containerPort);
    }
  }
  return ports;
}

export const rule = defineRule({
  id: "prometheus-annotations",
  category: "services",
  severity: "warning",
  crossResource: true,
  appliesTo: ["Service", "workloads"],
  summary: "prometheus.io annotations that Prometheus will not act on as intended.",
  explanation: `The common Prometheus Kubernetes scrape configs keep a target only when the annotation
prometheus.io/scrape is exactly the string "true", and rewrite the target's port to
prometheus.io/port. "True", "yes" or an unquoted YAML boolean (which the API server even rejects,
as annotation values must be strings) silently disable scraping. A port that is not a quoted
number breaks the rewrite. The rewrite itself (\`regex: ([^:]+)(?::\\d+)?;(\\d+)\`,
\`replacement: $1:$2\`, \`target_label: __address__\` in the "kubernetes-pods" job of
prometheus documentation/examples/prometheus-kubernetes.yml and the community Helm chart) sends
the scrape to the pod IP and that port whatever containerPorts the pods declare, since
containerPort is informational; so a port no container declares is reported as info only: it
may be a mistyped port, or metrics served on a port the manifest does not list. Checked on pod
templates and on Services (against the pods the Service selects); a port that a kustomize
strategic-merge patch of the input adds to the pods (an exporter sidecar) counts as declared.`,
  fix: `Quote the value: prometheus.io/scrape: "true"; set prometheus.io/port to a quoted port number, and declare that containerPort so the manifest documents it.`,
  preventsStatus: [],
  check({ resource, index, report }) {
    let metadataPath: Path;
    let owners: readonly Resource[];
    let related: Resource | undefined;
    if (resource.kind === "Service") {
      metadataPath = ["metadata"];
      const selector = resource.spec("Service")?.selector;
      owners = selector && Object.keys(selector).length ? index.podOwnersSelectedBy(resource.namespace, parseMapSelector(selector), resource) : [];
      related = owners[0];
    } else {
      const tpl = resource.podTemplate!;
      metadataPath = tpl.metadataPath;
      owners = [resource];
    }
    const raw = resource.get([...metadataPath, "annotations"]);
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
    const annotations = raw as Record<string, unknown>;
    if (SCRAPE in annotations) {
      const v = annotations[SCRAPE];
      if (v !== "true" && v !== "false") {
        report({
          path: [...metadataPath, "annotations", SCRAPE],
          message: typeof v === "string" ? `${SCRAPE} is "${v}"; Prometheus only acts on "true"` : `${SCRAPE} is ${JSON.stringify(v)}, not a string; annotation values must be quoted strings`,
          hint: `set ${SCRAPE}: "true" (quoted)`,
        });
      }
    }
    if (!(PORT in annotations)) return;
    const port = annotations[PORT];
    const path = [...metadataPath, "annotations", PORT];
    const n = typeof port === "string" && /^\d+$/.test(port) ? Number(port) : undefined;
    if (n === undefined || n < 1 || n > 65535) {
      report({ path, message: `${PORT} ${JSON.stringify(port)} is not a port number in quotes`, hint: `set ${PORT} to a quoted number such as "9102"` });
      return;
    }
    const declared = declaredPorts(owners, index);
    if (resource.kind === "Service") for (const p of resource.spec("Service")?.ports ?? []) if (typeof p.targetPort === "number") declared.add(p.targetPort);
    // Pods that declare no ports at all still serve; only a mismatch with declared ports is worth a note.
    if (declared.size === 0 || declared.has(n)) return;
    report({
      path,
      // The scrape config rewrites the target to <pod IP>:<annotation> whatever the declared ports.
      severity: "info",
      message: `${PORT} "${port}" is not a port the pods declare (${[...declared].sort((a, b) => a - b).join(", ")}); Prometheus scrapes it anyway`,
      hint: `declare containerPort ${n} to document it, or correct the annotation if the metrics are served on another port`,
      ...(related ? { related: { resource: related, path: related.podTemplate!.specPath, message: "selected pods" } } : {}),
    });
  },
});
