/**
 * The parallel path of loadFiles (worker threads) returns exactly what the sequential one does:
 * every value, every span, every problem, in order, and falls back to the main thread when a
 * worker fails. Under jest the sources are TypeScript, which a worker thread cannot load, so the
 * parallel runs happen in child processes on JavaScript builds of src/engine made here with
 * esbuild in the two layouts the package ships: tsc's (dist/engine/) and the bundle's (dist/bin/).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
// @ts-expect-error: the benchmark's generator is plain JavaScript without types.
import { generateCorpus } from "../bench/generate.js";
import type { DiscoveredFile } from "../src/engine/discover.js";
import { loadFiles, parallelWorkers, PARALLEL_MIN_BYTES, PARALLEL_MIN_CORES, type LoadedFile } from "../src/engine/load.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The modules of src/ that load.ts and the worker import, as paths below src/ without ".ts" (from esbuild's metafile in beforeAll). */
let modules: string[] = [];

/**
 * A canonical text of loaded files: values with their sharing (aliases), own keys in order,
 * prototypes, -0 and NaN, and the span table of every map and sequence.
 */
function dumpLoaded(loaded: LoadedFile[]): string {
  return JSON.stringify(
    loaded.map((f) => ({
      file: f.file,
      source: f.source,
      docs: f.docs.map((d) => {
        const ids = new Map<object, number>();
        const tables: unknown[] = [];
        const enc = (v: unknown): unknown => {
          if (v === undefined) return ["undefined"];
          if (typeof v === "number") return ["number", Object.is(v, -0) ? "-0" : String(v)];
          if (v === null || typeof v !== "object") return v;
          if (ids.has(v)) return ["ref", ids.get(v)];
          const id = ids.size;
          ids.set(v, id);
          const table = d.spans.get(v);
          tables.push([id, table ? [...table.entries()] : null]);
          const proto = Object.getPrototypeOf(v)?.constructor?.name;
          if (Array.isArray(v)) return ["array", id, proto, v.map(enc)];
          return ["object", id, proto, Object.keys(v).map((k) => [k, enc((v as Record<string, unknown>)[k])])];
        };
        const value = enc(d.value);
        const rest = Object.entries(d)
          .filter(([k]) => k !== "spans" && k !== "value")
          .sort(([a], [b]) => (a < b ? -1 : 1));
        return { rest, value, tables };
      }),
    })),
  );
}

// --- inputs ------------------------------------------------------------------------------

let tmp: string;
let corpus: string;
let fixtureFiles: DiscoveredFile[];
let corpusFiles: DiscoveredFile[];
let trickyFiles: DiscoveredFile[];

const discovered = (absolute: string): DiscoveredFile => ({ absolute, display: relative(ROOT, absolute).split("\\").join("/") });

function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** Files that exercise every corner of the packing: aliases, cycles, merges, odd keys and numbers, errors. */
const TRICKY: Record<string, string | Buffer> = {
  "aliases.yaml": "base: &b {cpu: 1, mem: [1, 2]}\nx: *b\ny: *b\nlist: &l [a, *b]\nboth: [*l, *l]\n---\nm: &m {a: 1}\nn: {<<: *m, b: 2}\no: {<<: [*m, {c: 3}], a: 9}\n",
  "cycle.yaml": "a: &a [1, *a]\n---\nb: &b {self: *b}\n",
  "proto.yaml": "__proto__: {polluted: true}\nconstructor: x\n'1': one\n0: zero\n? [complex, key]\n: v\nnull: n\n~: tilde\n",
  "numbers.yaml": "a: -0\nb: .nan\nc: -.inf\nd: 0x1F\ne: 1_000\nf: 12345678901234567890\ng: 2001-12-14t21:59:43.10-05:00\nh: 1:30\ni: !!binary aGVsbG8=\nj: 0o17\n",
  "errors.yaml": "a: 1\na: 2\n---\nb: [1, 2\n---\nc: ok\n",
  "template.yaml": "# Source: chart/templates/d.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n---\nkind: Service\n",
  "deep.yaml": `${"[".repeat(500)}${"]".repeat(500)}\n---\nafter: 1\n`,
  "unicode.yaml": "\uFEFFname: \"h\u00e9llo \u{1F600}\"\nkey\u00e9: '\u4e2d\u6587'\n",
  "empty.yaml": "",
  "comments.yaml": "# only a comment\n---\n---\n",
  "data.json": '{"apiVersion": "v1", "kind": "List", "items": [{"a": [1, 2.5, true, null]}], "__proto__": 1}',
  "binary.yaml": Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x0a]),
  "latin1.yaml": Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
  "many-docs.yaml": Array.from({ length: 300 }, (_, i) => `kind: ConfigMap\nmetadata: {name: c${i}}\ndata: &d${i} {k: v${i}}\ncopy: *d${i}\n`).join("---\n"),
};

beforeAll(async () => {
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  // Inside the repository, so that the unbundled layout resolves "yaml" from node_modules.
  tmp = mkdtempSync(join(ROOT, "node_modules/.cache/k8s-lint-load-"));
  corpus = generateCorpus(2000, join(tmp, "corpus"));
  const tricky = join(tmp, "tricky");
  mkdirSync(tricky);
  for (const [name, text] of Object.entries(TRICKY)) writeFileSync(join(tricky, name), text);
  fixtureFiles = walkFiles(join(ROOT, "fixtures")).map(discovered);
  corpusFiles = walkFiles(corpus).filter((f) => !basename(f).startsWith(".")).map(discovered);
  expect(corpusFiles.length).toBe(200);
  trickyFiles = walkFiles(tricky).map(discovered);

  const common = { platform: "node" as const, format: "esm" as const, target: "node20", logLevel: "warning" as const };
  // tsc's layout: one module per source, the worker beside load.js.
  const entries = [join(ROOT, "src/engine/load.ts"), join(ROOT, "src/engine/parse-worker.ts")];
  const graph = await build({ ...common, entryPoints: entries, bundle: true, packages: "external", write: false, metafile: true, outdir: join(tmp, "graph") });
  modules = Object.keys(graph.metafile.inputs)
    .map((input) => relative(join(ROOT, "src"), resolve(ROOT, input)))
    .filter((m) => !m.startsWith("..") && m.endsWith(".ts"))
    .map((m) => m.slice(0, -3));
  expect(modules).toEqual(expect.arrayContaining(["engine/load", "engine/parse-worker", "errors"]));
  await build({ ...common, entryPoints: modules.map((m) => join(ROOT, "src", `${m}.ts`)), outbase: join(ROOT, "src"), outdir: join(tmp, "dist") });
  // The bundle's layout (scripts/bundle.mjs): load.ts lands in a chunk, the worker is an entry.
  await build({
    ...common,
    entryPoints: { load: join(ROOT, "src/engine/load.ts"), "parse-worker": join(ROOT, "src/engine/parse-worker.ts") },
    outdir: join(tmp, "bin"),
    bundle: true,
    splitting: true,
    minify: true,
    chunkNames: "chunks/[name]-[hash]",
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// --- running a build in a child process -------------------------------------------------------

interface ChildResult {
  dump?: string;
  error?: string;
  stats: { workers: number; filesFromWorkers: number };
  progress: number[];
}

/** Loads `files` with `load.js` of a build in a fresh node, K8S_LINT_WORKERS=`workers`. */
function loadInChild(loadModule: string, files: DiscoveredFile[], workers: string, stdin?: string): ChildResult {
  const dir = mkdtempSync(join(tmp, "run-"));
  writeFileSync(join(dir, "input.json"), JSON.stringify({ files, stdin }));
  writeFileSync(
    join(dir, "child.mjs"),
    `import { readFileSync, writeFileSync } from "node:fs";
const { loadFiles, parallelStats, LintIoError } = await import(${JSON.stringify(pathToFileURL(loadModule).href)});
const dumpLoaded = ${dumpLoaded.toString()};
const { files, stdin } = JSON.parse(readFileSync(${JSON.stringify(join(dir, "input.json"))}, "utf8"));
const progress = [];
let out;
try {
  const loaded = await loadFiles(files, stdin, (done, total) => progress.push(done === total ? -done : done));
  out = { dump: dumpLoaded(loaded) };
} catch (err) {
  out = { error: (err instanceof LintIoError ? "LintIoError" : err.constructor.name) + ": " + err.message };
}
writeFileSync(${JSON.stringify(join(dir, "out.json"))}, JSON.stringify({ ...out, stats: parallelStats, progress }));
`,
  );
  const r = spawnSync(process.execPath, [join(dir, "child.mjs")], { env: { ...process.env, K8S_LINT_WORKERS: workers }, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`child exited ${r.status}: ${r.stderr}`);
  return JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
}

async function sequentialDump(files: DiscoveredFile[], stdin?: string) {
  const saved = process.env.K8S_LINT_WORKERS;
  process.env.K8S_LINT_WORKERS = "0";
  try {
    return dumpLoaded(await loadFiles(files, stdin));
  } finally {
    if (saved === undefined) delete process.env.K8S_LINT_WORKERS;
    else process.env.K8S_LINT_WORKERS = saved;
  }
}

const layouts = () => ({ "tsc layout": join(tmp, "dist/engine/load.js"), "bundle layout": join(tmp, "bin/load.js") });

// --- the same result ---------------------------------------------------------------------------

describe.each(["tsc layout", "bundle layout"] as const)("parallel loading, %s", (layout) => {
  test.each([
    ["every file of fixtures/", () => fixtureFiles],
    ["a generated corpus of 2,000 resources", () => corpusFiles],
    ["aliases, cycles, odd keys and numbers, errors, binary and invalid UTF-8", () => trickyFiles],
  ])("%s: the same documents, spans and problems as the sequential path", async (_name, files) => {
    const expected = await sequentialDump(files());
    for (const workers of ["1", "2"]) {
      const got = loadInChild(layouts()[layout], files(), workers);
      expect(got.error).toBeUndefined();
      expect(got.stats.workers).toBe(Number(workers));
      expect(got.stats.filesFromWorkers).toBeGreaterThan(0);
      expect(got.dump).toBe(expected);
      // Progress only grows and ends at the total.
      expect(got.progress.at(-1)).toBe(-files().length);
      expect(got.progress.slice(0, -1).every((n, i, all) => n > 0 && (i === 0 || n > all[i - 1]))).toBe(true);
    }
  });
});

test("stdin is read on the main thread, in its place among the files", async () => {
  const files = [discovered(join(ROOT, "fixtures/demo")), ...trickyFiles.slice(0, 3), { absolute: "-", display: "<stdin>" }, ...trickyFiles.slice(3)].filter(
    (f) => f.absolute === "-" || statSync(f.absolute).isFile(),
  );
  const stdin = "kind: ConfigMap\nx: &a {y: 1}\nz: *a\n";
  const got = loadInChild(layouts()["bundle layout"], files, "1", stdin);
  expect(got.stats.filesFromWorkers).toBeGreaterThan(0);
  expect(got.dump).toBe(await sequentialDump(files, stdin));
});

test("an unreadable file throws the sequential path's LintIoError, the first in order", async () => {
  const files = [...corpusFiles.slice(0, 40), discovered(join(tmp, "missing-1.yaml")), ...corpusFiles.slice(40, 80), discovered(join(tmp, "tricky"))];
  let expected = "";
  await sequentialDump(files).catch((err: Error) => (expected = `${err.constructor.name}: ${err.message}`));
  expect(expected).toMatch(/^LintIoError: cannot read .*missing-1\.yaml: ENOENT$/);
  for (const layout of Object.values(layouts())) expect(loadInChild(layout, files, "2").error).toBe(expected);
  // Only the directory: "not a regular file".
  const dirOnly = [...corpusFiles.slice(0, 20), discovered(join(tmp, "tricky"))];
  expect(loadInChild(layouts()["bundle layout"], dirOnly, "1").error).toMatch(/^LintIoError: cannot read .*tricky: not a regular file$/);
});

// --- falling back ------------------------------------------------------------------------------

describe("a worker that fails leaves its files to the main thread", () => {
  const brokenWorkers: Record<string, string> = {
    "cannot load": "throw new Error('broken worker');\n",
    "exits on its first batch": "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    "reports every batch as failed": "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ from: m.from, failed: true }));\n",
    "replies with garbage": "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => parentPort.postMessage({ from: m.from, files: [{ docs: 7 }] }));\n",
    "throws on a batch": "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n",
  };
  /** A fresh copy of the modules of tsc's layout (all but `without`); its engine/ folder. */
  const engineCopyDir = (prefix: string, without?: string) => {
    const root = mkdtempSync(join(tmp, prefix));
    for (const m of modules) {
      if (m === without) continue;
      mkdirSync(dirname(join(root, m)), { recursive: true });
      copyFileSync(join(tmp, "dist", `${m}.js`), join(root, `${m}.js`));
    }
    return join(root, "engine");
  };
  test.each(Object.keys(brokenWorkers))("a worker that %s", async (kind) => {
    const dir = engineCopyDir("broken-");
    writeFileSync(join(dir, "parse-worker.js"), brokenWorkers[kind]);
    const files = [...corpusFiles.slice(0, 60), ...trickyFiles];
    const got = loadInChild(join(dir, "load.js"), files, "2");
    expect(got.error).toBeUndefined();
    expect(got.stats.filesFromWorkers).toBe(0);
    expect(got.dump).toBe(await sequentialDump(files));
  });

  test("no worker script at all: the sequential path", async () => {
    const dir = engineCopyDir("noworker-", "engine/parse-worker");
    const files = corpusFiles.slice(0, 30);
    const got = loadInChild(join(dir, "load.js"), files, "2");
    expect(got.stats).toEqual({ workers: 0, filesFromWorkers: 0 });
    expect(got.dump).toBe(await sequentialDump(files));
  });
});

// --- when to go parallel -------------------------------------------------------------------

describe("parallelWorkers: workers only when the input is large enough to pay", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.K8S_LINT_WORKERS;
    delete process.env.K8S_LINT_WORKERS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.K8S_LINT_WORKERS;
    else process.env.K8S_LINT_WORKERS = saved;
  });
  const big = () => {
    const dir = join(tmp, "big");
    if (!existsSync(dir)) {
      mkdirSync(dir);
      const text = "kind: ConfigMap\ndata:\n" + Array.from({ length: Math.ceil(PARALLEL_MIN_BYTES / 40) }, (_, i) => `  key${i}: value-${i}-padding-padding\n`).join("");
      for (const name of ["a.yaml", "b.yaml"]) writeFileSync(join(dir, name), text);
    }
    return ["a.yaml", "b.yaml"].map((n) => discovered(join(dir, n)));
  };

  test("one file never starts a worker, however large (a pre-commit run)", () => {
    expect(parallelWorkers([big()[0]])).toBe(0);
    expect(parallelWorkers([{ absolute: "-", display: "<stdin>" }])).toBe(0);
  });
  test("many small files under the byte threshold stay sequential", () => {
    expect(corpusFiles.reduce((n, f) => n + statSync(f.absolute).size, 0)).toBeLessThan(PARALLEL_MIN_BYTES);
    expect(parallelWorkers(corpusFiles)).toBe(0);
  });
  test("two files over the threshold use every core but the main thread's, on a machine with at least PARALLEL_MIN_CORES", () => {
    const cores = availableParallelism();
    expect(parallelWorkers(big())).toBe(cores < PARALLEL_MIN_CORES ? 0 : Math.min(cores - 1, 7));
  });
  test("K8S_LINT_WORKERS forces a count; 0 turns the workers off; junk is ignored", () => {
    process.env.K8S_LINT_WORKERS = "0";
    expect(parallelWorkers(big())).toBe(0);
    process.env.K8S_LINT_WORKERS = "3";
    expect(parallelWorkers([trickyFiles[0]])).toBe(3);
    process.env.K8S_LINT_WORKERS = "many";
    expect(parallelWorkers([trickyFiles[0]])).toBe(0);
  });
});

// --- the shipped CLI ---------------------------------------------------------------------------

test("the built CLI (dist/bin) reports the same with and without workers", () => {
  const bin = join(ROOT, "dist/bin/k8s-lint.js");
  // CI builds through `prepare` on `npm ci`; a fresh checkout without dist builds here.
  if (!existsSync(bin) || !existsSync(join(ROOT, "dist/bin/parse-worker.js"))) spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  const run = (workers: string) => {
    const r = spawnSync(process.execPath, [bin, "--format", "json", "fixtures", relative(ROOT, corpus)], {
      cwd: ROOT,
      env: { ...process.env, K8S_LINT_WORKERS: workers, NO_COLOR: "1" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const sequential = run("0");
  expect(sequential.status).toBe(1);
  expect(JSON.parse(sequential.stdout).summary.files).toBeGreaterThan(fixtureFiles.length / 2);
  expect(run("2")).toEqual(sequential);
});
