// Writes docs/advisor/*.md from the built advisor data (run after `npm run build`). The index embeds
// the real output of the built CLI's `diagnose` on fixtures/diagnose/*.yaml, with the clock pinned
// to DIAGNOSE_EXAMPLE_NOW so restart ages do not change from one day to the next.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import {
  ADVISOR_DIR,
  ADVISOR_INDEX_PATH,
  DIAGNOSE_EXAMPLE_DIR,
  DIAGNOSE_EXAMPLE_NOW,
  advisorPages,
  renderAdvisorIndex,
} from "../dist/docs/advisor-docs.js";

const files = readdirSync(DIAGNOSE_EXAMPLE_DIR).filter((f) => f.endsWith(".yaml")).sort().map((f) => `${DIAGNOSE_EXAMPLE_DIR}/${f}`);
const pinClock = `data:text/javascript,Date.now=()=>${Date.parse(DIAGNOSE_EXAMPLE_NOW)}`;
const run = spawnSync(process.execPath, ["--import", pinClock, "dist/cli/main.js", "diagnose", "--no-color", ...files], { encoding: "utf8" });
if (run.status !== 0 && run.status !== 1) throw new Error(`diagnose failed (${run.status}): ${run.stderr}`);

const pages = [...advisorPages(), { path: ADVISOR_INDEX_PATH, text: renderAdvisorIndex({ command: `k8s-lint diagnose ${DIAGNOSE_EXAMPLE_DIR}/*.yaml`, output: run.stdout }) }];
mkdirSync(ADVISOR_DIR, { recursive: true });
const wanted = new Set(pages.map((p) => p.path.slice(ADVISOR_DIR.length + 1)));
for (const f of readdirSync(ADVISOR_DIR)) if (!wanted.has(f)) rmSync(`${ADVISOR_DIR}/${f}`);
for (const { path, text } of pages) writeFileSync(path, text);
console.log(`wrote ${pages.length} advisor pages`);
