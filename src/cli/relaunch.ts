/**
 * A large lint on a machine of one or two cores runs in a second process whose V8 worker pool
 * leaves the main thread its core. Node gives V8 a pool of four background threads whatever the
 * machine (node_options.h, `v8_thread_pool_size = 4`): on two cores their compile jobs and
 * garbage-collection tasks take turns with the main thread, which runs the lint. With one worker
 * a 10,000-resource lint takes 4-6% less wall time on a quiet machine, 8% at 100,000 resources,
 * and 8-11% while another process keeps a core busy (docs/DECISIONS.md, "V8's worker pool").
 * The pool is fixed when Node starts (`--v8-pool-size`, a Node option: neither a V8 flag the
 * process can set for itself nor one NODE_OPTIONS can carry into an already running process), so
 * the bin starts node again with it, once, and only for an input large enough to repay the
 * ~45 ms of a second start. Only the bin imports this module; the CLI bundle starts no process.
 */
import { availableParallelism } from "node:os";
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { COMMAND_WORDS } from "./code-cache.js";

/** Node's own size of V8's worker pool (node_options.h v8_thread_pool_size). */
export const NODE_V8_POOL_SIZE = 4;

/**
 * Manifest bytes from which a run is started again: 2 MiB, about 2,500 resources (measured on the
 * bench corpus: 0.33 s against 0.37 s at 500 resources, 0.72 s against 0.68 s at 2,000).
 */
export const RELAUNCH_MIN_BYTES = 2 * 1024 * 1024;

/** Entries a size estimate reads at most: a big tree of other files is not walked to its end. */
const MAX_ENTRIES = 20_000;

/** `K8S_LINT_V8_POOL=0` never starts a second process; `=N` always does, with a pool of N (tests). */
const POOL_ENV = "K8S_LINT_V8_POOL";

/** Options whose value is not an input: the report written (`-o`) would otherwise count as one. */
const NOT_INPUT = new Set(["-o", "--output-file", "-f", "--format", "-c", "--config"]);

/** What decides a relaunch: the machine, how node was started, and the environment. */
export interface Launch {
  cores: number;
  execArgv: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The size of V8's pool to start the lint of `args` again with, or undefined to run it in this
 * process: on a machine of at most two cores, for a lint or `graph` (not another command: the
 * language server keeps V8's defaults) of at least RELAUNCH_MIN_BYTES of manifests, when
 * neither node's arguments nor NODE_OPTIONS set a pool already (the second process has one, so
 * it never starts a third) or start the inspector.
 */
export function relaunchPool(args: readonly string[], launch: Launch = { cores: availableParallelism(), execArgv: process.execArgv, env: process.env }): number | undefined {
  const forced = launch.env[POOL_ENV];
  const nodeArgs = [...launch.execArgv, ...(launch.env.NODE_OPTIONS ?? "").split(/\s+/)];
  const set = nodeArgs.some((a) => a.startsWith("--v8-pool-size"));
  // A process under a debugger runs as started: a second one would ask for the inspector's port again.
  const debugged = nodeArgs.some((a) => /^--(inspect|debug)/.test(a));
  if (set || debugged || (args[0] !== undefined && COMMAND_WORDS.has(args[0]) && args[0] !== "graph")) return undefined;
  if (forced !== undefined && forced.trim() !== "") {
    const n = Number(forced);
    return Number.isInteger(n) && n > 0 ? Math.min(n, NODE_V8_POOL_SIZE) : undefined;
  }
  if (launch.cores > 2) return undefined;
  return inputBytesReach(args, RELAUNCH_MIN_BYTES) ? Math.max(1, launch.cores - 1) : undefined;
}

/**
 * Whether the files and folders named in `args` hold at least `limit` bytes of manifests
 * (`.yaml`, `.yml`, `.json`): an estimate that stops as soon as it knows, skips folders whose name
 * starts with a dot and node_modules, and reads at most MAX_ENTRIES entries. A glob or a missing
 * path counts nothing, and so does standard input (`-`); with no path that exists and no `-`,
 * the working directory is estimated (a lint's default input).
 */
export function inputBytesReach(args: readonly string[], limit: number): boolean {
  let bytes = 0;
  let entries = 0;
  // Whether to stop: the limit is reached, or the entries to read are spent.
  const done = () => bytes >= limit || entries > MAX_ENTRIES;
  const walk = (dir: string): void => {
    let list: Dirent[];
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of list) {
      entries++;
      if (e.isDirectory()) {
        if (!e.name.startsWith(".") && e.name !== "node_modules") walk(join(dir, e.name));
      } else if (/\.(ya?ml|json)$/i.test(e.name)) bytes += sizeOf(join(dir, e.name));
      if (done()) return;
    }
  };
  let named = false;
  for (let i = 0; i < args.length && !done(); i++) {
    const arg = args[i];
    if (NOT_INPUT.has(arg)) i++;
    // Standard input is an input of unknown size.
    if (arg === "-") named = true;
    if (arg.startsWith("-")) continue;
    try {
      const st = statSync(arg);
      named = true;
      if (st.isDirectory()) walk(arg);
      else bytes += st.size;
    } catch {
      // A glob, a command word, a value of an option: not a path.
    }
  }
  if (!named) walk(".");
  return bytes >= limit;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Runs `script` with `args` in a new node process whose V8 pool has `pool` threads, with this
 * process's node arguments, environment and standard streams, and ends this one as it ends: its
 * exit code, or the signal that stopped it. SIGINT, SIGTERM and SIGHUP sent to this process are
 * passed on. Resolves false, having started nothing, when the process cannot be started (the
 * caller then lints in this process).
 */
export async function relaunch(pool: number, script: string, args: readonly string[]): Promise<boolean> {
  const { spawn } = await import("node:child_process");
  return new Promise((resolve) => {
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const child = spawn(process.execPath, [...process.execArgv, `--v8-pool-size=${pool}`, script, ...args], { stdio: "inherit" });
    // Not started (no pid): "error" follows, and the caller lints here.
    if (child.pid === undefined) {
      child.on("error", () => resolve(false));
      return;
    }
    // Passed on from the moment the process exists, before Node reports it started.
    const pass = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const s of signals) process.on(s, pass);
    child.on("error", () => {
      // A signal that could not be passed on: the process ends on its own, and "exit" follows.
    });
    child.once("exit", (code, signal) => {
      for (const s of signals) process.off(s, pass);
      if (signal) process.kill(process.pid, signal);
      else process.exitCode = code ?? 2;
      resolve(true);
    });
  });
}
