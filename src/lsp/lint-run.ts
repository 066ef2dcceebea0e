/**
 * One lint of a workspace from files already read and parsed: the stages of engine/lint.ts
 * after loading, in the same order, so the editor reports exactly what the CLI reports. The
 * server keeps each file's parse (load.ts's LoadedFile) between runs: an edit re-parses one
 * file, and the index and the rules see the whole workspace again.
 */
import { allRules } from "../engine/registry.js";
import { groupOf } from "../models/api-groups.js";
import { loadBundledSchemasFor } from "../models/bundled-crds/index.js";
import { collect, indexResources } from "../engine/collect.js";
import { addFindings, checkRuleIds } from "../engine/diagnostics.js";
import { runSettings, severityOverrides } from "../engine/effective-config.js";
import { loadOne, type LoadedFile } from "../engine/load.js";
import type { DiscoveredFile } from "../engine/discover.js";
import type { LintOptions } from "../engine/lint.js";
import { parseText } from "../engine/parse.js";
import { assembleResult } from "../engine/result.js";
import { prepareRules, runRules, selectRules } from "../engine/run-rules.js";
import { suppress } from "../engine/suppress.js";
import type { LintResult } from "../types.js";

/** The options of a workspace lint: what the CLI's lint takes, apart from choosing and reading files. */
export type WorkspaceLintOptions = Pick<LintOptions, "config" | "rules" | "kubernetesVersion" | "defaultNamespace" | "references"> & {
  /** Presets to enable (`--preset`, repeatable), as LintOptions.presets where the engine has presets. */
  presets?: string[];
};

/** A file parsed from text the server holds (an editor's buffer), as loadOne parses one from disk. */
export function loadText(file: DiscoveredFile, text: string): LoadedFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = /\.json$/i.test(file.absolute) ? "json" : "yaml";
  return { file, source: { text: body }, docs: parseText(body, "1.1", format) };
}

/** A file read from disk, as the CLI reads it. */
export function loadFromDisk(file: DiscoveredFile): LoadedFile {
  return loadOne(file, undefined);
}

/** Lints the loaded files as one input set; the same diagnostics `lint()` gives for these files. */
export async function lintLoaded(loaded: readonly LoadedFile[], options: WorkspaceLintOptions): Promise<LintResult> {
  const settings = runSettings(options);
  const severities = severityOverrides(options);
  checkRuleIds(severities);
  const collection = collect({ loaded, contextOnly: new Set(), defaultNamespace: settings.defaultNamespace, severities });
  await loadBundledSchemasFor(new Set(collection.resources.map((r) => groupOf(r.apiVersion))));
  const run = indexResources(collection, { loaded });
  const selection = selectRules(allRules, severities);
  await prepareRules(selection, run.judged);
  const findings = runRules({ resources: run.judged, selection, index: run.index, indexFor: run.indexFor, settings });
  addFindings(findings, { sourceOf: run.sourceOf, severities });
  await suppress({ sources: run.reported, resources: collection.resources, exclude: options.config?.exclude, severities });
  return assembleResult({ reported: run.reported, resources: run.judged.length, kubernetesVersion: settings.kubernetesVersion });
}
