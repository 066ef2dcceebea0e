/**
 * Splits a V8 CPU profile (node --cpu-prof) of a lint run into the engine's stages by the file
 * each sampled frame runs in (self time), e.g.
 *   K8S_LINT_WORKERS=0 node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js bench/.corpus/r10000
 *   node bench/profile-split.js /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from "node:fs";

const STAGES = [
  ["yaml lexer", /yaml\/dist\/parse\/lexer/],
  ["yaml CST parser", /yaml\/dist\/parse\//],
  ["yaml composer", /yaml\/dist\/(compose|nodes|schema|doc)\//],
  ["yaml (other)", /node_modules\/yaml\//],
  ["lean parser", /engine\/lean\//],
  ["convert + spans (parse.ts)", /engine\/parse\.js/],
  ["positions", /engine\/(positions|scalar-offsets)\.js/],
  ["directives + templates", /engine\/(directives|template|suppress)\.js/],
  ["engine (load, collect, run)", /engine\//],
  ["models", /\/models\//],
  ["rules", /\/rules\//],
  ["output", /\/(formatters|cli)\//],
  ["zod", /node_modules\/zod\//],
  ["node internals", /^node:|^internal\//],
];

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totals = new Map();
let all = 0;
for (const [id, us] of dt) {
  const { callFrame } = byId.get(id);
  const url = callFrame.url;
  let stage = STAGES.find(([, re]) => re.test(url))?.[0];
  const fn = callFrame.functionName;
  if (!stage) stage = fn === "(garbage collector)" ? "GC" : fn === "(idle)" ? "idle" : url ? "other" : fn.startsWith("RegExp:") ? "regular expressions" : "native (fs, module loading, ...)";
  totals.set(stage, (totals.get(stage) ?? 0) + us);
  all += us;
}
for (const [stage, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(`${stage.padEnd(30)} ${(us / 1e3).toFixed(0).padStart(7)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%`);
}
console.log(`${"total".padEnd(30)} ${(all / 1e3).toFixed(0).padStart(7)} ms`);
