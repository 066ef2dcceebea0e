/**
 * Presets: named rule sets users choose, as ESLint's shareable configs (`extends:
 * [k8s-lint:recommended, k8s-lint:security]`, `--preset security`). `recommended` is every rule
 * without `presets` in its meta, today's default set, and is always on; `security` and
 * `production` add the opinionated rules that name them; `all` enables every rule.
 */
/** The opt-in presets a rule may belong to (RuleMeta.presets). */
export type PresetName = "security" | "production";

/** What of a rule's meta decides its presets. */
type PresetMember = { presets?: readonly PresetName[] };

/** Every preset a config or the CLI may name, in the order docs list them. */
export const PRESET_NAMES = ["recommended", "security", "production", "all"] as const;
export type PresetChoice = (typeof PRESET_NAMES)[number];

/** The prefix of a preset in `extends`, as ESLint's `plugin:<name>/<config>`. */
export const PRESET_PREFIX = "k8s-lint:";

export const PRESET_SUMMARIES: Readonly<Record<PresetChoice, string>> = {
  recommended:
    "Rules that report what the API server rejects or what fails at run time, with few false positives: the default set, always on.",
  security:
    "Pod Security Standards (the checks of the pod-security admission controller, restricted level by default) and RBAC rules: what a hardened cluster rejects or an auditor flags.",
  production:
    "Availability and hygiene: disruption budgets, replicas and spreading, rollout strategy, pull policy, deadlines and labels a production platform expects.",
  all: "Every rule of every preset.",
};

/** The preset a name of `extends` or `--preset` means (`k8s-lint:security` or `security`), or undefined. */
export function presetNamed(name: string): PresetChoice | undefined {
  const bare = name.startsWith(PRESET_PREFIX) ? name.slice(PRESET_PREFIX.length) : name;
  return (PRESET_NAMES as readonly string[]).includes(bare) ? (bare as PresetChoice) : undefined;
}

/** The presets a rule belongs to: its own, or `recommended` when it names none. */
export function presetsOf(meta: PresetMember): readonly PresetChoice[] {
  return meta.presets?.length ? meta.presets : ["recommended"];
}

/** The enabled presets of a run, in catalogue order: `recommended` always, `all` meaning every one. */
export function activePresets(chosen: readonly PresetChoice[]): PresetChoice[] {
  const all = chosen.includes("all");
  return PRESET_NAMES.filter((p) => p === "recommended" || all || chosen.includes(p));
}

/** Whether the rule runs under these presets (before any severity configured by name). */
export function enabledByPresets(meta: PresetMember, active: readonly PresetChoice[]): boolean {
  return presetsOf(meta).some((p) => active.includes(p));
}

/** The Pod Security level a run set, and where (`--pod-security`, or `podSecurity` in the config): it turns the pss-* rules on. */
export interface PodSecurityEnabler {
  level: "baseline" | "restricted";
  source: "--pod-security" | "config";
}

/**
 * What `explain` and `--explain` add to a preset rule's explanation: which preset it belongs to,
 * and, for a finding of a run (`active` given), what enabled it: the preset the run chose
 * (`all` when it is on), the Pod Security level the run set (the rules of category
 * pod-security), else the rule's own name in the configuration. Undefined for a recommended rule.
 */
export function presetNote(meta: PresetMember & { category?: string }, active?: readonly string[], podSecurity?: PodSecurityEnabler): string | undefined {
  if (!meta.presets?.length) return undefined;
  const part = `Part of the ${meta.presets.join(" and ")} preset${meta.presets.length > 1 ? "s" : ""}`;
  const isPodSecurity = meta.category === "pod-security";
  if (!active) {
    const how = [...meta.presets.map((p) => `\`--preset ${p}\``), ...(isPodSecurity ? ["`--pod-security <level>`"] : [])].join(" or ");
    const config = isPodSecurity ? `\`extends: [${PRESET_PREFIX}${meta.presets[0]}]\` or \`podSecurity\` in the config` : `\`extends: [${PRESET_PREFIX}${meta.presets[0]}]\` in the config`;
    return `${part}: off unless enabled (${how}, ${config}, or the rule set to a severity under \`rules\`).`;
  }
  const by = active.includes("all") ? "all" : meta.presets.find((p) => active.includes(p));
  if (by) return `${part}; shown because the ${by} preset is enabled.`;
  if (isPodSecurity && podSecurity) {
    const what = podSecurity.source === "--pod-security" ? `--pod-security ${podSecurity.level}` : `podSecurity (level ${podSecurity.level}) in the config`;
    return `${part}; shown because ${what} enables the Pod Security checks.`;
  }
  return `${part}; shown because the rule is enabled by name in the configuration.`;
}

/** The Pod Security Standards levels (--pod-security, podSecurity.level), here without zod for the CLI. */
export const POD_SECURITY_LEVELS = ["baseline", "restricted"] as const;
/** A policy version as the namespace label pod-security.kubernetes.io/enforce-version writes it, or latest. */
export const POD_SECURITY_VERSION = /^(latest|v?1\.\d+)$/;
