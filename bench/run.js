/**
 * `npm run bench [-- --shapes mixed,flow,...] [--sizes 10000] [--long] [--runs 3] [--latency-runs 11] [--no-latency] [--check]`
 *
 * Lints generated corpora of every shape (generate.js CORPUS_SHAPES: block style, flow style,
 * long comments, certificates in Secrets, many small files, a few huge files, Helm output) with
 * the built CLI, each run in a fresh child process, beside two parse-only baselines on the same
 * files measured in the same run (see parse-baseline.js), and times the CLI on one
 * 50-line manifest beside a bare `node -e ''`. Wall time is taken around the child process;
 * peak RSS comes from /usr/bin/time -v when it exists, else from the child's own
 * process.resourceUsage() (a preloaded reporter). Runs of one size are interleaved so that
 * noise from other work on the machine hits every column alike; the median is shown.
 *
 * --long adds the 100,000-resource corpus (mixed shape; takes minutes) for the scaling and
 * memory figures. With --check the process exits 1 when an acceptance ratio of issue 17 is not met.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, CORPUS_SHAPES, generateCorpus, singleManifest } from "./generate.js";

const ROOT = join(BENCH_DIR, "..");
// The shipped bin (the bundle), as users run it.
const CLI = join(ROOT, JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).bin["k8s-lint"]);
const TIME = "/usr/bin/time";
const HAS_TIME = existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;
const RSS_REPORTER = join(BENCH_DIR, "report-rss.js");
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;

const { values } = parseArgs({
  options: {
    shapes: { type: "string", default: CORPUS_SHAPES.join(",") },
    sizes: { type: "string", default: "10000" },
    long: { type: "boolean", default: false },
    runs: { type: "string" },
    "latency-runs": { type: "string", default: "11" },
    "no-latency": { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});
const sizes = values.sizes
  .split(",")
  .map((s) => Number(s.trim().replace(/_/g, "")))
  .filter((n) => Number.isInteger(n) && n > 0);
if (!sizes.length) {
  console.error("--sizes expects a comma-separated list of resource counts, e.g. 1000,10000");
  process.exit(2);
}
const shapes = values.shapes.split(",").map((s) => s.trim()).filter(Boolean);
for (const shape of shapes) {
  if (!CORPUS_SHAPES.includes(shape)) {
    console.error(`unknown shape "${shape}": one of ${CORPUS_SHAPES.join(", ")}`);
    process.exit(2);
  }
}
/** Runs per size: 3 up to 10k (the median of three), 1 above (a 100k run takes a while). */
const runsFor = (n) => (values.runs ? Number(values.runs) : n > 10_000 ? 1 : 3);

/** Runs `node <args>` in a fresh process; returns wall seconds, peak RSS in MiB, status, stdout. */
function measure(nodeArgs, { rss = true } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), "k8s-lint-bench-"));
  const rssFile = join(tmp, "rss");
  let cmd = process.execPath;
  let args = nodeArgs;
  const env = { ...process.env, NO_COLOR: "1" };
  if (rss && HAS_TIME) {
    cmd = TIME;
    args = ["-v", "-o", rssFile, process.execPath, ...nodeArgs];
  } else if (rss) {
    args = ["--import", RSS_REPORTER, ...nodeArgs];
    env.K8S_LINT_BENCH_RSS = rssFile;
  }
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: CHILD_TIMEOUT_MS });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMiB;
  if (rss && existsSync(rssFile)) {
    const text = readFileSync(rssFile, "utf8");
    const kib = HAS_TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] : text.trim();
    if (kib) rssMiB = Number(kib) / 1024;
  }
  rmSync(tmp, { recursive: true, force: true });
  if (res.error) throw new Error(`node ${nodeArgs.join(" ")}: ${res.error.message}`);
  return { wall, rssMiB, status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => (n === undefined || Number.isNaN(n) ? "—" : n.toFixed(d));
const fmtInt = (n) => (n === undefined ? "—" : Math.round(n).toLocaleString("en-US"));
const pad = (s, w) => String(s).padStart(w);

function lintCorpus(dir, out) {
  const r = measure([CLI, "--format", "json", "--output-file", out, dir]);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`k8s-lint exited ${r.status} on ${dir}:\n${r.stderr.slice(0, 2000)}`);
  }
  const result = JSON.parse(readFileSync(out, "utf8"));
  return { ...r, summary: result.summary };
}

function baseline(mode, dir) {
  const r = measure([join(BENCH_DIR, "parse-baseline.js"), mode, dir]);
  if (r.status !== 0) throw new Error(`parse baseline ${mode} failed:\n${r.stderr.slice(0, 2000)}`);
  const info = JSON.parse(r.stdout.trim().split("\n").pop());
  return { ...r, rssMiB: r.rssMiB ?? info.maxRssKiB / 1024, lean: info.lean, full: info.full };
}

const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = loadAverage();
console.log(`k8s-lint benchmark — node ${process.version}, ${HAS_TIME ? "peak RSS from /usr/bin/time -v" : "peak RSS from process.resourceUsage()"}`);
const rows = [];
const outDir = mkdtempSync(join(tmpdir(), "k8s-lint-bench-out-"));
try {
  const plan = shapes.flatMap((shape) => sizes.map((size) => ({ shape, size })));
  if (values.long) plan.push({ shape: "mixed", size: 100_000 });
  for (const { shape, size } of plan) {
    const g0 = Date.now();
    const dir = generateCorpus(size, undefined, shape);
    const stats = JSON.parse(readFileSync(join(dir, ".stats.json"), "utf8"));
    process.stderr.write(
      `corpus ${relative(ROOT, dir)}: ${size} resources, ${stats.files} files, ${fmt(stats.bytes / 1048576, 1)} MB (${Date.now() - g0} ms)\n`,
    );
    const runs = runsFor(size);
    const acc = { lint: [], engine: [], naive: [] };
    let summary;
    for (let i = 0; i < runs; i++) {
      process.stderr.write(`  run ${i + 1}/${runs}: naive baseline... `);
      acc.naive.push(baseline("naive", dir));
      process.stderr.write("engine baseline... ");
      acc.engine.push(baseline("engine", dir));
      process.stderr.write("lint... ");
      const l = lintCorpus(dir, join(outDir, `r${size}.json`));
      summary = l.summary;
      acc.lint.push(l);
      process.stderr.write(`${fmt(l.wall)} s\n`);
    }
    if (summary.resources !== size) throw new Error(`linted ${summary.resources} resources, expected ${size}`);
    const pick = (list) => ({ wall: median(list.map((x) => x.wall)), rssMiB: median(list.map((x) => x.rssMiB ?? NaN)) });
    const { lean, full } = acc.engine[0];
    rows.push({ shape, size, files: stats.files, mb: stats.bytes / 1048576, runs, lint: pick(acc.lint), engine: pick(acc.engine), naive: pick(acc.naive), summary, fallback: full / Math.max(1, lean + full) });
  }

  console.log("");
  console.log(`load average before/after: ${loadBefore} / ${loadAverage()}`);
  console.log(
    `${"shape".padEnd(11)} ${pad("resources", 9)} ${pad("files", 6)} ${pad("MB", 5)} ${pad("runs", 4)} | ${pad("lint s", 7)} ${pad("res/s", 7)} ${pad("RSS MiB", 7)} | ${pad("parse s", 7)} ${pad("RSS MiB", 7)} | ${pad("naive s", 7)} ${pad("RSS MiB", 7)} | ${pad("lint/parse", 10)} ${pad("lint/naive", 10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.shape.padEnd(11)} ${pad(fmtInt(r.size), 9)} ${pad(r.files, 6)} ${pad(fmt(r.mb, 1), 5)} ${pad(r.runs, 4)} | ${pad(fmt(r.lint.wall), 7)} ${pad(fmtInt(r.size / r.lint.wall), 7)} ${pad(fmt(r.lint.rssMiB, 0), 7)} | ${pad(fmt(r.engine.wall), 7)} ${pad(fmt(r.engine.rssMiB, 0), 7)} | ${pad(fmt(r.naive.wall), 7)} ${pad(fmt(r.naive.rssMiB, 0), 7)} | ${pad(fmt(r.lint.wall / r.engine.wall) + "x", 10)} ${pad(fmt(r.lint.wall / r.naive.wall) + "x", 10)}`,
    );
  }
  for (const r of rows) {
    const s = r.summary;
    console.log(`  ${r.shape} ${fmtInt(r.size)}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos reported (${s.skipped} skipped); ${fmt(100 * r.fallback, 1)}% of files fell back to the full parse path`);
  }
  console.log("  parse = the engine's own parse path alone (parseText + line table); naive = parseAllDocuments + LineCounter + toJS");

  const checks = [];
  for (const r of rows.filter((x) => x.size === 10_000)) {
    const q = r.lint.wall / r.naive.wall;
    checks.push([`${r.shape}: lint / naive parse at 10k = ${fmt(q)}x (own parse path: ${fmt(r.lint.wall / r.engine.wall)}x)`, q <= 0.65, "<= 0.65x"]);
  }
  const mixed = (n) => rows.find((r) => r.shape === "mixed" && r.size === n);
  if (mixed(10_000) && mixed(100_000)) {
    const q = mixed(100_000).lint.wall / mixed(10_000).lint.wall;
    checks.push([`100k / 10k lint time = ${fmt(q)}x`, q <= 10.5, "<= 10.5x"]);
  }
  if (mixed(100_000)) {
    const rss = mixed(100_000).lint.rssMiB;
    checks.push([`peak RSS at 100k = ${fmt(rss, 0)} MiB`, rss < 600, "< 600 MiB"]);
  }

  if (!values["no-latency"]) {
    const file = singleManifest();
    const n = Number(values["latency-runs"]);
    const bare = [];
    const cli = [];
    measure([CLI, file], { rss: false }); // warm the file cache
    for (let i = 0; i < n; i++) {
      bare.push(measure(["-e", ""], { rss: false }).wall);
      const r = measure([CLI, "--no-color", file], { rss: false });
      if (r.status !== 0 && r.status !== 1) throw new Error(`k8s-lint exited ${r.status} on ${file}:\n${r.stderr}`);
      cli.push(r.wall);
    }
    const b = median(bare);
    const c = median(cli);
    console.log("");
    console.log(`single 50-line manifest (median of ${n}): k8s-lint ${fmt(c * 1000, 0)} ms, node -e '' ${fmt(b * 1000, 0)} ms`);
    checks.push([`single-file latency = ${fmt(c / b)}x node -e ''`, c / b <= 2.5, "<= 2.5x"]);
  }

  console.log("");
  console.log(`acceptance (issue 17; load average now ${loadAverage()}):`);
  for (const [what, ok, limit] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${what} (${limit})`);
  if (values.check && checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
