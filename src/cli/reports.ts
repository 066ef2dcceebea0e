/**
 * Where the reports of a run go (`--format name[:file]`, repeatable, and `-o`) and the writer
 * the CLI and the GitHub Action share. One lint result feeds every report; each is written in
 * chunks, and a file through a temporary file in its folder renamed into place, so that a
 * failed write never leaves half a report and the report never replaces one of the inputs.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FORMATS, isFormatName, loadFormatter, type FormatName } from "../formatters/index.js";
import type { FormatOptions, Report } from "../formatters/types.js";
import { closestWithin } from "../did-you-mean.js";
import { ruleDescriptions } from "../engine/registry.js";
import type { LintResult } from "../types.js";
import { UsageError } from "./io.js";

export interface ReportTarget {
  format: FormatName;
  /** The file to write, relative to the working directory; absent for stdout. */
  file?: string;
}

/** What writing needs of the process; the CLI passes its own, the Action and tests theirs. */
export interface ReportIO {
  cwd: string;
  /** Receives the stdout report in chunks of about 64 KiB. */
  stdout: (text: string) => void;
  /** Resolves when stdout can take more (backpressure on a pipe); absent when writes are synchronous. */
  stdoutDrained?: () => Promise<void>;
}

export interface WriteOptions extends Omit<FormatOptions, "rules"> {
  /** Colour in reports written to files (`color` is the stdout report's); default none. */
  colorInFiles?: boolean;
}

/** Text is handed to files and stdout in pieces of at least this many UTF-16 units. */
const BATCH = 64 * 1024;

/**
 * The reports asked for by `--format` values (`name` for stdout, `name:file`) and `-o`, which
 * sends the stdout report to a file; no `--format` is stylish on stdout. Throws UsageError for
 * an unknown format, an empty file name, or more than one report on stdout.
 */
export function reportTargets(formats: readonly string[], outputFile?: string): ReportTarget[] {
  const targets = (formats.length ? formats : ["stylish"]).map(parseTarget);
  const onStdout = targets.filter((t) => t.file === undefined);
  if (onStdout.length > 1) {
    throw new UsageError(`only one report can go to stdout, got "${onStdout[0].format}" and "${onStdout[1].format}" (write the others to files: --format ${onStdout[1].format}:<file>)`);
  }
  if (outputFile !== undefined) {
    if (!onStdout.length) throw new UsageError("--output-file sends the stdout report to a file, but every --format names its own file");
    onStdout[0].file = outputFile;
  }
  return targets;
}

function parseTarget(spec: string): ReportTarget {
  const colon = spec.indexOf(":");
  const name = colon === -1 ? spec : spec.slice(0, colon);
  if (!isFormatName(name)) {
    const near = closestWithin(name, FORMATS);
    throw new UsageError(`unknown format "${name}"${near ? ` (did you mean "${near}"?)` : ""}; one of: ${FORMATS.join(", ")}`);
  }
  if (colon === -1) return { format: name };
  const file = spec.slice(colon + 1);
  if (!file) throw new UsageError(`--format "${spec}" names no file after the colon`);
  return { format: name, file };
}

/**
 * Renders `result` once per target and writes each report: files first (missing folders are
 * created), then stdout. Throws UsageError, before anything is written, when a file is one of
 * the run's inputs (same device and inode, whatever the path says) or two reports name the
 * same file; and when a write fails, naming the file and the system error (`ENOSPC: no space
 * left on device`), after removing the temporary file.
 */
export async function writeReports(result: LintResult, targets: readonly ReportTarget[], io: ReportIO, options: WriteOptions): Promise<void> {
  const files = targets.filter((t): t is Required<ReportTarget> => t.file !== undefined);
  checkFileTargets(result, files, io.cwd);
  for (const target of files) {
    const formatter = await loadFormatter(target.format);
    // A file is not the terminal: no colour unless asked, and the default width.
    writeFile(resolve(io.cwd, target.file), target.file, formatter(result, { ...options, rules: ruleDescriptions, color: options.colorInFiles ?? false, width: undefined }));
  }
  const onStdout = targets.find((t) => t.file === undefined);
  if (!onStdout) return;
  const formatter = await loadFormatter(onStdout.format);
  for (const text of batched(formatter(result, { ...options, rules: ruleDescriptions }))) {
    io.stdout(text);
    await io.stdoutDrained?.();
  }
}

function checkFileTargets(result: LintResult, files: ReadonlyArray<Required<ReportTarget>>, cwd: string): void {
  const seen = new Map<string, string>();
  let inputs: Stats[] | undefined;
  for (const { file } of files) {
    const absolute = resolve(cwd, file);
    const existing = statOrNothing(absolute);
    const key = existing?.isFile() ? `${existing.dev}:${existing.ino}` : absolute;
    const other = seen.get(key);
    if (other !== undefined) throw new UsageError(`two reports would be written to the same file: "${other}" and "${file}"`);
    seen.set(key, file);
    if (!existing?.isFile()) continue;
    inputs ??= result.files.flatMap((f) => statOrNothing(resolve(cwd, f.path)) ?? []);
    if (inputs.some((s) => s.dev === existing.dev && s.ino === existing.ino)) {
      throw new UsageError(`refusing to write the report to "${file}": it is one of the files being linted`);
    }
  }
}

/** A path that cannot be read (missing, under a file) is no input and no report yet; writing it tells why. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A regular (or new) file through a temporary file renamed over it; a device or pipe in place. */
function writeFile(absolute: string, shown: string, report: Report): void {
  let target = absolute;
  let existing: Stats | undefined;
  let temporary: string | undefined;
  let fd: number | undefined;
  try {
    try {
      target = realpathSync(absolute);
      existing = statSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      mkdirSync(dirname(absolute), { recursive: true });
    }
    if (existing && !existing.isFile()) {
      fd = openSync(target, "w");
    } else {
      const path = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
      fd = openSync(path, "wx");
      temporary = path;
      if (existing) fchmodSync(fd, existing.mode & 0o7777);
    }
    for (const text of batched(report)) writeAll(fd, text);
    const open = fd;
    fd = undefined;
    closeSync(open);
    if (temporary) renameSync(temporary, target);
    temporary = undefined;
  } catch (err) {
    try {
      if (fd !== undefined) closeSync(fd);
      if (temporary) rmSync(temporary, { force: true });
    } catch {
      // Cleaning up is best effort: the error that ended the write is the one to report.
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new UsageError(`cannot write ${shown}: ${systemError(err as Error, code)}`);
    throw err;
  }
}

/** "ENOSPC: no space left on device" from Node's "ENOSPC: no space left on device, write". */
function systemError(err: Error, code: string): string {
  const m = /^E[A-Z]+: ([^,]+)/.exec(err.message);
  return m ? `${code}: ${m[1]}` : code;
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** A report's text in pieces of at least BATCH units (a string report is one piece). */
function* batched(report: Report): Generator<string> {
  if (typeof report === "string") {
    if (report) yield report;
    return;
  }
  let buffer = "";
  for (const chunk of report) {
    buffer += chunk;
    if (buffer.length >= BATCH) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
