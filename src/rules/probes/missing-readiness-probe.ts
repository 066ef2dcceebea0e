import type { ResourceIndex } from "../../models/resource-index.js";
import type { Container } from "../../models/k8s.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";
import { parseServiceSelector } from "../../models/selector.js";
import { defineRule } from "../types.js";
import { selectedWith } from "../selectors/selection.js";

/** Pod owners whose pods run to completion. */
const RUN_TO_COMPLETION: ReadonlySet<string> = new Set(["Job", "CronJob"]);

const TRAFFIC_SERVICES = memoKey<Map<Resource, Resource[]>>("Services sending traffic to each workload");

/** For each pod owner, the Services that send it traffic; built from the label index. */
function trafficServices(index: ResourceIndex): Map<Resource, Resource[]> {
  const map = new Map<Resource, Resource[]>();
  for (const svc of index.ofKind("Service")) {
    const spec = svc.spec("Service");
    if (!spec || spec.type === "ExternalName" || spec.publishNotReadyAddresses === true) continue;
    const headless = spec.clusterIP === "None";
    // A Service of another sample sends these pods nothing (models/placement.ts).
    for (const owner of selectedWith(index, svc, index.podOwnersSelectedBy(svc.namespace, parseServiceSelector(spec.selector), svc))) {
      // The pods of a Job run to completion: a headless Service gives them DNS names to find each other (an Indexed Job's subdomain), not requests to serve.
      if (headless && RUN_TO_COMPLETION.has(owner.kind)) continue;
      const list = map.get(owner);
      if (list) list.push(svc);
      else map.set(owner, [svc]);
    }
  }
  return map;
}

/**
 * The indexes of the containers a Service's ports reach. A targetPort (defaulting to port) that a
 * container declares, by name or number, reaches that container only; a number no container
 * declares may be served by any of them, so it reaches the containers that declare ports (or the
 * only container); a name no container declares reaches nothing (service-target-port-undeclared).
 */
function reachedContainers(svc: Resource, containers: ReadonlyArray<Container | undefined>): Set<number> {
  const reached = new Set<number>();
  const anyListener = () =>
    containers.forEach((c, i) => {
      if (c && (c.ports?.length || containers.length === 1)) reached.add(i);
    });
  const ports = svc.spec("Service")?.ports ?? [];
  // A headless Service without ports still publishes the ready pods' addresses in DNS.
  if (ports.length === 0) anyListener();
  for (const p of ports) {
    const target = p?.targetPort ?? p?.port;
    if (target === undefined) continue;
    let declared = false;
    containers.forEach((c, i) => {
      if (c?.ports?.some((cp) => cp && (typeof target === "string" ? cp.name === target : cp.containerPort === target))) {
        reached.add(i);
        declared = true;
      }
    });
    if (declared || typeof target !== "number") continue;
    // A number no container declares: a container whose own probes use it listens there; else any that declares ports may.
    const probing = containers.flatMap((c, i) => (c && probesPort(c, target) ? [i] : []));
    if (probing.length) for (const i of probing) reached.add(i);
    else anyListener();
  }
  return reached;
}

/** Whether a container's readiness, liveness or startup probe connects to `port` (httpGet, tcpSocket or grpc by number). */
function probesPort(c: Container, port: number): boolean {
  return [c.readinessProbe, c.livenessProbe, c.startupProbe].some((p) => p?.httpGet?.port === port || p?.tcpSocket?.port === port || p?.grpc?.port === port);
}

export const rule = defineRule({
  id: "missing-readiness-probe",
  category: "probes",
  severity: "warning",
  crossResource: true,
  appliesTo: "workloads",
  summary: "A container of pods that a Service sends traffic to has no readiness probe.",
  explanation: `A Service routes to every pod it selects as soon as the pod counts as ready, and without a
readiness probe a container is ready the moment its process starts, long before it listens
or has loaded its caches. During every rollout, scale-up and restart, requests reach pods
that refuse connections or answer with errors; and a pod that later stops serving (lost its
database, overloaded) keeps receiving traffic. Only containers of pods that some Service of
the input selects are reported (Services with publishNotReadyAddresses are ignored, and so are
headless Services of a Job's pods, which give them DNS names to find each other), and only
the containers a Service port reaches: the one declaring its targetPort (by name or number),
or, for a port number no container declares, the containers whose probes connect to it, else
those that declare ports or the only container.
A Service of a sibling folder (another sample of one repository) sends nothing to these pods
when neither names a namespace of its own (none written, or \`default\`) and the Service's own
folders hold workloads (in a layout by kind, services/ beside deployments/, they do not).`,
  fix: `Add a readinessProbe that succeeds only when the container can serve requests (an HTTP
/ready endpoint, or a TCP connect to its port).`,
  preventsStatus: ["Running", "NotReady"],
  check({ resource, index, memo, report }) {
    const tpl = resource.podTemplate!;
    const services = memo(TRAFFIC_SERVICES, () => trafficServices(index)).get(resource);
    if (!services) return;
    const containers = tpl.spec.containers ?? [];
    const reachedBy = new Map<number, Resource>();
    for (const svc of services) for (const i of reachedContainers(svc, containers)) if (!reachedBy.has(i)) reachedBy.set(i, svc);
    containers.forEach((c, i) => {
      if (!c || c.readinessProbe !== undefined) return;
      const svc = reachedBy.get(i);
      if (!svc) return;
      const path = [...tpl.specPath, "containers", i];
      report({
        path: c.name !== undefined ? [...path, "name"] : path,
        absent: [...path, "readinessProbe"],
        message: `container "${c.name ?? ""}" has no readiness probe but Service "${svc.name}" sends it traffic`,
        hint: "add a readinessProbe that succeeds only when the container can serve",
        related: { resource: svc, path: ["spec", "selector"], message: "selects these pods" },
      });
    });
  },
});
