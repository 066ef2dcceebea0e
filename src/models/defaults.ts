/**
 * The one defaulting step: the values the API server writes into an object before it validates
 * it, so that no rule judges a value the server would have replaced (an explicit probe
 * `periodSeconds: 0` is 10 by the time anything looks at it, a port without `protocol` is TCP, a
 * pod template without `restartPolicy` says Always).
 *
 * Sources (the generated and hand-written defaulters of each group version):
 * - core/v1: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container,
 *   SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume, SetDefaults_*VolumeSource,
 *   SetDefaults_Service, SetDefaults_ReplicationController, SetDefaults_PersistentVolume,
 *   SetDefaults_PersistentVolumeClaimSpec, SetDefaults_ObjectFieldSelector, SetDefaults_Pod with
 *   defaultHostNetworkPorts, SetDefaults_LimitRangeItem) and
 *   the `+default` markers of k8s.io/api/core/v1/types.go (ContainerPort.protocol,
 *   ServicePort.protocol);
 * - apps/v1: pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_StatefulSet,
 *   SetDefaults_DaemonSet, SetDefaults_ReplicaSet);
 * - batch/v1: pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob).
 *
 * The defaulted object is a copy: the resource's raw object (what the user wrote, which positions
 * and messages quote) is never changed. The copy is made on write: a map or list is copied the
 * first time a defaulter goes into it, a list item only when a default is missing from it, and
 * what no defaulter touches (metadata, env values, ConfigMap and Secret data...) is shared with
 * the raw object; read it, never change it. It is
 * built once per resource and run, through the run memo; rules ask for it with
 * `defaultedObject` or `defaultedPodTemplate`.
 */
import { shareExactIntegers } from "./exact-integers.js";
import { parseImageReference } from "./image.js";
import { PodSpec } from "./k8s.js";
import { POD_TEMPLATE_PATHS, type PodTemplate, type Resource } from "./resource.js";
import { memoKey, type Memo } from "./run-memo.js";
import type { Path } from "../types.js";

type Obj = Record<string, unknown>;

/** SetDefaults_Probe: a probe field that is absent or 0 takes these values. */
export const PROBE_DEFAULTS = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 0 } as const;

/** core/v1 DefaultTerminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** SecretVolumeSourceDefaultMode and its siblings: 0644. */
export const DEFAULT_VOLUME_FILE_MODE = 0o644;

/** apps/v1 SetDefaults_Deployment: progressDeadlineSeconds when absent. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

const VOLUME_SOURCES_WITH_MODE = ["secret", "configMap", "downwardAPI", "projected"] as const;

function isMap(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What `copies` is between calls (one Set per call, not two): empty, only a defaulter adds to `copies`. */
const NO_COPIES = new Set<object>();

/**
 * The maps and lists the running applyDefaults call copied: those it may write. Anything else
 * is part of the object as written and is copied before it is written. The defaulted objects
 * live as long as the run; what the defaulters do not write (metadata, env values, Secret and
 * ConfigMap data) is no longer held twice. Set for the duration of one synchronous
 * applyDefaults call.
 */
let copies = NO_COPIES;

/**
 * The objects of the copies: they inherit nothing (their prototype is an empty object without a
 * prototype), so a key written in the manifest (`__proto__`, `constructor`) is only ever an own
 * key, as with Object.create(null); unlike those, V8 keeps them in fast mode, which every rule
 * reading the defaulted object pays for (a dictionary lookup per field read).
 */
const Copy = function (this: Obj) {} as unknown as new () => Obj;
Copy.prototype = Object.create(null);

/** A shallow, prototype-free copy of a map: a key written in the manifest (`__proto__`) stays an own key of the copy. */
function shallowCopy(value: Obj): Obj {
  const out = new Copy();
  // for-in gives Object.keys' keys without a list of them per copy: a parsed manifest's maps (and the copies) inherit no enumerable key.
  for (const key in value) out[key] = value[key];
  copies.add(out);
  return out;
}

/** The map at `obj[key]` (`obj` is a copy), made a copy that may be written; undefined when it is not a map. */
function own(obj: Obj, key: string): Obj | undefined {
  const v = obj[key];
  if (!isMap(v)) return undefined;
  return copies.has(v) ? v : (obj[key] = shallowCopy(v));
}

/** The maps of the list at `obj[key]` (`obj` is a copy), the list and each map made copies that may be written. */
function ownMaps(obj: Obj, key: string): Obj[] {
  const list = obj[key];
  if (!Array.isArray(list)) return [];
  let owned = list;
  if (!copies.has(list)) {
    owned = obj[key] = list.slice();
    copies.add(owned);
  }
  const out: Obj[] = [];
  for (let i = 0; i < owned.length; i++) {
    const item: unknown = owned[i];
    if (isMap(item)) out.push(copies.has(item) ? item : (owned[i] = shallowCopy(item)));
  }
  return out;
}

/** Absent, null or "": a Go zero value is "not set" for the defaulters. */
function unset(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** Sets `obj[key]` when it is unset. */
function orDefault(obj: Obj, key: string, value: unknown) {
  if (unset(obj[key])) obj[key] = value;
}

/**
 * The maps of the list at `obj[key]` (`obj` is a copy) that `lacksDefault` says a defaulter
 * writes, made copies that may be written, the list too; the other items, and a list without
 * such an item, stay as written (ports that name their protocol, an emptyDir volume, env values
 * without a fieldRef): a quarter of the 40,000 copies on the bench corpus were of maps that no
 * defaulter changed (30,000 now).
 */
function ownMapsLacking(obj: Obj, key: string, lacksDefault: (item: Obj) => boolean): Obj[] {
  const list = obj[key];
  if (!Array.isArray(list)) return [];
  let owned: unknown[] | undefined;
  const out: Obj[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isMap(item) || !lacksDefault(item)) continue;
    if (!owned) {
      owned = copies.has(list) ? list : (obj[key] = list.slice());
      copies.add(owned);
    }
    out.push(copies.has(item) ? item : (owned[i] = shallowCopy(item)));
  }
  return out;
}

/** The map at `obj[key]` (`obj` is a copy), created when absent (as the defaulters allocate nested structs), made a copy that may be written. */
function child(obj: Obj, key: string): Obj | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    const created: Obj = {};
    copies.add(created);
    return (obj[key] = created);
  }
  return own(obj, key);
}

/** SetDefaults_Probe, with its handler's SetDefaults_HTTPGetAction. A 0 is "not set" too. */
function defaultProbe(probe: Obj) {
  for (const key of ["timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
    if (probe[key] === undefined || probe[key] === null || probe[key] === 0) probe[key] = PROBE_DEFAULTS[key];
  }
  defaultHandler(probe);
}

function defaultHandler(handler: Obj) {
  const httpGet = own(handler, "httpGet");
  if (httpGet) {
    orDefault(httpGet, "path", "/");
    orDefault(httpGet, "scheme", "HTTP");
  }
}

/**
 * SetDefaults_Container: pull policy by tag ("latest", written or implied, means Always). A tag
 * written other than "latest" gives IfNotPresent whether the image parses or not (a reference
 * that does not parse has no tag for the defaulter either), so only the rest are parsed.
 */
export function defaultPullPolicy(image: unknown): "Always" | "IfNotPresent" {
  if (typeof image !== "string") return "IfNotPresent";
  const written = writtenTag(image);
  if (written !== undefined && written !== "latest") return "IfNotPresent";
  const parsed = parseImageReference(image);
  if (!parsed.ok) return "IfNotPresent";
  // parsers.ParseImageName gives a reference without tag or digest the tag "latest".
  const tag = parsed.ref.tag ?? (parsed.ref.digest ? undefined : "latest");
  return tag === "latest" ? "Always" : "IfNotPresent";
}

/** The text after the ":" of an image's last path component, before any "@digest": the tag, when the reference parses. */
function writtenTag(image: string): string | undefined {
  const at = image.indexOf("@");
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.indexOf(":", name.lastIndexOf("/") + 1);
  return colon === -1 ? undefined : name.slice(colon + 1);
}

const lacksProtocol = (port: Obj) => unset(port.protocol);
const lacksFieldRefVersion = (env: Obj) => isMap(env.valueFrom) && isMap(env.valueFrom.fieldRef) && unset(env.valueFrom.fieldRef.apiVersion);

function defaultContainer(container: Obj) {
  if (unset(container.imagePullPolicy)) container.imagePullPolicy = defaultPullPolicy(container.image);
  orDefault(container, "terminationMessagePath", "/dev/termination-log");
  orDefault(container, "terminationMessagePolicy", "File");
  for (const port of ownMapsLacking(container, "ports", lacksProtocol)) port.protocol = "TCP";
  for (const kind of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const probe = own(container, kind);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = isMap(container.lifecycle) && (isMap(container.lifecycle.postStart) || isMap(container.lifecycle.preStop)) ? own(container, "lifecycle") : undefined;
  if (lifecycle) {
    for (const hook of ["postStart", "preStop"]) {
      const handler = own(lifecycle, hook);
      if (handler) defaultHandler(handler);
    }
  }
  // Only the env entries with a fieldRef are written (most are a name and a value).
  for (const env of ownMapsLacking(container, "env", lacksFieldRefVersion)) own(own(env, "valueFrom")!, "fieldRef")!.apiVersion = "v1";
}

/** Whether a volume names a source: any key but its name, set. */
function hasSource(volume: Obj): boolean {
  // for-in gives Object.keys' keys: a parsed manifest's maps inherit no enumerable key.
  for (const k in volume) if (k !== "name" && volume[k] !== null && volume[k] !== undefined) return true;
  return false;
}

/** Whether SetDefaults_Volume writes into the volume: it has no source, or a source with a file mode that has none. */
function volumeLacksDefault(volume: Obj): boolean {
  if (!hasSource(volume)) return true;
  for (const source of VOLUME_SOURCES_WITH_MODE) {
    const from = volume[source];
    if (isMap(from) && unset(from.defaultMode)) return true;
  }
  return false;
}

/** SetDefaults_Volume: a volume without any source is an emptyDir; file modes default to 0644. */
function defaultVolume(volume: Obj) {
  if (!hasSource(volume)) volume.emptyDir = {};
  for (const source of VOLUME_SOURCES_WITH_MODE) {
    const from = own(volume, source);
    if (from) orDefault(from, "defaultMode", DEFAULT_VOLUME_FILE_MODE);
  }
}

/** SetDefaults_PodSpec and what it reaches: containers, probes, volumes. `isPod`: SetDefaults_Pod too. */
function defaultPodSpec(spec: Obj, isPod: boolean) {
  orDefault(spec, "dnsPolicy", "ClusterFirst");
  orDefault(spec, "restartPolicy", "Always");
  orDefault(spec, "terminationGracePeriodSeconds", DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
  orDefault(spec, "schedulerName", "default-scheduler");
  // An absent securityContext is allocated; one written is left as it is.
  if (spec.securityContext === undefined || spec.securityContext === null) child(spec, "securityContext");
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) for (const c of ownMaps(spec, list)) defaultContainer(c);
  for (const v of ownMapsLacking(spec, "volumes", volumeLacksDefault)) defaultVolume(v);
  if (!isPod) return;
  // SetDefaults_Pod (a Pod only, not a template): requests default to limits; enableServiceLinks.
  orDefault(spec, "enableServiceLinks", true);
  // defaultHostNetworkPorts: with the node's network, a port's hostPort is its containerPort.
  if (spec.hostNetwork === true) {
    for (const list of ["initContainers", "containers"]) {
      for (const c of ownMaps(spec, list)) for (const port of ownMaps(c, "ports")) if (port.hostPort === undefined || port.hostPort === null || port.hostPort === 0) port.hostPort = port.containerPort;
    }
  }
  for (const list of ["initContainers", "containers"]) {
    for (const c of ownMaps(spec, list)) {
      if (!isMap(c.resources) || !isMap(c.resources.limits)) continue;
      const limits = c.resources.limits;
      const requests = child(own(c, "resources")!, "requests");
      if (requests) for (const name of Object.keys(limits)) if (requests[name] === undefined) requests[name] = limits[name];
    }
  }
}

function defaultTemplateAt(obj: Obj, path: Path) {
  let v: unknown = obj;
  for (const seg of path) v = isMap(v) ? v[seg as string] : undefined;
  if (!isMap(v) || !isMap(v.spec)) return;
  // Copies along the path down to the pod spec, which is written.
  let at: Obj = obj;
  for (const seg of path) at = own(at, seg as string)!;
  defaultPodSpec(own(at, "spec")!, false);
}

/** A PersistentVolumeClaim's spec at `obj[key]` (`obj` is a copy). */
function defaultPvcSpec(obj: Obj, key: string) {
  const spec = own(obj, key);
  if (spec) orDefault(spec, "volumeMode", "Filesystem");
}

/** Whether SetDefaults_Deployment writes into the strategy (`child` makes an absent one): its type, or the rollingUpdate of a RollingUpdate strategy. */
function deploymentStrategyLacksDefault(strategy: unknown): boolean {
  if (!isMap(strategy)) return strategy === undefined || strategy === null;
  if (unset(strategy.type)) return true;
  if (strategy.type !== "RollingUpdate") return false;
  const ru = strategy.rollingUpdate;
  if (!isMap(ru)) return ru === undefined || ru === null;
  return unset(ru.maxUnavailable) || unset(ru.maxSurge);
}

/** A Service port's targetPort is its port when absent, null, 0 or "". */
const unsetTargetPort = (port: Obj) => unset(port.targetPort) || port.targetPort === 0;
const servicePortLacksDefault = (port: Obj) => unset(port.protocol) || unsetTargetPort(port);

/** The defaulters of each kind, on a copy of its object (apiVersion decides nothing here: v1 apps and batch shapes). */
const BY_KIND: Readonly<Record<string, (obj: Obj) => void>> = {
  Pod: (obj) => {
    const spec = own(obj, "spec");
    if (spec) defaultPodSpec(spec, true);
  },
  PodTemplate: (obj) => defaultTemplateAt(obj, ["template"]),
  ReplicationController: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "replicas", 1);
    const labels = isMap(spec.template) && isMap(spec.template.metadata) ? spec.template.metadata.labels : undefined;
    // SetDefaults_ReplicationController: an empty selector becomes the template's labels.
    if (isMap(labels) && (!isMap(spec.selector) || Object.keys(spec.selector).length === 0)) spec.selector = { ...labels };
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  ReplicaSet: (obj) => {
    const spec = child(obj, "spec");
    if (spec) orDefault(spec, "replicas", 1);
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  Deployment: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "replicas", 1);
    orDefault(spec, "revisionHistoryLimit", 10);
    orDefault(spec, "progressDeadlineSeconds", DEFAULT_PROGRESS_DEADLINE_SECONDS);
    const strategy = deploymentStrategyLacksDefault(spec.strategy) ? child(spec, "strategy") : undefined;
    if (strategy) {
      orDefault(strategy, "type", "RollingUpdate");
      if (strategy.type === "RollingUpdate") {
        const ru = child(strategy, "rollingUpdate");
        if (ru) {
          orDefault(ru, "maxUnavailable", "25%");
          orDefault(ru, "maxSurge", "25%");
        }
      }
    }
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  StatefulSet: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "replicas", 1);
    orDefault(spec, "revisionHistoryLimit", 10);
    orDefault(spec, "podManagementPolicy", "OrderedReady");
    const strategy = child(spec, "updateStrategy");
    if (strategy) {
      orDefault(strategy, "type", "RollingUpdate");
      if (strategy.type === "RollingUpdate") {
        const ru = child(strategy, "rollingUpdate");
        if (ru) orDefault(ru, "partition", 0);
      }
    }
    for (const t of ownMaps(spec, "volumeClaimTemplates")) defaultPvcSpec(t, "spec");
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  DaemonSet: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "revisionHistoryLimit", 10);
    const strategy = child(spec, "updateStrategy");
    if (strategy) {
      orDefault(strategy, "type", "RollingUpdate");
      if (strategy.type === "RollingUpdate") {
        const ru = child(strategy, "rollingUpdate");
        // Pointers to IntOrString: only an absent (nil) value is defaulted; "" is a value, and invalid.
        if (ru) {
          if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = 1;
          if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = 0;
        }
      }
    }
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  // argoproj.io Rollout: its pods come from ReplicaSets the Rollouts controller creates, which the
  // API server defaults like any other (a port without protocol is TCP).
  Rollout: (obj) => defaultTemplateAt(obj, ["spec", "template"]),
  Job: (obj) => {
    const spec = child(obj, "spec");
    if (spec) defaultJobSpec(spec);
    defaultTemplateAt(obj, ["spec", "template"]);
  },
  CronJob: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "concurrencyPolicy", "Allow");
    orDefault(spec, "suspend", false);
    orDefault(spec, "successfulJobsHistoryLimit", 3);
    orDefault(spec, "failedJobsHistoryLimit", 1);
    const jobTemplate = own(spec, "jobTemplate");
    const jobSpec = jobTemplate ? child(jobTemplate, "spec") : undefined;
    if (jobSpec) defaultJobSpec(jobSpec);
    defaultTemplateAt(obj, ["spec", "jobTemplate", "spec", "template"]);
  },
  Service: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "sessionAffinity", "None");
    // SetDefaults_Service: the affinity config of a None affinity is dropped.
    if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
    orDefault(spec, "type", "ClusterIP");
    for (const port of ownMapsLacking(spec, "ports", servicePortLacksDefault)) {
      orDefault(port, "protocol", "TCP");
      if (unsetTargetPort(port)) port.targetPort = port.port;
    }
    if (spec.type === "NodePort" || spec.type === "LoadBalancer") orDefault(spec, "externalTrafficPolicy", "Cluster");
    if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") orDefault(spec, "internalTrafficPolicy", "Cluster");
    if (spec.type === "LoadBalancer") orDefault(spec, "allocateLoadBalancerNodePorts", true);
  },
  PersistentVolumeClaim: (obj) => defaultPvcSpec(obj, "spec"),
  PersistentVolume: (obj) => {
    const spec = child(obj, "spec");
    if (!spec) return;
    orDefault(spec, "persistentVolumeReclaimPolicy", "Retain");
    orDefault(spec, "volumeMode", "Filesystem");
  },
  Secret: (obj) => orDefault(obj, "type", "Opaque"),
  LimitRange: (obj) => {
    const spec = own(obj, "spec");
    if (spec) for (const item of ownMaps(spec, "limits")) if (item.type === "Container") defaultContainerLimit(item);
  },
};

/**
 * SetDefaults_LimitRangeItem for type Container: an absent default (limit) is the max, an absent
 * defaultRequest the default, else the min. The maps are created as the defaulter makes them.
 */
function defaultContainerLimit(item: Obj) {
  const max = isMap(item.max) ? item.max : {};
  const min = isMap(item.min) ? item.min : {};
  const limits = child(item, "default");
  const requests = child(item, "defaultRequest");
  if (!limits || !requests) return;
  for (const key of Object.keys(max)) if (!Object.hasOwn(limits, key)) limits[key] = max[key];
  for (const key of Object.keys(limits)) if (!Object.hasOwn(requests, key)) requests[key] = limits[key];
  for (const key of Object.keys(min)) if (!Object.hasOwn(requests, key)) requests[key] = min[key];
}

/** SetDefaults_Job (batch/v1). */
function defaultJobSpec(spec: Obj) {
  const unset = (k: string) => spec[k] === undefined || spec[k] === null;
  if (unset("completions") && unset("parallelism")) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (unset("parallelism")) spec.parallelism = 1;
  if (unset("backoffLimit")) spec.backoffLimit = unset("backoffLimitPerIndex") ? 6 : 2147483647;
  orDefault(spec, "completionMode", "NonIndexed");
  orDefault(spec, "suspend", false);
  orDefault(spec, "podReplacementPolicy", isMap(spec.podFailurePolicy) ? "Failed" : "TerminatingOrFailed");
}

/** Whether the defaulting step knows this kind (other kinds are judged as written). */
export function hasDefaults(kind: string): boolean {
  return Object.hasOwn(BY_KIND, kind);
}

/** The object with the API server's defaults applied: a pure function of the kind and the object as written. */
export function applyDefaults(kind: string, raw: Record<string, unknown>): Record<string, unknown> {
  // A Secret that names its type has no default to take (every Secret of the bench corpus): it is not copied.
  if (!hasDefaults(kind) || (kind === "Secret" && !unset(raw.type))) return raw;
  copies = new Set();
  const obj = shallowCopy(raw);
  try {
    BY_KIND[kind](obj);
  } finally {
    copies = NO_COPIES;
  }
  shareExactIntegers(raw, obj);
  return obj;
}

const DEFAULTED = memoKey<Map<Resource, Record<string, unknown>>>("defaulted object by resource", "resource");
const DEFAULTED_TEMPLATE = memoKey<Map<Resource, PodTemplate | null>>("defaulted pod template by resource", "resource");

/** The resource's object as the API server validates it (defaults applied), once per run. */
export function defaultedObject(resource: Resource, memo: Memo): Record<string, unknown> {
  // A kind without defaults is its object as written: nothing to keep per resource.
  if (!hasDefaults(resource.kind)) return resource.raw;
  const cache = memo(DEFAULTED, () => new Map());
  let obj = cache.get(resource);
  if (!obj) cache.set(resource, (obj = applyDefaults(resource.kind, resource.raw)));
  return obj;
}

/** The value at a path of the defaulted object. */
export function defaultedValue(resource: Resource, memo: Memo, path: Path): unknown {
  let v: unknown = defaultedObject(resource, memo);
  for (const seg of path) {
    if (!v || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/**
 * The resource's pod template (as `resource.podTemplate`, same paths and labels) with its spec
 * defaulted: probe timings, restartPolicy, pull policies, port protocols are the server's values.
 */
export function defaultedPodTemplate(resource: Resource, memo: Memo): PodTemplate | undefined {
  const tpl = resource.podTemplate;
  if (!tpl) return undefined;
  const cache = memo(DEFAULTED_TEMPLATE, () => new Map());
  let out = cache.get(resource);
  if (out === undefined) {
    const obj = defaultedObject(resource, memo);
    let spec: PodSpec | undefined;
    if (resource.kind === "Pod") spec = PodSpec.reparse(obj.spec, resource.raw.spec, tpl.spec);
    else {
      // As PodTemplateSpec reads the template; tpl.spec is the reading of the written spec when
      // there is one. The defaulted spec shares its untouched parts, and so their reading.
      const path = POD_TEMPLATE_PATHS.get(resource.kind)!;
      const template = defaultedValueOf(obj, path);
      const written = defaultedValueOf(resource.raw, path);
      if (isMap(template) && Object.hasOwn(template, "spec")) {
        spec = isMap(written) && Object.hasOwn(written, "spec") ? PodSpec.reparse(template.spec, written.spec, tpl.spec) : PodSpec.parse(template.spec);
      }
    }
    out = { ...tpl, spec: spec ?? {} };
    cache.set(resource, out);
  }
  return out ?? undefined;
}

/** The NoExecute taints the node lifecycle controller puts on a node that is not ready or stops reporting (k8s.io/api/core/v1 TaintNodeNotReady, TaintNodeUnreachable). */
const NODE_CONDITION_TAINTS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] as const;

/** The tolerationSeconds DefaultTolerationSeconds gives them (--default-not-ready-toleration-seconds, --default-unreachable-toleration-seconds). */
export const DEFAULT_NODE_CONDITION_TOLERATION_SECONDS = 300;

const ADMITTED = memoKey<Map<Resource, Record<string, unknown>>>("object as validating admission sees it, by resource", "resource");

/**
 * The resource's object as validating admission (a ValidatingAdmissionPolicy's `object`) sees
 * it: defaulted, and for a Pod with the tolerations the DefaultTolerationSeconds admission plugin
 * adds, which is on by default and mutates before any validating admission runs
 * (plugin/pkg/admission/defaulttolerationseconds, Admit: a Pod that does not tolerate
 * node.kubernetes.io/not-ready or /unreachable with effect NoExecute, by that key or by an empty
 * key, and an empty or NoExecute effect, gets `operator: Exists, effect: NoExecute,
 * tolerationSeconds: 300` for it, appended). The plugin acts on pods only: pod templates are
 * given nothing. Other mutating plugins read the cluster's state (LimitRanger, Priority,
 * ServiceAccount's token volume) and are not applied.
 */
export function admittedObject(resource: Resource, memo: Memo): Record<string, unknown> {
  const defaulted = defaultedObject(resource, memo);
  if (resource.kind !== "Pod" || !isMap(defaulted.spec)) return defaulted;
  const cache = memo(ADMITTED, () => new Map());
  let obj = cache.get(resource);
  if (!obj) cache.set(resource, (obj = withDefaultTolerations(defaulted, defaulted.spec)));
  return obj;
}

function withDefaultTolerations(pod: Obj, spec: Obj): Obj {
  const tolerations: unknown[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const unset = (v: unknown) => v === undefined || v === null || v === "";
  const tolerates = (key: string) => tolerations.some((t) => isMap(t) && (t.key === key || unset(t.key)) && (t.effect === "NoExecute" || unset(t.effect)));
  const missing = NODE_CONDITION_TAINTS.filter((key) => !tolerates(key));
  if (!missing.length) return pod;
  const added = missing.map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_NODE_CONDITION_TOLERATION_SECONDS }));
  const out = { ...pod, spec: { ...spec, tolerations: [...tolerations, ...added] } };
  shareExactIntegers(pod, out);
  return out;
}

function defaultedValueOf(obj: unknown, path: Path): unknown {
  let v = obj;
  for (const seg of path) v = isMap(v) ? v[seg as string] : undefined;
  return v;
}
