/** What a run applies: the config file's settings under the explicit options, with defaults. */
import type { Config, ExcludeEntry } from "../config/schema.js";
import { releaseOf, targetRelease } from "../models/catalogue/releases.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../models/kubernetes-version.js";
import { allRules } from "../rules/index.js";
import type { Settings } from "../rules/types.js";
import type { ReferencePolicy, SeveritySetting } from "../types.js";
import { referencePolicy } from "./context.js";

/** The options of a run that configure it (a subset of LintOptions). */
export interface RunOptions {
  config?: Config;
  /** `--rule id=severity`, over the config's `rules`. */
  rules?: Record<string, SeveritySetting>;
  kubernetesVersion?: string;
  defaultNamespace?: string;
  ignorePatterns?: string[];
  /** `--references`, over the config's `references`. */
  references?: ReferencePolicy;
  /** `--context` paths; with them the input counts as complete. */
  context?: string[];
}

/** The settings rules read: explicit option, else the config's, else the default. */
export function runSettings(options: RunOptions): Settings {
  return {
    kubernetesVersion: judgedRelease(options.kubernetesVersion ?? options.config?.kubernetesVersion),
    defaultNamespace: options.defaultNamespace ?? options.config?.defaultNamespace ?? "default",
    references: referencePolicy(options.references, options.config?.references, Boolean(options.context?.length)),
  };
}

/**
 * The release asked for (flag or config), when the run judges another one: a release newer
 * than the catalogue ("1.37" judged as "1.36"). Undefined when nothing was asked or it is judged.
 */
export function requestedRelease(options: RunOptions): string | undefined {
  const asked = options.kubernetesVersion ?? options.config?.kubernetesVersion;
  const release = asked === undefined ? undefined : releaseOf(asked);
  return release !== undefined && release !== judgedRelease(asked) ? release : undefined;
}

/**
 * The release a run judges against: the newest the catalogue knows unless one is named; one
 * newer than the catalogue is judged as the newest (the CLI warns), "v1.30.2" as "1.30".
 */
function judgedRelease(asked: string | undefined): string {
  if (asked === undefined) return CATALOGUE_KUBERNETES_VERSION;
  const target = targetRelease(asked);
  return "release" in target ? target.release : asked;
}

/** Config severities, then `--rule` overrides; rules named in neither keep their own. */
export function severityOverrides(options: RunOptions): Map<string, SeveritySetting> {
  const table = new Map<string, SeveritySetting>();
  for (const src of [options.config?.rules, options.rules]) {
    if (!src) continue;
    for (const [id, sev] of Object.entries(src)) table.set(id, sev);
  }
  return table;
}

/** The configuration `--print-config` shows: every setting resolved, every rule's severity. */
export interface EffectiveConfig extends Settings {
  maxWarnings?: number;
  /** The config's globs, relative to the config file's directory. */
  ignore: string[];
  /** `--ignore-pattern` globs, relative to the working directory. */
  ignorePatterns: string[];
  exclude: ExcludeEntry[];
  rules: Record<string, SeveritySetting>;
}

export function effectiveConfig(options: RunOptions & { maxWarnings?: number }): EffectiveConfig {
  const overrides = severityOverrides(options);
  const maxWarnings = options.maxWarnings ?? options.config?.maxWarnings;
  return {
    ...runSettings(options),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ignore: options.config?.ignore ?? [],
    ignorePatterns: options.ignorePatterns ?? [],
    exclude: options.config?.exclude ?? [],
    rules: Object.fromEntries(allRules.map(({ meta }) => [meta.id, overrides.get(meta.id) ?? meta.severity])),
  };
}
