import { formatSelector, parseServiceSelector } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { nearestOwner, podsElsewhere, requirementPath } from "./selection.js";

export const rule = defineRule({
  id: "service-selector-no-match",
  category: "selectors",
  severity: "warning",
  crossResource: true,
  summary: "A Service's selector matches no pods of any workload in its namespace.",
  explanation: `A Service sends traffic to the pods its selector matches, in its own namespace. When no pod
template of the input carries all the selector's labels, the Service gets no endpoints:
clients resolve its name but every connection is refused or times out, and an Ingress in
front of it answers 503. A one-letter typo in a label value, a label renamed in the
Deployment only, or a Service placed in another namespace are the usual causes. Labels that
controllers add to pods (pod-template-hash, statefulset.kubernetes.io/pod-name...) count as
present, and a Service selecting the pods of several workloads (blue/green, canary) is fine.
When the pods the selector matches run in another namespace of the input, the finding names
that namespace, even if the Service's own namespace has no workload; otherwise namespaces of
the input without any workload are not judged: their pods are deployed elsewhere.`,
  fix: "Make the selector equal to labels that the target pod template carries (or fix the template), and keep the Service in the workload's namespace.",
  preventsStatus: [],
  examples: {
    bad: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: wbe
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
    good: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  check({ resource, index, report }) {
    const spec = resource.spec("Service");
    if (!spec || spec.type === "ExternalName") return;
    const selector = parseServiceSelector(spec.selector);
    if (selector.kind === "none") return;
    if (index.podOwnersSelectedBy(resource.namespace, selector).length) return;
    const away = podsElsewhere(index, resource.namespace, selector);
    if (away) {
      report({
        path: ["spec", "selector"],
        message: `selector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"; the pods it matches run ${away.where} (${away.owner.kind} "${away.owner.name}")`,
        hint: `move the Service to namespace "${away.namespaces[0]}": a Service selects pods of its own namespace only`,
        related: { resource: away.owner, path: [...away.owner.podTemplate!.metadataPath, "labels"], message: "pods it would select" },
      });
      return;
    }
    if (!index.podOwnersIn(resource.namespace).length) return;
    const near = nearestOwner(index, resource.namespace, selector);
    report({
      path: near ? requirementPath(spec.selector, ["spec", "selector"], near.failing, true) : ["spec", "selector"],
      message: `selector "${formatSelector(selector)}" matches no pods in namespace "${resource.namespace}"${near ? `: ${near.why}` : ""}`,
      hint: near ? `align the selector with the labels of ${near.owner.kind} "${near.owner.name}"` : "set the selector to the labels of the target pod template",
      ...(near ? { related: { resource: near.owner, path: [...near.owner.podTemplate!.metadataPath, "labels"], message: "nearest pod labels" } } : {}),
    });
  },
});
