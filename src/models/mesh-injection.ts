/**
 * Labels a service mesh's sidecar injector adds to pods when they are created, which no pod
 * template shows. Istio's injection webhook (istio/istio pkg/kube/inject/inject.go, labels from
 * pkg/kube/labels/labels.go CanonicalService) labels every pod it injects:
 * - `service.istio.io/canonical-name`: the label itself when written, else
 *   `app.kubernetes.io/name`, else `app`, else the workload's name;
 * - `service.istio.io/canonical-revision`: the label itself, else `app.kubernetes.io/version`,
 *   else `version`, else `latest`;
 * - `security.istio.io/tlsMode: istio`.
 * A pod is injected in a namespace of the input labelled `istio-injection: enabled` or with an
 * `istio.io/rev` label (a revision's injector), unless it opts out with
 * `sidecar.istio.io/inject: "false"` (label or annotation); a pod labelled
 * `sidecar.istio.io/inject: "true"` is injected in any namespace not labelled
 * `istio-injection: disabled` (the injector's default object selector).
 */
import type { ResourceIndex } from "./resource-index.js";
import type { Resource } from "./resource.js";
import { memoKey } from "./run-memo.js";
import { matches, type Selector } from "./selector.js";

const CANONICAL_NAME = "service.istio.io/canonical-name";
const CANONICAL_REVISION = "service.istio.io/canonical-revision";
const TLS_MODE = "security.istio.io/tlsMode";
const INJECTED_KEYS: ReadonlySet<string> = new Set([CANONICAL_NAME, CANONICAL_REVISION, TLS_MODE]);
const INJECT = "sidecar.istio.io/inject";

/** namespace -> the pod owners whose pods Istio injects there, with the labels the pods then carry. */
const INJECTED = memoKey<ReadonlyMap<string, ReadonlyArray<{ owner: Resource; labels: Record<string, string> }>>>("pods Istio's sidecar injector labels");

const stringMap = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The first value of the keys among the labels. */
function firstOf(labels: Record<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) if (Object.hasOwn(labels, k)) return labels[k];
  return undefined;
}

/** The labels of the pods of `owner` once injected: the written ones, with the injector's added where not written. */
function injectedLabels(owner: Resource, labels: Record<string, string>): Record<string, string> {
  return {
    [CANONICAL_NAME]: firstOf(labels, ["app.kubernetes.io/name", "app"]) ?? owner.name,
    [CANONICAL_REVISION]: firstOf(labels, ["app.kubernetes.io/version", "version"]) ?? "latest",
    [TLS_MODE]: "istio",
    ...labels,
  };
}

function injectedPods(index: ResourceIndex): ReadonlyMap<string, ReadonlyArray<{ owner: Resource; labels: Record<string, string> }>> {
  return index.memo.get(INJECTED, () => {
    const namespaces = new Map<string, "enabled" | "disabled">();
    for (const ns of index.ofKind("Namespace", "")) {
      const labels = stringMap(ns.get(["metadata", "labels"]));
      const injection = labels["istio-injection"];
      if (injection === "disabled") namespaces.set(ns.name, "disabled");
      else if (injection === "enabled" || typeof labels["istio.io/rev"] === "string") namespaces.set(ns.name, "enabled");
    }
    const out = new Map<string, Array<{ owner: Resource; labels: Record<string, string> }>>();
    for (const owner of index.all) {
      const tpl = owner.podTemplate;
      if (!tpl) continue;
      const state = namespaces.get(owner.namespace);
      if (state === "disabled") continue;
      const asked = tpl.labels[INJECT] ?? stringMap(owner.get([...tpl.metadataPath, "annotations"]))[INJECT];
      if (asked === "false" || (state !== "enabled" && asked !== "true")) continue;
      let list = out.get(owner.namespace);
      if (!list) out.set(owner.namespace, (list = []));
      list.push({ owner, labels: injectedLabels(owner, tpl.labels) });
    }
    return out;
  });
}

/**
 * The workloads of a namespace whose pods the selector selects once Istio's injector has labelled
 * them; empty for a selector that wants none of the injector's labels (it selects as written).
 */
export function meshInjectedSelectedBy(index: ResourceIndex, namespace: string, selector: Selector): Resource[] {
  if (selector.kind !== "requirements" || !selector.requirements.some((r) => INJECTED_KEYS.has(r.key))) return [];
  return (injectedPods(index).get(namespace) ?? []).filter((p) => matches(selector, p.labels, p.owner.podTemplate?.controllerLabels)).map((p) => p.owner);
}
