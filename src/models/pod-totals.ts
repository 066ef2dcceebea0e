/**
 * A pod's requests or limits summed from its containers, as Kubernetes sums them for scheduling,
 * admission and defaulting (component-helpers resource/helpers.go AggregateContainerRequests,
 * aggregateContainerResourcesByFn; KEP-753 "resources calculation for scheduling"): app containers
 * and sidecars add up; an init container counts with the sidecars started before it, and the pod
 * takes the larger of the two. A resource no container sets is absent; one set to 0 is present.
 */
import { parseQuantity } from "./quantity.js";

/** One container's values for the sum: an init container, and whether it runs as a sidecar at the release judged. */
export interface ContainerValues {
  init: boolean;
  sidecar: boolean;
  values: Readonly<Record<string, string>>;
}

export function podTotal(containers: readonly ContainerValues[]): Record<string, string> {
  const pod = new Map<string, number>();
  const sidecars = new Map<string, number>();
  const initMax = new Map<string, number>();
  for (const c of containers) {
    const own = numbers(c.values);
    if (!c.init) {
      add(pod, own);
      continue;
    }
    let running: Map<string, number>;
    if (c.sidecar) {
      add(pod, own);
      add(sidecars, own);
      running = new Map(sidecars);
    } else {
      running = new Map(own);
      add(running, sidecars);
    }
    for (const [name, v] of running) if (!initMax.has(name) || v > initMax.get(name)!) initMax.set(name, v);
  }
  for (const [name, v] of initMax) if (!pod.has(name) || v > pod.get(name)!) pod.set(name, v);
  return Object.fromEntries([...pod].map(([name, v]) => [name, formatQuantity(name, v)]));
}

/** A ResourceList as written (quantities as strings); other values are left to the schema rules. */
export function quantities(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" || typeof v === "number") out[k] = String(v);
  return out;
}

function numbers(values: Readonly<Record<string, string>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, text] of Object.entries(values)) {
    const q = parseQuantity(text);
    if (q) out.set(name, q.value);
  }
  return out;
}

function add(into: Map<string, number>, from: ReadonlyMap<string, number>) {
  for (const [name, v] of from) into.set(name, (into.get(name) ?? 0) + v);
}

const BINARY: ReadonlyArray<readonly [string, number]> = [["Ti", 2 ** 40], ["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]];

/** A summed quantity in the usual notation: cpu in cores or millicores, bytes with the largest exact binary suffix. */
export function formatQuantity(name: string, value: number): string {
  if (name === "cpu") return Number.isInteger(value) ? String(value) : `${Math.round(value * 1000)}m`;
  for (const [suffix, m] of BINARY) if (value >= m && Number.isInteger(value / m)) return `${value / m}${suffix}`;
  return String(Math.round(value));
}
