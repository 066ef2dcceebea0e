/**
 * `npm run bench [-- --shapes mixed,flow,...] [--sizes 10000] [--long] [--long-runs 1] [--runs 5] [--rules all,recommended]
 *                   [--compare <checkout>] [--latency-runs 11] [--no-latency] [--check]`
 *
 * Lints generated corpora of every shape (generate.js CORPUS_SHAPES: block style, flow style,
 * long comments, certificates in Secrets, many small files, a few huge files, Helm output, platform
 * resources: RBAC, policies, custom resources under CEL rules) with
 * the built CLI, each run in a fresh child process, beside two parse-only baselines on the same
 * files measured in the same run (see parse-baseline.js), and times the CLI on one
 * 50-line manifest beside a bare `node -e ''`. Wall time is taken around the child process;
 * peak RSS comes from /usr/bin/time -v when it exists, else from the child's own
 * process.resourceUsage() (a preloaded reporter). Runs of one size are interleaved, each run
 * starting one column later than the last, so that noise from other work on the machine hits
 * every column alike; the median is shown, with the run count and the load average.
 *
 * --rules: the lint columns. `all` lints with every rule on (`--preset all`: every preset,
 * the pod-security checks at the restricted level, every pack), the column issue 17's
 * acceptance judges; `recommended` lints with the default rules (no flags), as a user who
 * configures nothing. Both by default.
 *
 * --compare <checkout>: another built checkout of k8s-lint (e.g. a git worktree of an older
 * ref after `npm ci`, see README "Benchmark"). Its CLI is one more column of the same runs on
 * the same corpora, and the report shows each checkout's lint/naive ratio and the change in
 * percent (issue 15: "within 10% of before"). A checkout whose CLI has no `--preset` runs
 * its defaults, which were then every rule it had. The default run count becomes 5.
 * --compare-flags="<flags>" adds CLI flags to the compared columns only: `--compare .
 * --compare-flags="--rule invalid-value=off ..."` prices some rules within one checkout.
 *
 * --long adds the 100,000-resource corpus (mixed shape; takes minutes) for the scaling and
 * memory figures, run --long-runs times (1; --runs does not apply to it). With --check the process exits 1 when an acceptance ratio of issue 17 (or,
 * with --compare, of issue 15) is not met.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, CORPUS_SHAPES, generateCorpus, singleManifest } from "./generate.js";

const ROOT = join(BENCH_DIR, "..");
const TIME = "/usr/bin/time";
const HAS_TIME = existsSync(TIME) && spawnSync(TIME, ["-v", "true"]).status === 0;
const RSS_REPORTER = join(BENCH_DIR, "report-rss.js");
const CHILD_TIMEOUT_MS = 15 * 60 * 1000;
/** The rule sets a lint column can use: the CLI flags that select them. */
const RULE_SETS = { all: ["--preset", "all"], recommended: [] };
/** Issue 15: the lint/naive ratio may grow by at most this much over the compared checkout. */
const MAX_SLOWDOWN = 0.1;

const { values } = parseArgs({
  options: {
    shapes: { type: "string", default: CORPUS_SHAPES.join(",") },
    sizes: { type: "string", default: "10000" },
    long: { type: "boolean", default: false },
    "long-runs": { type: "string", default: "1" },
    runs: { type: "string" },
    rules: { type: "string", default: "all,recommended" },
    compare: { type: "string" },
    "compare-flags": { type: "string", default: "" },
    "latency-runs": { type: "string", default: "11" },
    "no-latency": { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});
const usage = (message) => {
  console.error(message);
  process.exit(2);
};
const sizes = values.sizes
  .split(",")
  .map((s) => Number(s.trim().replace(/_/g, "")))
  .filter((n) => Number.isInteger(n) && n > 0);
if (!sizes.length) usage("--sizes expects a comma-separated list of resource counts, e.g. 1000,10000");
const shapes = values.shapes.split(",").map((s) => s.trim()).filter(Boolean);
for (const shape of shapes) {
  if (!CORPUS_SHAPES.includes(shape)) usage(`unknown shape "${shape}": one of ${CORPUS_SHAPES.join(", ")}`);
}
const ruleSets = [...new Set(values.rules.split(",").map((s) => s.trim()).filter(Boolean))];
for (const set of ruleSets) {
  if (!(set in RULE_SETS)) usage(`unknown rule set "${set}" in --rules: one of ${Object.keys(RULE_SETS).join(", ")}`);
}
if (!ruleSets.length) usage("--rules expects all, recommended or both");
if (values.check && !ruleSets.includes("all")) usage("--check judges the every-rule column: --rules must include all");
const runsOption = values.runs === undefined ? undefined : Number(values.runs);
if (runsOption !== undefined && !(Number.isInteger(runsOption) && runsOption > 0)) usage(`--runs expects a positive integer, not "${values.runs}"`);
const longRuns = Number(values["long-runs"]);
if (!(Number.isInteger(longRuns) && longRuns > 0)) usage(`--long-runs expects a positive integer, not "${values["long-runs"]}"`);
const latencyRuns = Number(values["latency-runs"]);
if (!(Number.isInteger(latencyRuns) && latencyRuns > 0)) usage(`--latency-runs expects a positive integer, not "${values["latency-runs"]}"`);
/**
 * Runs per corpus of --sizes: 3 up to 10k (the median of three; 5 with --compare, as issue 15
 * asks), 1 above (a 100k run takes a while); --runs sets them all. The --long corpus: --long-runs.
 */
const runsFor = (n) => runsOption ?? (n > 10_000 ? 1 : values.compare ? 5 : 3);

/** A built checkout of k8s-lint: its shipped bin, a label for the report, and the flags its CLI knows. */
function checkout(root, what) {
  const pkgFile = join(root, "package.json");
  if (!existsSync(pkgFile)) usage(`${what} ${root}: no package.json (not a checkout of k8s-lint)`);
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  const bin = pkg.bin?.["k8s-lint"];
  if (pkg.name !== "k8s-lint" || !bin) usage(`${what} ${root}: not a checkout of k8s-lint (package ${pkg.name})`);
  const cli = join(root, bin);
  if (!existsSync(cli)) usage(`${what} ${root}: ${bin} is missing; build it first (npm ci there builds)`);
  const git = spawnSync("git", ["-C", root, "log", "-1", "--format=%h %s"], { encoding: "utf8" });
  const commit = git.status === 0 ? git.stdout.trim() : "";
  const help = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" }).stdout ?? "";
  return {
    root,
    cli,
    label: commit ? `${commit.length > 72 ? `${commit.slice(0, 71)}…` : commit}` : root,
    has: (flag) => new RegExp(`${flag}\\b`).test(help),
  };
}

/** The rules a lint column runs, from its CLI's own `--print-config` (on: severity not off). */
function rulesOn(cli, args, file) {
  const res = spawnSync(process.execPath, [cli, ...args, "--print-config", file, "--format", "json"], { encoding: "utf8", cwd: ROOT });
  try {
    const severities = Object.values(JSON.parse(res.stdout).rules).map((v) => (Array.isArray(v) ? v[0] : typeof v === "object" ? v.severity : v));
    return { on: severities.filter((s) => s !== "off").length, total: severities.length };
  } catch {
    return undefined;
  }
}

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

/**
 * The median over runs of a column's wall time over another's in the same run: both ran in one
 * interleaved round, so load that drifts between rounds (the naive baseline's wall time varied
 * from 2.7 to 5.0 s on one corpus within a session) moves both. A ratio of the two medians mixes
 * rounds and swings with it.
 */
const pairedRatio = (a, b) => median(a.walls.map((w, i) => w / b.walls[i]));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => (n === undefined || Number.isNaN(n) ? "—" : n.toFixed(d));
const fmtInt = (n) => (n === undefined ? "—" : Math.round(n).toLocaleString("en-US"));
const fmtPct = (q) => `${q >= 0 ? "+" : "−"}${Math.abs(100 * q).toFixed(1)}%`;
const pad = (s, w) => String(s).padStart(w);

function lint(column, dir, out) {
  const r = measure([column.cli, ...column.args, "--format", "json", "--output-file", out, dir]);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${column.name}: k8s-lint exited ${r.status} on ${dir}:\n${r.stderr.slice(0, 2000)}`);
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

// The columns of every run: two parse baselines, this checkout's lint per rule set, the compared one's.
const self = checkout(ROOT, "this checkout");
const other = values.compare ? checkout(resolve(values.compare), "--compare") : undefined;
const compareFlags = values["compare-flags"].split(/\s+/).filter(Boolean);
if (compareFlags.length && !other) usage("--compare-flags needs --compare");
for (const flag of other ? ["--format", "--output-file"] : []) {
  if (!other.has(flag)) usage(`--compare ${other.root}: its CLI has no ${flag}, which the bench needs`);
}
const columns = [
  { id: "naive", name: "naive parse", run: (dir) => baseline("naive", dir) },
  { id: "parse", name: "engine parse", run: (dir) => baseline("engine", dir) },
];
for (const set of ruleSets) columns.push({ id: set, name: `lint ${set}`, of: self, cli: self.cli, args: RULE_SETS[set], sets: [set] });
if (other) {
  if (other.has("--preset")) {
    for (const set of ruleSets) columns.push({ id: `before-${set}`, name: `before ${set}`, of: other, cli: other.cli, args: [...RULE_SETS[set], ...compareFlags], sets: [set] });
  } else {
    // Before presets every rule was on by default: its default run is its every-rule run.
    columns.push({ id: "before", name: "before (defaults)", of: other, cli: other.cli, args: compareFlags, sets: ruleSets });
  }
}
for (const c of columns) if (c.cli) c.run = (dir, out) => lint(c, dir, join(out, `${c.id}.json`));
/** The compared column standing for `set`. */
const beforeOf = (set) => columns.find((c) => c.of === other && c.sets.includes(set));

const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const loadBefore = loadAverage();
/** The 1-minute load average at the start of every run. */
const loads = [];
console.log(`k8s-lint benchmark — node ${process.version}, ${HAS_TIME ? "peak RSS from /usr/bin/time -v" : "peak RSS from process.resourceUsage()"}`);
console.log(`this checkout: ${self.label}`);
if (other) console.log(`compared with:  ${other.label} (${other.root})${compareFlags.length ? `, with ${compareFlags.join(" ")}` : ""}`);
const rows = [];
const outDir = mkdtempSync(join(tmpdir(), "k8s-lint-bench-out-"));
try {
  const plan = shapes.flatMap((shape) => sizes.map((size) => ({ shape, size })));
  if (values.long) plan.push({ shape: "mixed", size: 100_000, long: true });
  for (const { shape, size, long } of plan) {
    const g0 = Date.now();
    const dir = generateCorpus(size, undefined, shape);
    const stats = JSON.parse(readFileSync(join(dir, ".stats.json"), "utf8"));
    process.stderr.write(
      `corpus ${relative(ROOT, dir)}: ${size} resources, ${stats.files} files, ${fmt(stats.bytes / 1048576, 1)} MB (${Date.now() - g0} ms)\n`,
    );
    const runs = long ? longRuns : runsFor(size);
    const acc = Object.fromEntries(columns.map((c) => [c.id, []]));
    for (let i = 0; i < runs; i++) {
      const load = loadavg()[0];
      loads.push(load);
      process.stderr.write(`  run ${i + 1}/${runs} (load ${fmt(load)}):`);
      // Each run starts one column later: no column always runs first after the corpus is written.
      for (let k = 0; k < columns.length; k++) {
        const c = columns[(i + k) % columns.length];
        const m = c.run(dir, outDir);
        acc[c.id].push(m);
        process.stderr.write(` ${c.id} ${fmt(m.wall)} s${k < columns.length - 1 ? "," : "\n"}`);
      }
    }
    const row = { shape, size, files: stats.files, mb: stats.bytes / 1048576, runs, col: {} };
    for (const c of columns) {
      const list = acc[c.id];
      const summary = list.at(-1).summary;
      if (summary && summary.resources !== size) throw new Error(`${c.name} linted ${summary.resources} resources, expected ${size}`);
      row.col[c.id] = { wall: median(list.map((x) => x.wall)), rssMiB: median(list.map((x) => x.rssMiB ?? NaN)), summary, walls: list.map((x) => x.wall) };
    }
    const { lean, full } = acc.parse[0];
    row.fallback = full / Math.max(1, lean + full);
    rows.push(row);
  }

  const loadAfter = loadAverage();
  const perSize = [...new Set(rows.map((r) => r.runs))].join("/");
  console.log("");
  console.log(`runs: ${perSize} per corpus, medians shown (${rows.reduce((n, r) => n + r.runs, 0)} interleaved rounds of ${columns.length} processes)`);
  console.log(`load average before/after: ${loadBefore} / ${loadAfter}; 1-minute load at the start of each run: min ${fmt(Math.min(...loads))}, median ${fmt(median(loads))}, max ${fmt(Math.max(...loads))}`);
  const table = [
    ["shape", 11, (r) => r.shape, "left"],
    ["resources", 9, (r) => fmtInt(r.size)],
    ["files", 6, (r) => r.files],
    ["MB", 5, (r) => fmt(r.mb, 1)],
    ["runs", 4, (r) => r.runs],
    ["|"],
    ["naive s", 7, (r) => fmt(r.col.naive.wall)],
    ["RSS MiB", 7, (r) => fmt(r.col.naive.rssMiB, 0)],
    ["|"],
    ["parse s", 7, (r) => fmt(r.col.parse.wall)],
    ["RSS MiB", 7, (r) => fmt(r.col.parse.rssMiB, 0)],
  ];
  for (const set of ruleSets) {
    const w = set.length + 2;
    table.push(
      ["|"],
      [`${set} s`, Math.max(7, w), (r) => fmt(r.col[set].wall)],
      ["res/s", 7, (r) => fmtInt(r.size / r.col[set].wall)],
      ["RSS MiB", 7, (r) => fmt(r.col[set].rssMiB, 0)],
      ["/naive", 7, (r) => `${fmt(pairedRatio(r.col[set], r.col.naive))}x`],
      ["/parse", 7, (r) => `${fmt(pairedRatio(r.col[set], r.col.parse))}x`],
    );
  }
  const line = (cells) => cells.join(" ");
  console.log(line(table.map(([head, w, , align]) => (w === undefined ? head : align ? head.padEnd(w) : pad(head, w)))));
  for (const r of rows) console.log(line(table.map(([head, w, get, align]) => (w === undefined ? head : align ? get(r).padEnd(w) : pad(get(r), w)))));
  const counted = (s) => `${s.errors}/${s.warnings}/${s.infos}${s.skipped ? ` (${s.skipped} skipped)` : ""}`;
  for (const r of rows) {
    const findings = columns.filter((x) => x.cli).map((c) => `${c.id} ${counted(r.col[c.id].summary)}`);
    console.log(`  ${r.shape} ${fmtInt(r.size)}: errors/warnings/infos ${findings.join(", ")}; ${fmt(100 * r.fallback, 1)}% of files fell back to the full parse path`);
  }
  console.log("  naive = parseAllDocuments + LineCounter + toJS; parse = the engine's own parse path alone (parseText + line table)");
  const probeFile = singleManifest();
  for (const c of columns.filter((x) => x.cli)) {
    const n = rulesOn(c.cli, c.args, probeFile);
    const flags = c.args.length ? c.args.join(" ") : "no rule flags";
    console.log(`  ${c.name} = ${c.of === self ? "this checkout" : "the compared checkout"}, ${flags}: ${n ? `${n.on} of ${n.total} rules on` : "rule count unknown"}`);
  }
  const total = columns.map((c) => rows.reduce((s, r) => s + r.col[c.id].walls.reduce((a, b) => a + b, 0), 0));
  const sum = total.reduce((a, b) => a + b, 0);
  console.log(`  share of the measured time: ${columns.map((c, i) => `${c.id} ${fmt((100 * total[i]) / sum, 0)}%`).join(", ")} (${fmt(sum, 0)} s)`);

  if (other) {
    console.log("");
    console.log(`before/after (issue 15): lint/naive of each checkout in the same runs; change = after / before - 1`);
    const cmp = [
      ["shape", 11, (x) => x.r.shape, "left"],
      ["resources", 9, (x) => fmtInt(x.r.size)],
      ["runs", 4, (x) => x.r.runs],
      ["rules", 11, (x) => x.set],
      ["|"],
      ["before s", 8, (x) => fmt(x.before.wall)],
      ["/naive", 7, (x) => `${fmt(pairedRatio(x.before, x.r.col.naive))}x`],
      ["|"],
      ["after s", 8, (x) => fmt(x.after.wall)],
      ["/naive", 7, (x) => `${fmt(pairedRatio(x.after, x.r.col.naive))}x`],
      ["|"],
      ["change", 7, (x) => fmtPct(x.change)],
      ["paired", 7, (x) => fmtPct(x.paired)],
    ];
    console.log(line(cmp.map(([head, w, , align]) => (w === undefined ? head : align ? head.padEnd(w) : pad(head, w)))));
    for (const r of rows) {
      for (const set of ruleSets) {
        const b = beforeOf(set);
        const x = { r, set, before: r.col[b.id], after: r.col[set] };
        x.change = x.after.wall / x.before.wall - 1;
        x.paired = pairedRatio(x.after, x.before) - 1;
        r.compare ??= {};
        r.compare[set] = x;
        console.log(line(cmp.map(([head, w, get, align]) => (w === undefined ? head : align ? get(x).padEnd(w) : pad(get(x), w)))));
      }
    }
    console.log("  paired = the median over runs of after / before in the same run, minus 1 (less sensitive to load that drifts between runs)");
    if (!other.has("--preset")) console.log(`  the compared CLI has no --preset: its defaults (every rule it had) stand for ${ruleSets.join(" and ")}`);
  }

  // Acceptance is judged at 10,000 resources; without such rows the figures of the largest size are shown, not judged.
  const judged = rows.filter((x) => x.size === 10_000);
  const largest = Math.max(...rows.filter((x) => x.size <= 10_000).map((x) => x.size));
  const shown = judged.length ? judged : rows.filter((x) => x.size === largest);
  const checks = [];
  const counts = judged.length > 0;
  for (const r of shown) {
    const all = r.col.all;
    if (all) {
      const q = pairedRatio(all, r.col.naive);
      checks.push([`${r.shape}: lint (every rule) / naive parse at ${fmtInt(r.size)} = ${fmt(q)}x (own parse path: ${fmt(pairedRatio(all, r.col.parse))}x)`, q <= 0.65, "<= 0.65x", counts]);
    }
  }
  if (other) {
    for (const r of shown) {
      for (const set of ruleSets) {
        const x = r.compare[set];
        checks.push([`${r.shape} (${set}): lint at ${fmtInt(r.size)} ${fmtPct(x.paired)} over the compared checkout in the same runs (lint/naive ${fmt(pairedRatio(x.after, r.col.naive))}x after, ${fmt(pairedRatio(x.before, r.col.naive))}x before)`, x.paired <= MAX_SLOWDOWN, `<= +${100 * MAX_SLOWDOWN}%, issue 15`, counts]);
      }
    }
  }
  const mixed = (n) => rows.find((r) => r.shape === "mixed" && r.size === n);
  const scaleSet = ruleSets.includes("all") ? "all" : ruleSets[0];
  if (mixed(10_000) && mixed(100_000)) {
    const q = mixed(100_000).col[scaleSet].wall / mixed(10_000).col[scaleSet].wall;
    checks.push([`100k / 10k lint time (${scaleSet}) = ${fmt(q)}x`, q <= 10.5, "<= 10.5x", true]);
  }
  if (mixed(100_000)) {
    const rss = mixed(100_000).col[scaleSet].rssMiB;
    checks.push([`peak RSS at 100k (${scaleSet}) = ${fmt(rss, 0)} MiB`, rss < 600, "< 600 MiB", true]);
  }

  if (!values["no-latency"]) {
    const file = singleManifest();
    const bare = [];
    const cli = [];
    measure([self.cli, file], { rss: false }); // warm the file cache
    for (let i = 0; i < latencyRuns; i++) {
      bare.push(measure(["-e", ""], { rss: false }).wall);
      const r = measure([self.cli, "--no-color", file], { rss: false });
      if (r.status !== 0 && r.status !== 1) throw new Error(`k8s-lint exited ${r.status} on ${file}:\n${r.stderr}`);
      cli.push(r.wall);
    }
    const b = median(bare);
    const c = median(cli);
    console.log("");
    console.log(`single 50-line manifest (median of ${latencyRuns}, default rules): k8s-lint ${fmt(c * 1000, 0)} ms, node -e '' ${fmt(b * 1000, 0)} ms`);
    checks.push([`single-file latency = ${fmt(c / b)}x node -e ''`, c / b <= 2.5, "<= 2.5x", true]);
  }

  console.log("");
  console.log(`acceptance (issue 17${other ? " and issue 15" : ""}; ${rows.length ? `${perSize} runs per corpus; ` : ""}load average now ${loadAverage()}):`);
  if (!counts && shown.length) console.log(`  (no 10,000-resource corpus in this run: the ratios at ${fmtInt(largest)} are shown, not judged)`);
  for (const [what, ok, limit, judge] of checks) console.log(`  ${judge ? (ok ? "ok  " : "FAIL") : "--  "} ${what} (${limit})`);
  if (values.check && checks.some(([, ok, , judge]) => judge && !ok)) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
