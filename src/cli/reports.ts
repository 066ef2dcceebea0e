/**
 * Where the reports of a run go (`--format name[:file]`, repeatable, and `-o`) and the writer
 * the CLI and the GitHub Action share. One lint result feeds every report; each is written in
 * chunks, and a file through a temporary file in its folder renamed into place, so that a
 * failed write never leaves half a report and the report never replaces one of the inputs.
 */
import { createRequire } from "node:module";
import { closeSync, fchmodSync, lstatSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FORMATS, isFormatName, loadFormatter, type FormatName } from "../formatters/index.js";
import type { FormatOptions, Report } from "../formatters/types.js";
import { closestWithin } from "../did-you-mean.js";
import { ruleDescriptions } from "../engine/registry.js";
import type { LintResult } from "../types.js";
import { fileIdentity } from "../engine/bounded-read.js";
import type { InputFile } from "../engine/lint.js";
import { UsageError } from "./io.js";
import { makeDirectories } from "./make-directories.js";

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
  /**
   * Every file the run reads (lint's onInputFiles gives the linted and context files; the caller
   * adds the config and ignore files): no report may replace one. Absent: the result's files.
   */
  reads?: readonly InputFile[];
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
 * the files the run reads (`result`'s and `options.reads`: same device and inode, whatever the
 * path says), when it exists and is no regular file, link or character device (a FIFO would
 * block), or two reports name the same file; and when a write fails, naming the file and the system error (`ENOSPC: no space
 * left on device`), after removing the temporary file.
 */
export async function writeReports(result: LintResult, targets: readonly ReportTarget[], io: ReportIO, options: WriteOptions): Promise<void> {
  const files = targets.filter((t): t is Required<ReportTarget> => t.file !== undefined);
  checkFileTargets(result, files, io.cwd, options.reads);
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

/**
 * Writes one report rendered elsewhere (`k8s-lint graph`) to a file, under the same rules as
 * writeReports: never one of the files the run reads, never into a FIFO or directory, through a
 * temporary file renamed into place.
 */
export function writeReportFile(result: LintResult, file: string, report: Report, cwd: string, reads?: readonly InputFile[]): void {
  checkFileTargets(result, [{ format: "json", file }], cwd, reads);
  writeFile(resolve(cwd, file), file, report);
}

function checkFileTargets(result: LintResult, files: ReadonlyArray<Required<ReportTarget>>, cwd: string, reads: readonly InputFile[] | undefined): void {
  const seen = new Map<string, string>();
  let inputs: ReadonlySet<string> | undefined;
  for (const { file } of files) {
    const absolute = resolve(cwd, file);
    const kind = existingKind(absolute);
    if (kind) throw new UsageError(`refusing to write the report to "${file}": it is ${kind}, not a regular file`);
    const existing = statOrNothing(absolute);
    const key = existing?.isFile() ? `${existing.dev}:${existing.ino}` : absolute;
    const other = seen.get(key);
    if (other !== undefined) throw new UsageError(`two reports would be written to the same file: "${other}" and "${file}"`);
    seen.set(key, file);
    if (!existing?.isFile()) continue;
    inputs ??= readIdentities(reads ?? result.files.map((f) => ({ absolute: resolve(cwd, f.path) })));
    if (inputs.has(fileIdentity(existing))) {
      throw new UsageError(`refusing to write the report to "${file}": it is one of the files the run reads (linted, context, config or ignore file)`);
    }
  }
}

/**
 * The device and inode of each file read: as its read saw them, or from a stat for a file read
 * without one (the config and ignore files, texts given in memory); a path is looked at once.
 */
function readIdentities(reads: readonly InputFile[]): ReadonlySet<string> {
  const out = new Set<string>();
  const looked = new Set<string>();
  for (const { absolute, identity } of reads) {
    if (identity !== undefined) {
      out.add(identity);
    } else if (!looked.has(absolute)) {
      looked.add(absolute);
      const s = statOrNothing(absolute);
      if (s) out.add(fileIdentity(s));
    }
  }
  return out;
}

/**
 * What an existing report path is when no report may replace or be written into it: a FIFO
 * (opening it waits for a reader), a socket, a directory, a block device. A symbolic link is
 * replaced, not followed; a character device (`/dev/null`) and the paths of /dev the user types
 * (`/dev/stdout`, `/dev/stderr`, `/dev/fd/3`) are written in place.
 */
function existingKind(absolute: string): string | undefined {
  if (inDevices(absolute)) return undefined;
  let s: Stats;
  try {
    s = lstatSync(absolute);
  } catch {
    return undefined;
  }
  if (s.isFile() || s.isSymbolicLink() || s.isCharacterDevice()) return undefined;
  if (s.isFIFO()) return "a named pipe (FIFO)";
  if (s.isSocket()) return "a socket";
  if (s.isDirectory()) return "a directory";
  return "a block device";
}

/** A path under /dev: named on the command line (the linted tree is not there), written in place. */
function inDevices(absolute: string): boolean {
  return absolute.startsWith("/dev/");
}

/** A path that cannot be read (missing, under a file) is no input and no report yet; writing it tells why. */
function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A regular or new file through a temporary file renamed onto the path: a symbolic link there is
 * replaced by the report, never followed (a committed link must not aim the report outside the
 * tree). A character device, or a path under /dev, is written in place: nothing is ever renamed
 * over a device node.
 */
function writeFile(absolute: string, shown: string, report: Report): void {
  let existing: Stats | undefined;
  let temporary: string | undefined;
  let fd: number | undefined;
  try {
    try {
      existing = lstatSync(absolute);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      makeDirectories(dirname(absolute));
    }
    if (existing && (inDevices(absolute) || existing.isCharacterDevice())) {
      fd = openSync(absolute, "w");
    } else {
      const path = join(dirname(absolute), `.${basename(absolute)}.${randomHex(6)}.tmp`);
      fd = openSync(path, "wx");
      temporary = path;
      if (existing?.isFile()) fchmodSync(fd, existing.mode & 0o7777);
    }
    for (const text of batched(report)) writeAll(fd, text);
    const open = fd;
    fd = undefined;
    closeSync(open);
    if (temporary) renameSync(temporary, absolute);
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

/** `bytes` random bytes in hex; node:crypto is loaded on the first report written to a file (stdout needs none). */
function randomHex(bytes: number): string {
  const { randomBytes } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return randomBytes(bytes).toString("hex");
}

/** "ENOSPC: no space left on device" from Node's "ENOSPC: no space left on device, write". */
function systemError(err: Error, code: string): string {
  const m = /^E[A-Z]+: ([^,]+)/.exec(err.message);
  return m ? `${code}: ${m[1]}` : code;
}

/** Room for a piece of batched(), made of chunks under BATCH units each, at 3 UTF-8 bytes per UTF-16 unit at most. */
const ENCODED_BYTES = 3 * 2 * BATCH;
/** Where writeAll encodes the pieces that fit, reused (a buffer per piece was a tenth of a large JSON report's write). */
let encoded: Buffer | undefined;

/** Writes all of `text` as UTF-8. */
function writeAll(fd: number, text: string): void {
  const room = 3 * text.length;
  const bytes = room <= ENCODED_BYTES ? (encoded ??= Buffer.allocUnsafe(ENCODED_BYTES)) : Buffer.allocUnsafe(room);
  const size = bytes.write(text, 0, "utf8");
  for (let done = 0; done < size; ) done += writeSync(fd, bytes, done, size - done);
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
