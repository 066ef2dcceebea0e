/** Shared by the probe rules: every probe of the long-running containers, as the API server defaults it. */
import { defaultedPodTemplate, PROBE_DEFAULTS } from "../../models/defaults.js";
import type { Container, Probe } from "../../models/k8s.js";
import type { Resource } from "../../models/resource.js";
import type { Memo } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import { longRunningContainers } from "../../models/pods.js";

export type ProbeKind = "livenessProbe" | "readinessProbe" | "startupProbe";
export const PROBE_KINDS: readonly ProbeKind[] = ["livenessProbe", "readinessProbe", "startupProbe"];
export const HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc"] as const;

export { PROBE_DEFAULTS };

export interface ProbeSite {
  container: Container;
  containerPath: Path;
  kind: ProbeKind;
  /** The probe after the API server's defaults (SetDefaults_Probe: a 0 or absent timing takes its default). */
  probe: Probe;
  /** The probe as written. */
  raw: Record<string, unknown>;
  path: Path;
}

/** Call from rules whose scope carries a pod spec (`appliesTo`). */
export function* probesOf(resource: Resource, memo: Memo): Generator<ProbeSite> {
  const tpl = defaultedPodTemplate(resource, memo)!;
  for (const { container, path } of longRunningContainers(tpl)) {
    for (const kind of PROBE_KINDS) {
      const raw = resource.get([...path, kind]);
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) continue;
      yield { container, containerPath: path, kind, probe: container[kind] ?? {}, raw: raw as Record<string, unknown>, path: [...path, kind] };
    }
  }
}

/** The handlers written in a probe (a null handler counts as absent, as in the API). */
export function handlersOf(raw: Record<string, unknown>): Array<(typeof HANDLERS)[number]> {
  // In the order written, so that "the second handler" is the one the user added last.
  return Object.keys(raw).filter(
    (h): h is (typeof HANDLERS)[number] => (HANDLERS as readonly string[]).includes(h) && raw[h] !== undefined && raw[h] !== null,
  );
}

/** The timing of a defaulted probe (the fallbacks only serve a probe built by hand). */
export function timing(probe: Probe) {
  return {
    periodSeconds: probe.periodSeconds ?? PROBE_DEFAULTS.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds,
    successThreshold: probe.successThreshold ?? PROBE_DEFAULTS.successThreshold,
    failureThreshold: probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold,
    initialDelaySeconds: probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds,
  };
}

export const PROBE_LABEL: Record<ProbeKind, string> = {
  livenessProbe: "liveness probe",
  readinessProbe: "readiness probe",
  startupProbe: "startup probe",
};

