/** The CLI on the real process: its streams, arguments and exit code (main.ts and the bundle's entry call it). */
import { once } from "node:events";
import { run } from "./run.js";

/** Runs the command line of this process and sets its exit code. */
export async function start(): Promise<void> {
  // A reader that stops early (`k8s-lint ... | head`) is not a failure of the run; a full disk
  // behind `> report.txt` is an I/O failure, told in one line.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      if (stream === process.stdout) process.stderr.write(`k8s-lint: cannot write stdout: ${err.message}\n`);
      process.exit(2);
    });
  }

  const code = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stdoutDrained: async () => {
      if (process.stdout.writableNeedDrain) await once(process.stdout, "drain");
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns,
  });
  process.exitCode = code;
}

export { v8FlagsChanged } from "../v8-flags.js";
