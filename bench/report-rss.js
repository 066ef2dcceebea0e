/**
 * Preloaded (`node --import`) by bench/run.js when /usr/bin/time is missing: writes the
 * process's peak RSS in KiB to $K8S_LINT_BENCH_RSS when it exits. A lint the bin starts again in
 * a second process (src/cli/relaunch.ts) preloads it too, with the same target: the second
 * process ends first, and each keeps the larger of its own peak and what is written already.
 */
import { readFileSync, writeFileSync } from "node:fs";

const target = process.env.K8S_LINT_BENCH_RSS;
if (target) {
  process.on("exit", () => {
    let written = 0;
    try {
      written = Number(readFileSync(target, "utf8")) || 0;
    } catch {
      // Nothing written yet.
    }
    writeFileSync(target, String(Math.max(written, process.resourceUsage().maxRSS)));
  });
}
