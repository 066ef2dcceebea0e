/**
 * Context manifests (`--context <path>`): files read into the resource index so that the files
 * being linted are judged against the whole repository, but never reported on themselves. With
 * context the input counts as complete, which decides the policy for references to objects
 * absent from it (`references`, src/rules/config/references.ts).
 */
import { realpathSync } from "node:fs";
import { LintUsageError } from "../errors.js";
import type { ReferencePolicy } from "../types.js";
import { discover, STDIN, type DiscoveredFile, type DiscoverOptions } from "./discover.js";

/**
 * The files of the context paths (files, directories, globs, as lint paths) that are not linted
 * files already: a file both named and in the context is a linted file, read once. Throws
 * DiscoveryError for paths that match nothing, LintUsageError for `-`.
 */
export async function discoverContext(inputs: readonly string[], linted: readonly DiscoveredFile[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
  if (!inputs.length) return [];
  if (inputs.includes(STDIN)) throw new LintUsageError('--context takes paths, not "-" (stdin)');
  const lintedFiles = new Set(linted.map((f) => realPath(f.absolute)));
  return (await discover([...inputs], options)).filter((f) => !lintedFiles.has(realPath(f.absolute)));
}

/**
 * The reference policy of a run: the flag, else the config, else `complete` when context paths
 * were given (the input is then the whole repository) and `partial` otherwise.
 */
export function referencePolicy(flag: ReferencePolicy | undefined, config: ReferencePolicy | undefined, hasContext: boolean): ReferencePolicy {
  return flag ?? config ?? (hasContext ? "complete" : "partial");
}

function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}
