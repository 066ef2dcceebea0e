import type { Container } from "../../models/k8s.js";
import type { Path } from "../../types.js";
import { defineRule } from "../types.js";
import { handlersOf, probesOf, timing, type ProbeSite } from "./probes.js";

export const rule = defineRule({
  id: "liveness-equals-readiness",
  category: "probes",
  severity: "warning",
  appliesTo: "workloads",
  summary: "The liveness probe makes the same check as the readiness probe, so a pod that should only leave the endpoints is restarted.",
  explanation: `Readiness and liveness answer different questions. A failed readiness probe takes the pod
out of its Services until it recovers (a busy pod, a slow database); a failed liveness probe
kills and restarts the container. When both probes call the same check with the same
timing, they fail at the same moment: every transient overload that should only shed
traffic also restarts the container, which drops in-flight requests, loses warm caches and,
when the cause is a shared dependency, restarts every replica at once into CrashLoopBackOff.
Probes that share an endpoint but give liveness a longer failure window (a higher
failureThreshold or period) are fine and not reported; a different initialDelaySeconds or
successThreshold does not change when a running pod's probes fail, so such probes are still the
same check.`,
  fix: `Point the liveness probe at a cheap "is the process alive" check that does not depend on
downstream services, or give it a clearly longer failure window (for example
failureThreshold: 6) than the readiness probe.`,
  preventsStatus: ["CrashLoopBackOff", "Running", "NotReady"],
  check({ resource, memo, report }) {
    // The sites of one container share its path (probesOf), so the path itself is the key.
    const byContainer = new Map<Path, Partial<Record<ProbeSite["kind"], ProbeSite>>>();
    for (const site of probesOf(resource, memo)) {
      const entry = byContainer.get(site.containerPath) ?? {};
      entry[site.kind] = site;
      byContainer.set(site.containerPath, entry);
    }
    for (const { livenessProbe: live, readinessProbe: ready } of byContainer.values()) {
      if (!live || !ready || !sameFailureWindow(live, ready)) continue;
      if (fingerprint(live, live.container) !== fingerprint(ready, ready.container)) continue;
      // Probes that differ only where failure is not decided (initialDelaySeconds, successThreshold) are the same check, not identical.
      const identical = JSON.stringify(canonical(live.raw)) === JSON.stringify(canonical(ready.raw));
      const name = live.container.name ?? "";
      report({
        path: live.path,
        target: "key",
        message: identical
          ? `the liveness probe of container "${name}" is identical to its readiness probe`
          : `the liveness probe of container "${name}" makes the same check as its readiness probe, with the same period, timeout and failureThreshold`,
        hint: "check only the process itself in the liveness probe, or give it a longer failure window",
        related: { resource, path: ready.path, message: "readiness probe" },
      });
    }
  },
});

/** Whether two probes fail after the same time (period, timeout, failureThreshold): checked first, it spares most pairs the fingerprints. */
function sameFailureWindow(a: ProbeSite, b: ProbeSite): boolean {
  const x = timing(a.probe);
  const y = timing(b.probe);
  return x.periodSeconds === y.periodSeconds && x.timeoutSeconds === y.timeoutSeconds && x.failureThreshold === y.failureThreshold;
}

/** The handler with upstream defaults and named ports resolved, plus the timing that decides failure. */
function fingerprint(site: ProbeSite, container: Container): string | undefined {
  const handlers = handlersOf(site.raw);
  if (handlers.length !== 1) return undefined;
  const h = handlers[0];
  // The handler as the API server defaults it (httpGet path "/" and scheme HTTP).
  const value = (site.probe as Record<string, unknown>)[h];
  if (!value || typeof value !== "object") return undefined;
  const v = { ...(value as Record<string, unknown>) };
  if (typeof v.port === "string") {
    const named = (container.ports ?? []).find((p) => p?.name === v.port);
    if (named?.containerPort !== undefined) v.port = named.containerPort;
  }
  if (h === "grpc") v.service ??= "";
  const t = timing(site.probe);
  return JSON.stringify([h, canonical(v), t.periodSeconds, t.timeoutSeconds, t.failureThreshold]);
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
