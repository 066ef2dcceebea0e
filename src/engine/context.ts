/**
 * Context manifests (`--context <path>`): files read into the resource index so that the files
 * being linted are judged against the whole repository, but never reported on themselves. A
 * context that holds objects makes the input count as complete, which decides the policy for
 * references to objects absent from it (`references`, src/rules/config/references.ts); one of
 * CustomResourceDefinitions (and admission policies) only gives schemas and leaves the policy as
 * without context.
 */
import { realpathSync } from "node:fs";
import { isApiDefinition } from "../models/api-groups.js";
import { LintUsageError } from "../errors.js";
import type { Resource } from "../models/resource.js";
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
 * The reference policy of a run: the flag, else the config, else `complete` when the context
 * supplies objects (the input is then the whole repository) and `partial` otherwise.
 */
export function referencePolicy(flag: ReferencePolicy | undefined, config: ReferencePolicy | undefined, contextSuppliesObjects: boolean): ReferencePolicy {
  return flag ?? config ?? (contextSuppliesObjects ? "complete" : "partial");
}

/** Whether the files --context names (`contextGiven`) hold a resource that is not a definition. */
export function suppliesObjects(resources: readonly Resource[], contextGiven: ReadonlySet<string>): boolean {
  return contextGiven.size > 0 && resources.some((r) => contextGiven.has(r.file) && !isApiDefinition(r.group, r.kind));
}

function realPath(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}
