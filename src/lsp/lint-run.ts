/**
 * One lint of a workspace from files already read and parsed: the stages of engine/lint.ts
 * after loading, in the same order, so the editor reports exactly what the CLI reports. The
 * server keeps each file's parse (load.ts's LoadedFile) between runs: an edit re-parses one
 * file, and the index and the rules see the whole workspace again.
 */
import { loadOne, type LoadedFile } from "../engine/load.js";
import type { DiscoveredFile } from "../engine/discover.js";
import { lintLoaded as lintLoadedFiles, type ContextFiles, type LintOptions } from "../engine/lint.js";
import { parseText } from "../engine/parse.js";
import type { LintResult } from "../types.js";

/** The options of a workspace lint: what the CLI's lint takes, apart from choosing and reading files. */
export type WorkspaceLintOptions = Pick<LintOptions, "config" | "rules" | "kubernetesVersion" | "defaultNamespace" | "references" | "presets">;

/** The workspace has no context-only files: every file of the folder is reported on. */
const NO_CONTEXT: ContextFiles = { contextOnly: new Set(), contextGiven: new Set() };

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
export function lintLoaded(loaded: readonly LoadedFile[], options: WorkspaceLintOptions): Promise<LintResult> {
  return lintLoadedFiles(loaded, NO_CONTEXT, options);
}
