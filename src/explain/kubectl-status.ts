/**
 * The STATUS, READY and RESTARTS columns of `kubectl get pods`, computed from a pod object the
 * way kubectl's printPod does (k8s.io/kubernetes pkg/printers/internalversion/printers.go):
 * phase, then status.reason, then a SchedulingGated condition; init containers (sidecars with
 * restartPolicy Always count as regular containers once started); then regular containers read
 * last to first, so the first container with a reason wins; finally deletion (Terminating, or
 * Unknown for a pod on a lost node).
 */

/** A JSON object read leniently: wrong types read as absent. */
export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map((x) => obj(x) ?? {}) : []);
export const str = (v: unknown): string => (typeof v === "string" ? v : "");
export const int = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : 0);
export const at = (v: unknown, ...path: string[]): unknown => {
  let cur: unknown = v;
  for (const key of path) {
    const o = obj(cur);
    if (!o) return undefined;
    cur = o[key];
  }
  return cur;
};

export interface PodColumns {
  /** The STATUS column. */
  status: string;
  /** READY as `ready/total`. */
  ready: string;
  readyContainers: number;
  totalContainers: number;
  /** RESTARTS (kubectl prints the count; sidecar restarts only while the pod initialises). */
  restarts: number;
  /** When the latest counted restart finished (ISO time), if any. */
  lastRestart?: string;
}

const NODE_LOST = "NodeLost";

function conditionTrue(status: Json | undefined, type: string): boolean {
  return arr(status?.conditions).some((c) => c.type === type && c.status === "True");
}

/** Terminated state shown kubectl-style: its reason, else Signal:N, else ExitCode:N. */
function terminatedReason(t: Json): string {
  const reason = str(t.reason);
  if (reason) return reason;
  const signal = int(t.signal);
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${int(t.exitCode)}`;
}

function laterOf(current: string | undefined, cs: Json): string | undefined {
  const finished = str(at(cs, "lastState", "terminated", "finishedAt"));
  if (!obj(at(cs, "lastState", "terminated")) || !finished) return current;
  if (!current || Date.parse(finished) > Date.parse(current)) return finished;
  return current;
}

export function podColumns(pod: unknown): PodColumns {
  const spec = obj(at(pod, "spec")) ?? {};
  const status = obj(at(pod, "status"));
  const phase = str(status?.phase);
  let reason = str(status?.reason) || phase;

  if (arr(status?.conditions).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated")) {
    reason = "SchedulingGated";
  }

  const initSpecs = arr(spec.initContainers);
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === "Always").map((c) => str(c.name)));
  let total = arr(spec.containers).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;

  let initializing = false;
  const initStatuses = arr(status?.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const name = str(cs.name);
    restarts += int(cs.restartCount);
    lastRestart = laterOf(lastRestart, cs);
    if (sidecars.has(name)) {
      sidecarRestarts += int(cs.restartCount);
      lastSidecarRestart = laterOf(lastSidecarRestart, cs);
    }
    const terminated = obj(at(cs, "state", "terminated"));
    const waiting = obj(at(cs, "state", "waiting"));
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (sidecars.has(name) && cs.started === true) {
      if (cs.ready === true) ready++;
      continue;
    }
    if (terminated) {
      reason = `Init:${terminatedReason(terminated)}`;
    } else if (waiting && str(waiting.reason) && waiting.reason !== "PodInitializing") {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = arr(status?.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += int(cs.restartCount);
      lastRestart = laterOf(lastRestart, cs);
      const waiting = obj(at(cs, "state", "waiting"));
      const terminated = obj(at(cs, "state", "terminated"));
      if (waiting && str(waiting.reason)) reason = str(waiting.reason);
      else if (terminated) reason = terminatedReason(terminated);
      else if (cs.ready === true && obj(at(cs, "state", "running"))) {
        hasRunning = true;
        ready++;
      }
    }
    // A completed container beside one still running leaves the pod running, not completed.
    if (reason === "Completed" && hasRunning) reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
  }

  const deleting = Boolean(at(pod, "metadata", "deletionTimestamp"));
  if (deleting && str(status?.reason) === NODE_LOST) reason = "Unknown";
  else if (deleting && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  total = Math.max(total, 0);
  return {
    status: reason,
    ready: `${ready}/${total}`,
    readyContainers: ready,
    totalContainers: total,
    restarts,
    ...(restarts > 0 && lastRestart ? { lastRestart } : {}),
  };
}
