/** What a rule is: its meta (the docs and `explain` are generated from it) and one check function. */
import type { ResourceIndex } from "../models/resource-index.js";
import type { Resource } from "../models/resource.js";
import type { Memo } from "../models/run-memo.js";
import type { KindGroup } from "../models/workloads.js";
import type { PresetName } from "../presets.js";
import type { Path, ReferencePolicy, Severity } from "../types.js";

export type RuleCategory =
  | "syntax"
  | "schema"
  | "api-validation"
  | "resources"
  | "probes"
  | "selectors"
  | "statefulset"
  | "storage"
  | "services"
  | "ingress"
  | "gateway-api"
  | "cert-manager"
  | "config"
  | "workloads"
  | "autoscaling"
  | "security"
  | "rbac"
  | "availability"
  | "hygiene"
  | "monitoring"
  | "keda"
  | "argo-rollouts"
  | "external-secrets"
  | "flux"
  | "pod-security"
  | "policy"
  | "custom"
  | "meta";

/**
 * The opt-in rule sets beyond `recommended` (src/presets.ts): a rule that names one is off
 * unless one of its presets is enabled (`extends: [k8s-lint:<name>]`, `--preset <name>`) or it
 * is turned on by name.
 */
export type { PresetName };

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  severity: Severity;
  /** One line, shown by `k8s-lint rules`. */
  summary: string;
  /** Why it matters in cluster terms: what `explain <id>` and `--explain` print. */
  explanation: string;
  /** How to fix it. */
  fix: string;
  /** Pod status reasons (SPEC §6) this rule prevents, e.g. "CrashLoopBackOff"; the only rule-to-status link (rulesForTopic derives the reverse). */
  preventsStatus: string[];
  /**
   * The resources the rule judges: a named group of kinds (models/workloads.ts), or a list of
   * kinds and groups. The engine calls `check` only for those (rules/scope.ts); absent: every resource.
   */
  appliesTo?: Scope;
  /** Cross-resource (X in the spec): reads other resources of the input, so its context has the index. */
  crossResource?: boolean;
  /** Reports references to objects absent from the input, under the `references` policy (reportsAbsent). */
  reportsAbsentObjects?: boolean;
  /**
   * Also judges kustomize patches (partial objects): the rule looks only at fields that are
   * written, never at what is absent or at other objects.
   */
  checksPatches?: boolean;
  /**
   * The presets the rule belongs to; absent: `recommended`, the default set. A rule with presets
   * runs only when one of them is enabled (or `all` is), or when the config names it in `rules`.
   */
  presets?: readonly PresetName[];
  /**
   * Rules this one stands in for while it runs: they report the same fault, so they are off
   * whenever this rule is enabled (a Pod Security Standards check over the recommended rule).
   */
  supersedes?: readonly string[];
  /**
   * The check of the pod-security admission controller (k8s.io/pod-security-admission,
   * policy/check_*.go) the rule implements, and its level: a restricted check runs only when the
   * run's `podSecurity.level` is restricted (the default).
   */
  podSecurityCheck?: { id: string; level: PodSecurityLevel };
  /**
   * Reports fields that the target release drops on write (feature-gated-field). The findings of
   * every other rule inside such a field are left out by the engine: the API server clears the
   * field before it validates the object, so nothing in it is judged (engine/run-rules.ts).
   */
  reportsDroppedFields?: boolean;
  /**
   * It reports fields the target release does not serve yet (unknown-field): findings of every
   * other rule inside such a field are left out by the engine, since the API server prunes it.
   */
  reportsUnservedFields?: boolean;
  /**
   * It judges what each kustomize build emits itself (the images of rules/workloads/emitted-images.ts):
   * the engine does not narrow its findings to the builds that apply a value as written.
   */
  judgesBuilds?: boolean;
  /** Its findings may carry a safe fix (`Finding.fix`) that `--fix` applies. */
  fixable?: boolean;
  /** Its findings may carry suggestions (`Finding.suggestions`): fixes that need the user's choice. */
  hasSuggestions?: boolean;
}

/**
 * A manifest that fires the rule and its fixed version, as the docs page and `explain` print them.
 * They live in fixtures/rules/<id>/example.{bad,good}.yaml (linted by the fixture harness) and
 * reach the code through examples.generated.ts (rules/examples.ts reads it).
 */
export interface RuleExamples {
  bad: string;
  good: string;
}

/** The Pod Security Standards levels k8s-lint checks (privileged has no checks). */
export type PodSecurityLevel = "baseline" | "restricted";

export interface Settings {
  kubernetesVersion: string;
  /**
   * The release asked for (--kubernetes-version, the config) when it is newer than the newest the
   * catalogue knows, which the run judges as (kubernetesVersion): what is known of that later
   * release (a feature gate's default) may still be read for it.
   */
  requestedKubernetesVersion?: string;
  /**
   * The Pod Security Standard the pod-security rules judge against: its level, and the policy
   * version as a release ("1.30"; `latest` resolved to the target Kubernetes release).
   */
  podSecurity: { level: PodSecurityLevel; version: string };
  defaultNamespace: string;
  /** Read only through reportsAbsent (rules/config/references.ts). */
  references: ReferencePolicy;
  /** Keys of labels and annotations every workload must carry (config requiredLabels, requiredAnnotations); absent: required-metadata's defaults. */
  requiredLabels?: readonly string[];
  requiredAnnotations?: readonly string[];
  /** Each input set is linted apart (`--per-directory`): a hint that suggests it says something else. */
  perDirectory?: boolean;
}

export interface Finding {
  /** Field path relative to the resource, e.g. ["spec", "ports", 0, "targetPort"]. */
  path: Path;
  message: string;
  hint?: string;
  /** Point at the key or the value; default: the value of a scalar, the key of a collection. */
  target?: "key" | "value";
  /**
   * Characters of the string value at `path` (offsets into the value, end exclusive): the engine
   * places the finding at them through quotes, escapes and block indentation (a parse error
   * inside a PromQL expression), or at the whole value when it cannot follow the source.
   */
  within?: { start: number; end: number };
  /**
   * The finding depends only on the characters `within`, read as written: it stands when a `${...}`
   * placeholder elsewhere in the value is unknown (the tag written after a placeholder in an image's
   * repository). Without it, a finding on a value with such a placeholder is dropped.
   */
  withinIsLiteral?: boolean;
  /**
   * The field whose absence the finding reports, when it is shown elsewhere (a container's name for
   * a securityContext field not set): a kustomize JSON patch that writes it, or a field above it, in
   * every build that emits the object sets what is missing, so the finding is dropped as one at `path` would be.
   */
  absent?: Path;
  /** Overrides the rule's default severity for this finding (e.g. info for a read-only mount). */
  severity?: Severity;
  /** The other end of a cross-resource finding. */
  related?: { resource: Resource; path?: Path; message?: string; within?: { start: number; end: number } };
  /** A safe fix (meta.fixable): what the user meant in every case the rule can see. */
  fix?: FieldFix;
  /** Fixes that need a choice (meta.hasSuggestions); `--fix` never applies them. */
  suggestions?: ReadonlyArray<{ description: string; fix: FieldFix }>;
  /** Edits on another resource of the input (the governing Service of a StatefulSet); default: the finding's own. */
  fixResource?: Resource;
}

/** A value a fix writes: a scalar, or a small map or list (a selector made from labels). */
export type FixValue = string | number | boolean | null | FixValue[] | { [key: string]: FixValue };

/**
 * One change of a fix, on field paths relative to the resource: rules never see text, the
 * engine (engine/fix/edits.ts) writes each as text edits that keep comments, key order,
 * quoting, indentation, anchors and line endings.
 */
export type FieldEdit =
  /** Replaces the scalar at `path` (quoted the way it was when the new value allows). */
  | { op: "set"; path: Path; value: string | number | boolean | null }
  /** Renames the key at `path` to `key`; the value stays as written. */
  | { op: "rename"; path: Path; key: string }
  /** Quotes the scalar at `path` as written (`yes` -> `"yes"`): a string the YAML 1.1 reader would take for a boolean or number. */
  | { op: "quote"; path: Path }
  /** Adds the field `path` (its parent map must exist, the field must not), after the parent's last field. */
  | { op: "insert"; path: Path; value: FixValue }
  /** Removes the field or list item at `path` with its own lines. */
  | { op: "remove"; path: Path }
  /** Moves the field `from` to the new field `to` (its parent map must exist), value text as written. */
  | { op: "move"; from: Path; to: Path };

/** A finding's fix: its field edits, applied together. */
export type FieldFix = readonly FieldEdit[];

/** A group of kinds, or a list of kinds and groups (e.g. ["Service", "workloads"]). */
export type Scope = KindGroup | readonly string[];

/** What a single-resource rule sees: its resource, never the others. */
export interface RuleContext {
  resource: Resource;
  settings: Settings;
  /** Per-run derived data (models/run-memo.ts): built on first use, shared by every rule of the run. */
  memo: Memo;
  report(finding: Finding): void;
}

/** What a cross-resource rule (`crossResource: true`) sees: the index of the whole input too. */
export interface CrossResourceContext extends RuleContext {
  index: ResourceIndex;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Called once per resource in the rule's scope, with a CrossResourceContext when the meta says
   * crossResource. Rules produced by the engine itself (yaml-syntax...) have none.
   */
  check?(ctx: RuleContext): void;
  /**
   * Loads what `check` needs and a run without resources of the rule's scope should not pay for
   * (a grammar): the engine awaits it before the rules run, only when such a resource is judged.
   * It receives the run's index, to load only for inputs that need it (CEL for CRDs with rules).
   */
  prepare?(input: PrepareInput): Promise<void>;
}

/** What Rule.prepare may look at: the whole input of the run. */
export interface PrepareInput {
  index: ResourceIndex;
}

type SingleResourceRule = RuleMeta & { crossResource?: false; check?(ctx: RuleContext): void; prepare?(input: PrepareInput): Promise<void> };
type CrossResourceRule = RuleMeta & { crossResource: true; check?(ctx: CrossResourceContext): void; prepare?(input: PrepareInput): Promise<void> };

/**
 * A rule that reads other resources must say `crossResource: true`: only then does its `check`
 * receive the index, so the compiler rejects a single-resource rule that reaches for it.
 */
export function defineRule(rule: CrossResourceRule): Rule;
export function defineRule(rule: SingleResourceRule): Rule;
export function defineRule(rule: SingleResourceRule | CrossResourceRule): Rule {
  const { check, prepare, ...meta } = rule;
  return { meta, ...(check ? { check: check as Rule["check"] } : {}), ...(prepare ? { prepare } : {}) };
}
