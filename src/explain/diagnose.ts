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
import { arr, at, int, obj, str, type Json, type PodColumns } from "./kubectl-status.js";
import { cmd, condition, exitPhrase, observedSince, readPod, memoryLimit, podStatus, type Cause, type ContainerView, type EventSummary, type PodDump } from "./pod-dump.js";
import { diagnosisOrder } from "./topics/index.js";
import type { Config } from "../config/schema.js";

export type { EventSummary } from "./pod-dump.js";

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
  /** A Job's status.active: its pods still pending or running (0 for other kinds). */
  active: number;
}

/** An object of the input that is not a live object: a manifest, left out of the diagnosis. */
export interface ManifestObject {
  kind: string;
  name: string;
  namespace: string;
  source?: string;
}

export interface Diagnosis {
  result: DiagnoseResult;
  pods: Array<{ report: PodReport; detail: PodDetail }>;
  workloads: Array<{ report: WorkloadReport; detail: WorkloadDetail }>;
  /** Pods and workloads without status: manifests, not `kubectl get` output. */
  manifests: ManifestObject[];
}

export interface DiagnoseSource {
  text: string;
  /** A file path (relative to cwd): findings then name it. Absent for stdin or a string. */
  path?: string;
}

/**
 * Rules whose findings mean nothing on a live object: the scheduler writes spec.nodeName into
 * every pod it binds, so a dump would be flagged as "pinned" everywhere.
 */
const LIVE_OBJECT_NOISE = new Set(["node-name-pinned"]);

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController", "DaemonSet", "Job"]);

/**
 * Whether a pod or workload was read from the API server: it has a status, or server-set
 * metadata (uid, resourceVersion) for an object so new that its controller has not written one.
 * A manifest has neither (`kubectl create --dry-run=client -o yaml` writes `status: {}`).
 */
export function isLiveObject(o: Json): boolean {
  const status = obj(o.status);
  return Boolean((status && Object.keys(status).length > 0) || str(at(o, "metadata", "uid")) || str(at(o, "metadata", "resourceVersion")));
}

/** Hint for an object without status: what it is and what to run instead. */
export const MANIFEST_HINT = "no status: this is a manifest, not `kubectl get -o yaml` output; lint it with `k8s-lint <file>`";

/**
 * Whether a workload falls short of its desired count. A Job with pods still active is
 * running, not short: its succeeded count grows as they finish.
 */
export function belowDesired(w: { report: WorkloadReport; detail: WorkloadDetail }): boolean {
  if (w.report.ready >= w.report.desired) return false;
  return !(w.report.kind === "Job" && w.detail.active > 0);
}

/** Whether the diagnosis found trouble: a pod with a likely cause or a workload below its desired count. */
export function hasProblems(d: Diagnosis): boolean {
  return d.pods.some((p) => p.report.likelyCause !== null) || d.workloads.some(belowDesired);
}

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

// ---------------------------------------------------------------------------------------------
// Containers

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

/**
 * The most likely cause: the first status topic in `diagnosisOrder` that recognises the pod
 * (each topic owns how its status shows in a dump), else, for a failed pod no topic names, the
 * pod's own message.
 */
function likelyCause(pod: PodDump): Cause | undefined {
  for (const topic of diagnosisOrder) {
    const found = topic.detect(pod);
    if (found !== undefined) return found ?? undefined;
  }
  const { phase, message } = podStatus(pod.pod);
  if (phase === "Failed") return { cause: `the pod failed${message ? `: ${message}` : ""}`, next: cmd(pod, "kubectl describe pod <pod> -n <ns>") };
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
  const read = sources.flatMap((s, dump) => readObjects(s.text, s.path ?? "input").map((object) => ({ object, source: s.path, dump })));
  const isSubject = (o: Json) => o.kind === "Pod" || WORKLOAD_KINDS.has(str(o.kind));
  const manifests: ManifestObject[] = read
    .filter(({ object: o }) => isSubject(o) && !isLiveObject(o))
    .map(({ object: o, source }) => ({ kind: str(o.kind), name: nameOf(o), namespace: ns(o), ...(source ? { source } : {}) }));
  const objects = read.map((r) => r.object).filter((o) => !isSubject(o) || isLiveObject(o));
  // Each source is one dump, taken at its own time.
  const dumpTime = sources.map((_, dump) => observedSince(read.filter((r) => r.dump === dump).map((r) => r.object)));
  const dumpOf = new Map(read.map((r) => [r.object, r.dump]));
  const events = eventsByPod(objects);
  const pods = objects.filter((o) => o.kind === "Pod");
  const findings = pods.length ? await findingsBySource(sources, options.cwd, options.config ?? {}) : [];

  const podEntries: Diagnosis["pods"] = [];
  for (const pod of pods) {
    const ctx = readPod(pod, events.get(key("Pod", ns(pod), nameOf(pod))) ?? [], dumpTime[dumpOf.get(pod) ?? -1]);
    const { name, namespace, columns, views, events: podEvents } = ctx;
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
    workloads.push({ report, detail: { heldBackBy, pods: mine.length, active: report.kind === "Job" ? int(at(o, "status", "active")) : 0 } });
  }

  return {
    result: { pods: podEntries.map((p) => p.report), workloads: workloads.map((w) => w.report) },
    pods: podEntries,
    workloads,
    manifests,
  };
}

/** `diagnose --format json` as a function: the SPEC §6 object for a kubectl dump. */
export async function diagnose(input: string | DiagnoseSource[], options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  return (await analyze(input, options)).result;
}
