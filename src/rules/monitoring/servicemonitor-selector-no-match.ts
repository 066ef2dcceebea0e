import { namespacesWithCharts, SYSTEM_NAMESPACES } from "../../models/created-namespaces.js";
import { closestWithin } from "../../did-you-mean.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import { formatSelector, matches, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { reportsAbsent } from "../config/references.js";
import { requirementPath, whyNot } from "../selectors/selection.js";
import { defineRule } from "../types.js";
import { MONITORING_GROUP, inNamespaces, monitoredNamespaces, nearestService, operatorMakesServicesIn, servicesSelectedBy, servicesSelectedElsewhere } from "./monitors.js";

/**
 * The Service the API server creates and keeps in every cluster, which no manifest defines
 * (kubernetes pkg/controlplane/controller/kubernetesservice/controller.go: "kubernetes" in
 * default, labelled provider=kubernetes and component=apiserver).
 */
const API_SERVER_SERVICE = { namespace: "default", labels: { provider: "kubernetes", component: "apiserver" } } as const;

/** Under `partial`: the input manages the Services of a namespace when it defines some there. */
function definesServices(index: ResourceIndex, kind: string, namespace: string): boolean {
  return index.ofKind(kind, namespace).length > 0;
}

export const rule = defineRule({
  id: "servicemonitor-selector-no-match",
  category: "monitoring",
  severity: "warning",
  crossResource: true,
  appliesTo: ["ServiceMonitor"],
  reportsAbsentObjects: true,
  summary: "A ServiceMonitor's selector matches no Service in the namespaces it watches.",
  explanation: `prometheus-operator turns a ServiceMonitor into a scrape job that discovers the endpoints of
the Services whose labels (metadata.labels, not the Service's own selector) match
spec.selector, in the namespaces of spec.namespaceSelector (matchNames, or the ServiceMonitor's
own namespace when it is not set: pkg/prometheus/promcfg.go getNamespacesFromNamespaceSelector).
When no Service matches, the job has no targets: nothing is scraped, no error is shown, and
alerts on those metrics never fire (an \`absent()\` alert is the only witness). A label that
differs between the Service and the selector, or a ServiceMonitor in the monitoring namespace
without namespaceSelector, are the usual causes. Judged like the other selector rules: a
watched namespace without Services in the input only under \`references: complete\` (the default
with a \`--context\` of objects; in a partial input its Services are deployed elsewhere) and
when no other input set of \`--per-directory\` defines Services there, and never with \`namespaceSelector.any: true\`. When the Services it would match are in
another namespace of the input, the finding names it. The Service "kubernetes" that the API server
keeps in namespace default (labels component=apiserver, provider=kubernetes) is always there.
The finding drops to info when an
operator creates Services in the namespace whose labels the input does not show (among them the
kubelets' Service a prometheus-operator of the input keeps where its \`--kubelet-service\` names),
when a custom resource of an operator k8s-lint does not know (an OpenTelemetryCollector) is there,
whose operator may create some, or when a Helm
chart that a Flux HelmRelease or an Argo CD Application of the input installs in the namespace
may, or when it watches a namespace the cluster's installer fills (kube-system, kube-public,
kube-node-lease) that holds no Service of the input.`,
  fix: "Make spec.selector match the labels of the Service (metadata.labels), and list the Service's namespace in spec.namespaceSelector.matchNames when the ServiceMonitor lives elsewhere.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== MONITORING_GROUP) return;
    const raw = resource.get(["spec", "selector"]);
    if (raw === undefined || selectorProblems(raw).length) return;
    const selector = parseLabelSelector(raw);
    const namespaces = monitoredNamespaces(resource);
    if (namespaces === "any" || selector.kind === "none") return;
    if (namespaces.some((ns) => servicesSelectedBy(index, ns, selector).length)) return;
    if (namespaces.includes(API_SERVER_SERVICE.namespace) && matches(selector, API_SERVER_SERVICE.labels)) return;
    const where = inNamespaces(namespaces);
    const away = servicesSelectedElsewhere(index, namespaces, selector)[0];
    if (away) {
      report({
        path: ["spec", "selector"],
        message: `selector "${formatSelector(selector)}" matches no Service ${where}; it matches Service "${away.name}" in namespace "${away.namespace}"`,
        hint: `add "${away.namespace}" to spec.namespaceSelector.matchNames: a ServiceMonitor watches ${resource.get(["spec", "namespaceSelector"]) ? "only the namespaces listed there" : "only its own namespace unless namespaceSelector says otherwise"}`,
        related: { resource: away, path: ["metadata", "labels"], message: "labels it matches" },
      });
      return;
    }
    // A namespace without Services in the input is judged only when the input is complete: otherwise its Services are deployed elsewhere.
    // And not where the whole input defines Services when this is one of its input sets (--per-directory splits a folder that defines an object twice).
    const judged = (ns: string) => definesServices(index, "Service", ns) || !(index.outer && definesServices(index.outer, "Service", ns));
    if (!namespaces.every((ns) => reportsAbsent(ctx, "Service", ns, definesServices) && judged(ns))) return;
    const none = !namespaces.some((ns) => index.ofKind("Service", ns).length);
    const near = namespaces.map((ns) => nearestService(index, ns, selector)).find((n) => n !== undefined);
    const typo = near && near.failing.operator === "In" && Object.prototype.hasOwnProperty.call(near.labels, near.failing.key) && closestWithin(near.labels[near.failing.key], near.failing.values) !== undefined;
    const operated = !typo && namespaces.some((ns) => operatorMakesServicesIn(index, ns));
    // A Helm chart a GitOps controller of the input installs there creates Services the input does not show.
    const installer = typo || operated ? undefined : namespaces.map((ns) => namespacesWithCharts(index).get(ns)).find((r) => r !== undefined);
    // Custom resources of an operator the table does not know (an OpenTelemetryCollector) may make Services of their own there.
    const operatorNs = typo || operated || installer ? undefined : namespaces.find((ns) => index.unknownOperatorResources(ns).length);
    const unknownOperator = operatorNs === undefined ? undefined : index.unknownOperatorResources(operatorNs)[0];
    // Only judged without Services of the input under `complete`: the cluster's installer creates some there all the same (kube-dns).
    const system = typo || operated || installer || unknownOperator ? undefined : namespaces.find((ns) => SYSTEM_NAMESPACES.has(ns) && !index.ofKind("Service", ns).length);
    const unknown = operated
      ? "; an operator of the input creates Services there whose labels are not known"
      : installer
        ? `; the Helm chart that ${installer.kind} "${installer.name}" installs there creates Services whose labels are not known`
        : unknownOperator
          ? `; the operator of ${unknownOperator.kind} "${unknownOperator.name}" in namespace "${operatorNs}" may create Services there whose labels are not known`
          : system
            ? `; the cluster's installer fills "${system}", with Services the input does not show`
            : "";
    report({
      ...(operated || installer || unknownOperator || system ? { severity: "info" as const } : {}),
      path: near ? requirementPath(raw, ["spec", "selector"], near.failing) : ["spec", "selector"],
      message: `selector "${formatSelector(selector)}" matches no Service ${where}${near ? `: Service "${near.service.name}" ${whyNot(near.failing, near.labels)}` : none ? ": the input has none there" : ""}${unknown}`,
      hint: near
        ? `align the selector with the labels of Service "${near.service.name}"`
        : none
          ? `add the Service to scrape ${where}, or list the namespace it runs in under spec.namespaceSelector.matchNames`
          : "set the selector to labels the Service carries in metadata.labels",
      ...(near ? { related: { resource: near.service, path: ["metadata", "labels"], message: "nearest Service labels" } } : {}),
    });
  },
});
