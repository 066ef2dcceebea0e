/**
 * Writing fixed files: all checked before any is written (a read-only file or one reached
 * through a symbolic link out of the inputs ends the run with nothing written), then each
 * written atomically: a temporary file beside the target with its permission bits, synced,
 * renamed over it. A run killed at any moment leaves every file whole, old or new.
 */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants } from "node:fs";
import { basename, dirname, join, relative, isAbsolute, resolve } from "node:path";
import { LintIoError } from "../../errors.js";
import { STDIN } from "../discover.js";
import type { FixedFile } from "./run.js";

/** Test hook: milliseconds to wait between writing a temporary file and renaming it (a test kills the process there). */
export const PAUSE_ENV = "K8S_LINT_TEST_FIX_PAUSE_MS";

interface Target {
  file: FixedFile;
  /** The file the path resolves to: a symbolic link is written through, never replaced. */
  real: string;
  mode: number;
  uid: number;
  gid: number;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The real paths of the inputs named on the command line: a fixed file must resolve inside one. */
function inputRoots(paths: readonly string[], cwd: string): string[] {
  return paths.filter((p) => p !== STDIN).flatMap((p) => {
    try {
      return [realpathSync(resolve(cwd, p))];
    } catch {
      return [];
    }
  });
}

/** Checks every file can be written; throws LintIoError (exit 2) naming the first that cannot, before anything is written. */
export function planWrites(files: readonly FixedFile[], paths: readonly string[], cwd: string): Target[] {
  const roots = inputRoots(paths, cwd);
  return files
    .filter((f) => f.absolute !== STDIN)
    .map((file) => {
      let real: string;
      try {
        real = realpathSync(file.absolute);
      } catch (err) {
        throw new LintIoError(`cannot fix ${file.display}: ${(err as Error).message}`);
      }
      if (!roots.some((root) => inside(root, real))) {
        throw new LintIoError(`cannot fix ${file.display}: it is a symbolic link to ${real}, outside the inputs; nothing was written`);
      }
      const st = statSync(real);
      // Root may write a read-only file; a file without write permission is one its owner does not want changed.
      if ((st.mode & 0o222) === 0) throw new LintIoError(`cannot fix ${file.display}: the file is read-only; nothing was written`);
      try {
        accessSync(real, constants.W_OK);
        accessSync(dirname(real), constants.W_OK);
      } catch {
        throw new LintIoError(`cannot fix ${file.display}: no permission to write it or its directory; nothing was written`);
      }
      return { file, real, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
    });
}

function pause(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Writes one file atomically: temporary file beside it, same permission bits (and owner where allowed), fsync, rename. */
function writeAtomically(t: Target, pauseMs: number): void {
  const bytes = Buffer.from((t.file.bom ? "\uFEFF" : "") + t.file.after, "utf8");
  const temp = join(dirname(t.real), `.${basename(t.real)}.k8s-lint-fix-${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, "wx", t.mode);
    writeSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, t.mode);
    try {
      chownSync(temp, t.uid, t.gid);
    } catch {
      // Only root may give a file away; the writer owns the new file otherwise.
    }
    pause(pauseMs);
    renameSync(temp, t.real);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw new LintIoError(`cannot write ${t.file.display}: ${(err as Error).message}`);
  }
}

/** Writes the planned files; `env` may carry the test hook. */
export function writeFixed(targets: readonly Target[], env: NodeJS.ProcessEnv): void {
  const pauseMs = Number(env[PAUSE_ENV] ?? 0) || 0;
  for (const t of targets) writeAtomically(t, pauseMs);
}
