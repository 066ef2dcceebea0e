/**
 * `--fix` passes: lint, apply the safe fixes that do not touch each other, lint the fixed text
 * again, until nothing changes (at most MAX_PASSES). Everything happens in memory; write.ts
 * writes the result. A file whose text does not parse cleanly is never fixed, and a pass whose
 * result would not parse cleanly is dropped for that file.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describeFailure, INPUT_LIMITS, readStdinBounded } from "../bounded-read.js";
import { displayPath, STDIN } from "../discover.js";
import { LintIoError } from "../../errors.js";
import { lint, type InputFile, type LintOptions } from "../lint.js";
import { parseText } from "../parse.js";
import type { Diagnostic, Fix, LintResult } from "../../types.js";
import { applyFixes } from "./apply.js";

export const MAX_PASSES = 10;

/** One file the passes changed. */
export interface FixedFile {
  /** Absolute path, or "-" for standard input. */
  absolute: string;
  /** As reports name it. */
  display: string;
  /** The text before and after, without the BOM. */
  before: string;
  after: string;
  /** The file started with a BOM (written back with it). */
  bom: boolean;
  /** Fixes applied over all passes. */
  fixed: number;
}

export interface FixRun {
  files: FixedFile[];
  /** The lint result of the fixed texts: what remains. */
  result: LintResult;
  passes: number;
  /** Fixes applied, over all files and passes. */
  fixed: number;
  /** The fixed text of standard input, when it is an input (changed or not). */
  stdin?: string;
  /** Files with fixes that were not applied, and why (the file has a syntax error, or the fixes would give it one). */
  notFixed: Array<{ display: string; reason: string }>;
}

export interface FixOptions {
  /** Which findings' fixes to apply (`--fix-type`); default: every safe fix. */
  applies?: (d: Diagnostic) => boolean;
  /** Called after each pass that changes a file, with the fixes it applied (edits in `before`'s offsets). */
  onPass?: (pass: { file: string; before: string; after: string; applied: readonly Fix[] }) => void;
}

/** Whether a text parses without a syntax problem: the only kind of text --fix starts from or writes. */
export function parsesCleanly(text: string, json: boolean): boolean {
  return parseText(text, "1.1", json ? "json" : "yaml").every((d) => d.problems.length === 0);
}

interface Current {
  text: string;
  original: string;
  bom: boolean;
  fixed: number;
  /** A pass made it unparsable, or it never parsed: no more fixes. */
  frozen: boolean;
  /** Why it is frozen, said to the user when no fix of it was applied. */
  why?: string;
}

function readText(absolute: string): { text: string; bom: boolean } {
  const text = readFileSync(absolute, "utf8");
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

function readStdin(): string {
  const read = readStdinBounded(INPUT_LIMITS.manifest);
  if (!("bytes" in read)) throw new LintIoError(describeFailure("standard input", read));
  const text = read.bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The fixes applied one by one in order, each kept only when the text still parses cleanly. */
function cleanSubset(text: string, fixes: readonly Fix[], json: boolean): ReturnType<typeof applyFixes> {
  const kept: Fix[] = [];
  for (const fix of fixes) {
    const trial = applyFixes(text, [...kept, fix]);
    if (trial.applied === kept.length + 1 && parsesCleanly(trial.text, json)) kept.push(fix);
  }
  const out = applyFixes(text, kept);
  return { ...out, deferred: fixes.length - kept.length };
}

/** Runs the passes over the inputs of `lint(paths, options)`; nothing is written. */
export async function fixInMemory(paths: string[], options: LintOptions, fixOptions: FixOptions = {}): Promise<FixRun> {
  const cwd = options.cwd ?? process.cwd();
  const stdinDisplay = options.stdinFilename === undefined ? "<stdin>" : displayPath(resolve(cwd, options.stdinFilename), cwd);
  const texts = new Map<string, string>();
  const state = new Map<string, Current & { display: string }>();
  // Standard input is read once: every pass lints its fixed text.
  let stdin = options.stdin ?? (paths.includes(STDIN) ? readStdin() : undefined);
  let result: LintResult | undefined;
  let passes = 0;
  let fixed = 0;
  // Display name -> absolute path of every input read (what the result's files are named by).
  let absoluteOf = new Map<string, string>();
  const onInputFiles = (files: InputFile[]) => {
    absoluteOf = new Map(files.map(({ absolute }) => [absolute === STDIN ? stdinDisplay : displayPath(absolute, cwd), absolute]));
    options.onInputFiles?.(files);
  };
  for (;;) {
    result = await lint(paths, { ...options, texts, stdin, onInputFiles });
    if (passes === MAX_PASSES) break;
    let changed = false;
    for (const file of result.files) {
      const fixes: Fix[] = file.diagnostics
        .filter((d) => d.fix && (fixOptions.applies?.(d) ?? true))
        .map((d) => d.fix!)
        .sort((a, b) => a.edits[0].start - b.edits[0].start);
      if (!fixes.length) continue;
      const absolute = absoluteOf.get(file.path);
      if (absolute === undefined) continue;
      let cur = state.get(absolute);
      if (!cur) {
        const read = absolute === STDIN ? { text: stdin ?? "", bom: false } : readText(absolute);
        const json = /\.json$/i.test(absolute);
        const frozen = !parsesCleanly(read.text, json);
        cur = { ...read, original: read.text, fixed: 0, frozen, display: file.path, ...(frozen ? { why: "it has a YAML syntax error; fix that first" } : {}) };
        state.set(absolute, cur);
      }
      if (cur.frozen) continue;
      const json = /\.json$/i.test(absolute);
      let next = applyFixes(cur.text, fixes);
      if (!next.applied) continue;
      // Fixes that are fine alone may clash together (a rename to a key another fix adds): keep
      // those that leave the text clean, one at a time; the others wait for the next pass.
      if (!parsesCleanly(next.text, json)) next = cleanSubset(cur.text, fixes, json);
      if (!next.applied) {
        cur.frozen = true;
        cur.why = "each of its fixes would leave a YAML syntax error";
        continue;
      }
      fixOptions.onPass?.({ file: file.path, before: cur.text, after: next.text, applied: next.accepted });
      cur.text = next.text;
      cur.fixed += next.applied;
      fixed += next.applied;
      changed = true;
      if (absolute === STDIN) stdin = next.text;
      else texts.set(absolute, next.text);
    }
    if (!changed) break;
    passes++;
  }
  const files = [...state.entries()]
    .filter(([, c]) => c.text !== c.original)
    .map(([absolute, c]) => ({ absolute, display: c.display, before: c.original, after: c.text, bom: c.bom, fixed: c.fixed }));
  const notFixed = [...state.values()].filter((c) => c.why !== undefined && c.fixed === 0).map((c) => ({ display: c.display, reason: c.why! }));
  return { files, result, passes, fixed, notFixed, ...(paths.includes(STDIN) && stdin !== undefined ? { stdin } : {}) };
}

/**
 * One text fixed in memory as a file of `filename` (the editor's "fix all"): the passes of
 * `--fix` over it alone.
 */
export async function fixText(
  text: string,
  options: LintOptions & { filename: string },
): Promise<{ output: string; passes: number; fixed: number; changed: boolean }> {
  const { filename, ...lintOptions } = options;
  const run = await fixInMemory([STDIN], { ...lintOptions, stdin: text, stdinFilename: filename });
  const output = run.files[0]?.after ?? text;
  return { output, passes: run.passes, fixed: run.fixed, changed: output !== text };
}
