/**
 * Ingress backends whose traffic an AWS Load Balancer Controller action decides, not a Service
 * port: a backend whose port name is `use-annotation` takes the action of the Ingress annotation
 * `alb.ingress.kubernetes.io/actions.<service name>` (aws-load-balancer-controller
 * pkg/ingress/enhanced_backend_builder.go, Build and buildActionViaAnnotation), and the controller
 * never looks the named Service up: the action forwards to the Services it lists, redirects or
 * answers itself. An Argo Rollout whose spec.strategy.canary.trafficRouting.alb names the Ingress
 * (ingress, ingresses or servicePorts[].ingress) writes that annotation itself during a rollout,
 * for its rootService, or its stableService when rootService is empty (argo-rollouts
 * utils/ingress/ingress.go, ALBActionAnnotationKey and GetAllIngressNamesFromALBTrafficRouting).
 */
import type { IngressServiceBackend } from "../../models/ingress.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";

/** The port name that hands a backend to an action annotation (magicServicePortUseAnnotation). */
export const USE_ANNOTATION = "use-annotation";
export const ACTION_ANNOTATION_PREFIX = "alb.ingress.kubernetes.io/actions.";

/** `namespace/ingress` -> the Services whose action annotation an Argo Rollout writes into that Ingress. */
const ROLLOUT_ACTIONS = memoKey<Map<string, Set<string>>>("ALB actions Argo Rollouts write into Ingresses");

const text = (v: unknown): string => (typeof v === "string" ? v : "");

function rolloutActions(index: ResourceIndex): Map<string, Set<string>> {
  return index.memo.get(ROLLOUT_ACTIONS, () => {
    const out = new Map<string, Set<string>>();
    for (const rollout of index.ofKind("Rollout.argoproj.io")) {
      const alb = rollout.get(["spec", "strategy", "canary", "trafficRouting", "alb"]) as Record<string, unknown> | undefined;
      if (!alb || typeof alb !== "object") continue;
      const service = text(alb.rootService) || text(rollout.get(["spec", "strategy", "canary", "stableService"]));
      if (!service) continue;
      const ports = Array.isArray(alb.servicePorts) ? alb.servicePorts.map((p) => (p && typeof p === "object" ? (p as Record<string, unknown>).ingress : undefined)) : [];
      const ingresses = [alb.ingress, ...(Array.isArray(alb.ingresses) ? alb.ingresses : []), ...ports].map(text).filter(Boolean);
      for (const ingress of ingresses) {
        const key = `${rollout.namespace}/${ingress}`;
        const services = out.get(key);
        if (services) services.add(service);
        else out.set(key, new Set([service]));
      }
    }
    return out;
  });
}

/** Whether an ALB action, written on the Ingress or by an Argo Rollout, decides where this backend's traffic goes. */
export function isAlbActionBackend(ingress: Resource, backend: IngressServiceBackend, index: ResourceIndex): boolean {
  if (!backend.port || !("name" in backend.port) || backend.port.name !== USE_ANNOTATION) return false;
  if (Object.hasOwn(ingress.annotations, ACTION_ANNOTATION_PREFIX + backend.name)) return true;
  return rolloutActions(index).get(`${ingress.namespace}/${ingress.name}`)?.has(backend.name) ?? false;
}
