/**
 * Resources -> findings: every resource judged goes to the rules that apply to it. A rule that
 * throws becomes an internal-error finding on that resource; the run goes on.
 */
import { posix } from "node:path";
import type { LabelSource } from "../models/kustomize-labels.js";
import type { Resource } from "../models/resource.js";
import type { ResourceIndex } from "../models/resource-index.js";
import { droppedFields, isWithin, unservedFields } from "../rules/index.js";
import { dispatchByScope } from "../rules/scope.js";
import type { CrossResourceContext, FieldFix, Finding, Rule, RuleContext, Settings } from "../rules/types.js";
import type { Path } from "../types.js";
import { isEnabled, type RuleFinding, type Severities } from "./diagnostics.js";
import { outsidePlaceholders, placeholderAt } from "./placeholders.js";
import { encryptedValueAt } from "../models/sops.js";

/** The rules a run applies (the enabled ones with a check) and which of them judge a resource. */
export interface RuleSelection {
  rules: readonly Rule[];
  /** By each rule's `appliesTo` (rules/scope.ts); a kustomize patch only gets the rules that check patches. */
  dispatch: (resource: Resource) => readonly Rule[];
}

export function selectRules(rules: readonly Rule[], severities: Severities): RuleSelection {
  const enabled = rules.filter((r) => r.check && isEnabled(severities, r.meta.id));
  return { rules: enabled, dispatch: dispatchByScope(enabled) };
}

/** The rules that judge this resource, in registry order. */
export function rulesFor(selection: RuleSelection, resource: Resource): readonly Rule[] {
  return selection.dispatch(resource);
}

/**
 * Awaits what the rules that will judge these resources load lazily (Rule.prepare: the PromQL
 * grammar), once per rule: a run without resources in such a rule's scope loads nothing.
 */
export async function prepareRules(selection: RuleSelection, resources: readonly Resource[], index: ResourceIndex): Promise<void> {
  if (!selection.rules.some((r) => r.prepare)) return;
  const needed = new Set<Rule>();
  const seenKinds = new Set<string>();
  for (const resource of resources) {
    const key = `${resource.partial ? "patch\u0000" : ""}${resource.kind}`;
    if (seenKinds.has(key)) continue;
    seenKinds.add(key);
    for (const rule of rulesFor(selection, resource)) if (rule.prepare) needed.add(rule);
  }
  await Promise.all([...needed].map((rule) => rule.prepare!({ index })));
}

export interface RuleRun {
  /** The resources judged (context resources are only in the index). */
  resources: readonly Resource[];
  selection: RuleSelection;
  index: ResourceIndex;
  /** The index of the resource's input set (`--per-directory`); default: `index` for every resource. */
  indexFor?: (resource: Resource) => ResourceIndex;
  /** For a resource that several kustomize builds include (`--per-directory`): each build's index, which its cross-resource rules judge it in one by one. */
  viewsFor?: (resource: Resource) => ReadonlyArray<{ index: ResourceIndex; build: string }> | undefined;
  settings: Settings;
}

/**
 * A rule as the loop calls it, with what it reads of the meta read once: each rule's meta has a
 * shape of its own, so reading it per call is a megamorphic lookup, and the loop makes 300,000
 * calls on 10,000 resources.
 */
interface Runner {
  rule: Rule;
  /** The rule's check, read once: each rule object has a shape of its own, the runners one. */
  check: NonNullable<Rule["check"]>;
  id: string;
  crossResource: boolean;
  reportsDroppedFields: boolean;
  reportsUnservedFields: boolean;
  /** The rule judges kustomize patch files too: a value a strategic-merge patch sets is reported in the patch. */
  checksPatches: boolean;
  /** The rule judges each kustomize build's value itself (Rule meta judgesBuilds). */
  judgesBuilds: boolean;
}

const NOTHING_DROPPED: readonly Path[] = [];

/**
 * A cross-resource rule's findings about a resource that several kustomize builds include (a base
 * under overlays/dev and overlays/prod, `--per-directory`): the rule judges it in each build's
 * index, and each finding is reported once; one that not every build gives names the builds that
 * give it (the PodDisruptionBudget only prod adds is missing in dev).
 */
function judgeInBuilds(runner: Runner, { resource, settings }: RuleContext, builds: ReadonlyArray<{ index: ResourceIndex; build: string }>): Finding[] {
  const seen = new Map<string, { finding: Finding; builds: string[] }>();
  for (const { index, build } of builds) {
    const found: Finding[] = [];
    runner.check.call(runner.rule, { resource, settings, memo: index.memo.get, report: (f: Finding) => void found.push(f), index });
    // A value this build patches otherwise than every build agrees (overlays/prod's replicas: 3), or a field it adds where the
    // finding reports it absent (prod's readinessProbe), is not what it judged here.
    for (const f of found) {
      if (resource.changedInBuild(build, f.absent ?? f.path)) continue;
      const key = `${JSON.stringify(f.path)}\u0000${f.message}`;
      const known = seen.get(key);
      if (known) known.builds.push(build);
      else seen.set(key, { finding: f, builds: [build] });
    }
  }
  return [...seen.values()].map(({ finding, builds: where }) => (where.length === builds.length ? finding : inBuilds(finding, where)));
}

/**
 * For a rule that judges the object alone, where the kustomize builds that emit it patch the value at the finding's path (or the
 * field it reports absent) otherwise: the builds in which the finding holds, those that keep the written value and those whose own
 * value the rule reports alike at that path (a legacy overlay's runAsNonRoot: false where the base writes none); undefined where
 * every build holds it.
 */
function buildsHolding(runner: Runner, ctx: RuleContext, finding: Finding): readonly string[] | undefined {
  const { resource } = ctx;
  const at = finding.absent ?? finding.path;
  const keeping = resource.buildsApplying(at, finding.absent !== undefined);
  if (!keeping) return undefined;
  const holding = resource.buildRoots.filter((root) => keeping.includes(root) || reportsAt(runner, { ...ctx, resource: resource.inBuild(root) ?? resource }, at));
  return holding.length === resource.buildRoots.length ? undefined : holding;
}

/** Whether the rule reports something at `at` on the context's resource (a rule that throws is taken to report it). */
function reportsAt(runner: Runner, ctx: RuleContext, at: Path): boolean {
  let found = false;
  const report = (f: Finding) => void (found ||= isSamePath(f.absent ?? f.path, at));
  try {
    runner.check.call(runner.rule, { ...ctx, report });
  } catch {
    return true;
  }
  return found;
}

function isSamePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** A finding that holds in some of the kustomize builds that emit its object: the message names them. */
function inBuilds(finding: Finding, builds: readonly string[]): Finding {
  return { ...finding, message: `${finding.message} (in the build${builds.length > 1 ? "s" : ""} of ${builds.join(", ")})` };
}

/**
 * Every finding of the run, resource by resource, in rule order. A finding inside a field the
 * API server drops on write at the target release (gates-off.ts) is left out, unless its rule
 * reports such fields: the server clears the field before it validates the object. So is a
 * finding inside a field the target does not serve yet (unservedFields), which it prunes, and
 * one about a value SOPS encrypted (models/sops.ts). A finding
 * about a field that only a kustomization's labels add (Resource.addedByKustomize) is shown at
 * the nearest field the file writes (atWrittenAncestor).
 */
export function runRules({ resources, selection, index, indexFor, viewsFor, settings }: RuleRun): RuleFinding[] {
  const out: RuleFinding[] = [];
  // The dispatch gives one list per kind: its runners, made on first use.
  const runnersOf = new Map<readonly Rule[], Runner[]>();
  for (const resource of resources) {
    const rules = rulesFor(selection, resource);
    let runners = runnersOf.get(rules);
    if (!runners) {
      runners = rules.map((rule) => ({ rule, check: rule.check!, id: rule.meta.id, crossResource: rule.meta.crossResource === true, reportsDroppedFields: rule.meta.reportsDroppedFields === true, reportsUnservedFields: rule.meta.reportsUnservedFields === true, checksPatches: rule.meta.checksPatches === true, judgesBuilds: rule.meta.judgesBuilds === true }));
      runnersOf.set(rules, runners);
    }
    // One context per resource; what `report` receives is filed under the rule that ran.
    const reported: Finding[] = [];
    const runIndex = indexFor ? indexFor(resource) : index;
    const memo = runIndex.memo.get;
    const report = (f: Finding) => void reported.push(f);
    const ctx: RuleContext = { resource, settings, memo, report };
    // Only the rules that say they are cross-resource see the other resources (a literal: a spread of ctx cost more than the loop).
    const crossCtx: CrossResourceContext = { resource, settings, memo, report, index: runIndex };
    const builds = viewsFor?.(resource);
    for (const runner of runners) {
      let failure: RuleFinding | undefined;
      try {
        if (runner.crossResource && builds) reported.push(...judgeInBuilds(runner, ctx, builds));
        else runner.check.call(runner.rule, runner.crossResource ? crossCtx : ctx);
      } catch (err) {
        failure = internalError(runner.rule, resource, err);
      }
      if (reported.length) {
        // Worked out only for a resource with findings, once (most have none inside a dropped field).
        const dropped = runner.reportsDroppedFields ? NOTHING_DROPPED : droppedFields(resource, memo, settings.kubernetesVersion);
        const unserved = runner.reportsUnservedFields ? NOTHING_DROPPED : unservedFields(resource, memo, settings.kubernetesVersion);
        for (const finding of reported) {
          if ((dropped.length && isWithin(finding.path, dropped)) || (unserved.length && isWithin(finding.path, unserved))) continue;
          // SOPS ciphertext: the value is what decryption puts there, unknown here.
          if (encryptedValueAt(resource.doc, resource.basePath, finding.path)) continue;
          // A kustomize JSON patch replaces the value: what is applied is not what the file writes. A value one operation of an
          // overlay wrote in every build is judged where that operation writes it; any other patched value is not judged.
          const patchedAt = resource.patchedByKustomize(finding.path) ? finding.path : finding.absent !== undefined && resource.patchedByKustomize(finding.absent) ? finding.absent : undefined;
          if (patchedAt) {
            const written = resource.jsonPatchOrigin(patchedAt);
            if (written) out.push({ ruleId: runner.id, resource, finding: { ...finding, fix: undefined, suggestions: undefined }, inPatch: { ...written, target: finding.target } });
            continue;
          }
          // A value a strategic-merge patch file writes is reported in that file by a rule that judges patches.
          if (runner.checksPatches && (resource.addedByKustomize(finding.path) || resource.changedByKustomize(finding.path)) && writtenByPatchFiles(resource, finding.path)) continue;
          // A value the overlays patch otherwise (dev's image, prod's): the finding holds in the builds that apply it as written, and in
          // those whose own value the rule judges alike. A cross-resource finding also rests on other objects, which a build may not
          // have: such rules are judged build by build under --per-directory (judgeInBuilds); some rules judge each build's value themselves.
          const holding = runner.crossResource || runner.judgesBuilds ? undefined : buildsHolding(runner, ctx, finding);
          if (holding && !holding.length) continue;
          const held = holding ? inBuilds(finding, holding) : finding;
          // A value kustomize set (a Namespace's name) replaced the placeholder written there.
          const placeholder = resource.changedByKustomize(finding.path) ? undefined : placeholderAt(resource.doc, resource.basePath, finding.path);
          if (placeholder && !placeholder.hasDefault && !(finding.withinIsLiteral && finding.within && outsidePlaceholders(placeholder.written, finding.within))) continue;
          // A fix would write over the placeholder, which Flux then no longer fills in.
          const written = placeholder?.hasDefault && (placeholder.whole ? `the default of placeholder "${placeholder.written}"` : `its placeholders' defaults filled into "${placeholder.written}"`);
          const judged = written ? { ...held, message: `${held.message} (${written})`, fix: undefined, suggestions: undefined } : held;
          out.push({ ruleId: runner.id, resource, finding: fromKustomize(resource, judged) });
        }
        reported.length = 0;
      }
      if (failure) out.push(failure);
    }
  }
  return out;
}

/**
 * A finding about a field a kustomization's labels add (a selector commonLabels creates) or set
 * (a label value they replace), or that its namespace sets (a Namespace it renames): what kustomize builds, so it stands, saying which kustomization
 * entry the value comes from; an added field has no text, so it is shown at the nearest field the
 * file writes.
 */
function fromKustomize(resource: Resource, finding: Finding): Finding {
  if (resource.addedByKustomize(finding.path)) {
    const path = resource.writtenAncestor(finding.path);
    return { ...finding, path: path.length ? path : ["kind"], target: "key", message: `${finding.message} (added by ${kustomizeOrigin(resource, finding.path)})` };
  }
  if (resource.changedByKustomize(finding.path)) {
    const message = `${finding.message} (set by ${kustomizeOrigin(resource, finding.path)})`;
    // An edit of the value kustomize sets is undone by the next build: the value is the kustomization's to change.
    const fix = finding.fix && !editsKustomizedValue(resource, finding.fix) ? finding.fix : undefined;
    const suggestions = finding.suggestions?.filter((s) => !editsKustomizedValue(resource, s.fix));
    return { ...finding, message, fix, suggestions: suggestions?.length ? suggestions : undefined };
  }
  return finding;
}

/** Whether a fix edits a value that a kustomization sets (a Namespace's name its namespace replaces, a label its labels replace). */
function editsKustomizedValue(resource: Resource, fix: FieldFix): boolean {
  return fix.some((edit) => (edit.op === "move" ? [edit.from, edit.to] : [edit.path]).some((path) => resource.changedByKustomize(path)));
}

/** Whether the strategic-merge patches that set the value at `path` are all files of their own, which rules that judge patches read. */
function writtenByPatchFiles(resource: Resource, path: Path): boolean {
  const sources = resource.kustomizePatchSources(path);
  return sources.length > 0 && sources.every((s) => s.file !== undefined);
}

/** The kustomization entry a value kustomize sets comes from: its namespace (a renamed Namespace), a strategic-merge patch, else its labels. */
function kustomizeOrigin(resource: Resource, path: Path): string {
  const namespace = resource.kustomizeNamespaceSource(path);
  if (namespace) return `${namespace.entry} in ${namespace.kustomization}`;
  const patches = resource.kustomizePatchSources(path);
  // A patch file is named first: it is where the value is written, and changed.
  return patches.length ? entriesText(patches.map((p) => (p.file === undefined ? p : { ...p, entry: `${posix.join(posix.dirname(p.kustomization), p.file)}, ${p.entry}` }))) : labelOrigin(resource.kustomizeLabelSources(path));
}

/** `patches[0] in overlays/prod/kustomization.yaml`, `... and 2 more`: the first entry, the others counted. */
function entriesText(sources: ReadonlyArray<{ kustomization: string; entry: string }>): string {
  const [first, ...more] = sources;
  return `${first.entry} in ${first.kustomization}${more.length ? ` and ${more.length} more` : ""}`;
}

/** `labels[1] in base/kustomization.yaml`, `commonLabels in overlays/a/kustomization.yaml and 2 more`. */
function labelOrigin(sources: readonly LabelSource[]): string {
  return sources.length ? entriesText(sources) : "the labels of a kustomization that lists this file";
}

function internalError(rule: Rule, resource: Resource, err: unknown): RuleFinding {
  const message = `rule "${rule.meta.id}" failed on ${resource.displayName}: ${(err as Error)?.message ?? String(err)}`;
  return { ruleId: "internal-error", resource, finding: { path: ["kind"], message } };
}
