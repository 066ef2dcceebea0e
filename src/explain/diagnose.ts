/**
 * `diagnose`: advice on live objects dumped by `kubectl get pods,events,deploy,sts,rs,jobs -o yaml|json`.
 * For every pod: kubectl's STATUS/READY/RESTARTS, each container's state explained, the QoS
 * class reported next to the derived one, the static findings on its spec, and the most likely
 * cause with the next command to run. For workloads: desired vs ready and the pods holding
 * them back.
 */
import { parseAllDocuments } from "yaml";
import { lint } from "../engine/lint.js";
import { PodSpec } from "../models/k8s.js";
import { deriveQos } from "../models/qos.js";
import type { Diagnostic } from "../types.js";
import { explainExitCode } from "./exit-codes.js";
import { arr, at, int, obj, podColumns, str, type Json, type PodColumns } from "./kubectl-status.js";
import type { Config } from "../config/schema.js";

export class DiagnoseInputError extends Error {}

export interface ContainerReport {
  name: string;
  init: boolean;
  state: "running" | "waiting" | "terminated" | "none";
  reason: string | null;
  /** Exit code of the current termination, else of the last one; null when it never ended. */
  exitCode: number | null;
  explanation: string;
}

export interface PodReport {
  name: string;
  namespace: string;
  status: string;
  ready: string;
  restarts: number;
  qosClass: string | null;
  derivedQosClass: string;
  containers: ContainerReport[];
  findings: Diagnostic[];
  /** The most likely cause and the next command to run; null for a healthy pod. */
  likelyCause: string | null;
}

export interface WorkloadReport {
  kind: string;
  name: string;
  namespace: string;
  desired: number;
  ready: number;
}

/** What `diagnose --format json` prints (SPEC §6). */
export interface DiagnoseResult {
  pods: PodReport[];
  workloads: WorkloadReport[];
}

/** What the human output shows beyond the JSON contract. */
export interface PodDetail {
  columns: PodColumns;
  node: string;
  cause?: string;
  next?: string;
  qosReason: string;
  warnings: EventSummary[];
}

export interface WorkloadDetail {
  /** Pods of the workload that are not ready, with their STATUS. */
  heldBackBy: Array<{ name: string; status: string }>;
  /** Pods of the workload found in the input. */
  pods: number;
}

export interface Diagnosis {
  result: DiagnoseResult;
  pods: Array<{ report: PodReport; detail: PodDetail }>;
  workloads: Array<{ report: WorkloadReport; detail: WorkloadDetail }>;
}

export interface DiagnoseSource {
  text: string;
  /** A file path (relative to cwd): findings then name it. Absent for stdin or a string. */
  path?: string;
}

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
}

/**
 * Rules whose findings mean nothing on a live object: the scheduler writes spec.nodeName into
 * every pod it binds, so a dump would be flagged as "pinned" everywhere.
 */
const LIVE_OBJECT_NOISE = new Set(["node-name-pinned"]);

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Job"]);

/** Objects of the dump: Lists flattened, documents without kind ignored. */
export function readObjects(text: string, label = "input"): Json[] {
  const out: Json[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) throw new DiagnoseInputError(`${label} is not valid YAML or JSON: ${doc.errors[0].message.split("\n")[0]}`);
    const push = (v: unknown) => {
      const o = obj(v);
      if (!o || typeof o.kind !== "string") return;
      if ((o.kind === "List" || o.kind.endsWith("List")) && Array.isArray(o.items)) o.items.forEach(push);
      else out.push(o);
    };
    push(doc.toJS({ maxAliasCount: 1000 }));
  }
  return out;
}

const ns = (o: Json) => str(at(o, "metadata", "namespace")) || "default";
const nameOf = (o: Json) => str(at(o, "metadata", "name"));
const key = (kind: string, namespace: string, name: string) => `${kind}\u0000${namespace}\u0000${name}`;

function eventsByPod(objects: Json[]): Map<string, EventSummary[]> {
  const map = new Map<string, EventSummary[]>();
  for (const o of objects) {
    if (o.kind !== "Event") continue;
    const target = obj(o.involvedObject) ?? obj(o.regarding);
    if (!target || target.kind !== "Pod") continue;
    const k = key("Pod", str(target.namespace) || ns(o), str(target.name));
    const list = map.get(k) ?? [];
    list.push({ type: str(o.type), reason: str(o.reason), message: str(o.message) || str(o.note), count: int(o.count) || int(at(o, "series", "count")) || 1 });
    map.set(k, list);
  }
  return map;
}

function condition(pod: Json, type: string): Json | undefined {
  return arr(at(pod, "status", "conditions")).find((c) => c.type === type);
}

function quote(s: string): string {
  return `"${s}"`;
}

// ---------------------------------------------------------------------------------------------
// Containers

interface ContainerView {
  spec: Json;
  status?: Json;
  init: boolean;
  sidecar: boolean;
}

function containerViews(pod: Json): ContainerView[] {
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

function label(v: ContainerView): string {
  return `${v.sidecar ? "sidecar" : v.init ? "init container" : "container"} ${quote(str(v.spec.name))}`;
}

function memoryLimit(spec: Json): string | undefined {
  const v = at(spec, "resources", "limits", "memory");
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}

function exitPhrase(code: number, signal?: number): string {
  const info = explainExitCode(code);
  if (signal) return `signal ${signal}${info.signal ? ` (${info.signal.name})` : ""}`;
  return `exit code ${code} (${info.signal ? info.signal.name : info.title})`;
}

function terminationPhrase(t: Json, spec: Json, alreadySaid = ""): string {
  const reason = str(t.reason);
  const code = int(t.exitCode);
  const parts = [reason ? `${reason}, ${exitPhrase(code, int(t.signal))}` : exitPhrase(code, int(t.signal))];
  if (reason === "OOMKilled") {
    const limit = memoryLimit(spec);
    parts.push(limit ? `it used more than its memory limit ${limit}` : "it has no memory limit: the node ran out of memory");
  }
  const message = str(t.message).trim();
  if (message && reason !== "OOMKilled" && message !== alreadySaid) parts.push(message.split("\n")[0]);
  return parts.join(": ");
}

function containerReport(v: ContainerView): ContainerReport {
  const name = str(v.spec.name);
  const st = v.status;
  const running = obj(at(st, "state", "running"));
  const waiting = obj(at(st, "state", "waiting"));
  const terminated = obj(at(st, "state", "terminated"));
  const last = obj(at(st, "lastState", "terminated"));
  const what = v.sidecar ? "sidecar" : v.init ? "init container" : "container";
  const bits: string[] = [];
  let state: ContainerReport["state"] = "none";
  let reason: string | null = null;
  let exitCode: number | null = last ? int(last.exitCode) : null;
  if (!st) {
    bits.push(`no status yet: the ${what} has not been created`);
  } else if (waiting) {
    state = "waiting";
    reason = str(waiting.reason) || null;
    const message = str(waiting.message).trim().split("\n")[0];
    bits.push(`waiting${reason ? ` (${reason})` : ""}${message ? `: ${message}` : ""}`);
  } else if (terminated) {
    state = "terminated";
    reason = str(terminated.reason) || null;
    exitCode = int(terminated.exitCode);
    bits.push(`${exitCode === 0 ? "finished" : "terminated"}: ${terminationPhrase(terminated, v.spec)}`);
  } else if (running) {
    state = "running";
    bits.push(`running${str(running.startedAt) ? ` since ${str(running.startedAt)}` : ""}${st.ready === true ? ", ready" : ", not ready"}`);
  } else {
    bits.push("no state reported");
  }
  const restarts = int(st?.restartCount);
  if (restarts > 0) bits.push(`restarted ${restarts} time${restarts === 1 ? "" : "s"}`);
  if (last) bits.push(`last run ended ${terminationPhrase(last, v.spec, str(waiting?.message).trim())}`);
  return { name, init: v.init, state, reason, exitCode, explanation: bits.join("; ") };
}

// ---------------------------------------------------------------------------------------------
// The most likely cause

interface Cause {
  cause: string;
  next: string;
}

interface PodContext {
  pod: Json;
  name: string;
  namespace: string;
  node: string;
  columns: PodColumns;
  views: ContainerView[];
  events: EventSummary[];
}

function cmd(ctx: PodContext, template: string, container?: string): string {
  return template
    .replaceAll("<pod>", ctx.name)
    .replaceAll("<ns>", ctx.namespace)
    .replaceAll("<node>", ctx.node || "<node>")
    .replaceAll("<container>", container ?? "<container>");
}

const EVENTS = "kubectl get events -n <ns> --field-selector involvedObject.name=<pod>";

function latestWarning(ctx: PodContext, reasons?: string[]): EventSummary | undefined {
  const w = ctx.events.filter((e) => e.type === "Warning" && (!reasons || reasons.includes(e.reason)));
  return w[w.length - 1];
}

function imageCause(ctx: PodContext, v: ContainerView, reason: string, message: string): Cause {
  const image = str(v.spec.image) || str(v.status?.image);
  const what = label(v);
  const m = message.toLowerCase();
  const pullSecrets = arr(at(ctx.pod, "spec", "imagePullSecrets")).map((s) => str(s.name)).filter(Boolean);
  let cause: string;
  let next = cmd(ctx, EVENTS);
  if (reason === "InvalidImageName") cause = `image reference ${quote(image)} of ${what} is not a valid image name: fix the spec, the kubelet will not retry`;
  else if (reason === "ErrImageNeverPull") {
    cause = `image ${quote(image)} of ${what} is not on node ${quote(ctx.node)} and imagePullPolicy is Never: load it on the node or allow pulls`;
    next = cmd(ctx, "kubectl get node <node> -o jsonpath='{.status.images[*].names}'");
  } else if (/not found|manifest unknown|does not exist|name unknown/.test(m)) {
    cause = `image ${quote(image)} of ${what} does not exist in its registry: check the repository name and the tag`;
  } else if (/unauthorized|denied|forbidden|authentication|401|403/.test(m)) {
    cause = `the registry refused to serve image ${quote(image)} of ${what} without valid credentials (imagePullSecrets: ${pullSecrets.length ? pullSecrets.join(", ") : "none"})`;
    if (pullSecrets.length) next = cmd(ctx, `kubectl get secret ${pullSecrets[0]} -n <ns> -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d`);
  } else if (/toomanyrequests|rate limit/.test(m)) {
    cause = `the registry rate-limits pulls of image ${quote(image)}: authenticate the pulls or mirror the image`;
  } else if (/timeout|no such host|connection refused|dial tcp|i\/o|x509|tls/.test(m) || reason === "RegistryUnavailable") {
    cause = `node ${quote(ctx.node)} cannot reach the registry of image ${quote(image)}${message ? `: ${message.split("\n")[0]}` : ""}`;
  } else if (reason === "ImageInspectError") {
    cause = `the runtime on node ${quote(ctx.node)} cannot read image ${quote(image)}: a damaged image store or an unhealthy runtime`;
    next = cmd(ctx, "kubectl describe node <node>");
  } else if (!message || /^back-off pulling image/i.test(message)) {
    cause = `the kubelet cannot pull image ${quote(image)} of ${what} and is backing off; the pod's events hold the registry's answer (a wrong name or tag, missing credentials, an unreachable registry)`;
  } else {
    cause = `the kubelet cannot pull image ${quote(image)} of ${what}: ${message.split("\n")[0]}`;
  }
  return { cause, next };
}

function configCause(ctx: PodContext, v: ContainerView, message: string): Cause {
  const what = label(v);
  const missing = /(configmap|secret)s?\s+"([^"]+)"\s+not found/i.exec(message);
  if (missing) {
    const kind = missing[1].toLowerCase() === "secret" ? "Secret" : "ConfigMap";
    return {
      cause: `${kind} ${quote(missing[2])} does not exist in namespace ${quote(ctx.namespace)}; ${what} references it, so the kubelet cannot create it`,
      next: cmd(ctx, `kubectl get ${kind.toLowerCase()} ${missing[2]} -n <ns>`),
    };
  }
  const key = /couldn't find key (\S+) in (ConfigMap|Secret) ([^/\s]+)\/(\S+)/i.exec(message);
  if (key) {
    return {
      cause: `key ${quote(key[1])} is missing from ${key[2]} ${quote(key[4])}; ${what} references it`,
      next: cmd(ctx, `kubectl get ${key[2].toLowerCase()} ${key[4]} -n ${key[3]} -o jsonpath='{.data}'`),
    };
  }
  if (/runAsNonRoot/i.test(message)) {
    return {
      cause: `${what} sets runAsNonRoot but its image runs as root (or as a non-numeric user): set runAsUser or use a non-root image`,
      next: cmd(ctx, "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.securityContext}'"),
    };
  }
  return { cause: `the kubelet cannot build the configuration of ${what}${message ? `: ${message}` : ""}`, next: cmd(ctx, "kubectl describe pod <pod> -n <ns>") };
}

function crashCause(ctx: PodContext, v: ContainerView, t: Json | undefined): Cause {
  const name = str(v.spec.name);
  const what = label(v);
  const logs = cmd(ctx, "kubectl logs <pod> -n <ns> -c <container> --previous", name);
  if (!t) return { cause: `${what} keeps exiting`, next: logs };
  const reason = str(t.reason);
  const code = int(t.exitCode);
  if (reason === "OOMKilled") {
    const limit = memoryLimit(v.spec);
    return {
      cause: limit
        ? `${what} was OOM-killed: it needs more memory than its limit ${limit} (exit code 137); raise resources.limits.memory or lower its use`
        : `${what} was OOM-killed without a memory limit: node ${quote(ctx.node)} ran out of memory (exit code 137); set memory requests and limits`,
      next: cmd(ctx, "kubectl top pod <pod> -n <ns> --containers"),
    };
  }
  const liveness = ctx.events.find((e) => e.reason === "Unhealthy" && /liveness/i.test(e.message));
  if ((code === 137 || code === 143) && liveness) {
    return { cause: `the liveness probe of ${what} fails, so the kubelet restarts it: ${liveness.message}`, next: cmd(ctx, "kubectl describe pod <pod> -n <ns>") };
  }
  const killedByProbe = livenessKill(v, t);
  if (killedByProbe) return { cause: `${what} ${killedByProbe}`, next: cmd(ctx, `${EVENTS},reason=Unhealthy`) };
  if (reason === "StartError" || reason === "ContainerCannotRun" || code === 127 || code === 126) {
    const cmdline = [...(Array.isArray(v.spec.command) ? v.spec.command : []), ...(Array.isArray(v.spec.args) ? v.spec.args : [])].join(" ");
    return {
      cause: `${what} cannot start its process${cmdline ? ` (${quote(cmdline)})` : ""}: ${str(t.message).split("\n")[0] || explainExitCode(code).title}`,
      next: cmd(ctx, "kubectl describe pod <pod> -n <ns>"),
    };
  }
  if (code === 0) {
    return {
      cause: `${what} exits successfully (code 0) but the pod restarts it: its command ends instead of running in the foreground`,
      next: logs,
    };
  }
  return { cause: `${what} exits with ${exitPhrase(code, int(t.signal))}; its previous logs say why`, next: logs };
}

/** Seconds between two RFC 3339 times; undefined when either is missing or unreadable. */
function secondsBetween(from: unknown, to: unknown): number | undefined {
  const a = Date.parse(str(from));
  const b = Date.parse(str(to));
  return Number.isFinite(a) && Number.isFinite(b) && b >= a ? (b - a) / 1000 : undefined;
}

/** A liveness window at most this long counts as short when the run's length is unknown. */
const SHORT_LIVENESS_WINDOW_SECONDS = 30;

/**
 * Recognises a liveness kill from the pod alone, for dumps without Events: the kubelet stops a
 * container whose liveness probe fails with SIGTERM, then SIGKILL after the grace period
 * (pkg/kubelet/kuberuntime killContainer), so the last run ended with exit code 143 or 137 and
 * reason Error (not OOMKilled); the container has a liveness probe whose failure window
 * (initialDelaySeconds + periodSeconds x failureThreshold, upstream defaults 0, 10, 3) is short,
 * or no longer than the run itself; and it restarted. Returns the cause after the container's name.
 */
function livenessKill(v: ContainerView, t: Json): string | undefined {
  const probe = obj(v.spec.livenessProbe);
  const code = int(t.exitCode);
  const reason = str(t.reason);
  if (!probe || (code !== 137 && code !== 143) || (reason !== "Error" && reason !== "") || int(v.status?.restartCount) === 0) return undefined;
  const num = (k: string, fallback: number) => (typeof probe[k] === "number" && (probe[k] as number) >= 0 ? (probe[k] as number) : fallback);
  const delay = num("initialDelaySeconds", 0);
  const period = num("periodSeconds", 10) || 10;
  const failures = num("failureThreshold", 3) || 3;
  const window = delay + period * failures;
  const ran = secondsBetween(t.startedAt, t.finishedAt);
  if (ran !== undefined ? ran < window : window > SHORT_LIVENESS_WINDOW_SECONDS) return undefined;
  const signal = code === 143 ? "exit code 143 (SIGTERM)" : "exit code 137 (SIGKILL)";
  return (
    `is most likely restarted by its liveness probe: its last run ended with ${signal} and reason Error, not OOMKilled` +
    `${ran !== undefined ? `, after ${ran}s` : ""}, and the probe gives up after ${window}s (initialDelaySeconds ${delay} + periodSeconds ${period} x failureThreshold ${failures});` +
    " the kubelet sends SIGTERM, then SIGKILL after the grace period; check the probe's endpoint, or give a slow start a startupProbe or a longer window"
  );
}

/** The container whose reason kubectl shows, or the first one in trouble. */
function culprit(ctx: PodContext): ContainerView | undefined {
  const bad = (v: ContainerView) => {
    const s = v.status;
    if (!s) return false;
    if (obj(at(s, "state", "waiting")) && str(at(s, "state", "waiting", "reason")) && at(s, "state", "waiting", "reason") !== "PodInitializing") return true;
    const t = obj(at(s, "state", "terminated"));
    return Boolean(t && int(t.exitCode) !== 0);
  };
  if (ctx.columns.status.startsWith("Init:")) {
    return ctx.views.find((v) => v.init && bad(v)) ?? ctx.views.find((v) => v.init && !obj(at(v.status, "state", "terminated")));
  }
  return ctx.views.find((v) => !v.init && bad(v)) ?? ctx.views.find((v) => v.sidecar && bad(v));
}

function likelyCause(ctx: PodContext): Cause | undefined {
  const { pod } = ctx;
  const status = obj(pod.status) ?? {};
  const reason = str(status.reason);
  const message = str(status.message).trim();
  const phase = str(status.phase);

  if (at(pod, "metadata", "deletionTimestamp") && ctx.columns.status !== "Completed" && (phase !== "Succeeded" && phase !== "Failed")) {
    const finalizers = Array.isArray(at(pod, "metadata", "finalizers")) ? (at(pod, "metadata", "finalizers") as unknown[]).map(String) : [];
    if (reason === "NodeLost" || condition(pod, "Ready")?.status === "Unknown") {
      return {
        cause: `node ${quote(ctx.node)} stopped reporting, so nobody can confirm the deletion; the pod goes once the node returns or its Node object is removed`,
        next: cmd(ctx, "kubectl get node <node>"),
      };
    }
    if (finalizers.length) {
      return {
        cause: `the pod was deleted at ${str(at(pod, "metadata", "deletionTimestamp"))} and waits for finalizer${finalizers.length > 1 ? "s" : ""} ${finalizers.map(quote).join(", ")} to be removed by ${finalizers.length > 1 ? "their controllers" : "its controller"}`,
        next: cmd(ctx, "kubectl get pod <pod> -n <ns> -o jsonpath='{.metadata.finalizers}'"),
      };
    }
    const grace = int(at(pod, "metadata", "deletionGracePeriodSeconds")) || int(at(pod, "spec", "terminationGracePeriodSeconds")) || 30;
    return {
      cause: `the pod was deleted and is shutting down; the kubelet sends SIGKILL after the ${grace}s grace period if the process ignores SIGTERM`,
      next: cmd(ctx, "kubectl describe pod <pod> -n <ns>"),
    };
  }

  if (reason === "Evicted") {
    const resource = /low on resource:\s*([\w./-]+?)\.?(?:\s|$)/i.exec(message)?.[1];
    const user = /Container (\S+) was using ([^,\s]+), request is ([^,\s]+)/i.exec(message);
    // Quantities end the kubelet's sentences ("... limit of containers 1Gi. "): the period is not part of them.
    const podLimit = /ephemeral local storage usage exceeds the total limit of containers (\S+?)\.?(?:\s|$)/i.exec(message);
    const emptyDir = /EmptyDir volume "([^"]+)" exceeds the limit "([^"]+)"/i.exec(message);
    const containerLimit = /Container (\S+) exceeded its local ephemeral storage limit "([^"]+)"/i.exec(message);
    let cause: string;
    if (resource) {
      cause = `node ${quote(ctx.node)} was low on ${resource}, so the kubelet evicted the pod`;
      if (user) cause += `; container ${quote(user[1])} was using ${user[2]} of ${resource} against a request of ${user[3]}`;
      cause += `; set ${resource} requests (and limits) that cover its real use`;
    } else if (emptyDir) cause = `emptyDir volume ${quote(emptyDir[1])} grew past its sizeLimit ${emptyDir[2]}, so the kubelet evicted the pod (ephemeral-storage)`;
    else if (containerLimit) cause = `container ${quote(containerLimit[1])} exceeded its ephemeral-storage limit ${containerLimit[2]}, so the kubelet evicted the pod`;
    else if (podLimit) cause = `the pod's ephemeral-storage use exceeded ${podLimit[1]}, the total limit of its containers, so the kubelet evicted it`;
    else cause = `the kubelet evicted the pod${message ? `: ${message}` : ""}`;
    return { cause, next: cmd(ctx, "kubectl describe node <node>") };
  }

  if (/^OutOf/.test(reason)) {
    return {
      cause: `the kubelet on node ${quote(ctx.node)} rejected the pod: not enough ${reason.slice(5)} for its requests${message ? ` (${message})` : ""}; this happens when the scheduler is bypassed (spec.nodeName) or raced`,
      next: cmd(ctx, "kubectl describe node <node>"),
    };
  }
  if (reason === "DeadlineExceeded") {
    return { cause: `the pod ran past its activeDeadlineSeconds and was stopped${message ? `: ${message}` : ""}`, next: cmd(ctx, "kubectl logs <pod> -n <ns>") };
  }
  if (reason === "NodeLost" || phase === "Unknown") {
    return { cause: `node ${quote(ctx.node)} stopped reporting the pod's state${message ? `: ${message}` : ""}`, next: cmd(ctx, "kubectl describe node <node>") };
  }

  const scheduled = condition(pod, "PodScheduled");
  if (ctx.columns.status === "SchedulingGated") {
    const gates = arr(at(pod, "spec", "schedulingGates")).map((g) => str(g.name)).filter(Boolean);
    return {
      cause: `scheduling gate${gates.length === 1 ? "" : "s"} ${gates.map(quote).join(", ") || "(unnamed)"} still set: the controller that owns ${gates.length === 1 ? "it" : "them"} has not released the pod`,
      next: cmd(ctx, "kubectl get pod <pod> -n <ns> -o jsonpath='{.spec.schedulingGates}'"),
    };
  }
  if (scheduled?.status === "False") {
    const msg = str(scheduled.message) || latestWarning(ctx, ["FailedScheduling"])?.message || "";
    let next = cmd(ctx, EVENTS);
    if (/Insufficient/i.test(msg)) next = "kubectl describe nodes | grep -A 8 'Allocated resources'";
    else if (/PersistentVolumeClaim|volume node affinity/i.test(msg)) next = cmd(ctx, "kubectl get pvc -n <ns>");
    else if (/taint/i.test(msg)) next = "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints";
    else if (/affinity|selector/i.test(msg)) next = "kubectl get nodes --show-labels";
    return { cause: `the scheduler cannot place the pod: ${msg ? quote(msg) : "no node fits (no message recorded)"}`, next };
  }

  const v = culprit(ctx);
  if (v?.status) {
    const waiting = obj(at(v.status, "state", "waiting"));
    const terminated = obj(at(v.status, "state", "terminated"));
    const last = obj(at(v.status, "lastState", "terminated"));
    const wr = str(waiting?.reason);
    const wm = str(waiting?.message).trim();
    const name = str(v.spec.name);
    const what = label(v);
    if (["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable", "ImageInspectError"].includes(wr)) {
      const pullEvent = latestWarning(ctx, ["Failed"])?.message ?? "";
      return imageCause(ctx, v, wr, `${wm} ${pullEvent}`.trim());
    }
    if (wr === "CreateContainerConfigError") return configCause(ctx, v, wm);
    if (wr === "CreateContainerError" || wr === "RunContainerError" || wr === "PostStartHookError" || wr === "PreStartHookError") {
      return { cause: `the runtime cannot ${wr === "CreateContainerError" ? "create" : "start"} ${what}${wm ? `: ${wm.split("\n")[0]}` : ""}`, next: cmd(ctx, "kubectl describe pod <pod> -n <ns>") };
    }
    if (wr === "CreatePodSandboxError") {
      const ev = latestWarning(ctx, ["FailedCreatePodSandBox"]);
      return { cause: `the pod sandbox (network) cannot be created on node ${quote(ctx.node)}${ev || wm ? `: ${(ev?.message ?? wm).split("\n")[0]}` : ""}`, next: cmd(ctx, "kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=<node>") };
    }
    if (wr === "CrashLoopBackOff") return crashCause(ctx, v, last ?? terminated);
    if (terminated && str(terminated.reason) === "ContainerStatusUnknown") {
      return { cause: `the kubelet lost track of ${what} (node restart or runtime failure) and recorded exit code 137`, next: cmd(ctx, "kubectl describe node <node>") };
    }
    if (terminated && int(terminated.exitCode) !== 0) return crashCause(ctx, v, terminated);
    if (ctx.columns.status.startsWith("Init:") && !waiting && !terminated) {
      return { cause: `init container ${quote(name)} is still running; the app containers start when it exits 0`, next: cmd(ctx, "kubectl logs <pod> -n <ns> -c <container>", name) };
    }
  }

  if (ctx.columns.status === "ContainerCreating" || ctx.columns.status === "PodInitializing" || /^Init:\d+\/\d+$/.test(ctx.columns.status)) {
    const ev = latestWarning(ctx, ["FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox"]);
    if (ev) return { cause: `the kubelet cannot prepare the pod (${ev.reason}): ${ev.message}`, next: cmd(ctx, "kubectl describe pod <pod> -n <ns>") };
    if (/^Init:\d+\/\d+$/.test(ctx.columns.status)) {
      const running = ctx.views.find((x) => x.init && !x.sidecar && obj(at(x.status, "state", "running")));
      if (running) {
        const n = str(running.spec.name);
        return { cause: `init container ${quote(n)} is still running; the app containers start when it exits 0`, next: cmd(ctx, "kubectl logs <pod> -n <ns> -c <container>", n) };
      }
    }
    return { cause: "the kubelet is still preparing the pod (pulling images, mounting volumes, setting up the network)", next: cmd(ctx, EVENTS) };
  }

  if (ctx.columns.status === "Pending") {
    if (!ctx.node) return { cause: "the pod is not scheduled yet and no scheduler message is recorded", next: cmd(ctx, EVENTS) };
    return { cause: `the pod is bound to node ${quote(ctx.node)} but its containers have not been created yet`, next: cmd(ctx, EVENTS) };
  }

  if (phase === "Succeeded" || ctx.columns.status === "Completed") return undefined;

  if (ctx.columns.status === "NotReady") {
    const done = ctx.views.find((x) => !x.init && int(at(x.status, "state", "terminated", "exitCode")) === 0 && obj(at(x.status, "state", "terminated")));
    const policy = str(at(pod, "spec", "restartPolicy")) || "Always";
    if (done) {
      return {
        cause: `${label(done)} completed while the others still run; with restartPolicy ${policy} ${policy === "Always" ? "it is restarted, and the pod is not ready meanwhile" : "it is not restarted, so the pod stays not ready"}`,
        next: cmd(ctx, "kubectl logs <pod> -n <ns> -c <container>", str(done.spec.name)),
      };
    }
  }

  // Running: not ready, or restarting between two looks.
  const notReady = ctx.views.find((x) => !x.init && x.status && obj(at(x.status, "state", "running")) && x.status.ready !== true);
  if (notReady) {
    const n = str(notReady.spec.name);
    const probe = ctx.events.find((e) => e.reason === "Unhealthy" && /readiness/i.test(e.message));
    return {
      cause: probe
        ? `container ${quote(n)} runs but its readiness probe fails: ${probe.message}; the pod gets no Service traffic`
        : `container ${quote(n)} runs but is not ready${obj(notReady.spec.readinessProbe) ? ": its readiness probe does not pass" : ""}; the pod gets no Service traffic`,
      next: cmd(ctx, `${EVENTS},reason=Unhealthy`),
    };
  }
  const restarted = ctx.views.find((x) => x.status && int(x.status.restartCount) > 0 && obj(at(x.status, "lastState", "terminated")));
  if (restarted && ctx.columns.restarts > 0) {
    const last = obj(at(restarted.status, "lastState", "terminated"))!;
    const c = crashCause(ctx, restarted, last);
    return { cause: `running now, but ${c.cause} (${int(restarted.status!.restartCount)} restart${int(restarted.status!.restartCount) === 1 ? "" : "s"})`, next: c.next };
  }
  if (phase === "Failed") return { cause: `the pod failed${message ? `: ${message}` : ""}`, next: cmd(ctx, "kubectl describe pod <pod> -n <ns>") };
  return undefined;
}

/** A cause ends in ". Next:": quoted kubelet and runtime messages lose their own final period. */
function asClause(cause: Cause | undefined): Cause | undefined {
  return cause && { ...cause, cause: cause.cause.replace(/[\s.]+$/, "") };
}

// ---------------------------------------------------------------------------------------------

function qosOf(pod: Json): { qosClass: string; reason: string } {
  const decision = deriveQos(PodSpec.parse(pod.spec ?? {}));
  return { qosClass: decision.qosClass, reason: decision.reason };
}

function workloadReport(o: Json): WorkloadReport {
  const kind = str(o.kind);
  const spec = obj(o.spec) ?? {};
  const status = obj(o.status) ?? {};
  let desired: number;
  let ready: number;
  if (kind === "DaemonSet") {
    desired = int(status.desiredNumberScheduled);
    ready = int(status.numberReady);
  } else if (kind === "Job") {
    desired = typeof spec.completions === "number" ? spec.completions : 1;
    ready = int(status.succeeded);
  } else {
    desired = typeof spec.replicas === "number" ? spec.replicas : 1;
    ready = int(status.readyReplicas);
  }
  return { kind, name: nameOf(o), namespace: ns(o), desired, ready };
}

function controllerOf(o: Json): { kind: string; name: string } | undefined {
  const refs = arr(at(o, "metadata", "ownerReferences"));
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  return ref ? { kind: str(ref.kind), name: str(ref.name) } : undefined;
}

async function findingsBySource(sources: DiagnoseSource[], cwd: string | undefined, config: Config): Promise<Diagnostic[]> {
  const all: Diagnostic[] = [];
  for (const s of sources) {
    const result = s.path ? await lint([s.path], { cwd, config }) : await lint(["-"], { stdin: s.text, cwd, config });
    for (const f of result.files) all.push(...f.diagnostics);
  }
  return all;
}

export interface DiagnoseOptions {
  cwd?: string;
  /** Rule severities and exclusions for the static findings, as for `lint()`. */
  config?: Config;
}

/** The full analysis; `diagnose()` returns its JSON part. */
export async function analyze(input: string | DiagnoseSource[], options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const sources = typeof input === "string" ? [{ text: input }] : input;
  const objects = sources.flatMap((s) => readObjects(s.text, s.path ?? "input"));
  const events = eventsByPod(objects);
  const pods = objects.filter((o) => o.kind === "Pod");
  const findings = pods.length ? await findingsBySource(sources, options.cwd, options.config ?? {}) : [];

  const podEntries: Diagnosis["pods"] = [];
  for (const pod of pods) {
    const name = nameOf(pod);
    const namespace = ns(pod);
    const columns = podColumns(pod);
    const views = containerViews(pod);
    const podEvents = events.get(key("Pod", namespace, name)) ?? [];
    const ctx: PodContext = { pod, name, namespace, node: str(at(pod, "spec", "nodeName")), columns, views, events: podEvents };
    const cause = asClause(likelyCause(ctx));
    const qos = qosOf(pod);
    const report: PodReport = {
      name,
      namespace,
      status: columns.status,
      ready: columns.ready,
      restarts: columns.restarts,
      qosClass: str(at(pod, "status", "qosClass")) || null,
      derivedQosClass: qos.qosClass,
      containers: views.map(containerReport),
      findings: findings.filter(
        (d) => d.resource.kind === "Pod" && d.resource.name === name && d.resource.namespace === namespace && !LIVE_OBJECT_NOISE.has(d.ruleId),
      ),
      likelyCause: cause ? `${cause.cause}. Next: ${cause.next}` : null,
    };
    podEntries.push({
      report,
      detail: {
        columns,
        node: ctx.node,
        ...(cause ? { cause: cause.cause, next: cause.next } : {}),
        qosReason: qos.reason,
        warnings: podEvents.filter((e) => e.type === "Warning"),
      },
    });
  }

  // Pods of each workload: through controller owner references (Deployment -> ReplicaSet -> Pod).
  const owned = new Map<string, Json[]>();
  const rsOwner = new Map<string, string>();
  for (const o of objects) {
    if (o.kind === "ReplicaSet") {
      const c = controllerOf(o);
      if (c?.kind === "Deployment") rsOwner.set(key("ReplicaSet", ns(o), nameOf(o)), key("Deployment", ns(o), c.name));
    }
  }
  for (const pod of pods) {
    const c = controllerOf(pod);
    if (!c) continue;
    const direct = key(c.kind, ns(pod), c.name);
    const keys = [direct];
    if (c.kind === "ReplicaSet") {
      const hash = str(at(pod, "metadata", "labels", "pod-template-hash"));
      const deploy = rsOwner.get(direct) ?? (hash && c.name.endsWith(`-${hash}`) ? key("Deployment", ns(pod), c.name.slice(0, -hash.length - 1)) : undefined);
      if (deploy) keys.push(deploy);
    }
    for (const k of keys) owned.set(k, [...(owned.get(k) ?? []), pod]);
  }
  const statusByPod = new Map(podEntries.map((p) => [key("Pod", p.report.namespace, p.report.name), p.report.status]));
  const workloads: Diagnosis["workloads"] = [];
  for (const o of objects) {
    if (!WORKLOAD_KINDS.has(str(o.kind))) continue;
    const report = workloadReport(o);
    const mine = owned.get(key(report.kind, report.namespace, report.name)) ?? [];
    const heldBackBy = mine
      .filter((p) => condition(p, "Ready")?.status !== "True" && !(report.kind === "Job" && str(at(p, "status", "phase")) === "Succeeded"))
      .map((p) => ({ name: nameOf(p), status: statusByPod.get(key("Pod", ns(p), nameOf(p))) ?? "" }));
    workloads.push({ report, detail: { heldBackBy, pods: mine.length } });
  }

  return {
    result: { pods: podEntries.map((p) => p.report), workloads: workloads.map((w) => w.report) },
    pods: podEntries,
    workloads,
  };
}

/** `diagnose --format json` as a function: the SPEC §6 object for a kubectl dump. */
export async function diagnose(input: string | DiagnoseSource[], options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  return (await analyze(input, options)).result;
}
