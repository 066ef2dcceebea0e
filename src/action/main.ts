/** The Action's entry point (bundled into dist-action/index.mjs): the runner runs it with node. */
import { runAction } from "./run.js";

process.exitCode = await runAction(process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
});
