/** `k8s-lint [paths...]`: the default command. */
import { dirname, join, resolve } from "node:path";
import { findConfig } from "../../config/find.js";
import { placedConfigError } from "../../config/positions.js";
import { applyUserRules, type UnfamiliarKind } from "../../config/user-rules.js";
import { IGNORE_FILE, STDIN } from "../../engine/discover.js";
import { contextSuppliesObjects, lint, type InputFile, type LintOptions } from "../../engine/lint.js";
import { printable } from "../../printable.js";
import { fixInMemory, type FixedFile } from "../../engine/fix/run.js";
import { planWrites, writeFixed } from "../../engine/fix/write.js";
import { unifiedDiff } from "../../engine/fix/diff.js";
import { ruleDescriptions } from "../../engine/registry.js";
import { didYouMean } from "../../did-you-mean.js";
import { FORMATS } from "../../formatters/index.js";
import { inputKeyedObject } from "../../models/input-keys.js";
import { groupKind, groupOf } from "../../models/api-groups.js";
import type { LintedResource } from "../../formatters/types.js";
import { parseCommandArgs } from "../args.js";
import { POD_SECURITY_LEVELS, POD_SECURITY_VERSION, PRESET_NAMES, PRESET_PREFIX, presetNamed } from "../../presets.js";
import type { PodSecuritySetting } from "../../engine/effective-config.js";
import { targetRelease } from "../../models/catalogue/releases.js";
import { printConfig } from "../print-config.js";
import { createProgress, progressAllowed } from "../progress.js";
import { reportTargets, writeReports } from "../reports.js";
import { REFERENCE_POLICIES, type LintResult, type ReferencePolicy, type SeveritySetting } from "../../types.js";
import { EXIT_OK, EXIT_PROBLEMS, outputWidth, UsageError, useColor, type CliIO } from "../io.js";

export const LINT_HELP = `Usage: k8s-lint [options] [paths...]

Lints Kubernetes manifests (files, directories, globs; "-" reads stdin; default ".").
A path "!<glob>" excludes the files it matches, like --ignore-pattern <glob>.

Options:
  -f, --format <name>[:<file>] ${FORMATS.join(" | ")} (default: stylish);
                               repeatable: name:file writes to a file, at most one to stdout
  -o, --output-file <file>     write the stdout report to a file instead
      --stdin-filename <path>  the name findings give the "-" input (and ignore patterns match)
  -c, --config <file>          config file (default: nearest .k8s-lint.yaml/.json upwards)
      --rule <id>=<severity>   off | info | warning | error; repeatable
      --preset <name>          security | production | all: enable a preset's rules besides
                               recommended; repeatable, adds to the config's extends
      --pod-security <level>[:<version>]
                               baseline | restricted, and the policy version (v1.30; default
                               latest: the target release's): the Pod Security Standard the
                               pod-security rules judge against; enables them
      --kubernetes-version <x.y>  target release (1.30, v1.30, 1.30.2): which APIs and fields
                               exist, which are deprecated or removed (default: newest known)
      --default-namespace <ns> namespace of resources without one (default: default)
      --ignore-pattern <glob>  do not lint matching files; repeatable
      --follow-symlinks        follow symbolic links that lead out of the linted directories
      --context <path>         read for cross-resource checks only, not reported on; repeatable
      --per-directory          lint each directory with a kustomization (with what it includes
                               of the input: name its bases too), else each sample folder
                               (the first folder below the shared root holding manifests
                               itself), as its own input, and each file of a folder where two
                               files define one object (with the files there that hold only
                               RBAC, namespaces, CRDs or configuration and redefine none of its
                               objects): duplicates and cross-resource checks stay inside it
                               (alternative variants); a base that one
                               kustomization alone includes goes with it, one that several
                               include is judged in each of their builds; --context files and
                               the input's CRDs are seen from each
      --references <policy>    complete | partial: whether the input holds every object referred
                               to (default: complete when --context holds objects, not only
                               CRDs, else partial)
      --max-warnings <n>       exit 1 when there are more than n warnings
      --quiet                  report errors only
      --explain                print each finding's explanation (and info findings)
      --no-color               no colours (NO_COLOR and FORCE_COLOR are honoured too)
      --no-error-on-unmatched-pattern
                               a path or glob matching no manifest is not exit 2
      --fix                    apply the safe fixes (passes until stable), write the files, then
                               report what remains
      --fix-dry-run            print the fixes as a unified diff instead of writing them (with
                               "-": the fixed text); the exit code is that of what remains
      --fix-type <categories>  fix only findings of these rule categories (comma-separated,
                               e.g. schema,probes); with --fix or --fix-dry-run
      --print-config <file>    print the configuration for the file (YAML; -f json)
  -v, --version                print the version (also: k8s-lint version)
  -h, --help                   print this help (also: k8s-lint help [command])

Commands:
  k8s-lint explain <topic>     a rule id, a pod status reason, or an exit code
  k8s-lint diagnose <file|->   advise on \`kubectl get pods -o yaml\` output
  k8s-lint qos [paths...]      derived QoS class of every workload
  k8s-lint graph [paths...]    the resources and their links, broken ones marked
  k8s-lint rules               the rule catalogue
  k8s-lint lsp                 language server for editors (stdio)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or I/O failure.
`;

const SEVERITIES = new Set(["off", "info", "warning", "error"]);

/** `--pod-security baseline`, `--pod-security restricted:v1.30`: a level and an optional policy version. */
export function podSecurityOption(value: string | undefined): PodSecuritySetting | undefined {
  if (value === undefined) return undefined;
  const [level, version, ...rest] = value.split(":");
  if (!(POD_SECURITY_LEVELS as readonly string[]).includes(level) || rest.length || (version !== undefined && !POD_SECURITY_VERSION.test(version))) {
    throw new UsageError(`--pod-security expects <${POD_SECURITY_LEVELS.join("|")}>[:<latest|v1.NN>], got "${value}"${(POD_SECURITY_LEVELS as readonly string[]).includes(level) ? "" : didYouMean(level, POD_SECURITY_LEVELS)}`);
  }
  return { level: level as PodSecuritySetting["level"], ...(version !== undefined ? { version } : {}) };
}

/** `--preset <name>`, repeatable: each a preset k8s-lint knows. */
export function presetOptions(names: string[] | undefined): string[] {
  const presets = names ?? [];
  for (const name of presets) {
    if (presetNamed(name)) continue;
    const known = PRESET_NAMES.map((p) => `${p}`);
    throw new UsageError(`unknown preset "${name}"${didYouMean(name.replace(PRESET_PREFIX, ""), known)}; one of: ${known.join(", ")}`);
  }
  return presets;
}

/** The options that choose what is linted and how: the lint and `graph` read them alike. */
export const INPUT_OPTIONS = {
  config: { type: "string", short: "c" },
  rule: { type: "string", multiple: true },
  preset: { type: "string", multiple: true },
  "pod-security": { type: "string" },
  "kubernetes-version": { type: "string" },
  "default-namespace": { type: "string" },
  "ignore-pattern": { type: "string", multiple: true },
  context: { type: "string", multiple: true },
  references: { type: "string" },
} as const;

export async function runLint(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string", short: "f", multiple: true },
      "output-file": { type: "string", short: "o" },
      "stdin-filename": { type: "string" },
      ...INPUT_OPTIONS,
      "follow-symlinks": { type: "boolean" },
      "per-directory": { type: "boolean" },
      "max-warnings": { type: "string" },
      quiet: { type: "boolean" },
      explain: { type: "boolean" },
      "no-color": { type: "boolean" },
      color: { type: "boolean" },
      "no-error-on-unmatched-pattern": { type: "boolean" },
      "print-config": { type: "string" },
      fix: { type: "boolean" },
      "fix-dry-run": { type: "boolean" },
      "fix-type": { type: "string", multiple: true },
    },
  });
  const targets = reportTargets(values.format ?? [], values["output-file"]);
  const stdinFilename = values["stdin-filename"];
  if (stdinFilename !== undefined && !positionals.includes("-")) throw new UsageError('--stdin-filename names the "-" input, and no path is "-"');
  // `--rule __proto__=off` must reach the unknown-rule check like any other id.
  const rules = inputKeyedObject<SeveritySetting>();
  for (const spec of values.rule ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m || !SEVERITIES.has(m[2])) throw new UsageError(`--rule expects <id>=<off|info|warning|error>, got "${spec}"`);
    rules[m[1].trim()] = m[2] as SeveritySetting;
  }
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got "${values["max-warnings"]}"`);
  }
  const askedVersion = values["kubernetes-version"];
  const target = askedVersion === undefined ? undefined : targetRelease(askedVersion);
  if (target && "error" in target) throw new UsageError(`--kubernetes-version ${target.error}`);
  const references = values.references as ReferencePolicy | undefined;
  if (references !== undefined && !REFERENCE_POLICIES.includes(references)) {
    throw new UsageError(`--references expects ${REFERENCE_POLICIES.join(" or ")}, got "${references}"`);
  }
  const presets = presetOptions(values.preset);
  const podSecurity = podSecurityOption(values["pod-security"]);
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfig(io.cwd);
  // The config schema (zod) loads only when there is a config file to read.
  const config = configPath ? (await import("../../config/load.js")).loadConfig(configPath, values.config ?? configPath) : undefined;
  // The config's customRules and plugins join the registry before anything reads it.
  const unfamiliarKinds = await applyUserRules(config, configPath, values.config !== undefined, io.cwd);
  // The flag wins over the config's kubernetesVersion (validated when the config was loaded).
  const judged = target ?? (config?.kubernetesVersion !== undefined ? targetRelease(config.kubernetesVersion) : undefined);
  if (judged && "warning" in judged && judged.warning) io.stderr(`k8s-lint: warning: ${judged.warning}\n`);
  // As asked: the engine judges it, and names it in the result when it judges another release.
  const run = { config, rules, kubernetesVersion: askedVersion, defaultNamespace: values["default-namespace"], ignorePatterns: values["ignore-pattern"], references, context: values.context, presets, podSecurity };
  if (values["print-config"] !== undefined) {
    const contextObjects = await contextSuppliesObjects([values["print-config"]], { ...run, cwd: io.cwd, configDir: configPath ? dirname(configPath) : undefined, followSymlinks: values["follow-symlinks"] });
    io.stdout(printConfig(values["print-config"], { ...run, contextSuppliesObjects: contextObjects, maxWarnings, configFile: configPath, cwd: io.cwd, json: targets[0].format === "json" }));
    return EXIT_OK;
  }

  const fixMode = values["fix-dry-run"] ? "dry-run" : values.fix ? "write" : undefined;
  if (values.fix && values["fix-dry-run"]) throw new UsageError("--fix and --fix-dry-run exclude each other: --fix-dry-run shows what --fix writes");
  if (values["fix-type"] && !fixMode) throw new UsageError("--fix-type chooses what --fix or --fix-dry-run applies, and neither is given");
  if (values.fix && positionals.includes("-")) throw new UsageError('--fix never writes standard input: use --fix-dry-run to print the fixed text of "-"');
  const fixTypes = values["fix-type"] ? fixCategories(values["fix-type"]) : undefined;

  const progress = createProgress({ enabled: targets.some((t) => progressAllowed(t.format, io.stderrIsTTY ?? false)), write: io.stderr });
  let linted: LintedResource[] | undefined;
  // Every file the run reads; a report may replace none of them.
  const reads: InputFile[] = [{ absolute: join(io.cwd, IGNORE_FILE) }, ...(configPath ? [{ absolute: configPath }] : [])];
  const lintOptions: LintOptions = {
    ...run,
    cwd: io.cwd,
    configDir: configPath ? dirname(configPath) : undefined,
    followSymlinks: values["follow-symlinks"],
    perDirectory: values["per-directory"],
    allowUnmatched: values["no-error-on-unmatched-pattern"],
    quiet: values.quiet,
    stdinFilename,
    onProgress: progress.onProgress,
    onResources: targets.some((t) => t.format === "junit") || unfamiliarKinds.length ? (list) => (linted = list) : undefined,
    onInputFiles: (files) => reads.push(...files),
  };
  let result: LintResult;
  // A policies entry of the config that names nothing is reported at its place in the config file.
  const placed = (err: unknown) => Promise.reject(placedConfigError(err, config, configPath ?? "the config"));
  if (fixMode) {
    const fixed = await fixInMemory(positionals, lintOptions, { applies: fixTypes && ((d) => fixTypes.has(categoryOf(d.ruleId))) }).catch(placed).finally(() => progress.finish());
    result = fixed.result;
    // A file whose fixes cannot be applied still shows them as fixable: say why they were not.
    for (const { display, reason } of fixed.notFixed) io.stderr(`k8s-lint: fixes not applied to ${printable(display)}: ${reason}\n`);
    if (fixMode === "dry-run") {
      const diff = dryRunOutput(fixed.files);
      io.stdout(diff + (fixed.stdin ?? ""));
      // Nothing printed would leave an exit code of 1 unexplained.
      if (!diff && fixed.stdin === undefined && !fixed.notFixed.length) io.stderr(`k8s-lint: no fixes to apply; ${remainingText(result, values.explain === true)}\n`);
      return exitCode(result, maxWarnings ?? config?.maxWarnings);
    }
    writeFixed(planWrites(fixed.files, positionals.length ? positionals : ["."], io.cwd), io.env);
  } else {
    result = await lint(positionals, lintOptions).catch(placed).finally(() => progress.finish());
  }

  if (!values.quiet) for (const note of unseenKindNotes(unfamiliarKinds, linted ?? [])) io.stderr(`k8s-lint: note: ${note}\n`);
  const noColor = values["no-color"] ?? false;
  await writeReports(result, targets, io, {
    color: values.color ? true : useColor(io, noColor, false),
    colorInFiles: values.color ? true : useColor(io, noColor, true),
    explain: values.explain,
    perDirectory: values["per-directory"],
    width: outputWidth(io, false),
    resources: linted,
    reads,
  });

  return exitCode(result, maxWarnings ?? config?.maxWarnings);
}

/**
 * A custom rule's kind that k8s-lint does not know, presumably a custom resource's, that no
 * linted resource has: once per kind, as a note (a typo of a known kind is a config error
 * already; this one may be right and only absent from this run).
 */
function unseenKindNotes(kinds: readonly UnfamiliarKind[], linted: readonly LintedResource[]): string[] {
  // Bare, and with the API group as a custom rule may write it (Deployment.apps, Deployment.extensions).
  const seen = new Set(linted.flatMap(({ resource: { apiVersion, kind } }) => [kind, groupKind(apiVersion, kind), `${kind}.${groupOf(apiVersion)}`]));
  const notes = new Map<string, string[]>();
  for (const { ruleId, kind } of kinds) if (!seen.has(kind)) notes.set(kind, [...(notes.get(kind) ?? []), ruleId]);
  return [...notes].map(([kind, ids]) => `no resource of kind "${kind}" was linted, which custom rule${ids.length > 1 ? "s" : ""} ${ids.map((id) => `"${id}"`).join(", ")} judge${ids.length > 1 ? "" : "s"}: if it is a custom resource's kind, it is spelled as in its CRD's spec.names.kind (case-sensitive)`);
}

function exitCode(result: LintResult, limit: number | undefined): number {
  if (result.summary.errors > 0) return EXIT_PROBLEMS;
  if (limit !== undefined && result.summary.warnings > limit) return EXIT_PROBLEMS;
  return EXIT_OK;
}

/** `--fix-type schema,probes` (repeatable): rule categories, each checked against the registry's. */
function fixCategories(specs: string[]): Set<string> {
  const known = new Set(ruleDescriptions.map((r) => r.category));
  const asked = specs.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  for (const c of asked) {
    if (!known.has(c)) throw new UsageError(`--fix-type expects rule categories (${[...known].join(", ")}), got "${c}"${didYouMean(c, [...known])}`);
  }
  return new Set(asked);
}

function categoryOf(ruleId: string): string {
  return ruleDescriptions.find((r) => r.id === ruleId)?.category ?? "";
}

/**
 * `no problems`, or `3 problems remain (1 error, 2 warnings): run without --fix-dry-run to see them`,
 * counted as the run's summary line counts them: infos only with --explain, which shows them.
 */
function remainingText({ summary: { errors, warnings, infos } }: LintResult, explain: boolean): string {
  const shownInfos = explain ? infos : 0;
  const total = errors + warnings + shownInfos;
  if (!total) return "no problems";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [plural(errors, "error"), plural(warnings, "warning"), ...(shownInfos ? [plural(shownInfos, "info")] : [])];
  return `${plural(total, "problem")} remain${total === 1 ? "s" : ""} (${parts.join(", ")}): run without --fix-dry-run to see them`;
}

/** What --fix-dry-run prints of the files: each changed one's unified diff (standard input's text is printed whole, after). */
function dryRunOutput(files: readonly FixedFile[]): string {
  return files.map((f) => (f.absolute === STDIN ? "" : unifiedDiff(f.display, f.before, f.after))).join("");
}
