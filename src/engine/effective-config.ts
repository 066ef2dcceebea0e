/** What a run applies: the config file's settings under the explicit options, with defaults. */
import type { Config, ExcludeEntry } from "../config/schema.js";
import { releaseOf, targetRelease } from "../models/catalogue/releases.js";
import { CATALOGUE_KUBERNETES_VERSION } from "../models/kubernetes-version.js";
import { allRules } from "../rules/index.js";
import { activePresets, enabledByPresets, PRESET_NAMES, PRESET_PREFIX, presetNamed, type PodSecurityEnabler, type PresetChoice } from "../presets.js";
import { didYouMean } from "../did-you-mean.js";
import { LintUsageError } from "../errors.js";
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
  /** `--context` paths. */
  context?: string[];
  /** Whether the `--context` files hold objects, not only CRDs: then the input counts as complete (read by lintLoaded, or contextSuppliesObjects). */
  contextSuppliesObjects?: boolean;
  /** `--preset` names (`security` or `k8s-lint:security`), added to the config's `extends`. */
  presets?: string[];
  /** `--pod-security <level>[:<version>]`, over the config's `podSecurity`. */
  podSecurity?: PodSecuritySetting;
  /** `--per-directory`: each input set linted apart. */
  perDirectory?: boolean;
}

export type PodSecuritySetting = NonNullable<Config["podSecurity"]>;

/** The settings rules read: explicit option, else the config's, else the default. */
export function runSettings(options: RunOptions): Settings {
  const kubernetesVersion = judgedRelease(options.kubernetesVersion ?? options.config?.kubernetesVersion);
  const podSecurity = { ...options.config?.podSecurity, ...options.podSecurity };
  const version = podSecurity.version ?? "latest";
  return {
    kubernetesVersion,
    // `latest` is the policy of the cluster's own release, as the admission controller reads it.
    podSecurity: { level: podSecurity.level ?? "restricted", version: version === "latest" ? kubernetesVersion : version.replace(/^v/, "") },
    defaultNamespace: options.defaultNamespace ?? options.config?.defaultNamespace ?? "default",
    references: referencePolicy(options.references, options.config?.references, options.contextSuppliesObjects ?? false),
    ...(options.config?.requiredLabels ? { requiredLabels: options.config.requiredLabels } : {}),
    ...(options.config?.requiredAnnotations ? { requiredAnnotations: options.config.requiredAnnotations } : {}),
    ...(options.perDirectory ? { perDirectory: true } : {}),
    ...(requestedRelease(options) !== undefined ? { requestedKubernetesVersion: requestedRelease(options) } : {}),
  };
}

/** The Pod Security level the run set and where (flag over config), or undefined: it is what turns the pod-security rules on. */
export function podSecurityEnabler(options: RunOptions, settings: Settings): PodSecurityEnabler | undefined {
  if (options.podSecurity) return { level: settings.podSecurity.level, source: "--pod-security" };
  return options.config?.podSecurity ? { level: settings.podSecurity.level, source: "config" } : undefined;
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

/** The presets a run enables: `recommended`, the config's `extends` and `--preset` (names validated where they were read). */
export function runPresets(options: RunOptions): PresetChoice[] {
  const named = [...(options.config?.extends ?? []), ...(options.presets ?? [])];
  return activePresets(named.map(presetOrThrow));
}

/** The preset a name means; an unknown name (from the Node API: the CLI and config loader check theirs first) is a usage error. */
function presetOrThrow(name: string): PresetChoice {
  const preset = presetNamed(name);
  if (preset) return preset;
  const known = PRESET_NAMES.map((p) => PRESET_PREFIX + p);
  throw new LintUsageError(`unknown preset "${name}"${didYouMean(name.includes(":") ? name : PRESET_PREFIX + name, known)}; one of: ${known.join(", ")}`);
}

/**
 * Config severities, then `--rule` overrides; a rule of a preset the run does not enable is off
 * unless named in either; a rule another enabled rule stands in for (`supersedes`) is off, and
 * the stand-in takes the severity the user gave the rule it replaces (unless the user named the
 * stand-in too), so `privileged-container: error` stays an error under the security preset.
 * Rules named nowhere keep their own severity.
 */
export function severityOverrides(options: RunOptions): Map<string, SeveritySetting> {
  const table = new Map<string, SeveritySetting>();
  for (const src of [options.config?.rules, options.rules]) {
    if (!src) continue;
    for (const [id, sev] of Object.entries(src)) table.set(id, sev);
  }
  const named = new Map(table);
  const active = runPresets(options);
  // Setting podSecurity asks for its checks, with or without the security preset.
  const podSecurity = options.podSecurity ?? options.config?.podSecurity;
  const level = runSettings(options).podSecurity.level;
  for (const { meta } of allRules) {
    if (table.has(meta.id)) continue;
    const check = meta.podSecurityCheck;
    const enabled = check ? (podSecurity !== undefined || enabledByPresets(meta, active)) && (level === "restricted" || check.level === "baseline") : enabledByPresets(meta, active);
    if (!enabled) table.set(meta.id, "off");
  }
  for (const { meta } of allRules) {
    if (!meta.supersedes || table.get(meta.id) === "off") continue;
    for (const id of meta.supersedes) {
      const asked = named.get(id);
      if (asked !== undefined && asked !== "off" && !named.has(meta.id)) table.set(meta.id, strongerOf(table.get(meta.id), asked));
      table.set(id, "off");
    }
  }
  return table;
}

const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** The more severe of a stand-in's severity so far (none: its own) and one the user asked for. */
function strongerOf(current: SeveritySetting | undefined, asked: SeveritySetting): SeveritySetting {
  return current !== undefined && RANK[current] >= RANK[asked] ? current : asked;
}

/** The configuration `--print-config` shows: every setting resolved, every rule's severity. */
export interface EffectiveConfig extends Settings {
  /** The enabled presets, `recommended` first. */
  presets: PresetChoice[];
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
    presets: runPresets(options),
    ...runSettings(options),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ignore: options.config?.ignore ?? [],
    ignorePatterns: options.ignorePatterns ?? [],
    exclude: options.config?.exclude ?? [],
    rules: Object.fromEntries(allRules.map(({ meta }) => [meta.id, overrides.get(meta.id) ?? meta.severity])),
  };
}
