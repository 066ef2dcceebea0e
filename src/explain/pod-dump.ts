/**
 * A pod of a kubectl dump as the advisor reads it: its containers with their statuses, its
 * events, kubectl's columns, and the container in trouble. Status topics recognise their cause
 * from a `PodDump` (topic.detect); diagnose builds one per pod.
 */
import { explainExitCode } from "./exit-codes.js";
import { arr, at, int, obj, podColumns, str, type Json, type PodColumns } from "./kubectl-status.js";

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
}

export interface ContainerView {
  spec: Json;
  status?: Json;
  init: boolean;
  sidecar: boolean;
}

export interface PodDump {
  pod: Json;
  name: string;
  namespace: string;
  node: string;
  columns: PodColumns;
  views: ContainerView[];
  events: EventSummary[];
  /**
   * The latest time the dump records as past (see `observedSince`): the dump was taken no
   * earlier. Undefined when it records none.
   */
  observedSince?: number;
  /** The container whose reason kubectl shows, or the first one in trouble (see `culprit`). */
  culprit?: ContainerView;
}

/** The most likely cause of a pod's trouble and the next command to run. */
export interface Cause {
  cause: string;
  next: string;
}

/**
 * What a topic's detector says about a pod: its cause; null when the pod shows the topic and
 * nothing is wrong (Completed); undefined when the pod does not show the topic.
 */
export type Detection = Cause | null | undefined;

export type Detector = (pod: PodDump) => Detection;

export function quote(s: string): string {
  return `"${s}"`;
}

export function condition(pod: Json, type: string): Json | undefined {
  return arr(at(pod, "status", "conditions")).find((c) => c.type === type);
}

/** status.reason, status.message (trimmed) and status.phase of the pod. */
export function podStatus(pod: Json): { reason: string; message: string; phase: string } {
  const status = obj(pod.status) ?? {};
  return { reason: str(status.reason), message: str(status.message).trim(), phase: str(status.phase) };
}

export function containerViews(pod: Json): ContainerView[] {
  const status = obj(pod.status) ?? {};
  const views: ContainerView[] = [];
  for (const [field, statusField, init] of [
    ["initContainers", "initContainerStatuses", true],
    ["containers", "containerStatuses", false],
  ] as const) {
    const statuses = arr(status[statusField]);
    for (const spec of arr(at(pod, "spec", field))) {
      views.push({ spec, status: statuses.find((s) => s.name === spec.name), init, sidecar: init && spec.restartPolicy === "Always" });
    }
    // Statuses without a spec entry (a dump with a trimmed spec) are still reported.
    for (const s of statuses) {
      if (!views.some((v) => v.init === init && v.spec.name === s.name)) views.push({ spec: { name: s.name }, status: s, init, sidecar: false });
    }
  }
  return views;
}

export function label(v: ContainerView): string {
  return `${v.sidecar ? "sidecar" : v.init ? "init container" : "container"} ${quote(str(v.spec.name))}`;
}

export function memoryLimit(spec: Json): string | undefined {
  const v = at(spec, "resources", "limits", "memory");
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

export function exitPhrase(code: number, signal?: number): string {
  const info = explainExitCode(code);
  if (signal) return `signal ${signal}${info.signal ? ` (${info.signal.name})` : ""}`;
  return `exit code ${code} (${info.signal ? info.signal.name : info.title})`;
}

/** A kubectl command for this pod: `<pod>`, `<ns>`, `<node>` and `<container>` filled in. */
export function cmd(pod: PodDump, template: string, container?: string): string {
  return template
    .replaceAll("<pod>", pod.name)
    .replaceAll("<ns>", pod.namespace)
    .replaceAll("<node>", pod.node || "<node>")
    .replaceAll("<container>", container ?? "<container>");
}

export const EVENTS = "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>";

export function latestWarning(pod: PodDump, reasons?: string[]): EventSummary | undefined {
  const w = pod.events.filter((e) => e.type === "Warning" && (!reasons || reasons.includes(e.reason)));
  return w[w.length - 1];
}

/** The container whose reason kubectl shows, or the first one in trouble. */
export function culprit(pod: Omit<PodDump, "culprit">): ContainerView | undefined {
  const bad = (v: ContainerView) => {
    const s = v.status;
    if (!s) return false;
    if (obj(at(s, "state", "waiting")) && str(at(s, "state", "waiting", "reason")) && at(s, "state", "waiting", "reason") !== "PodInitializing") return true;
    const t = obj(at(s, "state", "terminated"));
    return Boolean(t && int(t.exitCode) !== 0);
  };
  if (pod.columns.status.startsWith("Init:")) {
    // The first init container not done: a plain one until it terminates, a sidecar until it has started.
    const done = (v: ContainerView) => Boolean(obj(at(v.status, "state", "terminated"))) || (v.sidecar && at(v.status, "started") === true);
    return pod.views.find((v) => v.init && bad(v)) ?? pod.views.find((v) => v.init && !done(v));
  }
  return pod.views.find((v) => !v.init && bad(v)) ?? pod.views.find((v) => v.sidecar && bad(v));
}

/** The culprit's current state, when it has a status. */
export interface CulpritState {
  view: ContainerView;
  waiting?: Json;
  terminated?: Json;
  /** lastState.terminated */
  last?: Json;
  /** The waiting reason ("" when not waiting). */
  waitingReason: string;
  /** The waiting message, trimmed. */
  waitingMessage: string;
}

export function culpritState(pod: PodDump): CulpritState | undefined {
  const view = pod.culprit;
  if (!view?.status) return undefined;
  const waiting = obj(at(view.status, "state", "waiting"));
  return {
    view,
    waiting,
    terminated: obj(at(view.status, "state", "terminated")),
    last: obj(at(view.status, "lastState", "terminated")),
    waitingReason: str(waiting?.reason),
    waitingMessage: str(waiting?.message).trim(),
  };
}

/** The culprit when it is waiting with this reason. */
export function waitingWith(pod: PodDump, reasons: readonly string[]): CulpritState | undefined {
  const c = culpritState(pod);
  return c && reasons.includes(c.waitingReason) ? c : undefined;
}

/** The culprit when its current run ended with a non-zero exit code. */
export function failedRun(pod: PodDump): (CulpritState & { terminated: Json }) | undefined {
  const c = culpritState(pod);
  return c?.terminated && int(c.terminated.exitCode) !== 0 ? (c as CulpritState & { terminated: Json }) : undefined;
}

/** Times an object records as already past: its creation, status transitions, container starts and ends, event sightings. */
function pastTimes(o: Json): unknown[] {
  const status = obj(o.status) ?? {};
  const containerTimes = [...arr(status.initContainerStatuses), ...arr(status.containerStatuses), ...arr(status.ephemeralContainerStatuses)].flatMap((cs) =>
    ["state", "lastState"].flatMap((s) => [at(cs, s, "running", "startedAt"), at(cs, s, "terminated", "startedAt"), at(cs, s, "terminated", "finishedAt")]),
  );
  return [
    at(o, "metadata", "creationTimestamp"),
    ...arr(at(o, "metadata", "managedFields")).map((m) => m.time),
    status.startTime,
    ...arr(status.conditions).flatMap((c) => [c.lastTransitionTime, c.lastUpdateTime, c.lastProbeTime]),
    ...containerTimes,
    o.firstTimestamp,
    o.lastTimestamp,
    o.eventTime,
    at(o, "series", "lastObservedTime"),
  ];
}

/**
 * A lower bound of when a dump was taken: the latest time its objects record as past.
 * Never deletionTimestamp (a deadline, in the future until the grace period ends) nor
 * annotations, which may hold any date.
 */
export function observedSince(objects: Json[]): number | undefined {
  let latest: number | undefined;
  for (const o of objects) {
    for (const t of pastTimes(o)) {
      const ms = typeof t === "string" ? Date.parse(t) : NaN;
      if (Number.isFinite(ms) && (latest === undefined || ms > latest)) latest = ms;
    }
  }
  return latest;
}

/** A pod object of a dump, read once: its namespace ("default" when unset), columns, containers and culprit. */
export function readPod(pod: Json, events: EventSummary[], observedSince?: number): PodDump {
  const seen = {
    pod,
    name: str(at(pod, "metadata", "name")),
    namespace: str(at(pod, "metadata", "namespace")) || "default",
    node: str(at(pod, "spec", "nodeName")),
    columns: podColumns(pod),
    views: containerViews(pod),
    events,
    ...(observedSince !== undefined ? { observedSince } : {}),
  };
  return { ...seen, culprit: culprit(seen) };
}
