/**
 * `node bench/lsp.js [--runs 31] [--sizes 50,10000]`: the language server's latency and memory
 * (issue 20), not a unit test. For each generated workspace (bench/generate.js), it starts the
 * built `k8s-lint lsp` over stdio with a real LSP client (vscode-jsonrpc), opens one file, and
 * times edits: each toggles a memory quantity between "128Mi" and "128mi" (invalid-quantity)
 * and waits for the diagnostics of that file; the time runs from sending didChange to receiving
 * publishDiagnostics, the server's debounce (20 ms) included. Wall times depend on the load
 * of the machine (other processes share its cores): the server's CPU time per edit (from
 * /proc/<pid>/stat) and the fastest edit are shown beside them, and the load average. Every edit re-judges the whole
 * workspace. The server's resident memory (VmRSS and peak VmHWM from /proc) is read after the
 * first lint and after the edits.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { BENCH_DIR, generateCorpus } from "./generate.js";

const ROOT = join(BENCH_DIR, "..");
const CLI = join(ROOT, "dist/bin/k8s-lint.js");
const { values } = parseArgs({ options: { runs: { type: "string", default: "31" }, sizes: { type: "string", default: "50,10000" } } });
const runs = Number(values.runs);

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kb("VmRSS") / 1024), peakMiB: Math.round(kb("VmHWM") / 1024) };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function firstFile(dir) {
  const walk = (d) => readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith(".yaml") ? [join(d, n)] : []));
  return walk(dir).find((f) => /memory: 128Mi/.test(readFileSync(f, "utf8")));
}

async function measure(size) {
  const dir = generateCorpus(size, join(tmpdir(), `lsp-bench-r${size}`));
  const file = firstFile(dir);
  const uri = pathToFileURL(file).href;
  const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    if (p.uri === uri && waiting) {
      const w = waiting;
      waiting = undefined;
      w(p.diagnostics);
    }
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const started = performance.now();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }], capabilities: {} });
  await connection.sendNotification("initialized", {});
  const text = readFileSync(file, "utf8");
  const broken = text.replace("memory: 128Mi", "memory: 128mi");
  let published = new Promise((resolve) => (waiting = resolve));
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text: broken } });
  const first = await published;
  const indexMs = performance.now() - started;
  const afterIndex = memory(child.pid);
  const times = [];
  const cpuBefore = cpuMs(child.pid);
  for (let i = 0; i < runs; i++) {
    const next = i % 2 === 0 ? text : broken;
    published = new Promise((resolve) => (waiting = resolve));
    const t0 = performance.now();
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: next }] });
    const diagnostics = await published;
    times.push(performance.now() - t0);
    const hasFinding = diagnostics.some((d) => d.code === "invalid-quantity");
    if (hasFinding !== (next === broken)) throw new Error("the diagnostics do not follow the edit");
  }
  const cpuPerEdit = (cpuMs(child.pid) - cpuBefore) / runs;
  const afterEdits = memory(child.pid);
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  connection.dispose();
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (n) => Math.round(n);
  return {
    resources: size,
    files: readdirSync(dir, { recursive: true }).filter((n) => String(n).endsWith(".yaml")).length,
    findingsOfTheOpenFile: first.length,
    startToFirstDiagnosticsMs: ms(indexMs),
    editToDiagnosticsMs: { min: ms(sorted[0]), median: ms(percentile(sorted, 0.5)), p90: ms(percentile(sorted, 0.9)), max: ms(sorted[sorted.length - 1]), runs },
    serverCpuMsPerEdit: ms(cpuPerEdit),
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    memoryAfterIndex: afterIndex,
    memoryAfterEdits: afterEdits,
  };
}

const results = [];
for (const size of values.sizes.split(",").map(Number)) results.push(await measure(size));
console.log(JSON.stringify(results, null, 2));
for (const size of values.sizes.split(",").map(Number)) rmSync(join(tmpdir(), `lsp-bench-r${size}`), { recursive: true, force: true });
