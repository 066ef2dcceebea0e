/**
 * The one reader of every input channel (manifests, stdin, config and ignore files, `diagnose`
 * input): a regular file only, judged on the opened descriptor, and never more than a limit.
 * A FIFO or device named as a path is refused without blocking (opened with O_NONBLOCK, then
 * fstat); stdin may be a pipe or a device but is read in chunks that stop at the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** Byte limits per channel. Manifests, stdin and `diagnose` dumps share the manifest limit. */
export const INPUT_LIMITS = {
  /** A manifest file, stdin (`-`), a `diagnose` dump: 64 MiB. */
  manifest: 64 * 1024 * 1024,
  /** A config file (`-c`, `.k8s-lint.yaml`) or `.k8s-lintignore`: 1 MiB. */
  settings: 1024 * 1024,
} as const;

/**
 * What reading gave: the bytes, or why not. `identity` is the file's device and inode as the
 * opened descriptor gave them (`dev:ino`, absent for stdin): a report may replace no file the run
 * read, and comparing against these costs no second stat per input. `missing` is a path that does not exist (ENOENT),
 * `failed` any other refusal (an errno code or "not a regular file"), `tooLarge` an input over
 * the limit (`size` in bytes when known: a regular file's; a stream is not read to its end).
 */
export type BoundedRead =
  | { bytes: Buffer; identity?: string }
  | { missing: true; reason: string }
  | { failed: true; reason: string }
  | { tooLarge: true; size?: number; limit: number };

const CHUNK = 1024 * 1024;
// Absent on Windows, where opening a FIFO path does not block on a writer anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `limit` bytes. Never throws for I/O reasons. */
export function readFileBounded(path: string, limit: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return failure(err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { failed: true, reason: "not a regular file" };
    if (st.size > limit) return { tooLarge: true, size: st.size, limit };
    // The first chunk holds the whole file as fstat sized it (and one byte more, to see its end).
    const read = readChunks(fd, limit, st.size + 1, true);
    return "bytes" in read ? { bytes: read.bytes, identity: fileIdentity(st) } : read;
  } catch (err) {
    return failure(err);
  } finally {
    closeSync(fd);
  }
}

/** A file's device and inode as `dev:ino`: the same for every path of one file (links, `..`). */
export function fileIdentity(st: { dev: number; ino: number }): string {
  return `${st.dev}:${st.ino}`;
}

/** Reads standard input (a pipe, a file or a device) up to `limit` bytes. Never throws for I/O reasons. */
export function readStdinBounded(limit: number): BoundedRead {
  try {
    return readChunks(0, limit);
  } catch (err) {
    return failure(err);
  }
}

/** One line for a refusal: `cannot read <name>: <reason>`, or `<name> is [N MB,] over the 64 MB limit`. */
export function describeFailure(name: string, read: Exclude<BoundedRead, { bytes: Buffer }>): string {
  if ("tooLarge" in read) return `${name} is ${read.size !== undefined ? `${megabytes(read.size)}, ` : ""}over the ${megabytes(read.limit)} limit`;
  return `cannot read ${name}: ${read.reason}`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}

/** Where chunks after the first are read, then copied out: most reads after the first find the end (0 bytes). */
let scratch: Buffer | undefined;

/**
 * Reads `fd` to its end, at most `limit` bytes and one more (`first`: the size of the first read,
 * the whole file for one whose size fstat gave; a fresh 1 MiB buffer per small file was most of what
 * reading 1,000 files allocated). `regularFile`: a read that gives less than it asked for is at
 * the end (POSIX read(2) on a regular file), so the read that would give 0 bytes is not made.
 */
function readChunks(fd: number, limit: number, first = CHUNK, regularFile = false): BoundedRead {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte past the limit tells "exactly the limit" from "over it".
    const room = limit + 1 - total;
    const own = total === 0;
    const buf = own ? Buffer.allocUnsafe(Math.min(first, room)) : (scratch ??= Buffer.allocUnsafe(CHUNK)).subarray(0, Math.min(CHUNK, room));
    const n = readRetrying(fd, buf);
    if (n === 0) break;
    chunks.push(own ? (n === buf.length ? buf : buf.subarray(0, n)) : Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > limit) return { tooLarge: true, limit };
    if (regularFile && n < buf.length) break;
  }
  return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** readSync that waits on EAGAIN (a non-blocking stdin whose writer has not written yet). */
function readRetrying(fd: number, buf: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EOF") return 0;
      if (code !== "EAGAIN") throw err;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}

function failure(err: unknown): BoundedRead {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = code ?? (err as Error).message;
  return code === "ENOENT" ? { missing: true, reason } : { failed: true, reason };
}
