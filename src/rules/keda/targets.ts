/**
 * What a KEDA ScaledObject (keda.sh/v1alpha1) scales: spec.scaleTargetRef, defaulted to an apps/v1
 * Deployment (apis/keda/v1alpha1/scaledobject_types.go: ScaleTarget; the webhook compares
 * targets by API group, kind and name: scaledobject_webhook.go verifyHpas).
 */
import { groupKind, resolveType } from "../../models/api-groups.js";
import type { ResourceIndex } from "../../models/resource-index.js";
import type { Resource } from "../../models/resource.js";
import { memoKey } from "../../models/run-memo.js";

export const KEDA_GROUP = "keda.sh";

export interface ScaleTarget {
  apiVersion: string;
  kind: string;
  name: string;
  /** The type as the index names it (`Deployment.apps`, `Rollout.argoproj.io`). */
  type: string;
  /** `type/namespace/name`, the identity two autoscalers share when they fight. */
  key: string;
}

function target(ref: unknown, namespace: string, defaults: { apiVersion?: string; kind?: string }): ScaleTarget | undefined {
  const r = (ref ?? {}) as { apiVersion?: unknown; kind?: unknown; name?: unknown };
  if (typeof r.name !== "string" || r.name === "") return undefined;
  const kind = typeof r.kind === "string" && r.kind ? r.kind : defaults.kind;
  const apiVersion = typeof r.apiVersion === "string" && r.apiVersion ? r.apiVersion : defaults.apiVersion;
  if (!kind) return undefined;
  const type = apiVersion ? groupKind(apiVersion, kind) : kind;
  return { apiVersion: apiVersion ?? "", kind, name: r.name, type, key: `${type}\u0000${namespace}\u0000${r.name}` };
}

/** A ScaledObject's target, with KEDA's defaults (kind Deployment, apiVersion apps/v1). */
export function scaledObjectTarget(so: Resource): ScaleTarget | undefined {
  return target(so.get(["spec", "scaleTargetRef"]), so.namespace, { apiVersion: "apps/v1", kind: "Deployment" });
}

/** An HPA's target; without apiVersion, the built-in kind of that name. */
export function hpaScaleTarget(hpa: Resource): ScaleTarget | undefined {
  const t = target(hpa.get(["spec", "scaleTargetRef"]), hpa.namespace, {});
  if (!t || t.apiVersion) return t;
  const type = resolveType(t.kind);
  return { ...t, type, key: `${type}\u0000${hpa.namespace}\u0000${t.name}` };
}

/** Every autoscaler of the input by the target it scales: HPAs, and ScaledObjects (KEDA makes an HPA for each). */
export interface Autoscalers {
  hpas: Map<string, Resource[]>;
  scaledObjects: Map<string, Resource[]>;
}

const AUTOSCALERS = memoKey<Autoscalers>("HPAs and ScaledObjects by target");

function push<K, V>(map: Map<K, V[]>, k: K, v: V) {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export function autoscalersByTarget(index: ResourceIndex): Autoscalers {
  return index.memo.get(AUTOSCALERS, () => {
    const out: Autoscalers = { hpas: new Map(), scaledObjects: new Map() };
    for (const hpa of index.ofKind("HorizontalPodAutoscaler.autoscaling")) {
      const t = hpaScaleTarget(hpa);
      if (t) push(out.hpas, t.key, hpa);
    }
    for (const so of index.ofKind(`ScaledObject.${KEDA_GROUP}`)) {
      const t = scaledObjectTarget(so);
      if (t) push(out.scaledObjects, t.key, so);
    }
    return out;
  });
}

/**
 * Whether KEDA made the HPA for a ScaledObject: owned by one (a dump of the cluster), or named
 * as KEDA names the HPA of one of these ScaledObjects (keda-hpa-<name>, unless
 * advanced.horizontalPodAutoscalerConfig.name says otherwise).
 */
export function ownedByScaledObject(hpa: Resource, scaledObjects: readonly Resource[]): boolean {
  const owners = hpa.get(["metadata", "ownerReferences"]);
  if (Array.isArray(owners) && owners.some((o) => o?.kind === "ScaledObject")) return true;
  return scaledObjects.some((so) => {
    const custom = so.get(["spec", "advanced", "horizontalPodAutoscalerConfig", "name"]);
    return hpa.name === (typeof custom === "string" && custom ? custom : `keda-hpa-${so.name}`);
  });
}
