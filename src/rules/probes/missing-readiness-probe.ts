import type { ResourceIndex } from "../../engine/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { parseServiceSelector } from "../../models/selector.js";
import { runningPods } from "../resources/pods.js";
import { defineRule } from "../types.js";

/** For each pod owner, one Service that sends it traffic; built once per run from the label index. */
const selectedCache = new WeakMap<ResourceIndex, Map<Resource, Resource>>();

export function trafficServices(index: ResourceIndex): Map<Resource, Resource> {
  let map = selectedCache.get(index);
  if (map) return map;
  map = new Map();
  for (const svc of index.ofKind("Service")) {
    const spec = svc.spec("Service");
    if (!spec || spec.type === "ExternalName" || spec.publishNotReadyAddresses === true) continue;
    for (const owner of index.podOwnersSelectedBy(svc.namespace, parseServiceSelector(spec.selector))) {
      if (!map.has(owner)) map.set(owner, svc);
    }
  }
  selectedCache.set(index, map);
  return map;
}

export const rule = defineRule({
  id: "missing-readiness-probe",
  category: "probes",
  severity: "warning",
  crossResource: true,
  summary: "A container of pods that a Service sends traffic to has no readiness probe.",
  explanation: `A Service routes to every pod it selects as soon as the pod counts as ready, and without a
readiness probe a container is ready the moment its process starts, long before it listens
or has loaded its caches. During every rollout, scale-up and restart, requests reach pods
that refuse connections or answer with errors; and a pod that later stops serving (lost its
database, overloaded) keeps receiving traffic. Only containers of pods that some Service of
the input selects are reported (Services with publishNotReadyAddresses are ignored); a
container counts when it declares ports or is the pod's only container.`,
  fix: `Add a readinessProbe that succeeds only when the container can serve requests (an HTTP
/ready endpoint, or a TCP connect to its port).`,
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
      readinessProbe:
        tcpSocket:
          port: 80
`,
  },
  check({ resource, index, report }) {
    const tpl = runningPods(resource);
    if (!tpl) return;
    const svc = trafficServices(index).get(resource);
    if (!svc) return;
    const containers = tpl.spec.containers ?? [];
    containers.forEach((c, i) => {
      if (!c || c.readinessProbe !== undefined) return;
      if (!(c.ports?.length || containers.length === 1)) return;
      const path = [...tpl.specPath, "containers", i];
      report({
        path: c.name !== undefined ? [...path, "name"] : path,
        message: `container "${c.name ?? ""}" has no readiness probe but Service "${svc.name}" sends it traffic`,
        hint: "add a readinessProbe that succeeds only when the container can serve",
        related: { resource: svc, path: ["spec", "selector"], message: "selects these pods" },
      });
    });
  },
});
