/**
 * Runs the CLI bundle (dist/bin/k8s-lint.cjs) with V8's code cache: Node 20 has no module
 * compile cache, and compiling the bundle and then, during the run, the functions it calls cost
 * a one-file lint (a pre-commit hook) about as much as Node's own start-up. The code V8 compiled
 * is saved when the process ends, in the user's cache folder, and handed back to V8 by the next
 * process. The cache only ever saves time: a missing, stale, foreign or unwritable cache runs
 * the bundle compiled from its source, exactly as without one (docs/DECISIONS.md, start-up).
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { makeDirectories } from "./make-directories.js";

/** What the bundle exports (src/cli/start.ts). */
export interface BundleExports {
  start: () => Promise<void>;
  /** Whether the run changed V8's flags (a cache made after that is refused by the next process). */
  v8FlagsChanged: () => boolean;
}

/**
 * The bundle file: one function of the five names of Node's CommonJS module wrapper and of the
 * import() the bundle's run-time imports go through (scripts/bundle.mjs): an import() compiled
 * inside node:vm fails once its code comes from the cache.
 */
type BundleFunction = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: BundleExports },
  filename: string,
  dirname: string,
  importModule: (specifier: string) => Promise<unknown>,
) => void;

/** Cache files kept per folder: a few k8s-lint versions or Node versions side by side. */
const KEEP = 4;

/**
 * The folder of the code cache: K8S_LINT_CACHE_DIR when set (empty: no cache), else the
 * platform's per-user cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches,
 * %LOCALAPPDATA%), in k8s-lint/.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string | undefined {
  if (env.K8S_LINT_CACHE_DIR !== undefined) return env.K8S_LINT_CACHE_DIR || undefined;
  try {
    if (platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "k8s-lint", "Cache") : undefined;
    if (platform === "darwin") return join(home(), "Library", "Caches", "k8s-lint");
    // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
    const xdg = env.XDG_CACHE_HOME?.startsWith("/") ? env.XDG_CACHE_HOME : join(home(), ".cache");
    return join(xdg, "k8s-lint");
  } catch {
    // No home folder (a service account without one): no cache.
    return undefined;
  }
}

/** FNV-1a, 32 bits, in hex: names a cache by what it depends on, without loading node:crypto. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The cache file's name: the bundle's content hash (from the build) and its size and modification
 * time on disk (a bundle edited in place is another bundle), the Node and V8 versions, the
 * architecture and the V8 flags of the process (NODE_OPTIONS, node's own arguments, `v8Flags`:
 * those the process set for itself, v8-flags.ts). V8 refuses a cache made for other source
 * length, version or flags anyway; the name keeps caches for different settings from replacing
 * each other.
 */
export function cacheFileName(bundleHash: string, bundle: { size: number; mtimeMs: number }, env: NodeJS.ProcessEnv = process.env, v8Flags: readonly string[] = []): string {
  const runtime = [process.versions.node, process.versions.v8, process.arch, process.execArgv.join(" "), env.NODE_OPTIONS ?? "", v8Flags.join(" ")].join("\0");
  return `code-${bundleHash}-${fnv1a(`${bundle.size}:${bundle.mtimeMs}\0${runtime}`)}.bin`;
}

/**
 * The cache file's bytes when it can be trusted: a regular file of this user that no one else
 * may write (the cache holds code V8 runs).
 */
function readCache(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the cache through a temporary file renamed into place (never half a file), and keeps the newest few. */
function writeCache(dir: string, name: string, data: Buffer): void {
  makeDirectories(dir, 0o700);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data, { mode: 0o600, flag: "wx" });
    renameSync(temporary, join(dir, name));
  } finally {
    rmSync(temporary, { force: true });
  }
  const caches = readdirSync(dir)
    .filter((f) => f.startsWith("code-") && f.endsWith(".bin") && f !== name)
    .map((f) => ({ f, mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { f } of caches.slice(KEEP - 1)) rmSync(join(dir, f), { force: true });
}

/** The first words that run a command, not a lint: src/cli/run.ts dispatches on the same (its COMMAND_NAMES and `help`). */
export const COMMAND_WORDS: ReadonlySet<string> = new Set(["rules", "explain", "diagnose", "qos", "graph", "lsp", "help"]);

/**
 * Whether the command line runs a command, whose code is in k8s-lint-commands.cjs; a lint (and
 * `--version`, `--help` of the lint) runs k8s-lint.cjs, which leaves the commands out.
 */
export function runsCommand(args: readonly string[]): boolean {
  return args[0] !== undefined && COMMAND_WORDS.has(args[0]);
}

/**
 * Whether the run saves its bundle's cache: a lint or a command, not `--version` or a help text,
 * nor the language server (a long process, started once per editor session). The cache holds
 * what the run compiled and is kept while V8 accepts it, so one saved by `k8s-lint --version`
 * (the top level of the bundle only) would serve every later pre-commit run half as well as one
 * saved by a lint.
 */
export function savesCache(args: readonly string[]): boolean {
  if (args.includes("--help") || args.includes("-h")) return false;
  if (args[0] === "--version" || args[0] === "-v" || (args[0] === "version" && args.length === 1)) return false;
  return args[0] !== "help" && args[0] !== "lsp";
}

/**
 * Loads the bundle at `bundleUrl` and returns its exports, compiled with the code cache when
 * there is a valid one. `importModule` is the bin's own import(), which the bundle's run-time
 * imports go through; `v8Flags`, the flags the bin set (v8-flags.ts).
 */
export function loadBundle(bundleUrl: URL, bundleHash: string, importModule: (specifier: string) => Promise<unknown>, v8Flags: readonly string[] = []): BundleExports {
  const env = process.env;
  const file = fileURLToPath(bundleUrl);
  // ASCII (scripts/bundle.mjs): read byte for character, a one-byte string V8 takes as it is.
  const source = readFileSync(file, "latin1");
  let dir: string | undefined;
  let name = "";
  let cachedData: Buffer | undefined;
  try {
    dir = cacheDirectory(env);
    if (dir) {
      name = cacheFileName(bundleHash, statSync(file), env, v8Flags);
      cachedData = readCache(join(dir, name));
    }
  } catch {
    dir = undefined;
  }
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} as BundleExports };
  const bundle = script.runInThisContext() as BundleFunction;
  bundle.call(module.exports, module.exports, createRequire(bundleUrl), module, file, fileURLToPath(new URL(".", bundleUrl)), importModule);
  if (dir && (cachedData === undefined || script.cachedDataRejected) && savesCache(process.argv.slice(2))) {
    const cacheDir = dir;
    // At exit the cache holds the functions the run compiled too, not only the bundle's top level.
    process.once("exit", () => {
      try {
        if (!module.exports.v8FlagsChanged()) writeCache(cacheDir, name, script.createCachedData());
      } catch {
        // A read-only or full disk, a folder of another user: the next run compiles again.
      }
    });
  }
  return module.exports;
}
