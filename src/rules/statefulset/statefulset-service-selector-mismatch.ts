import { formatSelector, matches, parseServiceSelector } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { whyNot } from "../selectors/selection.js";

export const rule = defineRule({
  id: "statefulset-service-selector-mismatch",
  category: "statefulset",
  severity: "warning",
  crossResource: true,
  appliesTo: ["StatefulSet"],
  summary: "A StatefulSet's governing Service does not select the StatefulSet's pods.",
  explanation: `The per-pod DNS records of a StatefulSet are built from the endpoints of its governing
Service, and those come from the Service's selector. If the selector does not match the pod
template's labels (or the Service has no selector), the Service has no endpoints for these
pods, no db-0.db.<namespace>.svc names resolve, and replicas cannot find their peers. The
pods themselves run, so the mistake shows up as a cluster that never forms. Labels the
StatefulSet controller adds (statefulset.kubernetes.io/pod-name, ...) count as present.`,
  fix: "Make the governing Service's selector match the StatefulSet's template labels.",
  preventsStatus: ["CrashLoopBackOff"],
  check({ resource, index, report }) {
    const name = resource.spec("StatefulSet")?.serviceName;
    const tpl = resource.podTemplate;
    if (!name || !tpl) return;
    const svc = index.findInSet("Service", resource.namespace, name, resource);
    const spec = svc?.spec("Service");
    if (!svc || !spec || spec.type === "ExternalName") return;
    const selector = parseServiceSelector(spec.selector);
    if (selector.kind === "none") {
      report({
        path: ["spec", "serviceName"],
        message: `Service "${name}" has no selector, so it has no endpoints for the pods of StatefulSet "${resource.name}"`,
        hint: `add a selector with the StatefulSet's template labels to Service "${name}"`,
        related: { resource: svc, path: ["spec"], message: "governing Service" },
      });
      return;
    }
    if (matches(selector, tpl.labels, tpl.controllerLabels)) return;
    const failing = selector.requirements.find((r) => !matches({ kind: "requirements", requirements: [r] }, tpl.labels, tpl.controllerLabels))!;
    report({
      path: ["spec", "serviceName"],
      message: `Service "${name}" selects "${formatSelector(selector)}" but the pod template ${whyNot(failing, tpl.labels)}`,
      hint: `make the selector of Service "${name}" match the template labels`,
      related: { resource: svc, path: ["spec", "selector", failing.key], message: "governing Service selector" },
    });
  },
});
