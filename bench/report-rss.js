/**
 * Preloaded (`node --import`) by bench/run.js when /usr/bin/time is missing: writes the
 * process's peak RSS in KiB to $K8S_LINT_BENCH_RSS when it exits.
 */
import { writeFileSync } from "node:fs";

const target = process.env.K8S_LINT_BENCH_RSS;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
