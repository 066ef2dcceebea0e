/**
 * Causes more than one status topic tells (an image that cannot be pulled, a container that
 * keeps exiting, a pod still being prepared): each topic's detector recognises its status in a
 * dump and calls one of these for the words.
 */
import { explainExitCode } from "./exit-codes.js";
import { arr, at, int, obj, str, type Json } from "./kubectl-status.js";
import { cmd, EVENTS, exitPhrase, label, latestWarning, memoryLimit, podStatus, quote, type Cause, type ContainerView, type CulpritState, type PodDump } from "./pod-dump.js";

export function imageCause(ctx: PodDump, v: ContainerView, reason: string, message: string): Cause {
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

export function configCause(ctx: PodDump, v: ContainerView, message: string): Cause {
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

export function crashCause(ctx: PodDump, v: ContainerView, t: Json | undefined): Cause {
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


/** An image reason of the culprit (ErrImagePull and the rest): the registry's answer, from the status or the pull event. */
export function pullCause(pod: PodDump, c: CulpritState): Cause {
  const pullEvent = latestWarning(pod, ["Failed"])?.message ?? "";
  return imageCause(pod, c.view, c.waitingReason, `${c.waitingMessage} ${pullEvent}`.trim());
}

/** The culprit keeps exiting: its last run, else its current one, says why. */
export function crashLoopCause(pod: PodDump, c: CulpritState): Cause {
  return crashCause(pod, c.view, c.last ?? c.terminated);
}

/** The runtime cannot create or start the culprit (CreateContainerError, RunContainerError, a hook error). */
export function runtimeCause(pod: PodDump, c: CulpritState): Cause {
  const wm = c.waitingMessage;
  return {
    cause: `the runtime cannot ${c.waitingReason === "CreateContainerError" ? "create" : "start"} ${label(c.view)}${wm ? `: ${wm.split("\n")[0]}` : ""}`,
    next: cmd(pod, "kubectl describe pod <pod> -n <ns>"),
  };
}

/** The kubelet on the pod's node rejected it for lack of a resource (status.reason OutOf<resource>). */
export function outOfResourceCause(pod: PodDump): Cause {
  const { reason, message } = podStatus(pod.pod);
  return {
    cause: `the kubelet on node ${quote(pod.node)} rejected the pod: not enough ${reason.slice(5)} for its requests${message ? ` (${message})` : ""}; this happens when the scheduler is bypassed (spec.nodeName) or raced`,
    next: cmd(pod, "kubectl describe node <node>"),
  };
}

/** The pod's node stopped reporting (status.reason NodeLost, or phase Unknown). */
export function nodeSilentCause(pod: PodDump): Cause {
  const { message } = podStatus(pod.pod);
  return { cause: `node ${quote(pod.node)} stopped reporting the pod's state${message ? `: ${message}` : ""}`, next: cmd(pod, "kubectl describe node <node>") };
}

/**
 * An init container is running: the app containers wait for it. A plain one until it exits 0; a
 * sidecar (restartPolicy Always) never exits, and the next container starts once it has started:
 * its startupProbe passed and its postStart hook returned (kubelet computeInitContainerActions).
 */
export function initRunningCause(pod: PodDump, view: ContainerView): Cause {
  const name = str(view.spec.name);
  if (view.sidecar) {
    return {
      cause: `sidecar ${quote(name)} has not started yet (status.started is false): the containers after it start once its startupProbe succeeds and its postStart hook returns; a sidecar keeps running`,
      next: cmd(pod, "kubectl describe pod <pod> -n <ns>"),
    };
  }
  return { cause: `init container ${quote(name)} is still running; the app containers start when it exits 0`, next: cmd(pod, "kubectl logs <pod> -n <ns> -c <container>", name) };
}

/**
 * The kubelet is preparing the pod (ContainerCreating, PodInitializing, Init:N/M): a mount,
 * attach or sandbox failure from the events, a running init container, or still at work.
 */
export function preparingCause(pod: PodDump): Cause {
  const ev = latestWarning(pod, ["FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox"]);
  if (ev) return { cause: `the kubelet cannot prepare the pod (${ev.reason}): ${ev.message}`, next: cmd(pod, "kubectl describe pod <pod> -n <ns>") };
  if (/^Init:\d+\/\d+$/.test(pod.columns.status)) {
    const running = pod.views.find((x) => x.init && !x.sidecar && obj(at(x.status, "state", "running")));
    if (running) return initRunningCause(pod, running);
  }
  return { cause: "the kubelet is still preparing the pod (pulling images, mounting volumes, setting up the network)", next: cmd(pod, EVENTS) };
}
