/**
 * The V8 flags k8s-lint sets, in one place. The bin sets SHORT_RUN_V8_FLAGS before the bundle
 * compiles (tuneV8): they name the code cache (cli/code-cache.ts), since V8 refuses a cache made
 * under other flags. Any change after that goes through setV8Flag, so that the code cache knows
 * the process's flags no longer match the next one's and writes none.
 */
import { setFlagsFromString } from "node:v8";

/**
 * TurboFan's inlining off: a lint is a short process whose hot code is a few hundred small
 * functions called through rule tables, where inlining compiles much and pays back little
 * (docs/DECISIONS.md, "V8's inlining off for a short run": 7–17% less wall time on every bench
 * shape at 10,000 resources). Not for the language server, a long process where it pays.
 */
export const SHORT_RUN_V8_FLAGS: readonly string[] = ["--no-turbo-inlining"];

/**
 * Documents loaded from which a run is long (loadFiles calls asLongRun): at 100,000 resources
 * inlining off cost about a tenth of the run, as much as it saves at 10,000.
 */
export const LONG_RUN_DOCUMENTS = 20_000;

let changed = false;

/**
 * Sets SHORT_RUN_V8_FLAGS unless `args` (process.argv after the script) start the language
 * server, and returns the flags it set, for the code cache's name.
 */
export function tuneV8(args: readonly string[]): readonly string[] {
  if (args[0] === "lsp") return [];
  // The V8 of every Node release the package supports (20 to 24) has these flags: V8 prints an error for one it does not know, and runs on.
  for (const flag of SHORT_RUN_V8_FLAGS) setFlagsFromString(flag);
  return SHORT_RUN_V8_FLAGS;
}

/** V8's default inlining back, for what the rest of a long run compiles (a no-op where tuneV8 did not run). */
export function asLongRun(): void {
  setV8Flag("--turbo-inlining");
}

/** Sets one V8 flag (`--name` or `--name=value`), known to the V8 of every supported Node release. */
export function setV8Flag(flag: string): void {
  setFlagsFromString(flag);
  changed = true;
}

/** Whether this process changed V8's flags with setV8Flag. */
export function v8FlagsChanged(): boolean {
  return changed;
}
