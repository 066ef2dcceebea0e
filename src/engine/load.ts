/**
 * Reading and parsing the input files: the part of a run that does not need the other files,
 * kept apart from lint.ts so that it can run file by file (or in parallel) before the rules.
 */
import { readFileSync, statSync } from "node:fs";
import { STDIN, type DiscoveredFile } from "./discover.js";
import { parseText, type ParsedDocument } from "./parse.js";
import { LineIndex } from "./positions.js";

/** An input that cannot be read at all: exit 2. */
export class LintIoError extends Error {}

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const extra = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    // Second-byte limits that rule out overlong forms, surrogates and code points above U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= extra; k++) {
      const byte = b[i + k];
      if (byte === undefined || byte < (k === 1 ? lo : 0x80) || byte > (k === 1 ? hi : 0xbf)) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** Line and column of a byte offset, counted in the (valid) text before it. */
function bytePosition(buf: Buffer, offset: number): { line: number; column: number } {
  const before = buf.subarray(0, offset).toString("utf8").replace(/^\uFEFF/, "");
  return new LineIndex(before).position(before.length);
}

export type Source = { text: string } | { problem: string; line: number; column: number };

/** Text of a file, or a reason it is not text; I/O failures throw LintIoError. */
export function readSource(file: DiscoveredFile, stdin: string | undefined): Source {
  let buf: Buffer;
  if (file.absolute === STDIN) {
    buf = stdin !== undefined ? Buffer.from(stdin, "utf8") : readStdin();
  } else {
    let st;
    try {
      st = statSync(file.absolute);
    } catch (err) {
      throw new LintIoError(`cannot read ${file.display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (!st.isFile()) throw new LintIoError(`cannot read ${file.display}: not a regular file`);
    if (st.size > MAX_FILE_BYTES) {
      return { problem: `file is ${Math.round(st.size / 1048576)} MB, over the 64 MB limit: not linted`, line: 1, column: 1 };
    }
    try {
      buf = readFileSync(file.absolute);
    } catch (err) {
      throw new LintIoError(`cannot read ${file.display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) return { problem: "binary file (NUL byte): not a YAML or JSON manifest", ...bytePosition(buf, nul) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { problem: "invalid UTF-8: manifests must be UTF-8 text", ...bytePosition(buf, Math.max(0, firstInvalidUtf8(buf))) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (err) {
    throw new LintIoError(`cannot read standard input: ${(err as Error).message}`);
  }
}

export interface LoadedFile {
  file: DiscoveredFile;
  /** The text, or why the file is not text (binary, invalid UTF-8, too large). */
  source: Source;
  /** Its documents, parsed; empty when the file is not text. */
  docs: ParsedDocument[];
}

/** Reads and parses every file, in order; `onProgress` after each. */
export async function loadFiles(
  files: readonly DiscoveredFile[],
  stdin: string | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const file of files) {
    const source = readSource(file, stdin);
    out.push({ file, source, docs: "text" in source ? parseText(source.text) : [] });
    onProgress?.(out.length, files.length);
  }
  return out;
}
