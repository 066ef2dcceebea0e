/**
 * Reading and parsing the input files: the part of a run that does not need the other files,
 * kept apart from lint.ts so that it can run file by file (or in parallel) before the rules.
 */
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { describeFailure, INPUT_LIMITS, readFileBounded, readStdinBounded, type BoundedRead } from "./bounded-read.js";
import { STDIN, type DiscoveredFile } from "./discover.js";
import { parseText, type ParsedDocument, type Span, type Spans } from "./parse.js";
import { NO_PROBLEMS } from "../models/document.js";
import { LineIndex } from "./positions.js";
import { shareValues } from "./shared-values.js";
import { PackedDocumentSpans, PackedSpanStore, packSpans, type SpanData } from "./lean/span-table.js";
import { LintIoError } from "../errors.js";
import { asLongRun, LONG_RUN_DOCUMENTS, setV8Flag } from "../v8-flags.js";

/** Thrown here; defined with the other exit-2 failures. */
export { LintIoError };

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

const LIMIT = INPUT_LIMITS.manifest;
/** Strict UTF-8, the BOM kept for readSource to drop: one decoder for every file (decode without `stream` starts afresh, after a failure too). */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text (with the identity of the file it was read from, bounded-read.ts), or why there is none. */
export type Source = { text: string; identity?: string } | { problem: string; line: number; column: number };

/** Text of a file, or a reason it is not text; I/O failures throw LintIoError. */
export function readSource(file: DiscoveredFile, stdin: string | undefined, texts?: ReadonlyMap<string, string>): Source {
  const given = texts?.get(file.absolute);
  if (given !== undefined) return { text: given };
  if (file.unreadable !== undefined) return { problem: `${file.unreadable}: not linted`, line: 1, column: 1 };
  const stdinText = file.absolute === STDIN && stdin !== undefined ? Buffer.from(stdin, "utf8") : undefined;
  const read: BoundedRead =
    file.absolute !== STDIN
      ? readFileBounded(file.absolute, LIMIT)
      : stdinText === undefined
        ? readStdinBounded(LIMIT)
        : stdinText.length > LIMIT
          ? { tooLarge: true, size: stdinText.length, limit: LIMIT }
          : { bytes: stdinText };
  const name = file.absolute === STDIN ? "standard input" : file.display;
  // Too large is a finding on that file and the run goes on; unreadable ends the run.
  if ("tooLarge" in read) return { problem: `${describeFailure(file.absolute === STDIN ? "input" : "file", read)}: not linted`, line: 1, column: 1 };
  if (!("bytes" in read)) throw new LintIoError(describeFailure(name, read));
  const buf = read.bytes;
  const nul = buf.indexOf(0);
  if (nul !== -1) return { problem: "binary file (NUL byte): not a YAML or JSON manifest", ...bytePosition(buf, nul) };
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    return { problem: "invalid UTF-8: manifests must be UTF-8 text", ...bytePosition(buf, Math.max(0, firstInvalidUtf8(buf))) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return read.identity === undefined ? { text } : { text, identity: read.identity };
}

export interface LoadedFile {
  file: DiscoveredFile;
  /** The text, or why the file is not text (binary, invalid UTF-8, too large). */
  source: Source;
  /** Its documents, parsed; empty when the file is not text. */
  docs: ParsedDocument[];
}

/** Reads and parses one file on the calling thread. */
export function loadOne(file: DiscoveredFile, stdin: string | undefined, texts?: ReadonlyMap<string, string>): LoadedFile {
  const source = readSource(file, stdin, texts);
  const format = /\.json$/i.test(file.absolute) ? "json" : "yaml";
  const docs = "text" in source ? parseText(source.text, "1.1", format) : [];
  // A run keeps every file's spans until the cross-resource rules are done: packed, they take a sixth.
  if ("text" in source) packSpans(docs, source.text);
  return { file, source, docs };
}

/** Inputs with more text than this are large: the heap grows by a fifth at a time instead of up to four times. */
export const LARGE_INPUT_BYTES = 32 * 1024 * 1024;
/** How far V8 lets the heap grow past what a full collection kept, in percent, once the input is large. */
const LARGE_INPUT_HEAP_GROWING_PERCENT = 20;

/**
 * Counts what is loaded and tunes V8 for a large run. The first time the text passes
 * LARGE_INPUT_BYTES, it bounds the heap's growth: a large run keeps most of what it reads to the
 * end (every resource waits for the cross-resource rules), and V8 sets the next collection at up
 * to four times what the last one kept: a 100,000-resource run kept 480 MiB and grew to 1.1 GiB
 * before collecting. Bounded, it collects more often (measured: no visible cost in wall time) and
 * peaks near what it keeps. The first time the documents reach LONG_RUN_DOCUMENTS, the run is
 * long: V8 inlines again in what it compiles from then on (the rules).
 */
function largeInputWatch(): (loaded: LoadedFile | undefined) => void {
  let bytes = 0;
  let docs = 0;
  return (loaded) => {
    if (!loaded) return;
    if (docs < LONG_RUN_DOCUMENTS && (docs += loaded.docs.length) >= LONG_RUN_DOCUMENTS) asLongRun();
    if (bytes >= LARGE_INPUT_BYTES || !("text" in loaded.source)) return;
    bytes += loaded.source.text.length;
    if (bytes >= LARGE_INPUT_BYTES) setV8Flag(`--heap-growing-percent=${LARGE_INPUT_HEAP_GROWING_PERCENT}`);
  };
}

/** What the last loadFiles did in parallel: worker threads started, files they parsed (for tests). */
export const parallelStats = { workers: 0, filesFromWorkers: 0 };

/** Reads and parses every file, in order; `onProgress` after each. */
export async function loadFiles(
  files: readonly DiscoveredFile[],
  stdin: string | undefined,
  onProgress?: (done: number, total: number) => void,
  texts?: ReadonlyMap<string, string>,
): Promise<LoadedFile[]> {
  parallelStats.workers = parallelStats.filesFromWorkers = 0;
  const heap = largeInputWatch();
  // Texts given in memory (the passes of --fix) are parsed here, not read by a worker.
  const workers = texts?.size ? 0 : parallelWorkers(files);
  if (workers > 0) {
    const loaded = await loadParallel(files, stdin, workers, { onProgress, heap });
    if (loaded) return loaded;
  }
  const out: LoadedFile[] = [];
  for (const file of files) {
    out.push(loadOne(file, stdin, texts));
    heap(out[out.length - 1]);
    onProgress?.(out.length, files.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The parallel path: worker threads (parse-worker.ts) and the main thread take batches of files
// from one queue. Measured on 2 cores (see DECISIONS): a worker takes ~50 ms to start and parses
// cold (its own JIT warm-up), and the main thread pays ~10% of the parse time again to receive
// each file (structured clone plus the span tables), so inputs under a few MB stay sequential.

/**
 * Machines with fewer cores read on the main thread alone: with 2, the one worker competes with
 * the main thread's garbage collector and compiler threads, and since the lean parser the main
 * thread's cost of receiving each file is more than the parse it saves (measured on the 10,000
 * resource corpus: 2.9 s without the worker, 3.3 s with it; DECISIONS).
 */
export const PARALLEL_MIN_CORES = 3;
/** Inputs with fewer files or bytes are read on the main thread alone. */
export const PARALLEL_MIN_FILES = 2;
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/** `K8S_LINT_WORKERS=0` never starts a worker; `=N` always uses N (tests); unset decides by size. */
const WORKERS_ENV = "K8S_LINT_WORKERS";

/** How many worker threads a run of these files uses: 0 for the sequential path. */
export function parallelWorkers(files: readonly DiscoveredFile[]): number {
  const forced = process.env[WORKERS_ENV];
  if (forced !== undefined && forced.trim() !== "") {
    const n = Number(forced);
    if (Number.isInteger(n) && n >= 0) return Math.min(n, 16);
  }
  const cores = availableParallelism();
  if (cores < PARALLEL_MIN_CORES || files.length < PARALLEL_MIN_FILES) return 0;
  // Stat only until the threshold is reached: a big input pays a few hundred stats at most.
  let bytes = 0;
  for (const f of files) {
    if (f.absolute === STDIN) continue;
    try {
      bytes += statSync(f.absolute).size;
    } catch {
      // readSource reports it, in order.
    }
    if (bytes >= PARALLEL_MIN_BYTES) return Math.min(cores - 1, 7);
  }
  return 0;
}

/** Where the worker script is: beside this module (tsc's dist/engine/), or the bundle's dist/bin/ from a chunk. */
function workerScript(): URL | undefined {
  for (const rel of ["./parse-worker.js", "../parse-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

export interface WorkerRequest {
  /** Index of the batch's first file in the run's file list. */
  from: number;
  files: DiscoveredFile[];
}
export type WorkerReply = { from: number; files: PackedFile[] } | { from: number; failed: true };

type PackedDocument = Omit<ParsedDocument, "spans">;
export interface PackedFile {
  source: Source;
  docs: PackedDocument[];
  /** The file's packed span store (see PackedSpanStore; its text is the source's), and per document its root table's offset; null: not packed. */
  store?: { data: SpanData; quirks?: Array<[number, string]> };
  roots: Array<number | null>;
  /**
   * The span tables of the documents that are not packed, in walk() order over each such
   * document's value: per object its number of entries (-1: no table), then its keys and 4
   * offsets per key.
   */
  counts: Int32Array;
  keys: Array<string | number>;
  offsets: Int32Array;
}

/**
 * Every object of a value once (aliases share objects, and a recursive alias makes a cycle),
 * in an order that only depends on the shape: the same on both sides of a structured clone,
 * which keeps sharing, key order and own `__proto__` keys.
 */
function walk(value: unknown, visit: (obj: object) => void) {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v)) continue;
    seen.add(v);
    visit(v);
    const children = Array.isArray(v) ? v : Object.values(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** A loaded file in a form that structured cloning keeps whole; its buffers go to `transfer`. */
export function packFile(loaded: LoadedFile, transfer: ArrayBuffer[]): PackedFile {
  const counts: number[] = [];
  const keys: Array<string | number> = [];
  const offsets: number[] = [];
  let store: PackedSpanStore | undefined;
  const roots: Array<number | null> = [];
  const docs = loaded.docs.map(({ spans, ...doc }) => {
    if (spans instanceof PackedDocumentSpans) {
      store = spans.store;
      roots.push(spans.root);
      return doc;
    }
    roots.push(null);
    walk(doc.value, (obj) => {
      const table = spans.get(obj);
      counts.push(table ? table.size : -1);
      if (table) {
        for (const [k, span] of table) {
          keys.push(k);
          offsets.push(span[0], span[1], span[2], span[3]);
        }
      }
    });
    return doc;
  });
  const packed: PackedFile = { source: loaded.source, docs, roots, counts: Int32Array.from(counts), keys, offsets: Int32Array.from(offsets) };
  if (store) {
    packed.store = { data: store.data, ...(store.quirks ? { quirks: [...store.quirks] } : {}) };
    transfer.push(store.data.buffer as ArrayBuffer);
  }
  transfer.push(packed.counts.buffer as ArrayBuffer, packed.offsets.buffer as ArrayBuffer);
  return packed;
}

/** The inverse of packFile, on the cloned values. */
export function unpackFile(file: DiscoveredFile, packed: PackedFile): LoadedFile {
  const { counts, keys, offsets, roots } = packed;
  const text = "text" in packed.source ? packed.source.text : "";
  const store = packed.store && new PackedSpanStore(packed.store.data, text, packed.store.quirks && new Map(packed.store.quirks));
  let c = 0;
  let k = 0;
  const docs = packed.docs.map((doc, i): ParsedDocument => {
    shareValues(doc.value);
    const root = roots[i];
    if (root !== null) {
      if (!store) throw new Error("a packed document without its file's store");
      return received(doc, new PackedDocumentSpans(store, root, doc.value));
    }
    const spans = new WeakMap<object, Spans>();
    walk(doc.value, (obj) => {
      const n = counts[c++];
      if (n < 0) return;
      const table = new Map<string | number, Span>();
      for (const end = k + n; k < end; k++) {
        const o = 4 * k;
        table.set(keys[k], [offsets[o], offsets[o + 1], offsets[o + 2], offsets[o + 3]]);
      }
      spans.set(obj, table);
    });
    return received(doc, spans);
  });
  if (c !== counts.length || k !== keys.length) throw new Error("span tables do not match the documents");
  return { file, source: packed.source, docs };
}

/**
 * A document from a worker with its spans, written field by field: spread, the cloned documents
 * got hidden classes of their own (a 100,000-resource run had 50,000 of them, about 12 MB).
 */
function received(doc: PackedDocument, spans: WeakMap<object, Spans>): ParsedDocument {
  const out: ParsedDocument = { index: doc.index, value: doc.value, start: doc.start, end: doc.end, problems: doc.problems.length ? doc.problems : NO_PROBLEMS, spans, rootSpan: doc.rootSpan };
  if (doc.helmSource !== undefined) out.helmSource = doc.helmSource;
  if (doc.template !== undefined) out.template = doc.template;
  return out;
}

interface Batch {
  from: number;
  to: number;
}

interface PoolWorker {
  worker: Worker;
  inFlight: Batch[];
  dead: boolean;
}

/**
 * Loads the files with `count` worker threads beside the main thread; the same result as the
 * sequential path. Undefined when no worker can be started (the caller goes sequential).
 */
/** How long the main thread waits for any reply before giving up on the busy workers. */
const WORKER_STALL_MS = 60_000;

async function loadParallel(
  files: readonly DiscoveredFile[],
  stdin: string | undefined,
  count: number,
  { onProgress, heap }: { onProgress?: (done: number, total: number) => void; heap: (loaded: LoadedFile | undefined) => void },
): Promise<LoadedFile[] | undefined> {
  const script = workerScript();
  if (!script) return undefined;
  let WorkerClass: typeof Worker;
  try {
    WorkerClass = (await import("node:worker_threads")).Worker;
  } catch {
    return undefined;
  }
  const out = new Array<LoadedFile | undefined>(files.length);
  let done = 0;
  const progress = ({ from, to }: Batch) => {
    for (let i = from; i < to; i++) heap(out[i]);
    done += to - from;
    onProgress?.(done, files.length);
  };

  // Small batches keep the threads busy to the end; stdin is read here, never in a worker.
  const size = Math.max(1, Math.min(32, Math.floor(files.length / ((count + 1) * 8))));
  const queue: Batch[] = [];
  const onMain: Batch[] = [];
  for (let from = 0; from < files.length; ) {
    if (files[from].absolute === STDIN) {
      onMain.push({ from, to: from + 1 });
      from++;
      continue;
    }
    let to = from;
    while (to < files.length && to - from < size && files[to].absolute !== STDIN) to++;
    queue.push({ from, to });
    from = to;
  }

  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const pool: PoolWorker[] = [];
  // Two batches in flight per worker, so that it never waits while the main thread parses.
  const feed = (p: PoolWorker) => {
    while (!p.dead && p.inFlight.length < 2 && queue.length) {
      const b = queue.shift()!;
      p.inFlight.push(b);
      try {
        p.worker.postMessage({ from: b.from, files: files.slice(b.from, b.to) } satisfies WorkerRequest);
      } catch {
        retire(p);
      }
    }
  };
  const retire = (p: PoolWorker) => {
    if (p.dead) return;
    p.dead = true;
    queue.unshift(...p.inFlight);
    p.inFlight = [];
    void p.worker.terminate().catch(() => undefined);
    signal();
  };
  const receive = (p: PoolWorker, reply: WorkerReply) => {
    const at = p.inFlight.findIndex((b) => b.from === reply.from);
    if (at === -1) return;
    const [b] = p.inFlight.splice(at, 1);
    if ("failed" in reply) {
      onMain.push(b);
    } else {
      try {
        reply.files.forEach((packed, i) => (out[b.from + i] = unpackFile(files[b.from + i], packed)));
        parallelStats.filesFromWorkers += b.to - b.from;
        progress(b);
      } catch {
        onMain.push(b);
      }
    }
    feed(p);
    signal();
  };

  for (let i = 0; i < count; i++) {
    try {
      const worker = new WorkerClass(script);
      const p: PoolWorker = { worker, inFlight: [], dead: false };
      worker.on("message", (reply: WorkerReply) => receive(p, reply));
      worker.on("error", () => retire(p));
      worker.on("messageerror", () => retire(p));
      worker.on("exit", () => retire(p));
      pool.push(p);
    } catch {
      // A worker that cannot start leaves its share to the others and to the main thread.
    }
  }
  if (!pool.length) return undefined;
  parallelStats.workers = pool.length;
  pool.forEach(feed);

  try {
    for (;;) {
      const b = queue.shift();
      if (b) {
        try {
          for (let i = b.from; i < b.to; i++) out[i] = loadOne(files[i], stdin);
          progress(b);
        } catch {
          onMain.push(b);
        }
        // Lets the workers' replies in, and hands them their next batches.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      if (!pool.some((p) => p.inFlight.length)) break;
      await new Promise<void>((resolve) => {
        // A worker silent for this long is treated as stuck: its batches come back to this thread.
        const timer = setTimeout(() => pool.filter((p) => p.inFlight.length).forEach(retire), WORKER_STALL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    for (const p of pool) {
      p.dead = true;
      // The handlers hold this run's files: a worker object outlives the run until it exits.
      p.worker.removeAllListeners();
      p.worker.on("error", () => undefined);
      void p.worker.terminate().catch(() => undefined);
    }
  }

  // What failed elsewhere is redone here in file order, so the first unreadable file throws
  // the same LintIoError as in the sequential path.
  onMain.sort((a, b) => a.from - b.from);
  for (const b of onMain) {
    for (let i = b.from; i < b.to; i++) out[i] = loadOne(files[i], stdin);
    progress(b);
  }
  return out as LoadedFile[];
}
