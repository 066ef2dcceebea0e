/** Shared by the probe rules: every probe of the long-running containers, as the API server defaults it. */
import { defaultedPodTemplate, PROBE_DEFAULTS } from "../../models/defaults.js";
import type { Container, Probe } from "../../models/k8s.js";
import type { Resource } from "../../models/resource.js";
import { memoKey, type Memo } from "../../models/run-memo.js";
import type { Path } from "../../types.js";
import { longRunningContainers } from "../../models/pods.js";
import { PROBE_HANDLERS } from "../../models/one-of.js";

export type ProbeKind = "livenessProbe" | "readinessProbe" | "startupProbe";
export const PROBE_KINDS: readonly ProbeKind[] = ["livenessProbe", "readinessProbe", "startupProbe"];

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

interface LastProbes {
  resource?: Resource;
  sites?: readonly ProbeSite[];
}
/**
 * The probes of the last resource asked for: five rules read them, one after another (the engine
 * runs every rule on a resource before the next), so they are found once (finding them per rule
 * was 20 MB of garbage on 10,000 resources).
 */
const LAST_PROBES = memoKey<LastProbes>("probes of the last resource");

/** Call from rules whose scope carries a pod spec (`appliesTo`). The sites are shared: read them, never change them. */
export function probesOf(resource: Resource, memo: Memo): readonly ProbeSite[] {
  const last = memo(LAST_PROBES, (): LastProbes => ({}));
  if (last.resource === resource && last.sites) return last.sites;
  const sites = findProbes(resource, memo);
  last.resource = resource;
  last.sites = sites;
  return sites;
}

function findProbes(resource: Resource, memo: Memo): ProbeSite[] {
  const sites: ProbeSite[] = [];
  const tpl = defaultedPodTemplate(resource, memo)!;
  for (const { container, path } of longRunningContainers(tpl)) {
    const written = resource.get(path);
    if (!written || typeof written !== "object") continue;
    for (const kind of PROBE_KINDS) {
      const raw = (written as Record<string, unknown>)[kind];
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) continue;
      sites.push({ container, containerPath: path, kind, probe: container[kind] ?? {}, raw: raw as Record<string, unknown>, path: [...path, kind] });
    }
  }
  return sites;
}

/** The handlers written in a probe (a null handler counts as absent, as in the API). */
export function handlersOf(raw: Record<string, unknown>): Array<(typeof PROBE_HANDLERS)[number]> {
  // In the order written, so that "the second handler" is the one the user added last.
  return Object.keys(raw).filter(
    (h): h is (typeof PROBE_HANDLERS)[number] => (PROBE_HANDLERS as readonly string[]).includes(h) && raw[h] !== undefined && raw[h] !== null,
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

