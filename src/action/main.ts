/** The Action's entry point (bundled into dist-action/index.mjs): the runner runs it with node. */
import { tuneV8 } from "../v8-flags.js";
import { runAction } from "./run.js";

// A lint, as the bin runs it (no code cache here: each job starts afresh).
tuneV8([]);
process.exitCode = await runAction(process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
});
