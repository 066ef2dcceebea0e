/**
 * The parse-only baselines, run in a child process by bench/run.js: read every manifest of
 * a directory and parse it, nothing else.
 *
 *   engine: the engine's own parse path (dist/engine/parse.js parseText: the same yaml
 *           calls and position tracking the linter uses) plus the line table of positions.js.
 *   naive:  the Document route most tools take: parseAllDocuments + LineCounter + toJS.
 *
 * Usage: node bench/parse-baseline.js engine|naive <dir>
 * Prints one JSON line: { docs, files, bytes, maxRssKiB, lean, full } (lean/full: files the
 * engine read by its lean path, and by the full path after the lean one gave up).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [mode, dir] = process.argv.slice(2);

function* manifests(d) {
  for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".")) continue;
    const p = join(d, entry.name);
    if (entry.isDirectory()) yield* manifests(p);
    else if (/\.(ya?ml|json)$/.test(entry.name)) yield p;
  }
}

let docs = 0;
let paths = { lean: 0, full: 0 };
let files = 0;
let bytes = 0;
if (mode === "engine") {
  const { parseText, parsePathStats } = await import("../dist/engine/parse.js");
  paths = parsePathStats;
  const { LineIndex } = await import("../dist/engine/positions.js");
  for (const file of manifests(dir)) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    files++;
    docs += parseText(text).length;
    // The linter builds a file's line table whenever it reports a finding there.
    new LineIndex(text);
  }
} else if (mode === "naive") {
  const { LineCounter, parseAllDocuments } = await import("yaml");
  for (const file of manifests(dir)) {
    const text = readFileSync(file, "utf8");
    bytes += text.length;
    files++;
    const lineCounter = new LineCounter();
    for (const d of parseAllDocuments(text, { lineCounter, version: "1.1", merge: true, uniqueKeys: true })) {
      d.toJS({ maxAliasCount: 100 });
      docs++;
    }
  }
} else {
  console.error("usage: node bench/parse-baseline.js engine|naive <dir>");
  process.exit(2);
}
console.log(JSON.stringify({ docs, files, bytes, maxRssKiB: process.resourceUsage().maxRSS, lean: paths.lean, full: paths.full }));
