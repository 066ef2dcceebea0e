/** A Service's ports as the object that refers to it sees them. */
import { list } from "./lenient.js";
import { ServicePort } from "./k8s.js";
import type { Resource } from "./resource.js";

const PORTS = ["spec", "ports"];
const readPorts = list(ServicePort);

/**
 * spec.ports of a Service as the kustomize builds that emit `seenFrom` too apply it
 * (Resource.valueInBuildsOf): a port that one overlay's strategic-merge patch adds to a base
 * Service shared with other overlays is there for that overlay's routes, Ingresses and
 * ServiceMonitors, though the other overlays leave the base's ports. The ports as judged where
 * `seenFrom` is in no build of the Service, or those builds disagree.
 */
export function servicePortsSeenFrom(svc: Resource, seenFrom: Resource): ServicePort[] {
  const value = svc.valueInBuildsOf(PORTS, seenFrom);
  if (value === svc.get(PORTS)) return svc.spec("Service")?.ports ?? [];
  return readPorts.parse(value) ?? [];
}
