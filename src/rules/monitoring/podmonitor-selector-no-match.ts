import { formatSelector, parseLabelSelector, selectorProblems } from "../../models/selector.js";
import { nearestOwner, noMatchVerdict, podsElsewhere, requirementPath, shownNearMiss } from "../selectors/selection.js";
import { judgesPodsIn, noPodsThere, reportUnmatchedSelector } from "../selectors/unmatched-selector.js";
import { defineRule } from "../types.js";
import { MONITORING_GROUP, inNamespaces, monitoredNamespaces } from "./monitors.js";

const HINT = "set the selector to the labels of the pods to scrape (their pod template's metadata.labels)";

export const rule = defineRule({
  id: "podmonitor-selector-no-match",
  category: "monitoring",
  severity: "warning",
  crossResource: true,
  appliesTo: ["PodMonitor"],
  reportsAbsentObjects: true,
  summary: "A PodMonitor's selector matches no pods in the namespaces it watches.",
  explanation: `prometheus-operator turns a PodMonitor into a scrape job that discovers the pods whose labels
match spec.selector, in the namespaces of spec.namespaceSelector (matchNames, or the PodMonitor's
own namespace when it is not set: pkg/prometheus/promcfg.go getNamespacesFromNamespaceSelector).
When no pod matches, the job has no targets: nothing is scraped and no error is shown. Judged
like service-selector-no-match, with the same verdict: pods that operators run for custom
resources of the input count, controller-added labels count as present, a namespace without
workloads in the input is judged only under \`references: complete\` (the default with a
\`--context\` of objects) and when no other input set of \`--per-directory\` runs workloads
there, a selector whose pods run in another namespace of the
input names that namespace, and a finding that is no typo drops to info when pods may be
created at run time. Not judged with \`namespaceSelector.any: true\`.`,
  fix: "Make spec.selector match the labels of the pod template, and list the pods' namespace in spec.namespaceSelector.matchNames when the PodMonitor lives elsewhere.",
  preventsStatus: [],
  check(ctx) {
    const { resource, index, report } = ctx;
    if (resource.group !== MONITORING_GROUP) return;
    const raw = resource.get(["spec", "selector"]);
    if (raw === undefined || selectorProblems(raw).length) return;
    const selector = parseLabelSelector(raw);
    const namespaces = monitoredNamespaces(resource);
    if (namespaces === "any" || selector.kind === "none") return;
    const field = {
      name: "selector",
      path: ["spec", "selector"],
      raw,
      hint: HINT,
      elsewhereHint: (ns: string) => `add "${ns}" to spec.namespaceSelector.matchNames: a PodMonitor watches ${namespaces[0] === resource.namespace && namespaces.length === 1 ? "its own namespace unless namespaceSelector says otherwise" : "only the namespaces listed there"}`,
    };
    if (namespaces.length === 1 && namespaces[0] === resource.namespace) {
      reportUnmatchedSelector(ctx, selector, field);
      return;
    }
    // Namespaces named in matchNames: the same verdict, asked of each.
    if (namespaces.some((ns) => index.podOwnersSelectedBy(ns, selector).length || index.derivedPodsSelectedBy(ns, selector).length)) return;
    const where = inNamespaces(namespaces);
    const away = podsElsewhere(index, namespaces[0], selector);
    const awayOwner = away && !namespaces.includes(away.owner.namespace) ? away.owner : undefined;
    if (awayOwner) {
      report({
        path: ["spec", "namespaceSelector", "matchNames"],
        message: `selector "${formatSelector(selector)}" matches no pods ${where}; the pods it matches run in namespace "${awayOwner.namespace}" (${awayOwner.kind} "${awayOwner.name}")`,
        hint: field.elsewhereHint(awayOwner.namespace),
        related: { resource: awayOwner, path: [...awayOwner.podTemplate!.metadataPath, "labels"], message: "pods it would select" },
      });
      return;
    }
    if (!namespaces.every((ns) => judgesPodsIn(ctx, ns))) return;
    const none = namespaces.some((ns) => index.podOwnersIn(ns).length) ? undefined : noPodsThere(where);
    const judged = namespaces.map((ns) => ({ ns, near: nearestOwner(index, ns, selector) }));
    const { ns, near: nearest } = judged.find((j) => j.near) ?? judged[0];
    const verdicts = judged.map((j) => noMatchVerdict(index, j.ns, selector, j.near));
    if (verdicts.some((v) => v.silent)) return;
    const verdict = verdicts[judged.findIndex((j) => j.ns === ns)];
    if (verdict.silent) return;
    const near = shownNearMiss(verdict, nearest);
    report({
      ...(verdict.severity ? { severity: verdict.severity } : {}),
      path: near ? requirementPath(raw, field.path, near.failing) : field.path,
      message: `selector "${formatSelector(selector)}" matches no pods ${where}${near ? `: ${near.why}` : (none?.clause ?? "")}${verdict.because ? `; ${verdict.because}` : ""}`,
      hint: near ? `align the selector with the labels of ${near.owner.kind} "${near.owner.name}"` : (none?.hint ?? HINT),
      ...(near ? { related: { resource: near.owner, path: [...near.owner.podTemplate!.metadataPath, "labels"], message: "nearest pod labels" } } : {}),
    });
  },
});
