import type { Resource } from "../../models/resource.js";
import { parseServiceSelector } from "../../models/selector.js";
import { longRunningContainers } from "../resources/pods.js";
import { defineRule } from "../types.js";

export const rule = defineRule({
  id: "service-target-port-undeclared",
  category: "selectors",
  severity: "error",
  crossResource: true,
  summary: "A Service's named targetPort is not declared by the pods it selects.",
  explanation: `A Service port's targetPort may name a container port instead of giving a number. The
endpoints controller then looks the name (and protocol) up in the ports of each selected pod's
containers; a pod that declares no port of that name is left out of that Service port's
endpoints. If none of the selected pods declares it, the Service port has no endpoints at
all, and connections to it are refused even though the pods are running and ready. Typical
causes: the container port was renamed (http -> web), or the name was never declared
because containerPort alone "worked" with a numeric targetPort.`,
  fix: "Declare the named port in the container's ports (name and containerPort), or use the port number as targetPort.",
  preventsStatus: [],
  examples: {
    bad: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
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
      ports:
        - containerPort: 80
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
      targetPort: http
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
      ports:
        - name: http
          containerPort: 80
`,
  },
  check({ resource, index, report }) {
    const spec = resource.spec("Service");
    if (!spec || spec.type === "ExternalName") return;
    const selector = parseServiceSelector(spec.selector);
    if (selector.kind === "none") return;
    const owners = index.podOwnersSelectedBy(resource.namespace, selector);
    if (!owners.length) return;
    (spec.ports ?? []).forEach((port, i) => {
      const target = port?.targetPort;
      if (typeof target !== "string" || target === "" || /^\d+$/.test(target)) return;
      const protocol = port.protocol ?? "TCP";
      const lacking = owners.filter((o) => !declares(o, target, protocol));
      if (!lacking.length) return;
      const first = lacking[0];
      const otherProtocol = declares(first, target, undefined);
      const more = lacking.length > 1 ? ` (and ${lacking.length - 1} more)` : "";
      report({
        path: ["spec", "ports", i, "targetPort"],
        message: otherProtocol
          ? `targetPort "${target}" is declared by ${first.kind} "${first.name}" with another protocol than ${protocol}${more}`
          : `targetPort "${target}" is not declared by the containers of ${first.kind} "${first.name}"${more}`,
        hint: `add a container port named "${target}" to ${first.kind} "${first.name}" or use the port number`,
        related: { resource: first, path: [...first.podTemplate!.specPath, "containers"], message: "selected pods" },
      });
    });
  },
});

/** Whether the owner's pods declare a port of this name (and protocol, when given), as FindPort looks them up. */
function declares(owner: Resource, name: string, protocol: string | undefined): boolean {
  const tpl = owner.podTemplate;
  if (!tpl) return false;
  for (const { container } of longRunningContainers(tpl)) {
    for (const p of container.ports ?? []) {
      if (p?.name === name && (protocol === undefined || (p.protocol ?? "TCP") === protocol)) return true;
    }
  }
  return false;
}
